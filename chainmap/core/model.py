"""The chain-map model: plain Python objects for every part of format version 1.

The value objects (:class:`Region`, :class:`Tier`, :class:`Enterprise`, :class:`Plan`,
:class:`RegionEntry`, :class:`Flow`) and the items (:class:`Node`, :class:`Edge`,
:class:`Note`, :class:`Conflict`) are dataclasses, defined in :mod:`chainmap.core.parts` and
re-exported here. Items are owned by a :class:`ChainMap`, and
are changed only through its mutators, which check the invariants, raise :class:`ModelError`
with a sentence a user understands when an edit is refused, and announce every change on
``ChainMap.events``. Field values handed to a mutator are copied, so an undo command may
keep the value it passed in.

Keys a version does not know are kept in each object's ``extra`` dict and written back.

Glossary (the model's names and the words the editor, the CLI and the spec use):

- :class:`Node` = a **segment** (环节), an element of the chain; ``nodes`` in the file.
- :class:`Edge` = a **link** (链接) from one segment to another; ``edges`` in the file.
- :class:`Note` = a note; :class:`Tier` = a tier (the bands upstream to downstream);
  :class:`Region` = a region (北京, 天津, 河北) with its :class:`RegionEntry` on each segment.
- A reference to any of them is a ``(kind, id)`` pair, :data:`chainmap.core.refs.Ref`, with the
  kinds ``node``, ``edge``, ``note``, ``tier`` and ``region``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from .events import MapEvents
from .ids import COLOR_PATTERN, is_valid_id, is_valid_region_code
from .messages import N_, msg, word
from .parts import (
    ABSENT,
    Conflict,
    ConflictValue,
    Edge,
    Enterprise,
    Flow,
    ModelError,
    Node,
    Note,
    Plan,
    Region,
    RegionEntry,
    Tier,
)
from .refs import EDGE, NODE, NOTE, REGION, TIER, Ref
from .value_checks import due_problem, is_finite_number
from .vocabulary import ACTIONS, MAX_NAME_LENGTH, PRIORITIES, STATUSES

__all__ = [
    "ABSENT", "ChainMap", "Conflict", "ConflictValue", "Edge", "Enterprise", "Flow", "ModelError",
    "Node", "Note", "Plan", "Ref", "Region", "RegionEntry", "Removal", "Tier",
]


# Fields a mutator may change, per item type (ids never change).
NODE_FIELDS = tuple(f.name for f in fields(Node) if f.name != "id")
EDGE_FIELDS = tuple(f.name for f in fields(Edge) if f.name != "id")
NOTE_FIELDS = tuple(f.name for f in fields(Note) if f.name != "id")
MAP_FIELDS = ("title", "chain", "lead", "owner")


# Whose field a refusal names, said in the reader's language when it is worded.
WHOSE = (N_("A segment's"), N_("A region entry's"), N_("An enterprise's"), N_("A plan's"), N_("A link's"),
         N_("A flow's"))


def _texts(whose: str, **fields: Any) -> None:
    """Refuse a field that is neither text nor None (a value from a conflict may be anything):
    the validator would refuse the file it makes."""
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ModelError(msg("{whose} {name} must be text.", whose=word(whose), name=name))


def _text_lists(whose: str, **fields: Any) -> None:
    """Refuse a field that is not a list of texts."""
    for name, value in fields.items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ModelError(msg("{whose} {name} must be a list of texts.", whose=word(whose), name=name))


@dataclass
class Removal:
    """Everything :meth:`ChainMap.remove` (or :meth:`ChainMap.remove_node`) took away, with the
    tombstones it added, so that :meth:`ChainMap.restore` puts it back exactly."""

    nodes: list[tuple[int, Node]] = field(default_factory=list)
    edges: list[tuple[int, Edge]] = field(default_factory=list)
    detached_notes: list[tuple[str, str]] = field(default_factory=list)  # (note id, node id it pointed at)
    tombstones: list[str] = field(default_factory=list)
    notes: list[tuple[int, Note]] = field(default_factory=list)


class _ItemList:
    """An ordered list of items with an id index; the order is the file's order."""

    __slots__ = ("items", "index")

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.index: dict[str, Any] = {}

    def position(self, item_id: str) -> int:
        item = self.index[item_id]
        # Identity search: dataclass equality would compare whole items.
        for i, candidate in enumerate(self.items):
            if candidate is item:
                return i
        raise KeyError(item_id)  # pragma: no cover - index and list always agree

    def insert(self, item: Any, index: int | None) -> int:
        if index is None or index >= len(self.items):
            self.items.append(item)
            index = len(self.items) - 1
        else:
            self.items.insert(max(index, 0), item)
            index = max(index, 0)
        self.index[item.id] = item
        return index

    def pop(self, item_id: str) -> tuple[int, Any]:
        index = self.position(item_id)
        item = self.items.pop(index)
        del self.index[item_id]
        return index, item


