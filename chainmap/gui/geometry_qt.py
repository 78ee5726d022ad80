"""Core geometry in Qt's types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF


def to_qrectf(rect: Any) -> QRectF | None:
    """A ``QRectF`` from a Qt rect or a core :class:`~chainmap.core.geometry.Rect`."""
    if rect is None:
        return None
    if isinstance(rect, QRectF):
        return QRectF(rect)
    return QRectF(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top)
