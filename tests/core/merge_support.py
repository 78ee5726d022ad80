"""Helpers for the merge tests: small maps built in code, region copies edited the way the
editor edits them (through the model's mutators), and the comparisons the laws use."""

from __future__ import annotations

import copy
import itertools
import random
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from chainmap.core.format.fileio import load_map, loads_map
from chainmap.core.format.serialize import dumps_data, map_to_data
from chainmap.core.format.validate import validate_data
from chainmap.core.merge.engine import MergeInput, MergeResult, merge_maps
from chainmap.core.model import (
    ChainMap,
    Edge,
    Enterprise,
    Flow,
    ModelError,
    Node,
    Note,
    Region,
    RegionEntry,
    Tier,
)

ROOT = Path(__file__).resolve().parents[2]
MERGE_EXAMPLES = ROOT / "examples" / "merge"
REGIONS = [
    {"code": "CN-BJ", "name": "北京"},
    {"code": "CN-TJ", "name": "天津"},
    {"code": "CN-HE", "name": "河北"},
]
TIERS = [{"id": "up", "name": "上游"}, {"id": "mid", "name": "中游"}, {"id": "down", "name": "下游"}]


def build(data: dict[str, Any]) -> ChainMap:
    """A map from plain data, through the same checks as a file (so the data must be valid)."""
    return loads_map(dumps_data(data), "<test>").map


def base_data(nodes: list[dict[str, Any]] | None = None, edges: list[dict[str, Any]] | None = None,
              **top: Any) -> dict[str, Any]:
    """A small map: three regions, three tiers, and the given segments and links."""
    data: dict[str, Any] = {
        "format": "chainmap", "version": 1, "id": "m-test", "title": "测试图谱", "chain": "测试链",
        "lead": "CN-BJ", "regions": copy.deepcopy(REGIONS), "tiers": copy.deepcopy(TIERS),
        "nodes": nodes if nodes is not None else [
            {"id": "n-ore", "name": "锂矿", "tier": "up", "x": 0, "y": 0},
            {"id": "n-cell", "name": "电芯", "tier": "mid", "x": 200, "y": 0,
             "regions": {"CN-BJ": {"status": "weak"}, "CN-TJ": {"status": "strong"}}},
            {"id": "n-car", "name": "整车", "tier": "down", "x": 400, "y": 0},
        ],
        "edges": edges if edges is not None else [
            {"id": "e-ore-cell", "from": "n-ore", "to": "n-cell"},
            {"id": "e-cell-car", "from": "n-cell", "to": "n-car"},
        ],
    }
    data.update(top)
    return data


def copy_of(data: dict[str, Any], owner: str | None) -> dict[str, Any]:
    out = copy.deepcopy(data)
    if owner is None:
        out.pop("owner", None)
    else:
        out["owner"] = owner
    return out


