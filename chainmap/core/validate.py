"""Checking parsed map data against format version 1.

:func:`validate_data` takes what ``json`` read (plain dicts and lists) and returns every
error and warning of the spec's "Errors and warnings", each with a JSON-pointer-like path
(``/nodes/3/tier``) and a sentence a user understands. It never stops at the first problem,
but skips checks that would only repeat one (no node checks when ``nodes`` is not a list).
Keys this version does not know are never problems: a newer chainmap may have written them.

Data that passes without errors is safe for :func:`chainmap.core.serialize.map_from_data`.
The work is linear in the size of the map: one pass over each list, then the parent and
link cycles with iterative walks (no recursion, so no depth limit).
"""

from __future__ import annotations

import calendar
import re
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .ids import COLOR_PATTERN, ID_PATTERN, REGION_CODE_PATTERN
from .problems import Problem, error, warning
from .vocabulary import (
    ACTIONS,
    CONFLICT_KINDS,
    DEFAULT_EDGE_KIND,
    FORMAT_NAME,
    FORMAT_VERSION,
    PRIORITIES,
    STATUSES,
    USCC_ALPHABET,
)

MAX_NAME_LENGTH = 200
_DUE_PATTERN = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_TIMESTAMP_PATTERN = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$"
)
_STATUS_SET = frozenset(STATUSES)
_ACTION_SET = frozenset(ACTIONS)
_PRIORITY_SET = frozenset(PRIORITIES)
_CONFLICT_KIND_SET = frozenset(CONFLICT_KINDS)
_SUPPLYING = frozenset(("strong", "present"))
_MAP_KEYS = ("regions", "tiers", "nodes", "edges")
_LARGEST = sys.float_info.max  # NaN compares false with it, so this also rules NaN out

# Value kinds of the shape tables: a Python type, or one of these markers.
NUMBER = "number"  # a finite int or float, not a boolean
STRINGS = "strings"  # a list of strings
_EXPECTED = {str: "text", list: "a list", dict: "an object", NUMBER: "a number", STRINGS: "a list of text"}

# (required keys, {key: kind}) of each object of the format; other keys are left alone.
Shape = tuple[tuple[str, ...], dict[str, Any]]
REGION_SHAPE: Shape = (("code", "name"), {"code": str, "name": str, "color": str})
TIER_SHAPE: Shape = (("id", "name"), {"id": str, "name": str})
NODE_SHAPE: Shape = (
    ("id", "name", "tier"),
    {
        "id": str, "name": str, "tier": str, "parent": str, "kind": str, "aliases": STRINGS,
        "description": str, "tags": STRINGS, "x": NUMBER, "y": NUMBER, "regions": dict,
    },
)  # fmt: skip
ENTRY_SHAPE: Shape = (("status",), {"status": str, "enterprises": list, "plan": dict, "note": str})
ENTERPRISE_SHAPE: Shape = (
    ("name",),
    {"name": str, "uscc": str, "marks": STRINGS, "city": str, "note": str},
)
PLAN_SHAPE: Shape = (
    ("action", "priority"),
    {"action": str, "priority": str, "targets": STRINGS, "owner": str, "due": str, "note": str},
)
EDGE_SHAPE: Shape = (
    ("id", "from", "to"),
    {"id": str, "from": str, "to": str, "kind": str, "label": str, "flows": list, "note": str},
)
FLOW_SHAPE: Shape = (("from", "to"), {"from": str, "to": str, "note": str})
NOTE_SHAPE: Shape = (("id", "text", "x", "y"), {"id": str, "text": str, "x": NUMBER, "y": NUMBER, "node": str})
CONFLICT_SHAPE: Shape = (("id", "kind", "path", "values"), {"id": str, "kind": str, "path": str, "values": list})
CONFLICT_VALUE_SHAPE: Shape = (("source",), {"source": str})
META_SHAPE: Shape = ((), {"created": str, "modified": str, "generator": str, "merged_from": list})
TOP_SHAPE: Shape = (
    ("id", "title", "chain", "regions", "tiers", "nodes", "edges"),
    {
        "id": str, "title": str, "chain": str, "lead": str, "owner": str, "regions": list,
        "tiers": list, "nodes": list, "edges": list, "notes": list, "conflicts": list,
        "deleted": list, "meta": dict,
    },
)  # fmt: skip

