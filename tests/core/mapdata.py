"""Valid maps as plain data, built in code: a small hand-written one and hypothesis strategies.

Every map these produce is in canonical form (keys in the spec's order, optional empty lists
left out, coordinates rounded to 0.1), so ``map_to_data(load(dumps(data))) == data``.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from chainmap.core.format.serialize import canonical_coordinate
from chainmap.core.vocabulary import ACTIONS, CONFLICT_KINDS, MARKS, PRIORITIES, STATUSES, USCC_ALPHABET

_SAMPLE: dict[str, Any] = {
    "format": "chainmap",
    "version": 1,
    "id": "map-ev-2f6c",
    "title": "京津冀新能源和智能网联汽车产业链图谱",
    "chain": "新能源和智能网联汽车",
    "lead": "CN-BJ",
    "owner": "CN-TJ",
    "regions": [
        {"code": "CN-BJ", "name": "北京", "color": "#D9412B"},
        {"code": "CN-TJ", "name": "天津", "color": "#2B6CD9"},
        {"code": "CN-HE", "name": "河北"},
    ],
    "tiers": [{"id": "up", "name": "上游"}, {"id": "mid", "name": "中游"}, {"id": "down", "name": "下游"}],
    "nodes": [
        {"id": "n-lithium", "name": "锂矿", "tier": "up", "x": 100, "y": 80.5},
        {
            "id": "n-battery",
            "name": "动力电池",
            "tier": "mid",
            "kind": "component",
            "aliases": ["锂电池"],
            "tags": ["核心"],
            "x": 300,
            "y": 80,
            "regions": {
                "CN-BJ": {
                    "status": "strong",
                    "enterprises": [
                        {"name": "某电池公司", "uscc": "91110000100000000X", "marks": ["leader", "listed"]}
                    ],
                },
                "CN-TJ": {
                    "status": "weak",
                    "plan": {
                        "action": "strengthen",
                        "priority": "high",
                        "targets": ["某电芯厂"],
                        "due": "2027-06",
                    },
                },
                "CN-HE": {
                    "status": "gap",
                    "plan": {"action": "fill", "priority": "medium", "due": "2028-02-29"},
                },
            },
        },
        {"id": "n-cell", "name": "电芯", "tier": "mid", "parent": "n-battery"},
        {"id": "n-vehicle", "name": "整车", "tier": "down", "regions": {"CN-BJ": {"status": "present"}}},
    ],
    "edges": [
        {"id": "e-1", "from": "n-lithium", "to": "n-battery", "label": "锂"},
        {
            "id": "e-2",
            "from": "n-battery",
            "to": "n-vehicle",
            "kind": "supply",
            "flows": [{"from": "CN-TJ", "to": "CN-BJ", "note": "天津电池供北京整车"}],
        },
    ],
    "notes": [{"id": "note-1", "text": "<b>不是 HTML</b>", "x": 300, "y": 20, "node": "n-battery"}],
    "conflicts": [
        {
            "id": "c-1",
            "kind": "edit",
            "path": "/nodes/n-battery/name",
            "values": [{"source": "CN-BJ", "value": "动力电池"}, {"source": "CN-TJ"}],
        }
    ],
    "deleted": ["n-old"],
    "meta": {"created": "2025-03-01T09:30:00+08:00", "generator": "chainmap 0.1.0"},
}


def sample_map() -> dict[str, Any]:
    """A small valid map using every part of the format (a fresh copy each call)."""
    return copy.deepcopy(_SAMPLE)


def minimal_map() -> dict[str, Any]:
    """The smallest valid map: one region, one tier, nothing else."""
    return {
        "format": "chainmap",
        "version": 1,
        "id": "m1",
        "title": "T",
        "chain": "C",
        "regions": [{"code": "CN-BJ", "name": "北京"}],
        "tiers": [{"id": "up", "name": "上游"}],
        "nodes": [],
        "edges": [],
    }


# ------------------------------------------------------------------ strategies
CHINESE = [
    "动力电池",
    "电芯",
    "正极材料",
    "锂矿",
    "整车",
    "芯片",
    "激光雷达",
    "氢燃料电池",
    "工业母机",
    "伺服电机",
]
EXTRA_KEYS = ["x-future", "新字段", "_private", "zzz"]

# Cheap to draw (few choices each), so a hundred maps generate in a second or two; the id and
# code patterns themselves are tested one by one in test_validate.py.
ids = st.builds("{}{}".format, st.sampled_from(["n", "e-", "A.", "9:", "z_", "t"]), st.integers(0, 99_999))
region_codes = st.sampled_from(
    ["CN-BJ", "CN-TJ", "CN-HE", "CN-SH", "CN-JS", "YRD", "R2-D2", "AB", "X-0123456789ABCD"]
)
colors = st.builds("#{:06X}".format, st.integers(0, 0xFFFFFF)) | st.just("#abcdef")
texts = st.one_of(st.text(max_size=8), st.sampled_from(CHINESE))
names = st.one_of(st.sampled_from(CHINESE), st.text(min_size=1, max_size=20)).filter(
    lambda s: bool(s) and not s.isspace()
)
coordinates = st.one_of(
    st.integers(-5000, 5000), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
).map(canonical_coordinate)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**15), 10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)
extras = st.dictionaries(st.sampled_from(EXTRA_KEYS), json_values, max_size=2)
uscc_codes = st.text(alphabet=sorted(USCC_ALPHABET), min_size=18, max_size=18)
timestamps = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))).isoformat(),
    st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(-14 * 60, 14 * 60),
)


def _optional(draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


def _optional_list(draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    values = draw(st.lists(strategy, max_size=2))
    if values:
        out[key] = values


def _with_extras(draw: st.DrawFn, out: dict[str, Any]) -> dict[str, Any]:
    for key, value in draw(extras).items():
        out[key] = value
    return out


@st.composite
def enterprises(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {"name": draw(names)}
    _optional(draw, out, "uscc", uscc_codes)
    _optional_list(draw, out, "marks", st.one_of(st.sampled_from(MARKS), texts))
    _optional(draw, out, "city", texts)
    _optional(draw, out, "note", texts)
    return _with_extras(draw, out)


@st.composite
def due_dates(draw: st.DrawFn) -> str:
    day = draw(st.dates())
    return f"{day.year:04d}-{day.month:02d}" if draw(st.booleans()) else day.isoformat()


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {
        "action": draw(st.sampled_from(ACTIONS)),
        "priority": draw(st.sampled_from(PRIORITIES)),
    }
    _optional_list(draw, out, "targets", texts)
    _optional(draw, out, "owner", texts)
    _optional(draw, out, "due", due_dates())
    _optional(draw, out, "note", texts)
    return _with_extras(draw, out)


@st.composite
def entries(draw: st.DrawFn) -> dict[str, Any]:
    status = draw(st.sampled_from(STATUSES))
    out: dict[str, Any] = {"status": status}
    _optional_list(draw, out, "enterprises", enterprises())
    if status not in ("strong", "present"):  # a plan there is only a warning; keep maps clean
        _optional(draw, out, "plan", plans())
    _optional(draw, out, "note", texts)
    return _with_extras(draw, out)


@st.composite
def chain_maps(draw: st.DrawFn, max_nodes: int = 6) -> dict[str, Any]:
    """A random valid map in canonical form."""
    codes = draw(st.lists(region_codes, min_size=1, max_size=3, unique=True))
    node_count = draw(st.integers(0, max_nodes))
    edge_count = draw(st.integers(0, 8)) if node_count >= 2 else 0
    note_count = draw(st.integers(0, 2))
    tier_count = draw(st.integers(1, 3))
    pool = draw(st.lists(ids, min_size=tier_count + node_count + edge_count + note_count, unique=True))
    tier_ids = pool[:tier_count]
    node_ids = pool[tier_count : tier_count + node_count]
    edge_ids = pool[tier_count + node_count : tier_count + node_count + edge_count]
    note_ids = pool[tier_count + node_count + edge_count :][:note_count]

    data: dict[str, Any] = {
        "format": "chainmap",
        "version": 1,
        "id": draw(ids),
        "title": draw(names),
        "chain": draw(names),
    }
    _optional(draw, data, "lead", st.sampled_from(codes))
    _optional(draw, data, "owner", st.sampled_from(codes))
    regions = []
    for code in codes:
        region: dict[str, Any] = {"code": code, "name": draw(names)}
        _optional(draw, region, "color", colors)
        regions.append(_with_extras(draw, region))
    data["regions"] = regions
    data["tiers"] = [_with_extras(draw, {"id": tier_id, "name": draw(names)}) for tier_id in tier_ids]

    # Parents point to segments earlier in a random order: no cycles, but forward references.
    rank = draw(st.permutations(range(node_count))) if node_count else []
    nodes = []
    for index, node_id in enumerate(node_ids):
        node: dict[str, Any] = {"id": node_id, "name": draw(names), "tier": draw(st.sampled_from(tier_ids))}
        older = [node_ids[j] for j in range(node_count) if rank[j] < rank[index]]
        if draw(st.booleans()) and older:
            node["parent"] = draw(st.sampled_from(older))
        _optional(
            draw, node, "kind", st.sampled_from(["material", "component", "product", "service", "其他"])
        )
        _optional_list(draw, node, "aliases", names)
        _optional(draw, node, "description", texts)
        _optional_list(draw, node, "tags", texts)
        if draw(st.booleans()):
            node["x"] = draw(coordinates)
            node["y"] = draw(coordinates)
        chosen = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
        if chosen:
            node["regions"] = {code: draw(entries()) for code in chosen}
        nodes.append(_with_extras(draw, node))
    data["nodes"] = nodes

    edges = []
    for edge_id in edge_ids:
        source, target = draw(st.lists(st.sampled_from(node_ids), min_size=2, max_size=2, unique=True))
        edge: dict[str, Any] = {"id": edge_id, "from": source, "to": target}
        _optional(draw, edge, "kind", st.sampled_from(["supply", "technology", "service", "recycling"]))
        _optional(draw, edge, "label", texts)
        flows = []
        for _ in range(draw(st.integers(0, 1))):
            flow: dict[str, Any] = {"from": draw(st.sampled_from(codes)), "to": draw(st.sampled_from(codes))}
            _optional(draw, flow, "note", texts)
            flows.append(_with_extras(draw, flow))
        if flows:
            edge["flows"] = flows
        _optional(draw, edge, "note", texts)
        edges.append(_with_extras(draw, edge))
    data["edges"] = edges

    notes = []
    for note_id in note_ids:
        note: dict[str, Any] = {
            "id": note_id,
            "text": draw(texts),
            "x": draw(coordinates),
            "y": draw(coordinates),
        }
        if draw(st.booleans()) and node_ids:
            note["node"] = draw(st.sampled_from(node_ids))
        notes.append(_with_extras(draw, note))
    if notes:
        data["notes"] = notes

    conflicts = []
    for conflict_id in draw(st.lists(ids, max_size=1, unique=True)):
        values = []
        for source in draw(st.lists(st.sampled_from(codes), max_size=2)):
            value: dict[str, Any] = {"source": source}
            _optional(draw, value, "value", json_values)
            values.append(value)
        conflict: dict[str, Any] = {
            "id": conflict_id,
            "kind": draw(st.sampled_from(CONFLICT_KINDS)),
            "path": "/nodes/" + draw(ids) + "/name",
            "values": values,
        }
        _optional(draw, conflict, "base", json_values)
        conflicts.append(_with_extras(draw, conflict))
    if conflicts:
        data["conflicts"] = conflicts
    deleted = draw(st.lists(ids, max_size=2, unique=True))
    if deleted:
        data["deleted"] = deleted
    meta: dict[str, Any] = {}
    _optional(draw, meta, "created", timestamps)
    _optional(draw, meta, "modified", timestamps)
    _optional(draw, meta, "generator", st.just("chainmap 0.1.0"))
    _optional(
        draw,
        meta,
        "merged_from",
        st.lists(st.fixed_dictionaries({"owner": st.sampled_from(codes)}), max_size=2),
    )
    _with_extras(draw, meta)
    if meta:
        data["meta"] = meta
    return _with_extras(draw, data)