def node_of(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def inputs(*maps: ChainMap | dict[str, Any]) -> list[MergeInput]:
    """MergeInputs labelled ``copy-1.chainmap.json``…, from maps or plain data."""
    out = []
    for i, m in enumerate(maps, 1):
        chain_map = m if isinstance(m, ChainMap) else build(m)
        out.append(MergeInput(chain_map, f"copy-{i}.chainmap.json"))
    return out


def load_example(name: str) -> ChainMap:
    return load_map(MERGE_EXAMPLES / f"vehicles-{name}.chainmap.json").map


def content(data: dict[str, Any] | ChainMap) -> dict[str, Any]:
    """A map's data without what a merge changes by design: ``owner`` and ``meta.merged_from``
    (and ``meta`` itself when nothing else is left in it)."""
    out = map_to_data(data) if isinstance(data, ChainMap) else copy.deepcopy(data)
    out.pop("owner", None)
    meta = dict(out.pop("meta", {}))
    meta.pop("merged_from", None)
    if meta:
        out["meta"] = meta
    return out


def assert_valid(result: MergeResult) -> dict[str, Any]:
    """The result's data passes the validator with no error, and loads back the same."""
    data = map_to_data(result.map)
    errors = [p for p in validate_data(data) if p.is_error]
    assert not errors, errors
    assert map_to_data(loads_map(dumps_data(data)).map) == data
    assert "owner" not in data
    assert len(data["meta"]["merged_from"]) == len(result.sources)
    return data


def mask_undecided(data: dict[str, Any], lead_holds: set[str]) -> dict[str, Any]:
    """``data`` with every conflicted value, and the position of every segment or note the lead's
    copy does not hold, replaced by a marker: what the spec lets depend on the input order."""
    out = copy.deepcopy(data)
    items = {f"/{kind}/{item['id']}": item for kind in ("nodes", "edges", "notes", "tiers")
             for item in out.get(kind, ())}
    items.update({f"/regions/{r['code']}": r for r in out["regions"]})
    for conflict in out.get("conflicts", ()):
        conflict["values"] = sorted(conflict["values"], key=lambda v: v["source"])
        parts = [p.replace("~1", "/").replace("~0", "~") for p in conflict["path"].split("/")]
        target: Any = items.get("/".join(parts[:3])) if len(parts) >= 3 else out
        if len(parts) == 2:  # a key of the map itself: /title, /x-extension
            target, parts = out, ["", "", "", parts[1]]
        for token in parts[3:-1] if len(parts) > 3 else []:
            if isinstance(target, dict):
                target = target.get(token)
            elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
                target = target[int(token)]
            else:
                target = None
        if isinstance(target, dict) and len(parts) > 3:
            target[parts[-1]] = "<undecided>"
    for kind in ("nodes", "notes"):
        for item in out.get(kind, ()):
            if item["id"] not in lead_holds:
                item["x"] = item["y"] = "<lead's or first input's>"
    return out


# ------------------------------------------------------------------ editing copies
NAMES = ["动力电池", "电芯", "正极材料", "锂电池正极材料", "锂矿", "整车", "芯片", "激光雷达", "电机", "驱动电机"]
STATUSES = ["strong", "present", "weak", "gap", "unknown"]
@st.composite
def edited_copy(draw: st.DrawFn, base: dict[str, Any], owner: str | None, tag: str, max_edits: int = 6) -> dict[str, Any]:
    """A copy of ``base`` owned by ``owner`` after a few random edits through the model's
    mutators (rename, describe, set a status, add an alias or tag, move, add or delete a
    segment, a link or a note, set a label, add a flow or an enterprise). New ids contain
    ``tag``, so that copies edited apart never mint the same id (as random ids would not)."""
    chain_map = build(copy_of(base, owner))
    counter = itertools.count()

    def _fresh_id(prefix: str) -> str:
        return f"{prefix}-{tag}-{next(counter)}"

    codes = chain_map.region_codes()
    for _ in range(draw(st.integers(0, max_edits))):
        nodes = list(chain_map.nodes)
        op = draw(st.sampled_from([
            "rename", "describe", "status", "alias", "tag", "move", "add_node", "delete_node",
            "add_edge", "delete_edge", "label", "flow", "enterprise", "add_note", "note_text",
        ]))
        if op == "add_node" or not nodes:
            tier = draw(st.sampled_from([t.id for t in chain_map.tiers]))
            chain_map.add_node(Node(_fresh_id("n"), draw(st.sampled_from(NAMES)), tier,
                                    x=float(draw(st.integers(0, 900))), y=float(draw(st.integers(0, 900)))))
            continue
        node = draw(st.sampled_from(nodes))
        if op == "rename":
            chain_map.update_node(node.id, name=draw(st.sampled_from(NAMES)))
        elif op == "describe":
            chain_map.update_node(node.id, description=draw(st.sampled_from(["甲", "乙", "丙"])))
        elif op == "status":
            code = draw(st.sampled_from(codes))
            regions = copy.deepcopy(node.regions)
            entry = regions.get(code, RegionEntry())
            entry.status = draw(st.sampled_from(STATUSES))
            entry.plan = None if entry.status in ("strong", "present") else entry.plan
            regions[code] = entry
            chain_map.update_node(node.id, regions=regions)
        elif op == "alias":
            chain_map.update_node(node.id, aliases=[*node.aliases, draw(st.sampled_from(NAMES))])
        elif op == "tag":
            chain_map.update_node(node.id, tags=[*node.tags, draw(st.sampled_from(["核心", "卡脖子", "新兴"]))])
        elif op == "move":
            chain_map.update_node(node.id, x=float(draw(st.integers(0, 900))), y=float(draw(st.integers(0, 900))))
        elif op == "delete_node":
            chain_map.remove_node(node.id)
        elif op == "add_edge" and len(nodes) >= 2:
            other = draw(st.sampled_from([n for n in nodes if n.id != node.id]))
            chain_map.add_edge(Edge(_fresh_id("e"), node.id, other.id, kind=draw(st.sampled_from([None, "technology"]))))
        elif op in ("delete_edge", "label", "flow") and chain_map.edges:
            edge = draw(st.sampled_from(list(chain_map.edges)))
            if op == "delete_edge":
                chain_map.remove_edge(edge.id)
            elif op == "label":
                chain_map.update_edge(edge.id, label=draw(st.sampled_from(["电芯", "零部件", "数据"])))
            else:
                flow = Flow(draw(st.sampled_from(codes)), draw(st.sampled_from(codes)))
                chain_map.update_edge(edge.id, flows=[*edge.flows, flow])
        elif op == "enterprise":
            code = draw(st.sampled_from(codes))
            regions = copy.deepcopy(node.regions)
            entry = regions.setdefault(code, RegionEntry())
            entry.enterprises.append(Enterprise(draw(st.sampled_from(["示例甲公司", "示例乙公司", "示例丙公司"]))))
            chain_map.update_node(node.id, regions=regions)
        elif op == "add_note":
            chain_map.add_note(Note(_fresh_id("note"), "注", 1.0, 2.0, node=node.id))
        elif op == "note_text" and chain_map.notes:
            note = draw(st.sampled_from(list(chain_map.notes)))
            chain_map.update_note(note.id, text=draw(st.sampled_from(["一", "二"])))
    return map_to_data(chain_map)


@st.composite
def small_bases(draw: st.DrawFn) -> dict[str, Any]:
    """A small valid base map with the three regions (no owner), for the laws."""
    count = draw(st.integers(0, 6))
    nodes = []
    for i in range(count):
        node: dict[str, Any] = {"id": f"n-{i}", "name": draw(st.sampled_from(NAMES)),
                                "tier": draw(st.sampled_from(["up", "mid", "down"]))}
        if draw(st.booleans()):
            node["x"], node["y"] = 100 * i, 50
        codes = draw(st.lists(st.sampled_from(["CN-BJ", "CN-TJ", "CN-HE"]), unique=True))
        if codes:
            node["regions"] = {c: {"status": draw(st.sampled_from(STATUSES))} for c in codes}
        nodes.append(node)
    pairs = [(a, b) for a in range(count) for b in range(count) if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=5)) if pairs else []
    edges = [{"id": f"e-{a}-{b}", "from": f"n-{a}", "to": f"n-{b}"} for a, b in chosen]
    return base_data(nodes, edges, lead=draw(st.sampled_from(["CN-BJ", "CN-TJ", "CN-HE"])))


