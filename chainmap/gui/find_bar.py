"""Find (Ctrl+F): a bar over the canvas's top-right corner that finds segments by what a user
remembers of them (name, alias, tag, description, enterprise name or credit code, or the pinyin
of a Chinese name: "dldc" finds 动力电池), with :func:`chainmap.core.analysis.find.find`.

Typing searches (once typing pauses); every hit is outlined on the map (the overlay's ``found``
marks) and listed below the field. Enter or F3 steps to the next hit, Shift+Enter or Shift+F3
to the previous one: the step selects the hit and centres the map on it. Esc closes the bar
and drops the outlines. The map's names are turned into pinyin in small steps after a map is
shown (:class:`PinyinWarmer`, :data:`WARM_DELAY_MS` later), so the first search on a big map
does not wait for them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.analysis.find import Hit, find, fold_query, pinyin_keys
from chainmap.core.model import ChainMap, Node
from chainmap.render import idle_turns
from chainmap.render.overlay import MapOverlay

from .document import Document
from .widgets import MapListener, is_position_only_change, single_shot_timer

SEARCH_DELAY_MS = 200
WARM_CHUNK = 10  # names turned into pinyin between two looks at the clock
LIST_CHUNK = 2000  # segments whose names are listed between two looks at the clock
WARM_SLICE = 0.006  # seconds of warming per step (at most one step per pass of the event loop)
WARM_INTERVAL_MS = 15
WARM_DELAY_MS = 1500  # after a map is shown
STILL_MS = 1000  # pypinyin is imported once the canvas has not moved for this long
BAR_WIDTH = 420
MARGIN = 10
LIST_ROWS = 8


def field_label(field: str) -> str:
    """What a hit's field is called in the list of hits."""
    labels = {"name": QCoreApplication.translate("FindBar", "name"),
              "alias": QCoreApplication.translate("FindBar", "alias"),
              "pinyin": QCoreApplication.translate("FindBar", "pinyin"),
              "tag": QCoreApplication.translate("FindBar", "tag"),
              "enterprise": QCoreApplication.translate("FindBar", "enterprise"),
              "credit code": QCoreApplication.translate("FindBar", "credit code"),
              "description": QCoreApplication.translate("FindBar", "description")}
    return labels.get(field, field)


class _Segments:
    """Some of a map's segments, in file order, searched like a map."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes


class PinyinWarmer(QObject):
    """Works out the pinyin of a map's names and aliases ahead of the first search: pypinyin is
    imported in a worker thread, then names for :data:`WARM_SLICE` a step on the event loop, when
    it is this work's turn (:mod:`chainmap.render.idle_turns`).

    The find bar starts the import (:meth:`import_now`) once a map is shown and the canvas has
    been still for :data:`STILL_MS`: loading pypinyin's tables holds the interpreter for tens of
    milliseconds at a time even in a worker thread, which stalled the first pans of a
    100,000-segment map by 50–80 ms (and before the first paint it slowed the first frame)."""

    _pool: ThreadPoolExecutor | None = None
    _importing: Future[Any] | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts: list[str] = []
        self._nodes: Sequence[Node] = ()  # the map's segments whose names are still to list
        self._listed = 0  # how many of them are listed in _texts already
        self._import: Future[Any] | None = None
        self._timer = single_shot_timer(self, self._step, WARM_INTERVAL_MS)

    def import_now(self) -> None:
        """Start importing pypinyin in the worker thread (once per process)."""
        self._import = PinyinWarmer._import_in_background()

    @classmethod
    def _import_in_background(cls) -> Future[Any]:
        if cls._importing is None:
            if cls._pool is None:
                cls._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chainmap-pinyin")
            cls._importing = cls._pool.submit(__import__, "pypinyin")
        return cls._importing

    def start(self, chain_map: ChainMap | None) -> None:
        """Warm ``chain_map``'s names (``None``: stop)."""
        self._timer.stop()
        self._texts = []
        self._nodes = () if chain_map is None else chain_map.nodes
        self._listed = 0  # listed a step at a time too: 100,000 segments' names took 40 ms
        if self._nodes:
            self._timer.start()

    @property
    def done(self) -> bool:
        """True when every name is warmed."""
        return not self._texts and self._listed >= len(self._nodes)

    def _step(self) -> None:
        if self._import is None or not self._import.done():  # started by the find bar (import_now)
            self._timer.start()
            return
        if not idle_turns.may_run(self):
            self._timer.start()  # another piece of idle work ran in this pass of the event loop
            return
        started = time.perf_counter()
        try:
            nodes = self._nodes
            while self._listed < len(nodes) and time.perf_counter() - started < WARM_SLICE:
                listed = self._listed
                self._listed += LIST_CHUNK
                self._texts.extend(text for node in nodes[listed:self._listed]
                                   for text in (node.name, *node.aliases) if not text.isascii())
            while self._texts and time.perf_counter() - started < WARM_SLICE:
                chunk = self._texts[-WARM_CHUNK:]  # from the end: taking them off copies nothing else
                del self._texts[-WARM_CHUNK:]
                for text in chunk:
                    pinyin_keys(text)
        finally:
            idle_turns.ran()
        if not self.done:
            self._timer.start()