class _LinksAt:
    """Each segment's links (their ids, in file order), for :meth:`ChainMap.edges_of`.

    Made in one piece from the links as they are: every link's id twice (under its source,
    then its target), grouped by segment, with where each segment's group starts and ends.
    It holds a few big containers and no small ones: a list per segment (100,000 of them)
    set Python's collector walking the whole map right after (0.3 s of 0.4). Links added
    after it, as the last link, are noted apart; a removed one is blanked out."""

    __slots__ = ("_start", "_end", "_ids", "_added")

    def __init__(self, edges: Sequence[Any]) -> None:
        degree: dict[str, int] = {}
        for edge in edges:
            degree[edge.source] = degree.get(edge.source, 0) + 1
            degree[edge.target] = degree.get(edge.target, 0) + 1
        start: dict[str, int] = {}
        filled = 0
        for node_id, count in degree.items():
            start[node_id] = filled
            filled += count
        end = dict(start)  # the next free place of each group while filling: its end after
        ids: list[str | None] = [None] * filled
        for edge in edges:
            for node_id in (edge.source, edge.target):
                place = end[node_id]
                ids[place] = edge.id
                end[node_id] = place + 1
        self._start, self._end, self._ids = start, end, ids
        self._added: dict[str, list[str]] = {}

    def of(self, node_id: str) -> list[str]:
        """The ids of ``node_id``'s links, in file order."""
        first = self._start.get(node_id)
        found = [] if first is None else [i for i in self._ids[first:self._end[node_id]] if i is not None]
        added = self._added.get(node_id)
        return found + added if added else found

    def add(self, edge: Any) -> None:
        """``edge`` was added as the last link."""
        for node_id in (edge.source, edge.target):
            self._added.setdefault(node_id, []).append(edge.id)

    def remove(self, edge: Any) -> None:
        """``edge`` was removed."""
        for node_id in (edge.source, edge.target):
            added = self._added.get(node_id)
            if added and edge.id in added:
                added.remove(edge.id)
                continue
            first = self._start.get(node_id)
            if first is not None:
                ids = self._ids
                for place in range(first, self._end[node_id]):
                    if ids[place] == edge.id:
                        ids[place] = None
                        break