# ------------------------------------------------------------------ seeded random search
# Ids that copies edited apart may each give to a new item of a different kind (a tier in
# one, a segment in another): merge.md, "Matching" 5.
SHARED_IDS = ["clash-1", "clash-2", "clash-3"]


def mutate_copy(chain_map: ChainMap, rng: random.Random, tag: str, edits: int) -> list[str]:
    """Edit ``chain_map`` in place with ``edits`` random edits through the model's mutators, the
    kinds the merge must bear: own and other regions' entries, renames, moves, re-parenting
    (loops refused by the model), added and deleted segments, links, notes and tiers, some of
    them with an id another copy may give to another kind of item, a region added anywhere in
    the list. Returns what was done."""
    done = []
    counter = itertools.count()
    codes = chain_map.region_codes()
    owner = chain_map.owner

    def new_id(prefix: str) -> str:
        if rng.random() < 0.25:
            shared = rng.choice(SHARED_IDS)
            if not chain_map.uses_id(shared):
                return shared
        return f"{prefix}-{tag}-{next(counter)}"

    for _ in range(edits):
        nodes = list(chain_map.nodes)
        op = rng.choice([
            "rename", "own_status", "other_entry", "drop_own_entry", "move", "add_node", "delete_node",
            "add_edge", "delete_edge", "relink", "parent", "unparent", "add_tier", "add_note", "alias",
            "add_region",
        ])
        try:
            node = rng.choice(nodes) if nodes else None
            if op == "add_node" or node is None:
                tier = rng.choice([t.id for t in chain_map.tiers])
                name = rng.choice([*NAMES, *(n.name for n in nodes[:5])])
                chain_map.add_node(Node(new_id("n"), name, tier, x=float(rng.randrange(900)),
                                        y=float(rng.randrange(900))))
            elif op == "rename":
                chain_map.update_node(node.id, name=rng.choice(NAMES))
            elif op in ("own_status", "other_entry") and (owner or op == "other_entry"):
                code = owner if op == "own_status" else rng.choice(codes)
                regions = copy.deepcopy(node.regions)
                entry = regions.setdefault(code, RegionEntry())
                entry.status = rng.choice(["strong", "present", "weak", "gap"])
                entry.plan = None
                if rng.random() < 0.3:
                    entry.enterprises.append(Enterprise(rng.choice(["示例甲公司", "示例乙公司"])))
                chain_map.update_node(node.id, regions=regions)
            elif op == "drop_own_entry" and owner in node.regions:
                regions = copy.deepcopy(node.regions)
                del regions[owner]
                chain_map.update_node(node.id, regions=regions)
            elif op == "move":
                chain_map.update_node(node.id, x=float(rng.randrange(900)), y=float(rng.randrange(900)))
            elif op == "delete_node":
                chain_map.remove_node(node.id)
            elif op == "add_edge" and len(nodes) >= 2:
                a, b = rng.sample(nodes, 2)
                chain_map.add_edge(Edge(new_id("e"), a.id, b.id))
            elif op in ("delete_edge", "relink") and chain_map.edges:
                edge = rng.choice(list(chain_map.edges))
                if op == "delete_edge":
                    chain_map.remove_edge(edge.id)
                else:
                    chain_map.update_edge(edge.id, target=rng.choice(nodes).id)
            elif op == "parent" and len(nodes) >= 2:
                chain_map.update_node(node.id, parent=rng.choice([n for n in nodes if n.id != node.id]).id)
            elif op == "unparent":
                chain_map.update_node(node.id, parent=None)
            elif op == "add_tier":
                chain_map.add_tier(Tier(new_id("t"), rng.choice(["后市场", "服务", "回收"])))
            elif op == "add_note":
                chain_map.add_note(Note(new_id("note"), "注", 1.0, 2.0, node=node.id))
            elif op == "add_region" and not chain_map.has_region("CN-SD"):
                chain_map.add_region(Region("CN-SD", "山东"), rng.randrange(len(codes) + 1))
            elif op == "alias":
                chain_map.update_node(node.id, aliases=[*node.aliases, rng.choice(NAMES)])
            else:
                continue
        except ModelError:
            continue  # an edit the editor would refuse too (a loop, a self-link, a repeat)
        done.append(op)
    return done


