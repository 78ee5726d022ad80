"""View > Compare with…: what changed from another map file to this one.

:func:`chainmap.core.diff.diff_maps` (other → this) gives the changes. Items this map has
that the other lacks are marked ``added`` on the canvas, items that differ ``changed``
(``scene.set_marked``). Removed items are not in this map, so they have no item: they are
listed, and removed segments are drawn as dashed "ghost" outlines at their old positions
(overlay items the scene does not own; nothing here touches a map item). The dock
(objectName ``compare``) lists every change; clicking a line centres the canvas on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.diff import ADDED, CHANGED, REMOVED, Change, diff_maps
from chainmap.core.format.fileio import load_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.model import ChainMap
from chainmap.render import style

from ..document import Document
from ..widgets import ErrorLabel, MapListener, single_shot_timer

REF_KINDS = {"segment": "node", "link": "edge", "note": "note", "tier": "tier"}
ROW_ROLE = Qt.ItemDataRole.UserRole
GHOST_Z = 5.0  # above the tier bands, below the boxes



class GhostItem(QGraphicsItem):
    """A removed segment's outline at its old place: dashed, named, not selectable."""

    def __init__(self, name: str, x: float, y: float) -> None:
        super().__init__()
        self.name = name
        self.setPos(x, y)
        self.setZValue(GHOST_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(QCoreApplication.translate("compare", "Removed: {name}").format(name=name))
        self._rect = QRectF(-SEGMENT_WIDTH / 2, -SEGMENT_HEIGHT / 2, SEGMENT_WIDTH, SEGMENT_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        colour = QColor(style.ROLE_COLOURS["removed"])
        pen = QPen(colour, 2.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(28)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setFont(style.map_font(13))
        painter.drawText(self._rect.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         f"− {self.name}")


class CompareDock(QDockWidget):
    """The changes from another map to this one, and their marks on the canvas.

    :meth:`compare_with` (a path or a loaded map) compares; :meth:`clear` ends it;
    :meth:`changes` and :meth:`row_texts` say what is listed; :meth:`activate_row` is a click.
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("compare", "Compare"), parent)
        self.setObjectName("compare")
        self.document: Document | None = None
        self.scene: Any = None
        self.canvas: Any = None
        self.other_name = ""
        self._changes: list[Change] = []
        self._ghosts: dict[str, GhostItem] = {}
        self._other: ChainMap | None = None
        # Edits during a comparison: compare again once the burst of changes is over.
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self._timer = single_shot_timer(self, self.recompare)
        body = QWidget(self)
        self.heading = QLabel(QCoreApplication.translate("compare", "No comparison. Use View > Compare with…"), body)
        self.heading.setWordWrap(True)
        self.list = QListWidget(body)
        self.list.setObjectName("compare_list")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(lambda item: self.activate_row(self.list.row(item)))
        self.list.itemActivated.connect(lambda item: self.activate_row(self.list.row(item)))
        self.error = ErrorLabel(body)
        self.clear_button = QPushButton(QCoreApplication.translate("compare", "Clear comparison"), body)
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.setWidget(body)
        self.set_document(document)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None, scene: Any = None, canvas: Any = None) -> None:
        """Follow another map: a comparison belongs to the map it was made on, so it ends."""
        self.clear()
        self._listener.disconnect_all()
        self.document, self.scene, self.canvas = document, scene, canvas
        if document is not None:
            self._listener.connect(document.chain_map, self._schedule)

    def _schedule(self, *_args: Any) -> None:
        if self._other is not None:
            self._timer.start()

    def recompare(self) -> None:
        """Compare again with the same map (after this one was edited)."""
        self._timer.stop()
        if self._other is not None:
            self.compare_with(self._other, self.other_name)

    @property
    def active(self) -> bool:
        return bool(self.other_name)

    # -------------------------------------------------------------- comparing
    def compare_with(self, other: str | Path | ChainMap, name: str | None = None) -> bool:
        """Compare this map with ``other`` (a file, or a map): list and mark the changes.
        A file that cannot be read is reported here, with the loader's problems."""
        if self.document is None:
            return False
        if not isinstance(other, ChainMap):
            path = Path(other)
            try:
                other_map = load_map(path).map
            except MapLoadError as exc:
                self.error.show_error(exc.describe())
                return False
            name = name or path.name
        else:
            other_map = other
            name = name or other.title
        self.clear()
        self._other = other_map
        self.other_name = name
        self._changes = diff_maps(other_map, self.document.chain_map)
        self._fill()
        self._mark(other_map)
        return True

    def changes(self) -> list[Change]:
        return list(self._changes)

    def row_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def removed_names(self) -> list[str]:
        """The whole items the other map has and this one lacks, as listed."""
        return [c.name for c in self._changes if c.action == REMOVED and not c.field]

    def ghosts(self) -> dict[str, GhostItem]:
        return dict(self._ghosts)

    def _fill(self) -> None:
        self.list.clear()
        colours = {ADDED: style.ROLE_COLOURS["added"], REMOVED: style.ROLE_COLOURS["removed"],
                   CHANGED: style.ROLE_COLOURS["changed"]}
        for index, change in enumerate(self._changes):
            item = QListWidgetItem(change.describe(), self.list)
            item.setData(ROW_ROLE, index)
            item.setForeground(QBrush(colours[change.action].darker(115)))
            item.setToolTip(change.describe())
        items = [c for c in self._changes if c.what not in ("conflict", "map")]
        added = sum(1 for c in items if c.action == ADDED and not c.field)
        removed = sum(1 for c in items if c.action == REMOVED and not c.field)
        changed = len({(c.what, c.id) for c in items if c.field})
        self.heading.setText(
            QCoreApplication.translate("compare", "From {other} to this map: {added} added, {removed} removed, {changed} changed "
               "({n} differences)").format(other=self.other_name, added=added, removed=removed,
                                          changed=changed, n=len(self._changes)))

    def _refs(self, action: str) -> set[tuple[str, str]]:
        refs = set()
        for change in self._changes:
            kind = REF_KINDS.get(change.what)
            if kind is None:
                continue
            whole = not change.field
            if (action == ADDED and whole and change.action == ADDED) or (action == CHANGED and not whole):
                refs.add((kind, change.id))
        return refs

    def _mark(self, other_map: ChainMap) -> None:
        if self.scene is None:
            return
        added = self._refs(ADDED)
        self.scene.set_marked(added, "added")
        self.scene.set_marked(self._refs(CHANGED) - added, "changed")
        for change in self._changes:
            if change.action != REMOVED or change.field or change.what != "segment":
                continue
            if not other_map.has_node(change.id):
                continue
            node = other_map.node(change.id)
            if node.x is None or node.y is None:
                continue
            ghost = GhostItem(node.name, node.x, node.y)
            self.scene.addItem(ghost)
            self._ghosts[change.id] = ghost

    def clear(self) -> None:
        """End the comparison: no marks, no ghosts, an empty list."""
        if self.scene is not None:
            self.scene.set_marked([], "added")
            self.scene.set_marked([], "changed")
            for ghost in self._ghosts.values():
                if ghost.scene() is self.scene:
                    self.scene.removeItem(ghost)
        self._ghosts.clear()
        self._timer.stop()
        self._other = None
        self._changes = []
        self.other_name = ""
        self.list.clear()
        self.error.show_error(None)
        self.heading.setText(QCoreApplication.translate("compare", "No comparison. Use View > Compare with…"))

    # -------------------------------------------------------------- clicking
    def activate_row(self, row: int) -> None:
        """Centre the canvas on the change of ``row``: its item, or its ghost."""
        if self.document is None or not 0 <= row < len(self._changes):
            return
        change = self._changes[row]
        kind = REF_KINDS.get(change.what)
        if change.action == REMOVED and not change.field:
            ghost = self._ghosts.get(change.id)
            if ghost is not None and self.canvas is not None:
                self.canvas.centerOn(ghost)
            return
        if kind is not None and self.document.has_item((kind, change.id)):
            self.document.request_focus([(kind, change.id)])