Who = str | Callable[[], str]


def validate_data(data: Any) -> list[Problem]:
    """Every error and warning of ``data`` (parsed JSON) as a map of format version 1."""
    return _Validator().run(data)


# ------------------------------------------------------------------ wording
def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    """A value as a user reads it in a message: ``the text 'abc'``, ``the number 12``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value)
        return f"the number {_short(text, 24)}"
    if isinstance(value, str):
        return f"the text '{_short(value)}'" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _listing(values: list[str], limit: int = 8) -> str:
    if not values:
        return "none"
    shown = ", ".join(values[:limit])
    return shown if len(values) <= limit else f"{shown} and {len(values) - limit} more"


def pointer_token(key: str) -> str:
    """``key`` escaped for a JSON pointer (``~`` → ``~0``, ``/`` → ``~1``)."""
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key


def is_finite_number(value: Any) -> bool:
    """A finite int or float (not a boolean, NaN, an infinity or an int too large for a float)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return -_LARGEST <= value <= _LARGEST


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and ID_PATTERN.match(value) is not None


def _item_label(kind: str, item: dict[str, Any]) -> str:
    """``segment '动力电池'`` from the item's name, else its id, else ``this segment``."""
    for key in ("name", "text", "id"):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return f"{kind} '{_short(value.strip(), 30)}'"
    return f"this {kind}"


def _resolve(who: Who) -> str:
    return who() if callable(who) else who


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def due_problem(due: str) -> str | None:
    """Why ``due`` is not a YYYY-MM or YYYY-MM-DD calendar date, or ``None`` when it is."""
    match = _DUE_PATTERN.match(due)
    if match is None:
        return f"Due date '{_short(due)}' is not a date of the form YYYY-MM or YYYY-MM-DD (e.g. 2027-06)."
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return f"Due date '{due}' has month {match.group(2)}: months run from 01 to 12."
    if match.group(3) is not None:
        day = int(match.group(3))
        days = calendar.monthrange(year, month)[1] if year >= 1 else 31
        if year < 1 or not 1 <= day <= days:
            return (
                f"Due date '{due}' is not a real date: {calendar.month_name[month]} {year} "
                f"has days 01 to {days}."
            )
    elif year < 1:
        return f"Due date '{due}' has year 0000, which does not exist."
    return None


def is_timestamp(value: str) -> bool:
    """True when ``value`` is an ISO 8601 date and time with an offset (``…T09:30:00+08:00``)."""
    if _TIMESTAMP_PATTERN.match(value) is None:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


# ------------------------------------------------------------------ graphs
def strongly_connected(successors: list[list[int]]) -> list[list[int]]:
    """Components of more than one vertex (iterative Tarjan; vertices are list indexes)."""
    count = len(successors)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] != -1 or not successors[root]:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            vertex, position = work[-1]
            following = successors[vertex]
            if position < len(following):
                work[-1] = (vertex, position + 1)
                nxt = following[position]
                if order[nxt] == -1:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, 0))
                elif on_stack[nxt] and order[nxt] < low[vertex]:
                    low[vertex] = order[nxt]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[vertex] < low[parent]:
                    low[parent] = low[vertex]
            if low[vertex] == order[vertex]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == vertex:
                        break
                if len(component) > 1:
                    components.append(component)
    return components