def deciding_lead(copies: list[ChainMap], base: ChainMap | None) -> str | None:
    """The lead whose copy decides positions and provisional values: the ``lead`` most copies
    name, ties going to the base's, then to the smallest code (merge.md, "The lead"). When the
    copies disagree and the winner has no copy, the first input decides: order may matter there."""
    counts = Counter(c.lead for c in copies if c.lead)
    if not counts:
        return base.lead if base is not None else None
    tied = sorted(code for code, n in counts.items() if n == max(counts.values()))
    return base.lead if base is not None and base.lead in tied else tied[0]


def merge_findings(base: ChainMap, copies: list[ChainMap]) -> list[str]:
    """Merge ``copies`` (each owned by a different region) in every order, with and without
    ``base``, and say what breaks a law of merge.md: an exception, a result that does not
    validate, a region-owned fact lost, or a result that depends on the input order (beyond
    what the spec leaves to the lead or the first input). Empty when all is well."""
    findings: list[str] = []
    meta_keys = {k for c in copies for k in c.meta} - {"created", "modified", "merged_from"}
    for use_base in (True, False):
        lead = deciding_lead(copies, base if use_base else None)
        lead_copy = next((c for c in copies if c.owner == lead), None)
        # ``meta`` keys merge silently, a disagreement taking the provisional value: the lead's
        # copy's, else the first input's (merge.py, "meta"). Without the lead's copy, those
        # keys are the first input's to decide.
        first_inputs_meta = set() if lead_copy is not None else {
            k for k in meta_keys if len({repr(c.meta.get(k)) for c in copies}) > 1}
        masked = []
        for order in itertools.permutations(copies):
            given = [MergeInput(m, f"{m.owner}.chainmap.json") for m in order]
            try:
                result = merge_maps(given, base=base if use_base else None)
            except Exception as exc:  # what the search looks for
                findings.append(f"base={use_base} order={[m.owner for m in order]}: {type(exc).__name__}: {exc}")
                break
            data = map_to_data(result.map)
            errors = [p for p in validate_data(data) if p.is_error]
            if errors:
                findings.append(f"base={use_base}: the result does not validate: {errors[:3]}")
            findings.extend(f"base={use_base}: {lost}" for lost in region_fact_errors(result, base, copies, use_base))
            placed = [n.id for n in (lead_copy.nodes if lead_copy else ()) if n.x is not None]
            holds = {result.id_map[(lead, n)] for n in placed if (lead, n) in result.id_map}
            holds |= {note.id for note in (lead_copy.notes if lead_copy else ())}
            report = result.report
            for key in first_inputs_meta & set(data["meta"]):
                data["meta"][key] = "<first input's>"
            masked.append((mask_undecided(data, holds), report.conflicts,
                           sorted((r.kind, r.id, r.new_id) for r in report.renamed),
                           sorted((d.path, d.source) for d in report.dropped_entries)))
        if any(m != masked[0] for m in masked[1:]):
            findings.append(f"base={use_base}: the result depends on the input order")
    return list(dict.fromkeys(findings))


