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
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .events import MapEvents
from .ids import COLOR_PATTERN, is_valid_id, is_valid_region_code
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
from .value_checks import due_problem, is_finite_number
from .vocabulary import ACTIONS, PRIORITIES, STATUSES

__all__ = [
    "ABSENT", "ChainMap", "Conflict", "ConflictValue", "Edge", "Enterprise", "Flow", "ModelError",
    "Node", "NodeRemoval", "Note", "Plan", "Region", "RegionEntry", "Tier",
]


# Fields a mutator may change, per item type (ids never change).
NODE_FIELDS = tuple(f.name for f in fields(Node) if f.name != "id")
EDGE_FIELDS = tuple(f.name for f in fields(Edge) if f.name != "id")
NOTE_FIELDS = tuple(f.name for f in fields(Note) if f.name != "id")
MAP_FIELDS = ("title", "chain", "lead", "owner")


def _texts(whose: str, **fields: Any) -> None:
    """Refuse a field that is neither text nor None (a value from a conflict may be anything):
    the validator would refuse the file it makes."""
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ModelError(f"{whose} {name} must be text.")


def _text_lists(whose: str, **fields: Any) -> None:
    """Refuse a field that is not a list of texts."""
    for name, value in fields.items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ModelError(f"{whose} {name} must be a list of texts.")


