"""``chainmap info FILE``: what a map holds, and where its gaps are."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from chainmap.core import analysis
from chainmap.core.model import ChainMap
from chainmap.core.vocabulary import STATUS_LABELS, STATUSES

from .common import load_or_report, out, print_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info",
        help="summarise a map: counts, statuses, gaps, complements",
        description="Print a map's title, chain and lead; counts per tier, region and status; "
        "gaps to fill per region; complements; regional gaps; segments not assessed.",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
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
        f"  chain: {chain_map.chain}",
        f"  lead: {_region_label(chain_map, chain_map.lead)}"
        + (f"   owner: {_region_label(chain_map, chain_map.owner)}" if chain_map.owner else ""),
        f"  {facts['segments']} segments, {facts['links']} links, {facts['notes']} notes"
        + (f", {facts['conflicts']} conflicts to decide" if facts["conflicts"] else ""),
        "Tiers:",
    ]
    lines += [f"  {t['name']} ({t['id']}): {t['segments']} segments" for t in facts["tiers"]]
    lines.append("Regions (strong/present/weak/gap/not assessed):")
    for code, region in facts["regions"].items():
        counts = "/".join(str(region["statuses"][s]) for s in STATUSES)
        lines.append(f"  {region['name']} ({code}): {counts}, {region['enterprises']} enterprises")
    lines.append("Gaps to fill:")
    for code, region in facts["regions"].items():
        gaps = region["gaps_to_fill"]
        lines.append(f"  {region['name']} ({code}): {len(gaps)}")
        for gap in gaps:
            label = STATUS_LABELS[gap["status"]][0]
            plan = gap["plan"]
            plan_text = f" - plan: {plan['action']}, {plan['priority']} priority" if plan else " - no plan"
            lines.append(f"    {gap['segment']} [{gap['status']} {label}]{plan_text}")
    lines.append(f"Complements ({len(facts['complements'])}):")
    for c in facts["complements"]:
        lines.append(
            f"  {c['segment']}: {_region_label(chain_map, c['supplier'])} ({c['supplier_status']}) "
            f"can supply {_region_label(chain_map, c['gap_in'])}"
        )
    lines.append(f"Regional gaps ({len(facts['regional_gaps'])}): " + (", ".join(facts["regional_gaps"]) or "none"))
    if facts["not_assessed"]:
        lines.append(f"Not assessed ({len(facts['not_assessed'])}): " + ", ".join(facts["not_assessed"]))
    for line in lines:
        out(line)
    return 0