def region_fact_errors(result: MergeResult, base: ChainMap, copies: list[ChainMap], use_base: bool) -> list[str]:
    """Each ``regions[R]`` entry of the copy owned by R that the result lacks, unless its segment
    was deleted cleanly (with a base, R's entry unchanged from the base's); and each entry for R
    in the result that is not R's copy's (merge.md, "Region authority")."""
    merged = {node["id"]: node for node in map_to_data(result.map)["nodes"]}
    base_nodes = {node["id"]: node for node in map_to_data(base)["nodes"]}
    lost = []
    for chain_map in copies:
        owner = chain_map.owner
        for node in map_to_data(chain_map)["nodes"]:
            entry = node.get("regions", {}).get(owner)
            if entry is None:
                continue
            merged_id = result.id_map.get((owner, node["id"]))
            if merged_id in merged:
                if merged[merged_id].get("regions", {}).get(owner) != entry:
                    lost.append(f"{owner}'s entry of {node['id']} is not in the result as {owner} wrote it")
            elif not use_base or base_nodes.get(node["id"], {}).get("regions", {}).get(owner) != entry:
                lost.append(f"{owner}'s entry of {node['id']} is lost with its segment")
    # The other way round: an entry for R in the result is R's copy's (else the base's, where
    # R's copy does not hold the segment), never another copy's.
    for chain_map in copies:
        owner = chain_map.owner
        held = {result.id_map[(owner, n["id"])]: n for n in map_to_data(chain_map)["nodes"]
                if (owner, n["id"]) in result.id_map}
        for merged_id, node in merged.items():
            entry = node.get("regions", {}).get(owner)
            if merged_id in held:
                expected = held[merged_id].get("regions", {}).get(owner)
            else:
                origin = [original for (label, original), new in result.id_map.items() if new == merged_id]
                expected = next((base_nodes[o].get("regions", {}).get(owner) for o in origin
                                 if use_base and o in base_nodes), None)
            if entry != expected:
                lost.append(f"the result's {owner} entry of {merged_id} is not {owner}'s")
    return lost
