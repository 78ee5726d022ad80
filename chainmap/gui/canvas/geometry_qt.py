"""Core geometry in Qt's types."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from chainmap.core.geometry import Rect


def to_qrectf(rect: Rect) -> QRectF:
    """A ``QRectF`` from a core :class:`~chainmap.core.geometry.Rect`."""
    return QRectF(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top)