def _cycle_through(start: int, members: set[int], successors: list[list[int]]) -> list[int]:
    """A shortest cycle from ``start`` back to it inside one strongly connected component."""
    came_from = {start: -1}
    frontier = [start]
    while frontier:
        following: list[int] = []
        for vertex in frontier:
            for nxt in successors[vertex]:
                if nxt == start:
                    path = [vertex]
                    while came_from[path[-1]] != -1:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if nxt in members and nxt not in came_from:
                    came_from[nxt] = vertex
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a component always has a cycle through each member


# ------------------------------------------------------------------ the checks
class _Validator:
    """One run over one document; collects problems in file order, then graph problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.region_codes: dict[str, int] | None = None
        self.tier_ids: dict[str, int] | None = None
        self.node_index: dict[str, int] | None = None
        self.nodes: list[Any] = []
        self.ids: dict[str, str] = {}  # id → path of the item that has it
        self.due_problems: dict[str, str | None] = {}

    def error(self, path: str, message: str) -> None:
        self.problems.append(error(path, message))

    def warning(self, path: str, message: str) -> None:
        self.problems.append(warning(path, message))

    # ---------------------------------------------------------- generic shape
    def shape(self, obj: dict[str, Any], shape: Shape, path: str, who: Who) -> None:
        """Report missing required keys and known keys of the wrong type."""
        required, kinds = shape
        for key in required:
            if key not in obj:
                self.error(f"{path}/{key}", f"{_cap(_resolve(who))} has no '{key}', which is required.")
        for key, value in obj.items():
            kind = kinds.get(key)
            if kind is None:
                continue
            # Fast paths for the common, valid case; the slow path words the problem.
            cls = value.__class__
            if cls is kind:
                continue
            if kind is NUMBER:
                if (cls is float or cls is int) and -_LARGEST <= value <= _LARGEST:
                    continue
            elif kind is STRINGS and cls is list and all(item.__class__ is str for item in value):
                continue
            self.type_problem(key, value, kind, path, who)

    def type_problem(self, key: str, value: Any, kind: Any, path: str, who: Who) -> None:
        if kind is NUMBER:
            if is_finite_number(value):
                return
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.error(
                    f"{path}/{key}", f"'{key}' of {_resolve(who)} must be a finite number, not {describe(value)}."
                )
                return
        elif kind is STRINGS:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if not isinstance(item, str):
                        self.error(
                            f"{path}/{key}/{index}",
                            f"Each item of '{key}' of {_resolve(who)} must be text, not {describe(item)}.",
                        )
                return
        elif isinstance(value, kind) and not isinstance(value, bool):
            return  # a subclass, e.g. an OrderedDict built in code
        self.error(f"{path}/{key}", f"'{key}' of {_resolve(who)} must be {_EXPECTED[kind]}, not {describe(value)}.")

    def items(self, data: dict[str, Any], key: str, what: str) -> list[tuple[int, str, dict[str, Any]]]:
        """The objects of the list ``data[key]`` with their index and path; reports non-objects."""
        value = data.get(key)
        if not isinstance(value, list):
            return []
        result = []
        for index, item in enumerate(value):
            path = f"/{key}/{index}"
            if isinstance(item, dict):
                result.append((index, path, item))
            else:
                self.error(path, f"Each {what} in '{key}' must be an object ({{…}}), not {describe(item)}.")
        return result

    def nonblank(self, obj: dict[str, Any], key: str, path: str, who: Who) -> str | None:
        value = obj.get(key)
        if not isinstance(value, str):
            return None
        if not value or value.isspace():
            self.error(f"{path}/{key}", f"'{key}' of {_resolve(who)} is empty: it needs some text.")
            return None
        return value

    def register_id(self, obj: dict[str, Any], path: str, what: str) -> str | None:
        """Check the item's id and that no other node, edge, note or tier has it."""
        item_id = obj.get("id")
        if not isinstance(item_id, str):
            return None
        if ID_PATTERN.match(item_id) is None:
            self.error(f"{path}/id", _bad_id(item_id, f"The {what}'s id"))
            return None
        first = self.ids.get(item_id)
        if first is not None:
            self.error(
                f"{path}/id",
                f"Id '{item_id}' is already used at {first}: ids must be unique across "
                "segments, links, notes and tiers.",
            )
            return None
        self.ids[item_id] = path
        return item_id

    def region_ref(self, code: Any, path: str, what: str) -> None:
        """``code`` (when text) must be one of the declared regions."""
        codes = self.region_codes
        if codes is None or not isinstance(code, str) or code in codes:
            return
        self.error(
            path,
            f"{what} '{_short(code)}' is not declared in /regions (declared: {_listing(list(codes))}).",
        )

    def node_ref(self, value: Any, path: str, what: str) -> int | None:
        """The index of the node ``value`` names, or ``None`` (reported) when it names none."""
        if self.node_index is None or not isinstance(value, str):
            return None
        index = self.node_index.get(value)
        if index is not None:
            return index
        elsewhere = self.ids.get(value)
        if elsewhere is not None:
            self.error(path, f"{what} '{_short(value)}' names {elsewhere}, which is not a segment.")
        else:
            self.error(path, f"{what} '{_short(value)}' names no segment of this map.")
        return None

    # ---------------------------------------------------------------- the run
    def run(self, data: Any) -> list[Problem]:
        if not isinstance(data, dict):
            self.error("", f"A map file holds a JSON object ({{…}}), but this file holds {describe(data)}.")
            return self.problems
        if not self.check_header(data):
            return self.problems
        self.shape(data, TOP_SHAPE, "", "the map")
        if isinstance(data.get("id"), str) and not _is_id(data["id"]):
            self.error("/id", _bad_id(data["id"], "The map's id"))
        for key in ("title", "chain"):
            self.nonblank(data, key, "", "the map")
        self.check_regions(data)
        for key in ("lead", "owner"):
            self.region_ref(data.get(key), f"/{key}", f"The {key} region")
        self.check_tiers(data)
        parents = self.check_nodes(data)
        successors = self.check_edges(data)
        self.check_notes(data)
        self.check_conflicts(data)
        self.check_deleted(data)
        self.check_meta(data)
        self.check_parent_cycles(parents)
        self.check_link_cycles(successors, data["edges"] if successors else [])
        return self.problems

    def check_header(self, data: dict[str, Any]) -> bool:
        """Check ``format`` and ``version``; False when the rest is not worth checking."""
        fmt = data.get("format", _MISSING)
        format_ok = fmt == FORMAT_NAME
        if fmt is _MISSING:
            self.error(
                "/format",
                f'This is not a chainmap file: it has no \'format\' (a map file says "format": "{FORMAT_NAME}").',
            )
        elif not format_ok:
            self.error(
                "/format",
                f"This is not a chainmap file: 'format' is {describe(fmt)}, but a map file says "
                f'"format": "{FORMAT_NAME}".',
            )
        version = data.get("version", _MISSING)
        if version is _MISSING:
            self.error("/version", f"The map has no 'version': a map of this format says \"version\": {FORMAT_VERSION}.")
        elif isinstance(version, bool) or not isinstance(version, int):
            self.error(
                "/version",
                f"'version' must be the whole number {FORMAT_VERSION}, not {describe(version)}.",
            )
        elif version > FORMAT_VERSION:
            self.error(
                "/version",
                f"This map is format version {version}, but this chainmap reads version "
                f"{FORMAT_VERSION} and older: a newer chainmap is needed to open it.",
            )
            return False  # a newer format may differ in any way: check nothing else
        elif version < 1:
            self.error("/version", f"Format version {version} does not exist: versions start at 1.")
        # Something else entirely (a package.json, say): one clear error, not twenty.
        return format_ok or any(key in data for key in _MAP_KEYS)

    def check_regions(self, data: dict[str, Any]) -> None:
        regions = data.get("regions")
        if not isinstance(regions, list):
            return
        if not regions:
            self.error("/regions", "'regions' is empty: a map needs at least one participating region.")
        codes: dict[str, int] = {}
        for index, path, region in self.items(data, "regions", "region"):
            who = _lazy_label("region", region)
            self.shape(region, REGION_SHAPE, path, who)
            self.nonblank(region, "name", path, who)
            code = region.get("code")
            if isinstance(code, str):
                if REGION_CODE_PATTERN.match(code) is None:
                    self.error(
                        f"{path}/code",
                        f"'{_short(code)}' is not a region code: use capitals, digits and '-', "
                        "2 to 16 characters, starting with a capital (e.g. CN-BJ).",
                    )
                if code in codes:
                    self.error(
                        f"{path}/code",
                        f"Region '{_short(code)}' is declared twice (first at /regions/{codes[code]}).",
                    )
                else:
                    codes[code] = index
            color = region.get("color")
            if isinstance(color, str) and COLOR_PATTERN.match(color) is None:
                self.error(
                    f"{path}/color",
                    f"Colour '{_short(color)}' is not of the form #RRGGBB (e.g. #2B6CD9).",
                )
        self.region_codes = codes

    def check_tiers(self, data: dict[str, Any]) -> None:
        tiers = data.get("tiers")
        if not isinstance(tiers, list):
            return
        if not tiers:
            self.error("/tiers", "'tiers' is empty: a map needs at least one tier (e.g. up, mid, down).")
        tier_ids: dict[str, int] = {}
        for index, path, tier in self.items(data, "tiers", "tier"):
            who = _lazy_label("tier", tier)
            self.shape(tier, TIER_SHAPE, path, who)
            self.nonblank(tier, "name", path, who)
            tier_id = self.register_id(tier, path, "tier")
            if tier_id is not None:
                tier_ids[tier_id] = index
        self.tier_ids = tier_ids

    def check_nodes(self, data: dict[str, Any]) -> list[tuple[int, str, str]]:
        """Check every segment; returns ``(index, path, parent id)`` for the parent pass."""
        if not isinstance(data.get("nodes"), list):
            return []
        node_index: dict[str, int] = {}
        self.node_index = node_index
        self.nodes = data["nodes"]
        tier_ids = self.tier_ids
        declared_tiers = None
        parents: list[tuple[int, str, str]] = []
        for index, path, node in self.items(data, "nodes", "segment"):
            node_id = self.register_id(node, path, "segment")
            if node_id is not None:
                node_index[node_id] = index
            who = _lazy_label("segment", node)
            self.shape(node, NODE_SHAPE, path, who)
            name = self.nonblank(node, "name", path, who)
            if name is not None and len(name) > MAX_NAME_LENGTH:
                self.error(
                    f"{path}/name",
                    f"Segment name '{_short(name)}' has {len(name)} characters: at most "
                    f"{MAX_NAME_LENGTH} are allowed.",
                )
            tier = node.get("tier")
            if tier_ids is not None and isinstance(tier, str) and tier not in tier_ids:
                if declared_tiers is None:
                    declared_tiers = _listing(list(tier_ids))
                self.error(
                    f"{path}/tier",
                    f"Tier '{_short(tier)}' is not declared in /tiers (declared: {declared_tiers}).",
                )
            parent = node.get("parent")
            if isinstance(parent, str):
                parents.append((index, path, parent))
            entries = node.get("regions")
            if isinstance(entries, dict) and entries:
                self.check_entries(entries, f"{path}/regions", who)
        return parents

    def check_entries(self, entries: dict[str, Any], path: str, node_who: Who) -> None:
        for code, entry in entries.items():
            entry_path = f"{path}/{pointer_token(code)}"
            self.region_ref(code, entry_path, "Region")
            if not isinstance(entry, dict):
                self.error(
                    entry_path,
                    f"The {_short(code)} entry of {_resolve(node_who)} must be an object "
                    f'with a status (e.g. {{"status": "strong"}}), not {describe(entry)}.',
                )
                continue

            def who(code: str = code) -> str:
                return f"the {_short(code)} entry of {_resolve(node_who)}"

            self.shape(entry, ENTRY_SHAPE, entry_path, who)
            status = entry.get("status")
            if isinstance(status, str) and status not in _STATUS_SET:
                self.error(
                    f"{entry_path}/status",
                    f"Status '{_short(status)}' is not one of: {', '.join(STATUSES)}.",
                )
            enterprises = entry.get("enterprises")
            if isinstance(enterprises, list):
                for number, enterprise in enumerate(enterprises):
                    self.check_enterprise(enterprise, f"{entry_path}/enterprises/{number}")
            plan = entry.get("plan")
            if isinstance(plan, dict):
                self.check_plan(plan, f"{entry_path}/plan", who)
                if status in _SUPPLYING:
                    self.warning(
                        f"{entry_path}/plan",
                        f"{_cap(who())} has a plan, but its status is '{status}': plans are for "
                        "weak or missing segments.",
                    )

    def check_enterprise(self, enterprise: Any, path: str) -> None:
        if not isinstance(enterprise, dict):
            self.error(path, f"Each enterprise must be an object with a name, not {describe(enterprise)}.")
            return
        who = _lazy_label("enterprise", enterprise)
        self.shape(enterprise, ENTERPRISE_SHAPE, path, who)
        self.nonblank(enterprise, "name", path, who)
        uscc = enterprise.get("uscc")
        if isinstance(uscc, str) and (len(uscc) != 18 or not USCC_ALPHABET.issuperset(uscc)):
            self.warning(
                f"{path}/uscc",
                f"USCC '{_short(uscc)}' of {who()} is not a unified social credit code: 18 characters "
                "of digits and ABCDEFGHJKLMNPQRTUWXY.",
            )

    def check_plan(self, plan: dict[str, Any], path: str, entry_who: Callable[[], str]) -> None:
        self.shape(plan, PLAN_SHAPE, path, lambda: f"the plan of {entry_who()}")
        action = plan.get("action")
        if isinstance(action, str) and action not in _ACTION_SET:
            self.error(f"{path}/action", f"Action '{_short(action)}' is not one of: {', '.join(ACTIONS)}.")
        priority = plan.get("priority")
        if isinstance(priority, str) and priority not in _PRIORITY_SET:
            self.error(
                f"{path}/priority",
                f"Priority '{_short(priority)}' is not one of: {', '.join(PRIORITIES)}.",
            )
        due = plan.get("due")
        if isinstance(due, str):
            # Many plans share a due date; the calendar check is the dear part.
            problem = self.due_problems.get(due, _MISSING)
            if problem is _MISSING:
                problem = self.due_problems[due] = due_problem(due)
            if problem is not None:
                self.error(f"{path}/due", problem)

    def check_edges(self, data: dict[str, Any]) -> list[list[int]]:
        """Check every link; returns each segment's successors for the cycle pass."""
        if not isinstance(data.get("edges"), list):
            return []
        node_index = self.node_index
        successors: list[list[int]] = [[] for _ in self.nodes] if node_index is not None else []
        seen: dict[tuple[str, str, str], int] = {}
        for index, path, edge in self.items(data, "edges", "link"):
            who = _lazy_label("link", edge)
            self.shape(edge, EDGE_SHAPE, path, who)
            self.register_id(edge, path, "link")
            source = self.node_ref(edge.get("from"), f"{path}/from", "The link's start")
            target = self.node_ref(edge.get("to"), f"{path}/to", "The link's end")
            flows = edge.get("flows")
            if isinstance(flows, list):
                self.check_flows(flows, f"{path}/flows")
            if source is None or target is None:
                continue
            if source == target:
                self.error(
                    f"{path}/to",
                    f"Link goes from segment '{_node_name(self.nodes[source])}' to itself: a link "
                    "joins two different segments.",
                )
                continue
            kind = edge.get("kind", DEFAULT_EDGE_KIND)
            if isinstance(kind, str):
                key = (edge["from"], edge["to"], kind)
                first = seen.get(key)
                if first is not None:
                    self.warning(
                        path,
                        f"This link repeats /edges/{first}: both go from "
                        f"'{_node_name(self.nodes[source])}' to '{_node_name(self.nodes[target])}' "
                        f"with kind '{_short(kind)}'.",
                    )
                else:
                    seen[key] = index
            successors[source].append(target)
        return successors

    def check_flows(self, flows: list[Any], path: str) -> None:
        for index, flow in enumerate(flows):
            flow_path = f"{path}/{index}"
            if not isinstance(flow, dict):
                self.error(
                    flow_path,
                    f'Each flow must be an object like {{"from": "CN-TJ", "to": "CN-BJ"}}, not {describe(flow)}.',
                )
                continue
            self.shape(flow, FLOW_SHAPE, flow_path, "this flow")
            self.region_ref(flow.get("from"), f"{flow_path}/from", "Flow region")
            self.region_ref(flow.get("to"), f"{flow_path}/to", "Flow region")

    def check_notes(self, data: dict[str, Any]) -> None:
        for _index, path, note in self.items(data, "notes", "note"):
            who = _lazy_label("note", note)
            self.shape(note, NOTE_SHAPE, path, who)
            self.register_id(note, path, "note")
            self.node_ref(note.get("node"), f"{path}/node", "The note's segment")

    def check_conflicts(self, data: dict[str, Any]) -> None:
        seen: dict[str, int] = {}
        for index, path, conflict in self.items(data, "conflicts", "conflict"):
            self.shape(conflict, CONFLICT_SHAPE, path, "this conflict")
            conflict_id = conflict.get("id")
            if isinstance(conflict_id, str):
                if not _is_id(conflict_id):
                    self.error(f"{path}/id", _bad_id(conflict_id, "The conflict's id"))
                elif conflict_id in seen:
                    self.error(
                        f"{path}/id",
                        f"Conflict id '{conflict_id}' is already used at /conflicts/{seen[conflict_id]}.",
                    )
                else:
                    seen[conflict_id] = index
            kind = conflict.get("kind")
            if isinstance(kind, str) and kind not in _CONFLICT_KIND_SET:
                self.error(
                    f"{path}/kind",
                    f"Conflict kind '{_short(kind)}' is not one of: {', '.join(CONFLICT_KINDS)}.",
                )
            values = conflict.get("values")
            if isinstance(values, list):
                for number, value in enumerate(values):
                    value_path = f"{path}/values/{number}"
                    if isinstance(value, dict):
                        self.shape(value, CONFLICT_VALUE_SHAPE, value_path, "this conflict value")
                    else:
                        self.error(
                            value_path,
                            "Each value of a conflict must be an object with a 'source' "
                            f"(and the source's 'value'), not {describe(value)}.",
                        )

    def check_deleted(self, data: dict[str, Any]) -> None:
        deleted = data.get("deleted")
        if not isinstance(deleted, list):
            return
        for index, item in enumerate(deleted):
            if not isinstance(item, str):
                self.error(f"/deleted/{index}", f"Each item of 'deleted' must be an id, not {describe(item)}.")
            elif not _is_id(item):
                self.error(f"/deleted/{index}", _bad_id(item, "This deleted id"))

    def check_meta(self, data: dict[str, Any]) -> None:
        meta = data.get("meta")
        if not isinstance(meta, dict):
            return
        self.shape(meta, META_SHAPE, "/meta", "'meta'")
        for key in ("created", "modified"):
            value = meta.get(key)
            if isinstance(value, str) and not is_timestamp(value):
                self.warning(
                    f"/meta/{key}",
                    f"'{key}' is '{_short(value)}', which is not an ISO 8601 date and time with an "
                    "offset (e.g. 2025-03-01T09:30:00+08:00).",
                )
        merged_from = meta.get("merged_from")
        if isinstance(merged_from, list):
            for index, item in enumerate(merged_from):
                if not isinstance(item, dict):
                    self.error(
                        f"/meta/merged_from/{index}",
                        f"Each item of 'merged_from' must be an object describing one input, not {describe(item)}.",
                    )

    # ---------------------------------------------------------------- graphs
    def check_parent_cycles(self, parents: list[tuple[int, str, str]]) -> None:
        """Every ``parent`` names a segment, and following parents never comes back."""
        node_index = self.node_index
        if node_index is None:
            return
        parent_of: dict[int, int] = {}
        paths: dict[int, str] = {}
        for index, path, parent in parents:
            target = self.node_ref(parent, f"{path}/parent", "The parent")
            if target is None:
                continue
            if target == index:
                self.error(
                    f"{path}/parent",
                    f"Segment '{_node_name(self.nodes[index])}' is its own parent.",
                )
                continue
            parent_of[index] = target
            paths[index] = path
        state: dict[int, int] = {}  # 1: on the current walk, 2: done
        for start in parent_of:
            if start in state:
                continue
            walk: list[int] = []
            current: int | None = start
            while current is not None and current not in state:
                state[current] = 1
                walk.append(current)
                current = parent_of.get(current)
            if current is not None and state[current] == 1:
                cycle = walk[walk.index(current) :]
                first = min(cycle)
                names = [_node_name(self.nodes[i]) for i in cycle]
                self.error(
                    f"{paths[first]}/parent",
                    f"Following 'parent' goes round in a cycle: {_chain_names(names)}. A segment "
                    "cannot be inside its own sub-segment.",
                )
            for member in walk:
                state[member] = 2

    def check_link_cycles(self, successors: list[list[int]], edges: list[Any]) -> None:
        """One warning per strongly connected group of segments (a loop of links)."""
        if not successors:
            return
        components = strongly_connected(successors)
        if not components:
            return
        first_edge: dict[tuple[Any, Any], int] = {}
        for index, edge in enumerate(edges):
            if isinstance(edge, dict):
                first_edge.setdefault((edge.get("from"), edge.get("to")), index)
        for component in components:
            start = min(component)
            cycle = _cycle_through(start, set(component), successors)
            names = [_node_name(self.nodes[i]) for i in cycle]
            step = (self.nodes[start].get("id"), self.nodes[cycle[1 % len(cycle)]].get("id"))
            place = f"/edges/{first_edge[step]}" if step in first_edge else f"/nodes/{start}"
            more = f" ({len(component)} segments in all)" if len(component) > len(cycle) else ""
            self.warning(
                place,
                f"Links go round in a cycle: {_chain_names(names)}{more}. Loops such as recycling "
                "are allowed, but check this one is meant.",
            )


class _Missing:
    pass


_MISSING: Any = _Missing()


def _bad_id(value: str, what: str) -> str:
    return (
        f"{what} '{_short(value)}' is not a valid id: use letters, digits and _ . : -, "
        "starting with a letter or digit, at most 64 characters."
    )


def _lazy_label(kind: str, item: dict[str, Any]) -> Callable[[], str]:
    return lambda: _item_label(kind, item)


def _node_name(node: Any) -> str:
    if isinstance(node, dict):
        for key in ("name", "id"):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return _short(value.strip(), 30)
    return "?"


def _chain_names(names: list[str], limit: int = 5) -> str:
    """``'A' → 'B' → 'C' → 'A'``, shortened to ``limit`` names."""
    shown = [f"'{name}'" for name in names[:limit]]
    if len(names) > limit:
        shown.append(f"… ({len(names) - limit} more)")
    return " → ".join([*shown, f"'{names[0]}'"])
