"""``chainmap info FILE``: what a map holds, and where its gaps are."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from chainmap.core import analysis
from chainmap.core.language import is_chinese
from chainmap.core.messages import msg, word
from chainmap.core.model import ChainMap
from chainmap.core.vocabulary import ACTION_LABELS, PRIORITY_LABELS, STATUS_LABELS, STATUSES

from .common import load_or_report, out, print_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info",
        help=msg("summarise a map: counts, statuses, gaps, complements"),
        description=msg("Print a map's title, chain and lead; counts per tier, region and status; "
            "gaps to fill per region; complements; regional gaps; segments not assessed."),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help=msg("print JSON instead of text"))
    parser.set_defaults(run=run)


def summarise(chain_map: ChainMap) -> dict[str, Any]:
    """The facts ``info`` prints, as plain data."""
    tier_counts = Counter(node.tier for node in chain_map.nodes)
    regions = {}
    for region in chain_map.regions:
        statuses = Counter(analysis.region_status(n, region.code) for n in chain_map.nodes)
        gaps = analysis.gaps_to_fill(chain_map, region.code)
        regions[region.code] = {
            "name": region.name,
            "statuses": {s: statuses.get(s, 0) for s in STATUSES},
            "enterprises": sum(len(n.regions[region.code].enterprises)
                               for n in chain_map.nodes if region.code in n.regions),
            "gaps_to_fill": [
                {"segment": g.node.name, "status": g.status,
                 "plan": None if g.plan is None else {"action": g.plan.action, "priority": g.plan.priority}}
                for g in gaps
            ],
        }
    return {
        "title": chain_map.title,
        "chain": chain_map.chain,
        "lead": chain_map.lead,
        "owner": chain_map.owner,
        "segments": len(chain_map.nodes),
        "links": len(chain_map.edges),
        "notes": len(chain_map.notes),
        "conflicts": len(chain_map.conflicts),
        "tiers": [{"id": t.id, "name": t.name, "segments": tier_counts.get(t.id, 0)} for t in chain_map.tiers],
        "regions": regions,
        "complements": [
            {"segment": c.node.name, "gap_in": c.region, "supplier": c.supplier, "supplier_status": c.supplier_status}
            for c in analysis.complements(chain_map)
        ],
        "regional_gaps": [n.name for n in analysis.regional_gaps(chain_map)],
        "not_assessed": [n.name for n in analysis.not_assessed(chain_map)],
    }


def _label(labels: dict[str, tuple[str, str]], key: str) -> str:
    """A vocabulary word in the reader's language; the key itself when it has no label."""
    pair = labels.get(key)
    return (pair[0] if is_chinese() else pair[1]) if pair else key


def _region_label(chain_map: ChainMap, code: str | None) -> str:
    if code is None:
        return "-"
    return f"{chain_map.region(code).name} ({code})" if chain_map.has_region(code) else code


def run(args: argparse.Namespace) -> int:
    result = load_or_report(args.file)
    if result is None:
        return 1
    chain_map = result.map
    facts = summarise(chain_map)
    if args.json:
        print_json(facts)
        return 0
    lines = [
        chain_map.title,
        msg("  chain: {chain}", chain=chain_map.chain),
        msg("  lead: {lead}", lead=_region_label(chain_map, chain_map.lead))
        + (msg("   owner: {owner}", owner=_region_label(chain_map, chain_map.owner)) if chain_map.owner else ""),
        msg("  {segments} segments, {links} links, {notes} notes", segments=facts["segments"],
            links=facts["links"], notes=facts["notes"])
        + (msg(", {count} conflicts to decide", count=facts["conflicts"]) if facts["conflicts"] else ""),
        msg("Tiers:"),
    ]
    lines += [msg("  {name} ({id}): {count} segments", name=t["name"], id=t["id"], count=t["segments"])
              for t in facts["tiers"]]
    lines.append(msg("Regions (strong/present/weak/gap/not assessed):"))
    for code, region in facts["regions"].items():
        counts = "/".join(str(region["statuses"][s]) for s in STATUSES)
        lines.append(msg("  {name} ({code}): {counts}, {count} enterprises", name=region["name"], code=code,
                         counts=counts, count=region["enterprises"]))
    lines.append(msg("Gaps to fill:"))
    for code, region in facts["regions"].items():
        gaps = region["gaps_to_fill"]
        lines.append(f"  {region['name']} ({code}): {len(gaps)}")
        for gap in gaps:
            plan = gap["plan"]
            plan_text = (msg(" - plan: {action}, {priority} priority", action=_label(ACTION_LABELS, plan["action"]),
                             priority=_label(PRIORITY_LABELS, plan["priority"])) if plan else word(" - no plan"))
            lines.append(f"    {gap['segment']} [{_label(STATUS_LABELS, gap['status'])}]{plan_text}")
    lines.append(msg("Complements ({count}):", count=len(facts["complements"])))
    for c in facts["complements"]:
        lines.append(msg("  {segment}: {supplier} ({status}) can supply {region}", segment=c["segment"],
                         supplier=_region_label(chain_map, c["supplier"]),
                         status=_label(STATUS_LABELS, c["supplier_status"]),
                         region=_region_label(chain_map, c["gap_in"])))
    lines.append(msg("Regional gaps ({count}): {names}", count=len(facts["regional_gaps"]),
                     names=", ".join(facts["regional_gaps"]) or word("none")))
    if facts["not_assessed"]:
        lines.append(msg("Not assessed ({count}): {names}", count=len(facts["not_assessed"]),
                         names=", ".join(facts["not_assessed"])))
    for line in lines:
        out(line)
    return 0
