"""Trace Upstream / Trace Downstream (Map menu, the canvas's context menu): everything a
segment depends on, or everything that depends on it, along the links; the rest of the map
fades (the overlay's ``trace`` layer). Esc on the canvas clears the trace.

Upstream and downstream are the link graph's ancestors and descendants
(:class:`chainmap.core.analysis.ChainAnalysis`: every link kind counts, sub-segments take part
through their own links). The trace follows the map: it is worked out again :data:`RETRACE_MS`
after a segment or link is added, removed or relinked, and ends when its segment is deleted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from chainmap.render.overlay import MapOverlay

from .document import Document
from .widgets import MapListener, single_shot_timer

LAYER = "trace"
# The events that change the link graph (a segment's name or statuses do not).
STRUCTURE_EVENTS = ("node_added", "node_removed", "edge_added", "edge_changed", "edge_removed", "reset")
RETRACE_MS = 300
UPSTREAM, DOWNSTREAM = "upstream", "downstream"


class Trace(QObject):
    """The trace of one window. ``changed(str)`` carries the status line (empty: no trace).

    :meth:`trace` starts one (on the selected segment by default), :meth:`clear` ends it;
    :attr:`segment` and :attr:`direction` say what is traced, :attr:`kept` which segments show.
    """

    changed = Signal(str)

    def __init__(self, overlay: MapOverlay, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.overlay = overlay
        self.document: Document | None = None
        self.segment: str | None = None
        self.direction: str | None = None
        self.kept: frozenset[str] = frozenset()
        self._graph: Any = None  # the link graph, kept until the links or segments change
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self._timer = single_shot_timer(self, self._retrace, RETRACE_MS)

    @property
    def active(self) -> bool:
        return self.segment is not None

    def set_document(self, document: Document | None) -> None:
        """Follow ``document`` (``None``: none); a trace of the last map ends."""
        self._listener.disconnect_all()
        self.document = document
        self._graph = None
        self._drop()
        if document is not None:
            self._listener.connect(document.chain_map, self._links_changed, STRUCTURE_EVENTS)

    def selected_segment(self) -> str | None:
        """The segment a trace would start from: the only (or first) selected segment."""
        if self.document is None:
            return None
        return next((item_id for kind, item_id in self.document.selection if kind == "node"), None)

    def trace(self, direction: str, segment: str | None = None) -> bool:
        """Trace ``direction`` (``"upstream"`` or ``"downstream"``) from ``segment`` (default: the
        selected one); False, with a status message, when there is no segment to trace from."""
        segment = segment or self.selected_segment()
        if self.document is None or segment is None or not self.document.chain_map.has_node(segment):
            if self.document is not None:
                self.document.status_message.emit(
                    QCoreApplication.translate("Trace", "Select a segment first: a trace follows the links from one segment."))
            return False
        self.segment, self.direction = segment, direction
        self._retrace()
        return True

    def trace_upstream(self) -> bool:
        """Trace upstream of the selected segment."""
        return self.trace(UPSTREAM)

    def trace_downstream(self) -> bool:
        """Trace downstream of the selected segment."""
        return self.trace(DOWNSTREAM)

    def clear(self) -> None:
        """End the trace: the whole map shows again."""
        if self.active:
            self._drop()

    def _drop(self) -> None:
        self._timer.stop()
        was = self.active
        self.segment = self.direction = None
        self.kept = frozenset()
        self.overlay.set_layer(LAYER, None)
        if was:
            self.changed.emit("")

    def _links_changed(self, *_args: Any) -> None:
        self._graph = None
        if self.active:
            self._timer.start()

    def _retrace(self) -> None:
        if self.document is None or self.segment is None:
            return
        chain_map = self.document.chain_map
        if not chain_map.has_node(self.segment):
            self._drop()
            return
        # networkx is imported at the first trace: opening the editor need not wait for it.
        import networkx as nx

        from chainmap.core.analysis.graph import link_graph

        if self._graph is None:
            self._graph = link_graph(chain_map)
        graph = self._graph
        found = nx.ancestors(graph, self.segment) if self.direction == UPSTREAM else nx.descendants(graph, self.segment)
        self.kept = frozenset({self.segment, *found})
        self.overlay.set_layer(LAYER, self.kept)
        self.changed.emit(self.status_text())

    def status_text(self) -> str:
        """What the trace shows, in words (empty when none)."""
        if self.document is None or self.segment is None:
            return ""
        name = self.document.chain_map.node(self.segment).name
        count = len(self.kept) - 1
        text = (QCoreApplication.translate("Trace", "Upstream of {name}: {count} segments — Esc clears") if self.direction == UPSTREAM
                else QCoreApplication.translate("Trace", "Downstream of {name}: {count} segments — Esc clears"))
        return text.format(name=name, count=count)

    # ----------------------------------------------------------------- Esc
    def watch_escape(self, widget: QWidget) -> None:
        """Let Esc on ``widget`` (the canvas) clear the trace, when one is shown and the canvas
        has no drag or rename going on (Esc cancels that first)."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and self.active and not _busy(watched)):
            self.clear()
            return True
        return super().eventFilter(watched, event)


def _busy(canvas: QObject) -> bool:
    """True while the canvas has an interaction (a drag, a link being drawn) that Esc cancels."""
    return getattr(canvas, "interaction", None) is not None
