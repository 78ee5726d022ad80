"""Checking parsed map data against format version 1.

:func:`validate_data` takes what ``json`` read (plain dicts and lists) and returns every
error and warning of the spec's "Errors and warnings", each with a JSON-pointer-like path
(``/nodes/3/tier``) and a sentence a user understands. It never stops at the first problem,
but skips checks that would only repeat one (no node checks when ``nodes`` is not a list).
Keys this version does not know are never problems: a newer chainmap may have written them.

Data that passes without errors is safe for :func:`chainmap.core.format.serialize.map_from_data`.
The work is linear in the size of the map: one pass over each list, then the parent and
link cycles with iterative walks (no recursion, so no depth limit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..cycles import cycle_through, strongly_connected
from ..ids import COLOR_PATTERN, ID_PATTERN, REGION_CODE_PATTERN, pointer_token
from ..messages import N_, msg, word
from ..value_checks import (
    due_problem,
    is_finite_number,
    is_timestamp,
    is_uscc,
    nesting_problem,
)
from ..vocabulary import (
    ACTIONS,
    CONFLICT_KINDS,
    DEFAULT_EDGE_KIND,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_NAME_LENGTH,
    PRIORITIES,
    STATUSES,
)
from .keys import (
    CONFLICT_SHAPE,
    CONFLICT_VALUE_SHAPE,
    EDGE_SHAPE,
    ENTERPRISE_SHAPE,
    ENTRY_SHAPE,
    EXPECTED,
    FLOW_SHAPE,
    META_SHAPE,
    NODE_SHAPE,
    NOTE_SHAPE,
    NUMBER,
    PLAN_SHAPE,
    REGION_SHAPE,
    SEGMENT_ID,
    STRINGS,
    TIER_SHAPE,
    TOP_SHAPE,
    Shape,
)
from .problem_wording import (
    bad_id,
    chain_names,
    describe,
    item_label,
    listing,
    node_name,
    short,
)
from .problems import Problem, error, warning
from .validate_quick import conforms as _conforms
from .validate_quick import quick_edges, quick_nodes

_STATUS_SET = frozenset(STATUSES)
_ACTION_SET = frozenset(ACTIONS)
_PRIORITY_SET = frozenset(PRIORITIES)
_CONFLICT_KIND_SET = frozenset(CONFLICT_KINDS)
_SUPPLYING = frozenset(("strong", "present"))
_MAP_KEYS = ("regions", "tiers", "nodes", "edges")


Who = str | Callable[[], str]


def validate_data(data: Any) -> list[Problem]:
    """Every error and warning of ``data`` (parsed JSON) as a map of format version 1."""
    return _Validator().run(data)


def validate_counting(data: dict[str, Any]) -> tuple[list[Problem], int | None]:
    """:func:`validate_data`, and how many key-value pairs the segments' and links' objects hold
    when the quick passes counted them (``None`` when the detailed checks had to look)."""
    validator = _Validator()
    problems = validator.run(data)
    return problems, validator.counted_pairs if validator.counted == {"nodes", "edges"} else None


# ------------------------------------------------------------------ helpers
def _is_id(value: Any) -> bool:
    return isinstance(value, str) and ID_PATTERN.match(value) is not None


def _resolve(who: Who) -> str:
    return who() if callable(who) else word(who)


# The fixed words the checks pass around (``what``, ``who``), said only when a problem is worded.
WORDS = (
    N_("segment"), N_("link"), N_("note"), N_("region"), N_("tier"), N_("enterprise"), N_("conflict"), N_("map"),
    N_("the map"), N_("this flow"), N_("this conflict"), N_("this conflict value"), N_("'meta'"),
    N_("Region"), N_("The link's start"), N_("The link's end"), N_("Flow region"), N_("The note's segment"),
    N_("the base value of this conflict"), N_("'merged_from' of 'meta'"), N_("The parent"),
    N_("The lead region"), N_("The owner region"), N_("This deleted id"), N_("The conflict's id"),
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ the checks
class _Validator:
    """One run over one document; collects problems in file order, then graph problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.region_codes: dict[str, int] | None = None
        self.tier_ids: dict[str, int] | None = None
        self.node_index: dict[str, int] | None = None
        self.nodes: Sequence[Any] = []  # the segments as data, for wording messages
        self.ids: dict[str, str] = {}  # id → path of the item that has it
        # Ids the quick passes registered, a whole list at once: (id → index, path pattern).
        self.quick_ids: list[tuple[dict[str, int], str]] = []
        self.counted: set[str] = set()  # the lists the quick passes checked (and counted)
        self.counted_pairs = 0
        self.due_problems: dict[str, str | None] = {}
        self.data: dict[str, Any] = {}
        self.notes_by_id: dict[str, str] | None = None

    def error(self, path: str, message: str) -> None:
        self.problems.append(error(path, message))

    def warning(self, path: str, message: str) -> None:
        self.problems.append(warning(path, message))

    # ---------------------------------------------------------- generic shape
    def shape(self, obj: dict[str, Any], shape: Shape, path: str, who: Who, placed: tuple[str, ...] = ()) -> None:
        """Report missing required keys, known keys of the wrong type, and unknown keys whose
        value nests too deep (but those in ``placed``, which the caller checks)."""
        if _conforms(obj, shape):
            return  # the common, valid case; the slow path below words each problem
        required, kinds = shape
        for key in required:
            if key not in obj:
                self.error(f"{path}/{key}", msg("{who} has no '{key}', which is required.", who=_cap(_resolve(who)), key=key))
        for key, value in obj.items():
            kind = kinds.get(key)
            if kind is not None:
                self.type_problem(key, value, kind, path, who)
            elif key not in placed:
                self.nesting(value, f"{path}/{pointer_token(key)}", msg("'{key}' of {who}", key=short(key), who=_resolve(who)))

    def nesting(self, value: Any, path: str, what: str, placed_at: str | None = None) -> None:
        """Report ``value`` (at ``path``; to be put at ``placed_at``, a conflict's path) when it
        would reach past :data:`MAX_NESTING` levels from the top of the file."""
        problem = nesting_problem(value, path if placed_at is None else placed_at, _cap(word(what)), placed_at is not None)
        if problem is not None:
            self.error(path, problem)

    def type_problem(self, key: str, value: Any, kind: Any, path: str, who: Who) -> None:
        """Report ``value`` when it is not of ``kind`` (nothing when it is)."""
        if kind is NUMBER:
            if is_finite_number(value):
                return
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.error(
                    f"{path}/{key}",
                    msg("'{key}' of {who} must be a finite number, not {value}.", key=key, who=_resolve(who), value=describe(value)),
                )
                return
        elif kind is SEGMENT_ID:
            if isinstance(value, str):
                return
        elif kind is STRINGS:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if not isinstance(item, str):
                        self.error(
                            f"{path}/{key}/{index}",
                            msg("Each item of '{key}' of {who} must be text, not {item}.", key=key, who=_resolve(who), item=describe(item)),
                        )
                return
        elif isinstance(value, kind) and not isinstance(value, bool):
            return  # a subclass, e.g. an OrderedDict built in code
        self.error(
            f"{path}/{key}", msg("'{key}' of {who} must be {EXPECTED}, not {value}.", key=key, who=_resolve(who), EXPECTED=word(EXPECTED[kind]), value=describe(value))
        )

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
                self.error(path, msg("Each {what} in '{key}' must be an object ({{…}}), not {item}.", what=word(what), key=key, item=describe(item)))
        return result

    def nonblank(self, obj: dict[str, Any], key: str, path: str, who: Who) -> str | None:
        value = obj.get(key)
        if not isinstance(value, str):
            return None
        if not value or value.isspace():
            self.error(f"{path}/{key}", msg("'{key}' of {who} is empty: it needs some text.", key=key, who=_resolve(who)))
            return None
        return value

    def register_id(self, obj: dict[str, Any], path: str, what: str) -> str | None:
        """Check the item's id and that no other node, edge, note or tier has it."""
        item_id = obj.get("id")
        if not isinstance(item_id, str):
            return None
        if ID_PATTERN.match(item_id) is None:
            # Still registered: references to it then resolve, and one bad id is one error.
            self.error(f"{path}/id", bad_id(item_id, msg("The {what}'s id", what=word(what))))
        first = self.id_path(item_id)
        if first is not None:
            self.error(
                f"{path}/id",
                msg("Id '{item_id}' is already used at {first}: ids must be unique across segments, links, notes and tiers.", item_id=item_id, first=first),
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
            msg("{what} '{code}' is not declared in /regions (declared: {codes}).", what=word(what), code=short(code), codes=listing(list(codes))),
        )

    def node_ref(self, value: Any, path: str, what: str) -> int | None:
        """The index of the node ``value`` names, or ``None`` (reported) when it names none."""
        if self.node_index is None or not isinstance(value, str):
            return None
        index = self.node_index.get(value)
        if index is not None:
            return index
        elsewhere = self.id_path(value) or self.note_paths().get(value)
        if elsewhere is not None:
            self.error(path, msg("{what} '{value}' names {elsewhere}, which is not a segment.", what=word(what), value=short(value), elsewhere=elsewhere))
        else:
            self.error(path, msg("{what} '{value}' names no segment of this map.", what=word(what), value=short(value)))
        return None

    def id_path(self, item_id: str) -> str | None:
        """The path of the tier, segment, link or note registered with this id, if any."""
        path = self.ids.get(item_id)
        if path is None:
            for index, pattern in self.quick_ids:
                if item_id in index:
                    return pattern.format(index[item_id])
        return path

    def id_taken(self, item_ids: dict[str, int]) -> bool:
        """Whether any of these ids is registered already."""
        return not item_ids.keys().isdisjoint(self.ids) or any(
            not item_ids.keys().isdisjoint(index) for index, _pattern in self.quick_ids
        )

    def note_paths(self) -> dict[str, str]:
        """Note ids → paths, for wording a link that names a note before notes are checked."""
        if self.notes_by_id is None:
            notes = self.data.get("notes")
            self.notes_by_id = {}
            if isinstance(notes, list):
                for index, note in enumerate(notes):
                    if isinstance(note, dict) and isinstance(note.get("id"), str):
                        self.notes_by_id.setdefault(note["id"], f"/notes/{index}")
        return self.notes_by_id

    # ---------------------------------------------------------------- the run
    def run(self, data: Any) -> list[Problem]:
        if not isinstance(data, dict):
            self.error("", msg("A map file holds a JSON object ({{…}}), but this file holds {data}.", data=describe(data)))
            return self.problems
        self.data = data
        if not self.check_top(data):
            return self.problems
        self.check_regions(data)
        self.check_lead_and_owner(data)
        self.check_tiers(data)
        parents = self.check_nodes(data)
        successors = self.check_edges(data)
        self.check_after_links(data, parents)
        self.check_link_cycles(successors, data["edges"] if successors else [])
        return self.problems

    def check_top(self, data: dict[str, Any]) -> bool:
        """The header, the top object's keys, its id, title and chain; False when the rest is
        not worth checking."""
        if not self.check_header(data):
            return False
        self.shape(data, TOP_SHAPE, "", "the map")
        if isinstance(data.get("id"), str) and not _is_id(data["id"]):
            self.error("/id", bad_id(data["id"], msg("The map's id")))
        for key in ("title", "chain"):
            self.nonblank(data, key, "", "the map")
        return True

    def check_lead_and_owner(self, data: dict[str, Any]) -> None:
        for key in ("lead", "owner"):
            self.region_ref(data.get(key), f"/{key}", "The lead region" if key == "lead" else "The owner region")

    def check_after_links(self, data: dict[str, Any], parents: list[tuple[int, str, str]]) -> None:
        """What follows the segments and links: notes, conflicts, deleted ids, meta, then the
        parents (the link cycles are the last check of all)."""
        self.check_notes(data)
        self.check_conflicts(data)
        self.check_deleted(data)
        self.check_meta(data)
        self.check_parent_cycles(parents)

    def check_header(self, data: dict[str, Any]) -> bool:
        """Check ``format`` and ``version``; False when the rest is not worth checking."""
        fmt = data.get("format", _MISSING)
        format_ok = fmt == FORMAT_NAME
        if fmt is _MISSING:
            self.error(
                "/format",
                msg("This is not a chainmap file: it has no 'format' (a map file says \"format\": \"{FORMAT_NAME}\").", FORMAT_NAME=FORMAT_NAME),
            )
        elif not format_ok:
            self.error(
                "/format",
                msg("This is not a chainmap file: 'format' is {fmt}, but a map file says \"format\": \"{FORMAT_NAME}\".", fmt=describe(fmt), FORMAT_NAME=FORMAT_NAME),
            )
        version = data.get("version", _MISSING)
        if version is _MISSING:
            self.error(
                "/version",
                msg("The map has no 'version': a map of this format says \"version\": {FORMAT_VERSION}.", FORMAT_VERSION=FORMAT_VERSION),
            )
        elif isinstance(version, bool) or not isinstance(version, int):
            self.error(
                "/version",
                msg("'version' must be the whole number {FORMAT_VERSION}, not {version}.", FORMAT_VERSION=FORMAT_VERSION, version=describe(version)),
            )
        elif version > FORMAT_VERSION:
            self.error(
                "/version",
                msg("This map is format version {version}, but this chainmap reads version {FORMAT_VERSION} and older: a newer chainmap is needed to open it.", version=version, FORMAT_VERSION=FORMAT_VERSION),
            )
            return False  # a newer format may differ in any way: check nothing else
        elif version < 1:
            self.error("/version", msg("Format version {version} does not exist: versions start at 1.", version=version))
        # Something else entirely (a package.json, say): one clear error, not twenty.
        return format_ok or any(key in data for key in _MAP_KEYS)

    def check_regions(self, data: dict[str, Any]) -> None:
        regions = data.get("regions")
        if not isinstance(regions, list):
            return
        if not regions:
            self.error("/regions", msg("'regions' is empty: a map needs at least one participating region."))
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
                        msg("'{code}' is not a region code: use capitals, digits and '-', 2 to 16 characters, starting with a capital (e.g. CN-BJ).", code=short(code)),
                    )
                if code in codes:
                    self.error(
                        f"{path}/code",
                        msg("Region '{code}' is declared twice (first at /regions/{codes}).", code=short(code), codes=codes[code]),
                    )
                else:
                    codes[code] = index
            color = region.get("color")
            if isinstance(color, str) and COLOR_PATTERN.match(color) is None:
                self.error(
                    f"{path}/color",
                    msg("Colour '{color}' is not of the form #RRGGBB (e.g. #2B6CD9).", color=short(color)),
                )
        # With no region declared every reference would fail: the one error above says it all.
        self.region_codes = codes if codes else None

    def check_tiers(self, data: dict[str, Any]) -> None:
        tiers = data.get("tiers")
        if not isinstance(tiers, list):
            return
        if not tiers:
            self.error("/tiers", msg("'tiers' is empty: a map needs at least one tier (e.g. up, mid, down)."))
        tier_ids: dict[str, int] = {}
        for index, path, tier in self.items(data, "tiers", "tier"):
            who = _lazy_label("tier", tier)
            self.shape(tier, TIER_SHAPE, path, who)
            self.nonblank(tier, "name", path, who)
            tier_id = self.register_id(tier, path, "tier")
            if tier_id is not None:
                tier_ids[tier_id] = index
        self.tier_ids = tier_ids if tier_ids else None

    def check_nodes(self, data: dict[str, Any]) -> list[tuple[int, str, str]]:
        """Check every segment; returns ``(index, path, parent id)`` for the parent pass."""
        if not isinstance(data.get("nodes"), list):
            return []
        quick = quick_nodes(self, data["nodes"])
        if quick is not None:
            return quick
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
                    msg("Segment name '{name}' has {count} characters: at most {MAX_NAME_LENGTH} are allowed.", name=short(name), count=len(name), MAX_NAME_LENGTH=MAX_NAME_LENGTH),
                )
            tier = node.get("tier")
            if tier_ids is not None and isinstance(tier, str) and tier not in tier_ids:
                if declared_tiers is None:
                    declared_tiers = listing(list(tier_ids))
                self.error(
                    f"{path}/tier",
                    msg("Tier '{tier}' is not declared in /tiers (declared: {declared_tiers}).", tier=short(tier), declared_tiers=declared_tiers),
                )
            parent = node.get("parent")
            if isinstance(parent, str):
                parents.append((index, path, parent))
            entries = node.get("regions")
            if isinstance(entries, dict) and entries:
                self.check_entries(entries, f"{path}/regions", who)
        return parents

    def entry_is_clean(self, entry: Any) -> bool:
        """True when a region entry certainly has no problem, error or warning.

        Most entries of a real map are clean, and this quick look (no paths, no wording)
        lets :meth:`check_entries` skip them; anything else takes the slow path that finds
        and words each problem. It must never pass an entry the slow path would report.
        """
        if entry.__class__ is not dict or not _conforms(entry, ENTRY_SHAPE):
            return False
        status = entry["status"]
        if status not in _STATUS_SET:
            return False
        enterprises = entry.get("enterprises")
        if enterprises is not None:
            for firm in enterprises:
                if firm.__class__ is not dict or not _conforms(firm, ENTERPRISE_SHAPE):
                    return False
                name = firm["name"]
                if not name or name.isspace():
                    return False
                uscc = firm.get("uscc")
                if uscc is not None and not is_uscc(uscc):
                    return False
        plan = entry.get("plan")
        if plan is not None:
            if status in _SUPPLYING or not _conforms(plan, PLAN_SHAPE):
                return False
            if plan["action"] not in _ACTION_SET or plan["priority"] not in _PRIORITY_SET:
                return False
            due = plan.get("due")
            if due is not None and self.due_problem(due) is not None:
                return False
        return True

    def due_problem(self, due: str) -> str | None:
        # Many plans share a due date; the calendar check is the dear part.
        problem = self.due_problems.get(due, _MISSING)
        if problem is _MISSING:
            problem = self.due_problems[due] = due_problem(due)
        return problem

    def check_entries(self, entries: dict[str, Any], path: str, node_who: Who) -> None:
        codes = self.region_codes
        for code, entry in entries.items():
            if (codes is None or code in codes) and self.entry_is_clean(entry):
                continue
            entry_path = f"{path}/{pointer_token(code)}"
            self.region_ref(code, entry_path, "Region")
            if not isinstance(entry, dict):
                self.error(
                    entry_path,
                    msg("The {code} entry of {node_who} must be an object with a status (e.g. {{\"status\": \"strong\"}}), not {entry}.", code=short(code), node_who=_resolve(node_who), entry=describe(entry)),
                )
                continue

            def who(code: str = code) -> str:
                return f"the {short(code)} entry of {_resolve(node_who)}"

            self.shape(entry, ENTRY_SHAPE, entry_path, who)
            status = entry.get("status")
            if isinstance(status, str) and status not in _STATUS_SET:
                self.error(
                    f"{entry_path}/status",
                    msg("Status '{status}' is not one of: {choices}.", status=short(status), choices=', '.join(STATUSES)),
                )
            enterprises = entry.get("enterprises")
            if isinstance(enterprises, list):
                for number, enterprise in enumerate(enterprises):
                    self.check_enterprise(enterprise, f"{entry_path}/enterprises/{number}")
            plan = entry.get("plan")
            if isinstance(plan, dict):
                self.check_plan(plan, f"{entry_path}/plan", who)
                if isinstance(status, str) and status in _SUPPLYING:
                    self.warning(
                        f"{entry_path}/plan",
                        msg("{who} has a plan, but its status is '{status}': plans are for weak or missing segments.", who=_cap(who()), status=status),
                    )

    def check_enterprise(self, enterprise: Any, path: str) -> None:
        if not isinstance(enterprise, dict):
            self.error(path, msg("Each enterprise must be an object with a name, not {enterprise}.", enterprise=describe(enterprise)))
            return
        who = _lazy_label("enterprise", enterprise)
        self.shape(enterprise, ENTERPRISE_SHAPE, path, who)
        self.nonblank(enterprise, "name", path, who)
        uscc = enterprise.get("uscc")
        if isinstance(uscc, str) and not is_uscc(uscc):
            self.warning(
                f"{path}/uscc",
                msg("USCC '{uscc}' of {who} is not a unified social credit code: 18 characters of digits and ABCDEFGHJKLMNPQRTUWXY.", uscc=short(uscc), who=who()),
            )

    def check_plan(self, plan: dict[str, Any], path: str, entry_who: Callable[[], str]) -> None:
        self.shape(plan, PLAN_SHAPE, path, lambda: msg("the plan of {who}", who=entry_who()))
        action = plan.get("action")
        if isinstance(action, str) and action not in _ACTION_SET:
            self.error(f"{path}/action", msg("Action '{action}' is not one of: {choices}.", action=short(action), choices=', '.join(ACTIONS)))
        priority = plan.get("priority")
        if isinstance(priority, str) and priority not in _PRIORITY_SET:
            self.error(
                f"{path}/priority",
                msg("Priority '{priority}' is not one of: {choices}.", priority=short(priority), choices=', '.join(PRIORITIES)),
            )
        due = plan.get("due")
        if isinstance(due, str):
            problem = self.due_problem(due)
            if problem is not None:
                self.error(f"{path}/due", problem)

    def check_edges(self, data: dict[str, Any]) -> list[list[int]]:
        """Check every link; returns each segment's successors for the cycle pass."""
        if not isinstance(data.get("edges"), list):
            return []
        node_index = self.node_index
        quick = quick_edges(self, data["edges"])
        if quick is not None:
            return quick
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
                    msg("A link cannot go from segment '{nodes}' to itself: a link joins two different segments.", nodes=node_name(self.nodes[source])),
                )
                continue
            kind = edge.get("kind", DEFAULT_EDGE_KIND)
            if isinstance(kind, str):
                key = (edge["from"], edge["to"], kind)
                first = seen.get(key)
                if first is not None:
                    self.warning(
                        path,
                        msg("This link repeats /edges/{first}: both go from '{nodes}' to '{nodes2}' with kind '{kind}'.", first=first, nodes=node_name(self.nodes[source]), nodes2=node_name(self.nodes[target]), kind=short(kind)),
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
                    msg("Each flow must be an object like {{\"from\": \"CN-TJ\", \"to\": \"CN-BJ\"}}, not {flow}.", flow=describe(flow)),
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
            self.shape(conflict, CONFLICT_SHAPE, path, "this conflict", placed=("base",))
            # Its values go to its path when it is resolved: they must fit there.
            target = conflict.get("path")
            placed_at = target if isinstance(target, str) else f"{path}/base"
            if "base" in conflict:
                self.nesting(conflict["base"], f"{path}/base", "the base value of this conflict", placed_at)
            conflict_id = conflict.get("id")
            if isinstance(conflict_id, str):
                if not _is_id(conflict_id):
                    self.error(f"{path}/id", bad_id(conflict_id, msg("The conflict's id")))
                elif conflict_id in seen:
                    self.error(
                        f"{path}/id",
                        msg("Conflict id '{conflict_id}' is already used at /conflicts/{seen}.", conflict_id=conflict_id, seen=seen[conflict_id]),
                    )
                else:
                    seen[conflict_id] = index
            kind = conflict.get("kind")
            if isinstance(kind, str) and kind not in _CONFLICT_KIND_SET:
                self.error(
                    f"{path}/kind",
                    msg("Conflict kind '{kind}' is not one of: {choices}.", kind=short(kind), choices=', '.join(CONFLICT_KINDS)),
                )
            values = conflict.get("values")
            if isinstance(values, list):
                for number, value in enumerate(values):
                    value_path = f"{path}/values/{number}"
                    if isinstance(value, dict):
                        self.shape(value, CONFLICT_VALUE_SHAPE, value_path, "this conflict value", placed=("value",))
                        if "value" in value:
                            self.nesting(value["value"], f"{value_path}/value", "this conflict value",
                                         target if isinstance(target, str) else f"{value_path}/value")
                    else:
                        self.error(
                            value_path,
                            msg("Each value of a conflict must be an object with a 'source' (and the source's 'value'), not {value}.", value=describe(value)),
                        )

    def check_deleted(self, data: dict[str, Any]) -> None:
        deleted = data.get("deleted")
        if not isinstance(deleted, list):
            return
        for index, item in enumerate(deleted):
            if not isinstance(item, str):
                self.error(
                    f"/deleted/{index}", msg("Each item of 'deleted' must be an id, not {item}.", item=describe(item))
                )
            elif not _is_id(item):
                self.error(f"/deleted/{index}", bad_id(item, msg("This deleted id")))

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
                    msg("'{key}' is '{value}', which is not an ISO 8601 date and time with an offset (e.g. 2025-03-01T09:30:00+08:00).", key=key, value=short(value)),
                )
        merged_from = meta.get("merged_from")
        if isinstance(merged_from, list):
            self.nesting(merged_from, "/meta/merged_from", "'merged_from' of 'meta'")
            for index, item in enumerate(merged_from):
                if not isinstance(item, dict):
                    self.error(
                        f"/meta/merged_from/{index}",
                        msg("Each item of 'merged_from' must be an object describing one input, not {item}.", item=describe(item)),
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
                    msg("Segment '{nodes}' is its own parent.", nodes=node_name(self.nodes[index])),
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
                names = [node_name(self.nodes[i]) for i in cycle]
                self.error(
                    f"{paths[first]}/parent",
                    msg("Following 'parent' goes round in a cycle: {names}. A segment cannot be inside its own sub-segment.", names=chain_names(names)),
                )
            for member in walk:
                state[member] = 2

    def check_link_cycles(self, successors: list[list[int]], edges: Iterable[Any]) -> None:
        """One warning per strongly connected group of segments (a loop of links)."""
        if not successors or _acyclic(successors):
            return
        components = strongly_connected(successors)
        if not components:
            return
        # Only links whose ends are text made it into ``successors``; a list or an object as
        # an end (already reported) is no key to look up, and must not reach this pass.
        first_edge: dict[tuple[str, str], int] = {}
        for index, edge in enumerate(edges):
            if isinstance(edge, dict):
                source, target = edge.get("from"), edge.get("to")
                if isinstance(source, str) and isinstance(target, str):
                    first_edge.setdefault((source, target), index)
        for component in components:
            start = min(component)
            cycle = cycle_through(start, set(component), successors)
            names = [node_name(self.nodes[i]) for i in cycle]
            step = (self.nodes[start].get("id"), self.nodes[cycle[1 % len(cycle)]].get("id"))
            place = f"/edges/{first_edge[step]}" if step in first_edge else f"/nodes/{start}"
            more = msg(" ({count} segments in all)", count=len(component)) if len(component) > len(cycle) else ""
            self.warning(
                place,
                msg("Links go round in a cycle: {names}{more}. Loops such as recycling are allowed, but check this one is meant.", names=chain_names(names), more=more),
            )


class _Missing:
    pass


_MISSING: Any = _Missing()


def _acyclic(successors: list[list[int]]) -> bool:
    """Whether the links make no loop (Kahn's peeling: cheaper than finding the loops)."""
    waiting = [0] * len(successors)
    for following in successors:
        for target in following:
            waiting[target] += 1
    ready = [vertex for vertex, count in enumerate(waiting) if not count]
    for vertex in ready:  # grows while it is walked
        for target in successors[vertex]:
            waiting[target] -= 1
            if not waiting[target]:
                ready.append(target)
    return len(ready) == len(successors)


def _lazy_label(kind: str, item: dict[str, Any]) -> Callable[[], str]:
    return lambda: item_label(kind, item)