class FindBar(QFrame):
    """The find bar over ``canvas`` (its parent); ``overlay`` outlines the hits.

    :meth:`open` shows it with the field focused; :meth:`find_next` / :meth:`find_previous`
    step; :attr:`hits` are the current hits and :attr:`current` the index stepped to (-1: none).
    """

    def __init__(self, canvas: QWidget, overlay: MapOverlay) -> None:
        super().__init__(canvas)
        self.setObjectName("find_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.canvas = canvas
        self.overlay = overlay
        self.document: Document | None = None
        self.hits: list[Hit] = []
        self.current = -1
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self.warmer = PinyinWarmer(self)
        self._warm_later = single_shot_timer(self, self._warm, WARM_DELAY_MS)
        self._import_when_still = single_shot_timer(self, self.warmer.import_now, STILL_MS)
        if isinstance(canvas, QAbstractScrollArea):
            for bar in (canvas.horizontalScrollBar(), canvas.verticalScrollBar()):
                bar.valueChanged.connect(self._canvas_moved)
        zoomed = getattr(canvas, "zoom_changed", None)
        if zoomed is not None:
            zoomed.connect(self._canvas_moved)
        self._timer = single_shot_timer(self, self.search, SEARCH_DELAY_MS)
        self._narrow: tuple[str, set[str]] | None = None  # the last query and its hits

        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(QCoreApplication.translate(
            "FindBar", "Find: name, alias, pinyin (dldc), tag, enterprise, credit code"))
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setMinimumWidth(64)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        for text, tip, slot in (
                ("▲", QCoreApplication.translate("FindBar", "Previous hit (Shift+F3)"), self.find_previous),
                ("▼", QCoreApplication.translate("FindBar", "Next hit (Enter, F3)"), self.find_next),
                ("✕", QCoreApplication.translate("FindBar", "Close (Esc)"), self.close_bar)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
        self.results = QListWidget(self)
        self.results.setObjectName("find_results")
        self.results.itemClicked.connect(self._result_clicked)
        self.results.itemActivated.connect(self._result_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.results.hide()
        canvas.installEventFilter(self)
        self.hide()

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None) -> None:
        """Search ``document``'s map (``None``: nothing); the hits of the last map go."""
        self._listener.disconnect_all()
        self.document = document
        self._timer.stop()
        self._narrow = None
        self._set_hits([])
        if document is not None:
            self._listener.connect(document.chain_map, self._map_changed)
        # After the map is on screen and settled: the warm-up must not slow the first paint.
        self.warmer.start(None)
        if document is not None:
            if document.chain_map.nodes:  # not for the empty map a new window starts with
                self._import_when_still.start()
            self._warm_later.start()
        if self.isVisible() and self.field.text():
            self.search()

    def _canvas_moved(self, *_args: Any) -> None:
        if self._import_when_still.isActive():
            self._import_when_still.start()  # not while the user pans or zooms

    def _warm(self) -> None:
        if self.document is not None:
            self.warmer.start(self.document.chain_map)

    def _map_changed(self, *args: Any) -> None:
        if is_position_only_change(args):
            return
        self._narrow = None  # an edit may have made a segment match
        if self.isVisible() and self.field.text():
            self._timer.start()

    # ---------------------------------------------------------------- showing
    def open(self) -> None:
        """Show the bar (Ctrl+F) with its text selected, ready to type."""
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text() and not self.hits:
            self.search()

    def close_bar(self) -> None:
        """Hide the bar and drop the outlines (Esc)."""
        self._timer.stop()
        self.hide()
        self._set_hits([])
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        width = min(BAR_WIDTH, max(200, self.canvas.width() - 2 * MARGIN))
        self.resize(width, self.sizeHint().height())
        self.move(self.canvas.width() - width - MARGIN, MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.canvas and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self._step(-1 if back else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits:
                self._step(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # -------------------------------------------------------------- searching
    def search(self) -> None:
        """Search now for the field's text (typing searches by itself once it pauses). A query
        that extends the last one only looks among the last one's hits: every text holding
        "dldc" holds "dld", so typing on narrows the search instead of starting over."""
        self._timer.stop()
        if self.document is None:
            self._set_hits([])
            return
        chain_map = self.document.chain_map
        query = fold_query(self.field.text())
        last = self._narrow
        if last is not None and last[0] and last[0] in query:
            order = sorted(last[1], key=chain_map.node_index)
            hits = find(cast(ChainMap, _Segments([chain_map.node(node_id) for node_id in order])), query)
        else:
            hits = find(chain_map, query)
        self._narrow = (query, {hit.node_id for hit in hits})
        self._set_hits(hits)

    def _set_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.current = -1
        self.results.clear()
        chain_map = self.document.chain_map if self.document is not None else None
        for hit in hits:
            name = chain_map.node(hit.node_id).name if chain_map is not None else hit.node_id
            text = name if hit.field == "name" else QCoreApplication.translate(
                "FindBar", "{name}  ·  {field}: {text}").format(name=name, field=field_label(hit.field), text=hit.text)
            item = QListWidgetItem(" ".join(text.split()))
            item.setData(Qt.ItemDataRole.UserRole, hit.node_id)
            self.results.addItem(item)
        shown = min(LIST_ROWS, len(hits))
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setFixedHeight(self.results.sizeHintForRow(0) * shown + 2 * self.results.frameWidth() + 2)
        self.overlay.set_found(hit.node_id for hit in hits)
        self._show_count()
        if self.isVisible():
            self._place()

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(QCoreApplication.translate("FindBar", "none"))
        elif self.current < 0:
            self.count.setText(str(len(self.hits)))
        else:
            self.count.setText(QCoreApplication.translate("FindBar", "{current} / {count}").format(
                current=self.current + 1, count=len(self.hits)))

    # ---------------------------------------------------------------- stepping
    def find_next(self) -> None:
        """Step to the next hit (after the last, the first) and centre the map on it."""
        self._step(1)

    def find_previous(self) -> None:
        """Step to the previous hit (before the first, the last)."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._timer.isActive() or (not self.hits and self.field.text()):
            self.search()  # Enter straight after typing: the hits of what is typed
        if not self.hits:
            return
        if self.current < 0:
            self.current = 0 if direction > 0 else len(self.hits) - 1
        else:
            self.current = (self.current + direction) % len(self.hits)
        self._go(self.current)

    def _go(self, index: int) -> None:
        hit = self.hits[index]
        self.results.setCurrentRow(index)
        self._show_count()
        if self.document is not None and self.document.chain_map.has_node(hit.node_id):
            self.document.request_focus([("node", hit.node_id)])

    def _result_clicked(self, item: QListWidgetItem) -> None:
        self.current = self.results.row(item)
        self._go(self.current)
