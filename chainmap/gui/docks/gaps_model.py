"""The gaps list's rows as plain data, and the table model the gaps dock shows them through.

A 20,000-segment map lists some 47,000 rows (240,000 at 100,000 segments): as widget items
(``QTreeWidgetItem``) each row cost a Qt object and a Python wrapper, clearing the list
stalled the editor, and the wrappers fed long collections of Python's garbage collector.
Here a row is a tuple of numbers and strings (``(file position, segment id)``, for a
complement ``(file position, supplier's rank, segment id, supplier)``), kept per list
(:class:`Block`) in the map's file order; what a row shows (names, statuses, plans) is read
from the model when the view paints it. The view is a table (:class:`GapsModel` is flat: a
header row before each list), so Qt never walks every row either; headers and complement
sentences span the whole row (drawn so by the dock's delegate).

A status change moves only the changed segment's rows (:meth:`GapsModel.update_segment`:
found by bisection, as the lists keep file order), a rename repaints them
(:meth:`GapsModel.segment_renamed`); anything else builds the lists again
(:func:`build_blocks`, in steps a big map's dock runs in idle slices) and swaps them in
(:meth:`GapsModel.set_blocks`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from chainmap.core import analysis
from chainmap.core.model import ChainMap, Node

from ..labels import STATUS_COLORS, action_text, priority_text, status_text
from ..parsing import join_list
from ..widgets import color_icon

REF_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2
"""True for a row drawn across every column (a header, a complement's sentence)."""
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3
"""A header's depth (0: a region or a list of the whole map; 1: a region's list); None for rows."""
OPEN_ROLE = Qt.ItemDataRole.UserRole + 4
"""A header's state: True when its rows are shown."""
# Targets last: the longest texts, so the short columns stay in view.
COLUMNS = (QT_TRANSLATE_NOOP("gaps", "Segment"), QT_TRANSLATE_NOOP("gaps", "Status"), QT_TRANSLATE_NOOP("gaps", "Action"), QT_TRANSLATE_NOOP("gaps", "Priority"), QT_TRANSLATE_NOOP("gaps", "Due"),
           QT_TRANSLATE_NOOP("gaps", "Owner"), QT_TRANSLATE_NOOP("gaps", "Target firms"))
TARGETS = COLUMNS.index("Target firms")
PART = 2000
"""Segments whose facts are read in one step of :func:`build_blocks`."""
_STEP = 5000  # rows made between steps
_CACHE = 4000  # rows whose texts are kept between paints

Row = tuple[Any, ...]


class Block:
    """One header and its rows: ``kind`` is ``"region"`` (a region's name, no rows of its
    own), ``"gap"`` / ``"complement"`` (region ``code``'s lists), ``"regional-gap"`` or
    ``"not-assessed"``; ``rows`` in file order."""

    __slots__ = ("kind", "code", "rows", "level", "shown")

    def __init__(self, kind: str, code: str | None, rows: list[Row] | None = None) -> None:
        self.kind = kind
        self.code = code
        self.rows: list[Row] = rows if rows is not None else []
        self.level = 1 if kind in ("gap", "complement") else 0
        self.shown = 1  # rows in the table: the header, and the rows if open

    @property
    def key(self) -> tuple[str, str | None]:
        return self.kind, self.code

    def span(self, position: int) -> tuple[int, int]:
        """Where segment rows of file ``position`` lie in :attr:`rows` (an empty range if none)."""
        rows = self.rows
        return bisect_left(rows, (position,)), bisect_left(rows, (position + 1,))


def region_rows(chain_map: ChainMap, code: str, nodes: Sequence[Node], rank: dict[str, int]) -> tuple[list[Row], list[Row]]:
    """The gap rows and the complement rows of region ``code`` for ``nodes`` (a part of the
    map, in file order)."""
    position = chain_map.node_index
    gaps = [(position(gap.node.id), gap.node.id) for gap in analysis.gaps_to_fill(chain_map, code, nodes)]
    complements = [(position(c.node.id), rank[c.supplier], c.node.id, c.supplier)
                   for c in analysis.complements(chain_map, code, nodes)]
    return gaps, complements


def map_rows(chain_map: ChainMap, kind: str, nodes: Sequence[Node]) -> list[Row]:
    """The regional-gap or not-assessed rows (``kind``) for ``nodes``."""
    position = chain_map.node_index
    found = analysis.regional_gaps(chain_map, nodes) if kind == "regional-gap" else analysis.not_assessed(chain_map, nodes)
    return [(position(node.id), node.id) for node in found]


def build_blocks(chain_map: ChainMap, view: str | None, into: list[Block]) -> Iterator[None]:
    """Fill ``into`` with the lists of ``view`` (a region code, or None for all regions),
    yielding between parts of :data:`PART` segments, so a big map's lists are made in idle
    slices; ``into`` is complete when the iterator ends."""
    codes = [view] if view is not None and chain_map.has_region(view) else chain_map.region_codes()
    rank = {code: index for index, code in enumerate(chain_map.region_codes())}
    nodes = chain_map.nodes
    parts = [nodes[start:start + PART] for start in range(0, len(nodes), PART)]
    for code in codes:
        gaps, complements = Block("gap", code), Block("complement", code)
        for part in parts:
            yield
            part_gaps, part_complements = region_rows(chain_map, code, part, rank)
            gaps.rows += part_gaps
            complements.rows += part_complements
        into += [Block("region", code), gaps, complements]
    for kind in ("regional-gap", "not-assessed"):
        block = Block(kind, None)
        for part in parts:
            yield
            block.rows += map_rows(chain_map, kind, part)
        into.append(block)


class GapsModel(QAbstractTableModel):
    """The gaps list of one map as a flat table: each :class:`Block`'s header row, then its
    rows unless the header is closed (:meth:`toggle`). ``row_keys``/``row_texts`` read it for
    tests and reports."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._map: ChainMap | None = None
        self._blocks: list[Block] = []
        self._starts: list[int] = []
        self._total = 0
        self._closed: set[tuple[str, str | None]] = set()
        self._rank: dict[str, int] = {}
        self._cache: dict[int, tuple[Block, int, list[str]]] = {}
        self._tip = ""
        self._bold = QFont()
        self._bold.setBold(True)

    # ----------------------------------------------------------------- content
    def set_blocks(self, chain_map: ChainMap | None, blocks: list[Block]) -> None:
        """Show ``blocks`` (made by :func:`build_blocks` from ``chain_map``): a reset of the
        table, which costs the view nothing per row."""
        self.beginResetModel()
        self._map = chain_map
        self._blocks = blocks
        self._rank = {code: index for index, code in enumerate(chain_map.region_codes())} if chain_map else {}
        self._tip = QCoreApplication.translate("gaps", "Click to show this segment on the map")
        self._lay_out()
        self.endResetModel()

    @property
    def blocks(self) -> list[Block]:
        return self._blocks

    def _lay_out(self) -> None:
        self._cache.clear()
        starts: list[int] = []
        total = 0
        closed = self._closed
        for block in self._blocks:
            starts.append(total)
            if block.level == 1 and ("region", block.code) in closed:
                block.shown = 0
            else:
                block.shown = 1 + len(block.rows) if self._open(block) else 1
            total += block.shown
        self._starts = starts
        self._total = total

    def _open(self, block: Block) -> bool:
        """Whether ``block``'s rows are in the table (its header and its region's are open)."""
        closed = self._closed
        return (block.kind != "region" and block.key not in closed
                and not (block.level == 1 and ("region", block.code) in closed))

    def _locate(self, row: int) -> tuple[Block, int]:
        """The block of table row ``row`` and the row's index in it (-1: its header)."""
        index = bisect_right(self._starts, row) - 1
        return self._blocks[index], row - self._starts[index] - 1

    def toggle(self, row: int) -> None:
        """Open or close the header at table row ``row`` (a region's header hides its lists)."""
        block, index = self._locate(row)
        if index != -1 or (block.kind != "region" and not block.rows):
            return
        self.beginResetModel()
        self._closed ^= {block.key}
        self._lay_out()
        self.endResetModel()

    # --------------------------------------------------------- partial updates
    def update_segment(self, node: Node) -> None:
        """Segment ``node``'s regions changed: its rows leave or join each list (found by
        bisection on its file position), the headers' counts follow."""
        chain_map = self._map
        if chain_map is None:
            return
        position = chain_map.node_index(node.id)
        nodes = [node]
        for number, block in enumerate(self._blocks):
            if block.kind == "region":
                continue
            if block.kind == "gap":
                new = region_rows(chain_map, block.code or "", nodes, self._rank)[0]
            elif block.kind == "complement":
                new = region_rows(chain_map, block.code or "", nodes, self._rank)[1]
            else:
                new = map_rows(chain_map, block.kind, nodes)
            low, high = block.span(position)
            old = block.rows[low:high]
            if old == new:
                self._repaint(number, low, high)
                continue
            self._replace(number, low, high, new)

    def _replace(self, number: int, low: int, high: int, new: list[Row]) -> None:
        block = self._blocks[number]
        shows_rows = self._open(block)
        first = self._starts[number] + 1 + low
        self._cache.clear()
        if shows_rows and high > low:
            self.beginRemoveRows(QModelIndex(), first, first + high - low - 1)
            del block.rows[low:high]
            self._lay_out()
            self.endRemoveRows()
        else:
            del block.rows[low:high]
        if shows_rows and new:
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            block.rows[low:low] = new
            self._lay_out()
            self.endInsertRows()
        else:
            block.rows[low:low] = new
        self._lay_out()
        header = self.index(self._starts[number], 0)
        self.dataChanged.emit(header, header)  # its count

    def _repaint(self, number: int, low: int, high: int) -> None:
        block = self._blocks[number]
        if high > low and self._open(block):
            self._cache.clear()
            first = self._starts[number] + 1
            self.dataChanged.emit(self.index(first + low, 0), self.index(first + high - 1, len(COLUMNS) - 1))

    def segment_renamed(self, node: Node) -> None:
        """Segment ``node`` has a new name: repaint its rows (they read the name when shown)."""
        if self._map is None:
            return
        position = self._map.node_index(node.id)
        for number, block in enumerate(self._blocks):
            self._repaint(number, *block.span(position))

    # ----------------------------------------------------------------- reading
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("gaps", str(COLUMNS[section]))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        _block, row = self._locate(index.row())
        if row < 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._map is None:
            return None
        block, row, texts = self._texts(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[column]
        if row < 0:
            return self._header_data(block, column, role)
        entry = block.rows[row]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(block, entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip
        if role == KEY_ROLE:
            return self.key(block, entry)
        if role == REF_ROLE:
            return "node", entry[2] if block.kind == "complement" else entry[1]
        if role == SPAN_ROLE:
            return block.kind == "complement"
        return None

    def _header_data(self, block: Block, column: int, role: int) -> Any:
        if role == SPAN_ROLE:
            return True
        if role == LEVEL_ROLE:
            return block.level
        if role == OPEN_ROLE:  # None: nothing to fold
            return None if block.kind != "region" and not block.rows else block.key not in self._closed
        if column != 0:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if block.kind == "region" and self._map is not None and self._map.has_region(block.code or ""):
            color = self._map.region(block.code or "").color
            if role == Qt.ItemDataRole.DecorationRole:
                return color_icon(color)
            if role == Qt.ItemDataRole.ForegroundRole and color is not None:
                return QBrush(QColor(color).darker(130))
        return None

    def _foreground(self, block: Block, entry: Row, column: int) -> QBrush | None:
        if column == 1 and block.kind != "complement":
            return QBrush(QColor(STATUS_COLORS.get(self._status(block, entry), "#000000")))
        if column == 2 and block.kind == "gap":
            node = self._node(entry[1])
            item = node.regions.get(block.code or "") if node is not None else None
            if item is None or item.plan is None:
                return QBrush(QColor(STATUS_COLORS["gap"]))
        return None

    def _node(self, node_id: str) -> Node | None:
        chain_map = self._map
        return chain_map.node(node_id) if chain_map is not None and chain_map.has_node(node_id) else None

    def _status(self, block: Block, entry: Row) -> str:
        node = self._node(entry[1])
        if node is None:
            return "unknown"
        if block.kind == "gap":
            return analysis.region_status(node, block.code or "")
        if block.kind == "regional-gap":
            return analysis.regional_status(node)
        return "unknown"

    def _texts(self, table_row: int) -> tuple[Block, int, list[str]]:
        cached = self._cache.get(table_row)
        if cached is not None:
            return cached
        block, row = self._locate(table_row)
        texts = self._header_texts(block) if row < 0 else self._row_texts(block, block.rows[row])
        if len(self._cache) >= _CACHE:
            self._cache.clear()
        cached = self._cache[table_row] = (block, row, texts)
        return cached

    def _header_texts(self, block: Block) -> list[str]:
        texts = [""] * len(COLUMNS)
        n = len(block.rows)
        chain_map = self._map
        if block.kind == "region":
            code = block.code or ""
            texts[0] = chain_map.region(code).name if chain_map is not None and chain_map.has_region(code) else code
        elif block.kind == "gap":
            texts[0] = QCoreApplication.translate("gaps", "Gaps to fill ({n})").format(n=n)
        elif block.kind == "complement":
            texts[0] = QCoreApplication.translate("gaps", "Regional complements ({n})").format(n=n)
        elif block.kind == "regional-gap":
            texts[0] = QCoreApplication.translate("gaps", "Regional gaps: joint investment targets ({n})").format(n=n)
        else:
            texts[0] = QCoreApplication.translate("gaps", "Not assessed ({n})").format(n=n)
        return texts

    def _row_texts(self, block: Block, entry: Row) -> list[str]:
        texts = [""] * len(COLUMNS)
        chain_map = self._map
        node = self._node(entry[2] if block.kind == "complement" else entry[1])
        if node is None or chain_map is None:
            return texts
        if block.kind == "complement":
            supplier, code = entry[3], block.code or ""
            status = status_text(analysis.region_status(node, supplier))
            texts[0] = f"{chain_map.region(supplier).name} ({status}) → {chain_map.region(code).name}: {node.name}"
            return texts
        texts[0] = node.name
        texts[1] = status_text(self._status(block, entry))
        if block.kind == "gap":
            item = node.regions.get(block.code or "")
            plan = item.plan if item is not None else None
            if plan is None:
                texts[2] = QCoreApplication.translate("gaps", "— no plan")
            else:
                texts[2:] = [action_text(plan.action), priority_text(plan.priority), plan.due or "", plan.owner or "",
                             join_list(plan.targets)]
        elif block.kind == "regional-gap":
            targets = [t for e in node.regions.values() if e.plan is not None for t in e.plan.targets]
            texts[TARGETS] = join_list(dict.fromkeys(targets))
        return texts

    @staticmethod
    def key(block: Block, entry: Row) -> tuple[str, ...]:
        """A row's key: ``("gap", region, id)``, ``("complement", region, supplier, id)``,
        ``("regional-gap", id)`` or ``("not-assessed", id)``."""
        if block.kind == "complement":
            return "complement", block.code or "", entry[3], entry[2]
        if block.kind == "gap":
            return "gap", block.code or "", entry[1]
        return block.kind, entry[1]

    def row_keys(self) -> list[tuple[str, ...]]:
        """The keys of every listed row (closed headers' included), top to bottom."""
        return [self.key(block, entry) for block in self._blocks for entry in block.rows]

    def table_row(self, key: tuple[str, ...]) -> int | None:
        """The table row showing the row ``key`` (None if not listed or under a closed header)."""
        if self._map is None:
            return None
        kind = key[0]
        node_id = key[-1]
        if not self._map.has_node(node_id):
            return None
        position = self._map.node_index(node_id)
        for number, block in enumerate(self._blocks):
            if block.kind != kind or (kind in ("gap", "complement") and block.code != key[1]) or not self._open(block):
                continue
            low, high = block.span(position)
            for index in range(low, high):
                if self.key(block, block.rows[index]) == tuple(key):
                    return self._starts[number] + 1 + index
        return None

    def row_texts(self, table_row: int) -> list[str]:
        """What table row ``table_row`` shows in each column."""
        return list(self._texts(table_row)[2])

    def fit_texts(self, table_row: int) -> list[str] | None:
        """What table row ``table_row`` shows in each column (the list kept for painting: not
        to be changed), or None for a row drawn across the table (a header, a complement's
        sentence), which sizes no column."""
        block, row, texts = self._texts(table_row)
        return None if row < 0 or block.kind == "complement" else texts

    def is_header(self, table_row: int) -> bool:
        return self._locate(table_row)[1] < 0
