"""A map as stable lines of text, for ``git diff`` (``chainmap git-textconv``).

One line per segment, link and note with its key facts, sorted so that the same map always
gives the same lines whatever the order of its arrays: segments by tier order, then name,
then id; links by their ends' names; notes by text. Positions are left out (moving a box is
not a change of meaning); everything else a segment holds is on its line.
"""

from __future__ import annotations

import json
from typing import Any

from .format.serialize import edge_to_data, node_to_data, region_to_data
from .model import ABSENT, ChainMap
from .textsafe import terminal_safe


def _text(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entry(code: str, entry: dict[str, Any]) -> str:
    parts = [f"{code}={entry['status']}"]
    for firm in entry.get("enterprises", ()):
        marks = f"[{','.join(firm['marks'])}]" if firm.get("marks") else ""
        parts.append(f"firm {_text(firm['name'])}{marks}" + "".join(
            f" {k}={_text(v)}" for k, v in firm.items() if k not in ("name", "marks")))
    plan = entry.get("plan")
    if plan is not None:
        parts.append(f"plan {plan['action']}/{plan['priority']}" + "".join(
            f" {k}={_text(v)}" for k, v in plan.items() if k not in ("action", "priority")))
    parts.extend(f"{k}={_text(v)}" for k, v in entry.items() if k not in ("status", "enterprises", "plan"))
    return " ".join(parts)


def _conflict_value(kind: str, value: Any) -> str:
    if value is ABSENT:
        return "(deleted)" if kind == "delete" else "(none)"
    if kind == "delete":
        return "(kept)"  # the whole item: its own lines say what it holds
    return _text(value)


def map_lines(chain_map: ChainMap) -> list[str]:
    """The map's meaning, one stable line per fact, safe to show on a terminal."""
    lines = [f"map {chain_map.id} {_text(chain_map.title)} chain={_text(chain_map.chain)}"
             f" lead={chain_map.lead or '-'} owner={chain_map.owner or '-'}"]
    for region in chain_map.regions:
        data = region_to_data(region)
        lines.append("region " + " ".join(f"{k}={_text(v)}" for k, v in data.items()))
    tier_rank = {tier.id: i for i, tier in enumerate(chain_map.tiers)}
    for tier in chain_map.tiers:
        lines.append(f"tier {tier.id} {_text(tier.name)}")
    names = {node.id: node.name for node in chain_map.nodes}

    segment_lines = []
    for node in chain_map.nodes:
        data = node_to_data(node)
        tier_name = chain_map.tier(node.tier).name
        facts = [f"segment {tier_name}/{node.name} [{node.id}]"]
        if node.parent:
            facts.append(f"parent={_text(names.get(node.parent, node.parent))}")
        for key, value in data.items():
            if key not in ("id", "name", "tier", "parent", "x", "y", "regions"):
                facts.append(f"{key}={_text(value)}")
        facts.extend(f"| {_entry(code, entry)}" for code, entry in data.get("regions", {}).items())
        segment_lines.append(((tier_rank.get(node.tier, 0), node.name, node.id), " ".join(facts)))
    lines.extend(line for _, line in sorted(segment_lines))

    link_lines = []
    for edge in chain_map.edges:
        data = edge_to_data(edge)
        start, end = names.get(edge.source, edge.source), names.get(edge.target, edge.target)
        facts = [f"link {start} → {end} ({edge.effective_kind}) [{edge.id}]"]
        if edge.label:
            facts.append(f"label={_text(edge.label)}")
        if edge.flows:
            facts.append("flows=" + ",".join(f"{f.source}→{f.target}" + (f"({f.note})" if f.note else "")
                                             for f in edge.flows))
        facts.extend(f"{k}={_text(v)}" for k, v in data.items()
                     if k not in ("id", "from", "to", "kind", "label", "flows"))
        link_lines.append(((start, end, edge.effective_kind, edge.id), " ".join(facts)))
    lines.extend(line for _, line in sorted(link_lines))

    note_lines = []
    for note in chain_map.notes:
        target = f" → {names.get(note.node, note.node)}" if note.node else ""
        note_lines.append(((note.text, note.id), f"note {_text(note.text)}{target} [{note.id}]"))
    lines.extend(line for _, line in sorted(note_lines))

    for conflict in sorted(chain_map.conflicts, key=lambda c: (c.path, c.kind)):
        values = ", ".join(f"{v.source}: {_conflict_value(conflict.kind, v.value)}" for v in conflict.values)
        lines.append(f"conflict {conflict.kind} {conflict.path}: {values}")
    if chain_map.deleted:
        lines.append("deleted " + " ".join(sorted(chain_map.deleted)))
    # git shows these lines on a terminal: control and bidi characters of names as escapes.
    return [terminal_safe(line) for line in lines]