class ChainMap:
    """One chain map: metadata, regions, tiers, segments, links, notes, conflicts.

    Read through the properties and look-ups; change only through the mutators, which
    announce each change on :attr:`events`. The ``add_*`` mutators copy the object they
    are given, unless ``take=True`` hands it over (for builders that drop their reference).
    """

    def __init__(
        self,
        id: str,
        title: str,
        chain: str,
        *,
        lead: str | None = None,
        owner: str | None = None,
        regions: Iterable[Region] = (),
        tiers: Iterable[Tier] = (),
        meta: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.events = MapEvents()
        self._id = id
        self._title = title
        self._chain = chain
        self._lead: str | None = None
        self._owner: str | None = None
        self._regions: list[Region] = []
        self._tiers = _ItemList()
        self._nodes = _ItemList()
        self._edges = _ItemList()
        self._notes = _ItemList()
        self._children: dict[str, list[str]] = {}
        self._node_order: dict[str, int] | None = None  # id -> index, rebuilt lazily
        self._links_at: _LinksAt | None = None  # each segment's links, made again when needed
        self._conflicts: list[Conflict] = []
        self._deleted: list[str] = []
        self.meta: dict[str, Any] = dict(meta or {})
        self.extra: dict[str, Any] = dict(extra or {})
        for region in regions:
            self.add_region(region)
        for tier in tiers:
            self.add_tier(tier)
        self.update_map(lead=lead, owner=owner)

    # ----------------------------------------------------------------- reading
    @property
    def id(self) -> str:
        return self._id

    @property
    def title(self) -> str:
        return self._title

    @property
    def chain(self) -> str:
        return self._chain

    @property
    def lead(self) -> str | None:
        return self._lead

    @property
    def owner(self) -> str | None:
        return self._owner

    @property
    def regions(self) -> Sequence[Region]:
        """The regions in display order (do not mutate; use the mutators)."""
        return self._regions

    @property
    def tiers(self) -> Sequence[Tier]:
        return self._tiers.items

    @property
    def nodes(self) -> Sequence[Node]:
        return self._nodes.items

    @property
    def edges(self) -> Sequence[Edge]:
        return self._edges.items

    @property
    def notes(self) -> Sequence[Note]:
        return self._notes.items

    @property
    def conflicts(self) -> Sequence[Conflict]:
        return self._conflicts

    @property
    def deleted(self) -> Sequence[str]:
        return self._deleted

    def region(self, code: str) -> Region:
        for region in self._regions:
            if region.code == code:
                return region
        raise KeyError(code)

    def region_codes(self) -> list[str]:
        return [region.code for region in self._regions]

    def has_region(self, code: str) -> bool:
        return any(region.code == code for region in self._regions)

    def tier(self, tier_id: str) -> Tier:
        return self._tiers.index[tier_id]

    def tier_index(self, tier_id: str) -> int:
        return self._tiers.position(tier_id)

    def has_tier(self, tier_id: str) -> bool:
        return tier_id in self._tiers.index

    def node(self, node_id: str) -> Node:
        return self._nodes.index[node_id]

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes.index

    def node_index(self, node_id: str) -> int:
        return self._order()[node_id]

    def _order(self) -> dict[str, int]:
        if self._node_order is None:
            self._node_order = {node.id: i for i, node in enumerate(self._nodes.items)}
        return self._node_order

    def edge(self, edge_id: str) -> Edge:
        return self._edges.index[edge_id]

    def has_edge(self, edge_id: str) -> bool:
        return edge_id in self._edges.index

    def note(self, note_id: str) -> Note:
        return self._notes.index[note_id]

    def has_note(self, note_id: str) -> bool:
        return note_id in self._notes.index

    # ------------------------------------------------------------------ by reference
    def get(self, ref: Ref) -> Node | Edge | Note | Tier | Region:
        """The item ``ref`` names; raises ``KeyError`` when the map has none."""
        kind, item_id = ref
        getters: dict[str, Callable[[str], Node | Edge | Note | Tier | Region]] = {
            NODE: self.node, EDGE: self.edge, NOTE: self.note, TIER: self.tier, REGION: self.region,
        }
        if kind not in getters:
            raise KeyError(ref)
        return getters[kind](item_id)

    def has(self, ref: Ref) -> bool:
        """True when the map has the item ``ref`` names (False for a kind it does not know)."""
        kind, item_id = ref
        checks: dict[str, Callable[[str], bool]] = {
            NODE: self.has_node, EDGE: self.has_edge, NOTE: self.has_note, TIER: self.has_tier,
            REGION: self.has_region,
        }
        return kind in checks and checks[kind](item_id)

    def update(self, ref: Ref, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change fields of the item ``ref`` names, through its kind's mutator (``update_node``,
        ...); returns what changed as ``{field: (old, new)}``."""
        kind, item_id = ref
        updaters: dict[str, Callable[..., dict[str, tuple[Any, Any]]]] = {
            NODE: self.update_node, EDGE: self.update_edge, NOTE: self.update_note,
            TIER: self.update_tier, REGION: self.update_region,
        }
        if kind not in updaters:
            raise ModelError(msg("A map has no items of kind '{kind}'.", kind=kind))
        return updaters[kind](item_id, **changes)

    def remove(self, ref: Ref, *, tombstone: bool = True) -> Removal:
        """Remove the segment (with its sub-segments and links), link or note ``ref`` names,
        adding its ids to the ``deleted`` tombstones unless ``tombstone`` is false (taking back
        an addition); returns the record :meth:`restore` puts it back from."""
        kind, item_id = ref
        if kind == NODE:
            return self.remove_node(item_id, tombstone=tombstone)
        added = [item_id] if tombstone and item_id not in self._deleted else []
        if kind == EDGE:
            return Removal(edges=[self.remove_edge(item_id, tombstone=tombstone)], tombstones=added)
        if kind == NOTE:
            return Removal(notes=[self.remove_note(item_id, tombstone=tombstone)], tombstones=added)
        raise ModelError(msg("Only segments, links and notes are removed this way, not a {kind}.", kind=word(kind)))

    def restore(self, removal: Removal) -> None:
        """Put back what :meth:`remove` took, at the same places, and drop the tombstones it added."""
        for tombstone in removal.tombstones:
            if tombstone in self._deleted:
                self._deleted.remove(tombstone)
        for index, node in reversed(removal.nodes):
            self.add_node(node, index)
        for index, edge in reversed(removal.edges):
            self.add_edge(edge, index)
        for index, note in reversed(removal.notes):
            self.add_note(note, index)
        for note_id, node_id in removal.detached_notes:
            self.update_note(note_id, node=node_id)

    def conflict(self, conflict_id: str) -> Conflict:
        for conflict in self._conflicts:
            if conflict.id == conflict_id:
                return conflict
        raise KeyError(conflict_id)

    def children(self, node_id: str) -> list[str]:
        """Ids of the direct sub-segments of ``node_id``, in file order."""
        children = self._children.get(node_id)
        if not children:
            return []
        if len(children) > 1:
            order = self._order()
            children.sort(key=order.__getitem__)
        return list(children)

    def descendants(self, node_id: str) -> list[str]:
        """Ids of all sub-segments below ``node_id``, depth first."""
        result: list[str] = []
        stack = list(reversed(self.children(node_id)))
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(self.children(current)))
        return result

    def edges_of(self, node_id: str) -> list[Edge]:
        """The links that start or end at ``node_id``, in file order.

        Looked up in :class:`_LinksAt`, made on the first call after links were inserted or
        re-attached: a walk up or down the chain, or a move on a 100,000-segment map, no
        longer reads every link for every segment it meets."""
        links_at = self._links_at
        if links_at is None:
            links_at = self._links_at = _LinksAt(self._edges.items)
        index = self._edges.index
        return [index[edge_id] for edge_id in links_at.of(node_id)]

    def index_links(self) -> None:
        """Make the index :meth:`edges_of` reads now, if it is not made: the editor does this
        as a map opens, so that the first move on a 160,000-link map does not wait 0.2 s (and
        more while other work runs) for it."""
        if self._links_at is None:
            self._links_at = _LinksAt(self._edges.items)

    def find_edge(self, source: str, target: str, kind: str | None = None) -> Edge | None:
        """The link ``source`` → ``target`` of ``kind`` (default supply), if there is one."""
        wanted = kind if kind is not None else "supply"
        for edge in self._edges.items:
            if edge.source == source and edge.target == target and edge.effective_kind == wanted:
                return edge
        return None

    def uses_id(self, item_id: str) -> bool:
        """True when a node, edge, note or tier of this map has ``item_id``."""
        return (
            item_id in self._nodes.index
            or item_id in self._edges.index
            or item_id in self._notes.index
            or item_id in self._tiers.index
        )

    # ------------------------------------------------------------ map fields
    def update_map(self, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change ``title``, ``chain``, ``lead`` or ``owner``; returns ``{field: (old, new)}``."""
        for key, value in changes.items():
            if key not in MAP_FIELDS:
                raise ModelError(msg("A map has no field '{key}'.", key=key))
            if key in ("title", "chain"):
                if not isinstance(value, str) or not value.strip():
                    raise ModelError(msg("The map's {key} cannot be empty.", key=key))
            elif value is not None and not self.has_region(value):
                raise ModelError(msg("The {key} region '{value}' is not one of the map's regions.", key=key, value=value))
        applied: dict[str, tuple[Any, Any]] = {}
        for key, value in changes.items():
            old = getattr(self, "_" + key)
            if old != value:
                setattr(self, "_" + key, value)
                applied[key] = (old, value)
        if applied:
            self.events.map_changed.emit(applied)
        return applied

    def set_meta(self, key: str, value: Any) -> Any:
        """Set ``meta[key]`` (``ABSENT`` removes it); returns the old value or ``ABSENT``."""
        old = self.meta.get(key, ABSENT)
        if value is ABSENT:
            self.meta.pop(key, None)
        else:
            self.meta[key] = copy.deepcopy(value)
        if old != value:
            self.events.map_changed.emit({"meta." + key: (old, value)})
        return old

    # --------------------------------------------------------------- regions
    def add_region(self, region: Region, index: int | None = None, *, take: bool = False) -> int:
        """Add a participating region at ``index`` (default: last)."""
        self._check_region(region)
        if self.has_region(region.code):
            raise ModelError(msg("The map already has a region '{code}'.", code=region.code))
        if not take:
            region = copy.deepcopy(region)
        if index is None or index >= len(self._regions):
            index = len(self._regions)
        self._regions.insert(index, region)
        self.events.region_added.emit(region, index)
        return index

    def update_region(self, code: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change a region's ``name`` or ``color`` (the code is its identity)."""
        region = self._region_or_error(code)
        candidate = copy.deepcopy(region)
        for key, value in changes.items():
            if key not in ("name", "color", "extra"):
                raise ModelError(msg("A region's '{key}' cannot be changed.", key=key))
            setattr(candidate, key, value)
        self._check_region(candidate)
        return self._apply(region, changes, self.events.region_changed)

    def remove_region(self, code: str) -> tuple[int, Region]:
        """Remove a region no segment, link, lead or owner refers to."""
        region = self._region_or_error(code)
        users = [n.name for n in self._nodes.items if code in n.regions]
        if users:
            raise ModelError(
                msg("Region '{name}' has facts on {count} segment(s) (e.g. '{users}'); clear them first.", name=region.name, count=len(users), users=users[0])
            )
        if any(f.source == code or f.target == code for e in self._edges.items for f in e.flows):
            raise ModelError(msg("Region '{name}' appears in link flows; remove them first.", name=region.name))
        if code in (self._lead, self._owner):
            raise ModelError(msg("Region '{name}' is the map's lead or owner.", name=region.name))
        index = self._regions.index(region)
        self._regions.pop(index)
        self.events.region_removed.emit(region, index)
        return index, region

    def _region_or_error(self, code: str) -> Region:
        try:
            return self.region(code)
        except KeyError:
            raise ModelError(msg("The map has no region '{code}'.", code=code)) from None

    @staticmethod
    def _check_region(region: Region) -> None:
        if not is_valid_region_code(region.code):
            raise ModelError(
                msg("'{code}' is not a region code: use capitals, digits and '-', 2 to 16 characters, starting with a letter (e.g. CN-BJ).", code=region.code)
            )
        if not isinstance(region.name, str) or not region.name.strip():
            raise ModelError(msg("A region needs a name."))
        if region.color is not None and not COLOR_PATTERN.match(region.color):
            raise ModelError(msg("'{color}' is not a colour of the form #RRGGBB.", color=region.color))

    # ----------------------------------------------------------------- tiers
    def add_tier(self, tier: Tier, index: int | None = None, *, take: bool = False) -> int:
        """Add a tier at ``index`` (default: most downstream)."""
        self._check_new_id(tier.id)
        if not isinstance(tier.name, str) or not tier.name.strip():
            raise ModelError(msg("A tier needs a name."))
        if not take:
            tier = copy.deepcopy(tier)
        index = self._tiers.insert(tier, index)
        self.events.tier_added.emit(tier, index)
        return index

    def update_tier(self, tier_id: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Rename a tier (``name``)."""
        tier = self._item_or_error(self._tiers, tier_id, "tier")
        for key, value in changes.items():
            if key not in ("name", "extra"):
                raise ModelError(msg("A tier's '{key}' cannot be changed.", key=key))
            if key == "name" and (not isinstance(value, str) or not value.strip()):
                raise ModelError(msg("A tier needs a name."))
        return self._apply(tier, changes, self.events.tier_changed)

    def move_tier(self, tier_id: str, new_index: int) -> int:
        """Move a tier to ``new_index``; returns its old index."""
        self._item_or_error(self._tiers, tier_id, "tier")
        old_index, tier = self._tiers.pop(tier_id)
        new_index = max(0, min(new_index, len(self._tiers.items)))
        self._tiers.insert(tier, new_index)
        if old_index != new_index:
            self.events.tier_moved.emit(tier, old_index, new_index)
        return old_index

    def remove_tier(self, tier_id: str) -> tuple[int, Tier]:
        """Remove a tier that holds no segment."""
        tier = self._item_or_error(self._tiers, tier_id, "tier")
        count = sum(1 for n in self._nodes.items if n.tier == tier_id)
        if count:
            raise ModelError(msg("Tier '{name}' still holds {count} segment(s); move them first.", name=tier.name, count=count))
        index, tier = self._tiers.pop(tier_id)
        self.events.tier_removed.emit(tier, index)
        return index, tier

    # ----------------------------------------------------------------- nodes
    def add_node(self, node: Node, index: int | None = None, *, take: bool = False) -> int:
        """Add a segment at ``index`` in the file's order (default: last)."""
        self._check_new_id(node.id)
        if not take:
            node = copy.deepcopy(node)
        # A new id cannot be anyone's ancestor yet: no walk up the parents needed.
        self._check_node(node, parent_changed=False)
        at_end = index is None or index >= len(self._nodes.items)
        index = self._nodes.insert(node, index)
        if at_end and self._node_order is not None:
            self._node_order[node.id] = index
        else:
            self._node_order = None
        if node.parent is not None:
            self._children.setdefault(node.parent, []).append(node.id)
        self.events.node_added.emit(node, index)
        return index

    def update_node(self, node_id: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change fields of a segment; returns ``{field: (old, new)}`` for those that changed."""
        node = self._item_or_error(self._nodes, node_id, "segment")
        candidate = self._changed_copy(node, changes, NODE_FIELDS, "segment")
        self._check_node(candidate, parent_changed="parent" in changes)
        old_parent = node.parent
        applied = self._apply(node, {k: getattr(candidate, k) for k in changes}, None)
        if "parent" in applied:
            if old_parent is not None:
                self._unhook_child(old_parent, node_id)
            if node.parent is not None:
                self._children.setdefault(node.parent, []).append(node_id)
        if applied:
            self.events.node_changed.emit(node, applied)
        return applied

    def attach_parents(self, parents: Mapping[str, str | None]) -> None:
        """Set the ``parent`` of many segments at once ({segment id: parent id or None}).

        The loader's step: one linear pass checks that no parent is missing and that no
        cycle forms, however deep the sub-segments go, where :meth:`update_node` one by one
        would walk up every segment's ancestors. Nothing changes when one is refused.
        """
        nodes = self._nodes.index
        for node_id, parent in parents.items():
            node = self._item_or_error(self._nodes, node_id, "segment")
            if parent is None:
                continue
            if parent == node_id:
                raise ModelError(msg("Segment '{name}' cannot be its own parent.", name=node.name))
            if parent not in nodes:
                raise ModelError(msg("There is no segment '{parent}' to be the parent.", parent=parent))

        state: dict[str, bool] = {}  # False: on the current walk, True: leads to no cycle
        for start in parents:
            walk: list[str] = []
            current: str | None = start
            while current is not None and current not in state:
                state[current] = False
                walk.append(current)
                current = parents[current] if current in parents else nodes[current].parent
            if current is not None and not state[current]:
                raise ModelError(
                    msg("Segment '{name}' cannot go inside one of its own sub-segments.", name=nodes[current].name)
                )
            for member in walk:
                state[member] = True
        changed = self.events.node_changed
        for node_id, parent in parents.items():
            node = nodes[node_id]
            old_parent = node.parent
            if old_parent == parent:
                continue
            if old_parent is not None:
                self._unhook_child(old_parent, node_id)
            node.parent = parent
            if parent is not None:
                self._children.setdefault(parent, []).append(node_id)
            if changed:
                changed.emit(node, {"parent": (old_parent, parent)})

    def remove_node(self, node_id: str, *, tombstone: bool = True) -> Removal:
        """Remove a segment with its sub-segments and their links; notes pointing at them are
        detached. Every id removed is added to the ``deleted`` tombstones (unless
        ``tombstone`` is false). Returns what was taken, for :meth:`restore`."""
        self._item_or_error(self._nodes, node_id, "segment")
        doomed = [node_id, *self.descendants(node_id)]
        doomed_set = set(doomed)
        edge_ids = [
            e.id for e in self._edges.items if e.source in doomed_set or e.target in doomed_set
        ]
        detached: list[tuple[str, str]] = []
        for note in self._notes.items:
            if note.node in doomed_set:
                detached.append((note.id, note.node))
        for note_id, _ in detached:
            self.update_note(note_id, node=None)
        removed_edges = [self.remove_edge(edge_id, tombstone=False) for edge_id in edge_ids]
        removed_nodes: list[tuple[int, Node]] = []
        # Deepest first, so no event ever shows a child whose parent is gone.
        for doomed_id in reversed(doomed):
            node = self._nodes.index[doomed_id]
            # Unhook it from its parent now, even when the parent goes too: a listener of
            # node_removed may ask for the parent's children before the parent is removed.
            if node.parent is not None:
                self._unhook_child(node.parent, doomed_id)
            self._children.pop(doomed_id, None)
            index, node = self._nodes.pop(doomed_id)
            self._node_order = None
            removed_nodes.append((index, node))
            self.events.node_removed.emit(node, index)
        tombstones = [i for i in doomed + edge_ids if i not in self._deleted] if tombstone else []
        self._deleted.extend(tombstones)
        return Removal(removed_nodes, removed_edges, detached, tombstones)

    def _check_node(self, node: Node, *, parent_changed: bool = True) -> None:
        if not isinstance(node.name, str) or not node.name.strip():
            raise ModelError(msg("A segment needs a name."))
        if len(node.name) > MAX_NAME_LENGTH:
            raise ModelError(
                msg("A segment name has at most {MAX_NAME_LENGTH} characters (this one has {count}).", MAX_NAME_LENGTH=MAX_NAME_LENGTH, count=len(node.name))
            )
        if not isinstance(node.tier, str) or node.tier not in self._tiers.index:
            raise ModelError(msg("There is no tier '{tier}'.", tier=node.tier))
        _texts("A segment's", kind=node.kind, description=node.description)
        _text_lists("A segment's", aliases=node.aliases, tags=node.tags)
        if node.parent is not None:
            if node.parent == node.id:
                raise ModelError(msg("Segment '{name}' cannot be its own parent.", name=node.name))
            if not isinstance(node.parent, str) or node.parent not in self._nodes.index:
                raise ModelError(msg("There is no segment '{parent}' to be the parent.", parent=node.parent))
            # Only a segment with sub-segments can be an ancestor of its new parent: walk up
            # (one step per level) only then, so moving a deep segment stays cheap.
            walk = parent_changed and node.id in self._children
            ancestor: str | None = node.parent if walk else None
            while ancestor is not None:
                if ancestor == node.id:
                    raise ModelError(
                        msg("Segment '{name}' cannot go inside one of its own sub-segments.", name=node.name)
                    )
                ancestor = self._nodes.index[ancestor].parent
        for coordinate in (node.x, node.y):
            # An infinity (or a boolean) would only fail later, when the map is saved.
            if coordinate is not None and not is_finite_number(coordinate):
                raise ModelError(msg("A position must be a finite number."))
        for code, entry in node.regions.items():
            self._check_entry(node, code, entry)

    def _check_entry(self, node: Node, code: str, entry: RegionEntry) -> None:
        if not self.has_region(code):
            raise ModelError(msg("Region '{code}' is not one of the map's regions.", code=code))
        if entry.status not in STATUSES:
            raise ModelError(
                msg("'{status}' is not a status; use one of {choices}.", status=entry.status, choices=', '.join(STATUSES))
            )
        _texts("A region entry's", note=entry.note)
        for enterprise in entry.enterprises:
            if not isinstance(enterprise.name, str) or not enterprise.name.strip():
                raise ModelError(msg("An enterprise of {code} in '{name}' needs a name.", code=code, name=node.name))
            _texts("An enterprise's", uscc=enterprise.uscc, city=enterprise.city, note=enterprise.note)
            _text_lists("An enterprise's", marks=enterprise.marks)
        plan = entry.plan
        if plan is not None:
            _texts("A plan's", owner=plan.owner, note=plan.note)
            _text_lists("A plan's", targets=plan.targets)
            if plan.action not in ACTIONS:
                raise ModelError(msg("'{action}' is not an action; use one of {choices}.", action=plan.action, choices=', '.join(ACTIONS)))
            if plan.priority not in PRIORITIES:
                raise ModelError(
                    msg("'{priority}' is not a priority; use one of {choices}.", priority=plan.priority, choices=', '.join(PRIORITIES))
                )
            # The validator's check, so the editor never saves a date (2027-02-30) a load refuses.
            problem = due_problem(plan.due) if isinstance(plan.due, str) else "A due date must be text."
            if plan.due is not None and problem is not None:
                raise ModelError(problem)

    # ----------------------------------------------------------------- edges
    def add_edge(self, edge: Edge, index: int | None = None, *, take: bool = False) -> int:
        """Add a link at ``index`` (default: last)."""
        self._check_new_id(edge.id)
        if not take:
            edge = copy.deepcopy(edge)
        self._check_edge(edge)
        index = self._edges.insert(edge, index)
        self._index_link(edge, index)
        self.events.edge_added.emit(edge, index)
        return index

    def update_edge(self, edge_id: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change fields of a link."""
        edge = self._item_or_error(self._edges, edge_id, "link")
        candidate = self._changed_copy(edge, changes, EDGE_FIELDS, "link")
        self._check_edge(candidate)
        if "source" in changes or "target" in changes:
            self._links_at = None
        return self._apply(edge, {k: getattr(candidate, k) for k in changes}, self.events.edge_changed)

    def remove_edge(self, edge_id: str, *, tombstone: bool = True) -> tuple[int, Edge]:
        """Remove a link; returns ``(index, edge)`` for undo."""
        self._item_or_error(self._edges, edge_id, "link")
        index, edge = self._edges.pop(edge_id)
        if self._links_at is not None:
            self._links_at.remove(edge)
        if tombstone and edge_id not in self._deleted:
            self._deleted.append(edge_id)
        self.events.edge_removed.emit(edge, index)
        return index, edge

    def _index_link(self, edge: Edge, index: int) -> None:
        """Link ``edge`` was added at ``index``: noted among its ends' links when it is the
        last link (their file order holds), else they are made again when next asked."""
        if self._links_at is None:
            return
        if index != len(self._edges.items) - 1:
            self._links_at = None
            return
        self._links_at.add(edge)

    def _check_edge(self, edge: Edge) -> None:
        for end in (edge.source, edge.target):
            if not isinstance(end, str) or end not in self._nodes.index:
                raise ModelError(msg("There is no segment '{end}' to link.", end=end))
        _texts("A link's", kind=edge.kind, label=edge.label, note=edge.note)
        if edge.source == edge.target:
            raise ModelError(
                msg("A link cannot go from segment '{name}' to itself.", name=self._nodes.index[edge.source].name)
            )
        for flow in edge.flows:
            _texts("A flow's", note=flow.note)
            for code in (flow.source, flow.target):
                if not self.has_region(code):
                    raise ModelError(msg("Flow region '{code}' is not one of the map's regions.", code=code))

    # ----------------------------------------------------------------- notes
    def add_note(self, note: Note, index: int | None = None, *, take: bool = False) -> int:
        """Add a note at ``index`` (default: last)."""
        self._check_new_id(note.id)
        if not take:
            note = copy.deepcopy(note)
        self._check_note(note)
        index = self._notes.insert(note, index)
        self.events.note_added.emit(note, index)
        return index

    def update_note(self, note_id: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change fields of a note."""
        note = self._item_or_error(self._notes, note_id, "note")
        candidate = self._changed_copy(note, changes, NOTE_FIELDS, "note")
        self._check_note(candidate)
        return self._apply(note, {k: getattr(candidate, k) for k in changes}, self.events.note_changed)

    def remove_note(self, note_id: str, *, tombstone: bool = True) -> tuple[int, Note]:
        """Remove a note; returns ``(index, note)`` for undo."""
        self._item_or_error(self._notes, note_id, "note")
        index, note = self._notes.pop(note_id)
        if tombstone and note_id not in self._deleted:
            self._deleted.append(note_id)
        self.events.note_removed.emit(note, index)
        return index, note

    def _check_note(self, note: Note) -> None:
        if not isinstance(note.text, str):
            raise ModelError(msg("A note's text must be text."))
        if not (is_finite_number(note.x) and is_finite_number(note.y)):
            raise ModelError(msg("A position must be a finite number."))
        if note.node is not None and (not isinstance(note.node, str) or note.node not in self._nodes.index):
            raise ModelError(msg("There is no segment '{node}' for the note to point at.", node=note.node))

    # ------------------------------------------------------------- conflicts
    def add_conflict(self, conflict: Conflict, index: int | None = None, *, take: bool = False) -> int:
        """Record a merge conflict at ``index`` (default: last)."""
        if not is_valid_id(conflict.id):
            raise ModelError(msg("'{id}' is not a valid id.", id=conflict.id))
        if any(c.id == conflict.id for c in self._conflicts):
            raise ModelError(msg("The map already has a conflict '{id}'.", id=conflict.id))
        if not take:
            conflict = copy.deepcopy(conflict)
        if index is None or index >= len(self._conflicts):
            index = len(self._conflicts)
        self._conflicts.insert(index, conflict)
        self.events.conflict_added.emit(conflict, index)
        return index

    def remove_conflict(self, conflict_id: str) -> tuple[int, Conflict]:
        """Drop a resolved conflict; returns ``(index, conflict)`` for undo."""
        conflict = self.conflict(conflict_id)
        index = self._conflicts.index(conflict)
        self._conflicts.pop(index)
        self.events.conflict_removed.emit(conflict, index)
        return index, conflict

    # ------------------------------------------------------------ tombstones
    def set_deleted(self, ids: Iterable[str]) -> list[str]:
        """Replace the ``deleted`` tombstones; returns the old list."""
        old = list(self._deleted)
        self._deleted = list(dict.fromkeys(ids))
        return old

    # ------------------------------------------------------------ bulk loading
    def load_items(
        self, nodes: list[Node], edges: list[Edge], notes: list[Note], conflicts: list[Conflict]
    ) -> None:
        """Put the items of a file into this map, which has none yet, all at once (taken, not copied).

        For :func:`chainmap.core.format.serialize.map_from_data`, whose data the validator passed:
        the per-item checks of the ``add_*`` mutators are the validator's, already done, so only
        whole-map consistency is checked here (ids unique, references resolved), once, and no
        event is emitted: nobody listens to a map that is being built."""
        if self._nodes.items or self._edges.items or self._notes.items or self._conflicts:
            raise ModelError(msg("Items can be loaded only into a map that has none."))
        node_index = {node.id: node for node in nodes}
        edge_index = {edge.id: edge for edge in edges}
        note_index = {note.id: note for note in notes}
        tier_ids = self._tiers.index.keys()
        counts = len(node_index) + len(edge_index) + len(note_index) + len(tier_ids)
        taken = node_index.keys() | edge_index.keys() | note_index.keys() | tier_ids
        if len(taken) != counts or len(node_index) + len(edge_index) + len(note_index) != (
            len(nodes) + len(edges) + len(notes)
        ):
            raise ModelError(msg("An id is used twice in this map."))
        bad = [i for i in taken if not is_valid_id(i)]
        if bad:
            raise ModelError(msg("'{bad}' is not a valid id.", bad=bad[0]))
        if not {node.tier for node in nodes} <= tier_ids:
            raise ModelError(msg("A segment names a tier the map does not have."))
        children: dict[str, list[str]] = {}
        for node in nodes:
            if node.parent is not None:
                if node.parent not in node_index or node.parent == node.id:
                    raise ModelError(msg("There is no segment '{parent}' to be the parent.", parent=node.parent))
                children.setdefault(node.parent, []).append(node.id)
        if not {e.source for e in edges} | {e.target for e in edges} <= node_index.keys():
            raise ModelError(msg("A link names a segment the map does not have."))
        if len({c.id for c in conflicts}) != len(conflicts):
            raise ModelError(msg("A conflict id is used twice in this map."))
        self._nodes.items, self._nodes.index = list(nodes), node_index
        self._edges.items, self._edges.index = list(edges), edge_index
        self._links_at = None
        self._notes.items, self._notes.index = list(notes), note_index
        self._children = children
        self._node_order = None
        self._conflicts = list(conflicts)

    # --------------------------------------------------------------- helpers
    def _check_new_id(self, item_id: str) -> None:
        if not is_valid_id(item_id):
            raise ModelError(
                msg("'{item_id}' is not a valid id: use letters, digits and _ . : -, starting with a letter or digit, at most 64 characters.", item_id=item_id)
            )
        if self.uses_id(item_id):
            raise ModelError(msg("The id '{item_id}' is already used in this map.", item_id=item_id))

    @staticmethod
    def _changed_copy(item: Any, changes: dict[str, Any], known: tuple[str, ...], what: str) -> Any:
        """A copy of ``item`` with ``changes`` made (their values copied), to check before
        they are applied; refuses a field not ``known``."""
        for key in changes:
            if key not in known:
                raise ModelError(msg("A {what} has no field '{key}'.", what=word(what), key=key))
        candidate = copy.copy(item)
        for key, value in changes.items():
            setattr(candidate, key, copy.deepcopy(value))
        return candidate

    def _unhook_child(self, parent_id: str, child_id: str) -> None:
        children = self._children[parent_id]
        children.remove(child_id)
        if not children:
            del self._children[parent_id]

    @staticmethod
    def _item_or_error(items: _ItemList, item_id: str, what: str) -> Any:
        try:
            return items.index[item_id]
        except KeyError:
            raise ModelError(msg("There is no {what} '{item_id}'.", what=word(what), item_id=item_id)) from None

    @staticmethod
    def _apply(target: Any, changes: dict[str, Any], signal: Any) -> dict[str, tuple[Any, Any]]:
        applied: dict[str, tuple[Any, Any]] = {}
        for key, value in changes.items():
            old = getattr(target, key)
            if old != value or type(old) is not type(value):
                setattr(target, key, copy.deepcopy(value))
                applied[key] = (old, value)
        if applied and signal is not None:
            signal.emit(target, applied)
        return applied