@dataclass
class NodeRemoval:
    """Everything :meth:`ChainMap.remove_node` took away, so that it can be put back exactly."""

    nodes: list[tuple[int, Node]]
    edges: list[tuple[int, Edge]]
    detached_notes: list[tuple[str, str]]  # (note id, node id it pointed at)
    tombstones: list[str]


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
        return self._tiers.index[tier_id]  # type: ignore[no-any-return]

    def tier_index(self, tier_id: str) -> int:
        return self._tiers.position(tier_id)

    def has_tier(self, tier_id: str) -> bool:
        return tier_id in self._tiers.index

    def node(self, node_id: str) -> Node:
        return self._nodes.index[node_id]  # type: ignore[no-any-return]

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes.index

    def node_index(self, node_id: str) -> int:
        return self._order()[node_id]

    def _order(self) -> dict[str, int]:
        if self._node_order is None:
            self._node_order = {node.id: i for i, node in enumerate(self._nodes.items)}
        return self._node_order

    def edge(self, edge_id: str) -> Edge:
        return self._edges.index[edge_id]  # type: ignore[no-any-return]

    def has_edge(self, edge_id: str) -> bool:
        return edge_id in self._edges.index

    def edge_index(self, edge_id: str) -> int:
        return self._edges.position(edge_id)

    def note(self, note_id: str) -> Note:
        return self._notes.index[note_id]  # type: ignore[no-any-return]

    def has_note(self, note_id: str) -> bool:
        return note_id in self._notes.index

    def note_index(self, note_id: str) -> int:
        return self._notes.position(note_id)

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
        """The links that start or end at ``node_id``, in file order."""
        return [e for e in self._edges.items if e.source == node_id or e.target == node_id]

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
                raise ModelError(f"A map has no field '{key}'.")
            if key in ("title", "chain"):
                if not isinstance(value, str) or not value.strip():
                    raise ModelError(f"The map's {key} cannot be empty.")
            elif value is not None and not self.has_region(value):
                raise ModelError(f"The {key} region '{value}' is not one of the map's regions.")
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
            raise ModelError(f"The map already has a region '{region.code}'.")
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
                raise ModelError(f"A region's '{key}' cannot be changed.")
            setattr(candidate, key, value)
        self._check_region(candidate)
        return self._apply(region, changes, self.events.region_changed)

    def remove_region(self, code: str) -> tuple[int, Region]:
        """Remove a region no segment, link, lead or owner refers to."""
        region = self._region_or_error(code)
        users = [n.name for n in self._nodes.items if code in n.regions]
        if users:
            raise ModelError(
                f"Region '{region.name}' has facts on {len(users)} segment(s) "
                f"(e.g. '{users[0]}'); clear them first."
            )
        if any(f.source == code or f.target == code for e in self._edges.items for f in e.flows):
            raise ModelError(f"Region '{region.name}' appears in link flows; remove them first.")
        if code in (self._lead, self._owner):
            raise ModelError(f"Region '{region.name}' is the map's lead or owner.")
        index = self._regions.index(region)
        self._regions.pop(index)
        self.events.region_removed.emit(region, index)
        return index, region

    def _region_or_error(self, code: str) -> Region:
        try:
            return self.region(code)
        except KeyError:
            raise ModelError(f"The map has no region '{code}'.") from None

    @staticmethod
    def _check_region(region: Region) -> None:
        if not is_valid_region_code(region.code):
            raise ModelError(
                f"'{region.code}' is not a region code: use capitals, digits and '-', "
                "2 to 16 characters, starting with a letter (e.g. CN-BJ)."
            )
        if not isinstance(region.name, str) or not region.name.strip():
            raise ModelError("A region needs a name.")
        if region.color is not None and not COLOR_PATTERN.match(region.color):
            raise ModelError(f"'{region.color}' is not a colour of the form #RRGGBB.")

    # ----------------------------------------------------------------- tiers
    def add_tier(self, tier: Tier, index: int | None = None, *, take: bool = False) -> int:
        """Add a tier at ``index`` (default: most downstream)."""
        self._check_new_id(tier.id)
        if not isinstance(tier.name, str) or not tier.name.strip():
            raise ModelError("A tier needs a name.")
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
                raise ModelError(f"A tier's '{key}' cannot be changed.")
            if key == "name" and (not isinstance(value, str) or not value.strip()):
                raise ModelError("A tier needs a name.")
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
            raise ModelError(f"Tier '{tier.name}' still holds {count} segment(s); move them first.")
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
                raise ModelError(f"Segment '{node.name}' cannot be its own parent.")
            if parent not in nodes:
                raise ModelError(f"There is no segment '{parent}' to be the parent.")

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
                    f"Segment '{nodes[current].name}' cannot go inside one of its own sub-segments."
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

    def remove_node(self, node_id: str) -> NodeRemoval:
        """Remove a segment with its sub-segments and their links; notes pointing at them are
        detached. Every id removed is added to the ``deleted`` tombstones. Returns what was
        taken, for :meth:`restore_node`."""
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
        tombstones = [i for i in doomed + edge_ids if i not in self._deleted]
        self._deleted.extend(tombstones)
        return NodeRemoval(removed_nodes, removed_edges, detached, tombstones)

    def restore_node(self, removal: NodeRemoval) -> None:
        """Put back what :meth:`remove_node` took, at the same places."""
        for tombstone in removal.tombstones:
            if tombstone in self._deleted:
                self._deleted.remove(tombstone)
        for index, node in reversed(removal.nodes):
            self.add_node(node, index)
        for index, edge in reversed(removal.edges):
            self.add_edge(edge, index)
        for note_id, node_id in removal.detached_notes:
            self.update_note(note_id, node=node_id)

    def _check_node(self, node: Node, *, parent_changed: bool = True) -> None:
        if not isinstance(node.name, str) or not node.name.strip():
            raise ModelError("A segment needs a name.")
        if len(node.name) > 200:
            raise ModelError(f"A segment name has at most 200 characters (this one has {len(node.name)}).")
        if not isinstance(node.tier, str) or node.tier not in self._tiers.index:
            raise ModelError(f"There is no tier '{node.tier}'.")
        _texts("A segment's", kind=node.kind, description=node.description)
        _text_lists("A segment's", aliases=node.aliases, tags=node.tags)
        if node.parent is not None:
            if node.parent == node.id:
                raise ModelError(f"Segment '{node.name}' cannot be its own parent.")
            if not isinstance(node.parent, str) or node.parent not in self._nodes.index:
                raise ModelError(f"There is no segment '{node.parent}' to be the parent.")
            # Only a segment with sub-segments can be an ancestor of its new parent: walk up
            # (one step per level) only then, so moving a deep segment stays cheap.
            walk = parent_changed and node.id in self._children
            ancestor: str | None = node.parent if walk else None
            while ancestor is not None:
                if ancestor == node.id:
                    raise ModelError(
                        f"Segment '{node.name}' cannot go inside one of its own sub-segments."
                    )
                ancestor = self._nodes.index[ancestor].parent
        for coordinate in (node.x, node.y):
            # An infinity (or a boolean) would only fail later, when the map is saved.
            if coordinate is not None and not is_finite_number(coordinate):
                raise ModelError("A position must be a finite number.")
        for code, entry in node.regions.items():
            self._check_entry(node, code, entry)

    def _check_entry(self, node: Node, code: str, entry: RegionEntry) -> None:
        if not self.has_region(code):
            raise ModelError(f"Region '{code}' is not one of the map's regions.")
        if entry.status not in STATUSES:
            raise ModelError(
                f"'{entry.status}' is not a status; use one of {', '.join(STATUSES)}."
            )
        _texts("A region entry's", note=entry.note)
        for enterprise in entry.enterprises:
            if not isinstance(enterprise.name, str) or not enterprise.name.strip():
                raise ModelError(f"An enterprise of {code} in '{node.name}' needs a name.")
            _texts("An enterprise's", uscc=enterprise.uscc, city=enterprise.city, note=enterprise.note)
            _text_lists("An enterprise's", marks=enterprise.marks)
        plan = entry.plan
        if plan is not None:
            _texts("A plan's", owner=plan.owner, note=plan.note)
            _text_lists("A plan's", targets=plan.targets)
            if plan.action not in ACTIONS:
                raise ModelError(f"'{plan.action}' is not an action; use one of {', '.join(ACTIONS)}.")
            if plan.priority not in PRIORITIES:
                raise ModelError(
                    f"'{plan.priority}' is not a priority; use one of {', '.join(PRIORITIES)}."
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
        self.events.edge_added.emit(edge, index)
        return index

    def update_edge(self, edge_id: str, **changes: Any) -> dict[str, tuple[Any, Any]]:
        """Change fields of a link."""
        edge = self._item_or_error(self._edges, edge_id, "link")
        candidate = self._changed_copy(edge, changes, EDGE_FIELDS, "link")
        self._check_edge(candidate)
        return self._apply(edge, {k: getattr(candidate, k) for k in changes}, self.events.edge_changed)

    def remove_edge(self, edge_id: str, *, tombstone: bool = True) -> tuple[int, Edge]:
        """Remove a link; returns ``(index, edge)`` for undo."""
        self._item_or_error(self._edges, edge_id, "link")
        index, edge = self._edges.pop(edge_id)
        if tombstone and edge_id not in self._deleted:
            self._deleted.append(edge_id)
        self.events.edge_removed.emit(edge, index)
        return index, edge

    def _check_edge(self, edge: Edge) -> None:
        for end in (edge.source, edge.target):
            if not isinstance(end, str) or end not in self._nodes.index:
                raise ModelError(f"There is no segment '{end}' to link.")
        _texts("A link's", kind=edge.kind, label=edge.label, note=edge.note)
        if edge.source == edge.target:
            raise ModelError(
                f"A link cannot go from segment '{self._nodes.index[edge.source].name}' to itself."
            )
        for flow in edge.flows:
            _texts("A flow's", note=flow.note)
            for code in (flow.source, flow.target):
                if not self.has_region(code):
                    raise ModelError(f"Flow region '{code}' is not one of the map's regions.")

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

    def remove_note(self, note_id: str) -> tuple[int, Note]:
        """Remove a note; returns ``(index, note)`` for undo."""
        self._item_or_error(self._notes, note_id, "note")
        index, note = self._notes.pop(note_id)
        if note_id not in self._deleted:
            self._deleted.append(note_id)
        self.events.note_removed.emit(note, index)
        return index, note

    def _check_note(self, note: Note) -> None:
        if not isinstance(note.text, str):
            raise ModelError("A note's text must be text.")
        if not (is_finite_number(note.x) and is_finite_number(note.y)):
            raise ModelError("A position must be a finite number.")
        if note.node is not None and (not isinstance(note.node, str) or note.node not in self._nodes.index):
            raise ModelError(f"There is no segment '{note.node}' for the note to point at.")

    # ------------------------------------------------------------- conflicts
    def add_conflict(self, conflict: Conflict, index: int | None = None, *, take: bool = False) -> int:
        """Record a merge conflict at ``index`` (default: last)."""
        if not is_valid_id(conflict.id):
            raise ModelError(f"'{conflict.id}' is not a valid id.")
        if any(c.id == conflict.id for c in self._conflicts):
            raise ModelError(f"The map already has a conflict '{conflict.id}'.")
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

    # --------------------------------------------------------------- helpers
    def _check_new_id(self, item_id: str) -> None:
        if not is_valid_id(item_id):
            raise ModelError(
                f"'{item_id}' is not a valid id: use letters, digits and _ . : -, "
                "starting with a letter or digit, at most 64 characters."
            )
        if self.uses_id(item_id):
            raise ModelError(f"The id '{item_id}' is already used in this map.")

    @staticmethod
    def _changed_copy(item: Any, changes: dict[str, Any], known: tuple[str, ...], what: str) -> Any:
        """A copy of ``item`` with ``changes`` made (their values copied), to check before
        they are applied; refuses a field not ``known``."""
        for key in changes:
            if key not in known:
                raise ModelError(f"A {what} has no field '{key}'.")
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
            raise ModelError(f"There is no {what} '{item_id}'.") from None

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
