"""``chainmap lists FILE``: the three lists (三张清单) read off a map."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chainmap.core import analysis
from chainmap.core.csvsafe import csv_text
from chainmap.core.language import is_chinese
from chainmap.core.messages import N_, msg, word
from chainmap.core.model import ChainMap
from chainmap.core.textsafe import terminal_safe
from chainmap.core.vocabulary import ACTION_LABELS, MARK_LABELS, PRIORITY_LABELS, STATUS_LABELS

from .common import load_or_report, out, print_json, say

BOTTLENECK_REASONS = {
    "weak": N_("weak in this region"),
    "single-region": N_("only this region is strong or present"),
    "single-firm": N_("a single firm on the whole map"),
}


def _label(labels: dict[str, tuple[str, str]], key: str) -> str:
    """A vocabulary word in the reader's language; the key itself when it has no label."""
    pair = labels.get(key)
    return (pair[0] if is_chinese() else pair[1]) if pair else key


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lists",
        help=msg("print the three lists: bottlenecks, gaps to attract investment, key enterprises"),
        description=msg("Print the three lists (三张清单) read off a map: bottlenecks to tackle "
            "(卡点攻关), gaps to fill by attracting investment (堵点招商) and key enterprises (重点企业)."),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--list", choices=["bottlenecks", "investment", "enterprises"],
                        help=msg("print only this list"))
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=msg("print JSON"))
    output.add_argument("--csv", action="store_true",
                        help=msg("print CSV for a spreadsheet (one list only; needs --list): UTF-8 with a BOM, "
                            "and a cell that would start a formula (=, +, -, @) begins with '"))
    parser.set_defaults(run=run)


LIST_COLUMNS = {
    "bottlenecks": ("segment", "region", "reason"),
    "investment": ("segment", "region", "status", "action", "priority", "targets", "owner", "due"),
    "enterprises": ("name", "marks", "segment", "region", "city", "uscc"),
}


def lists_as_data(chain_map: ChainMap) -> dict[str, list[dict[str, Any]]]:
    lists = analysis.three_lists(chain_map)
    return {
        "bottlenecks": [
            {"segment": b.node.name, "region": b.region, "reason": b.reason} for b in lists.bottlenecks
        ],
        "investment": [
            {
                "segment": g.node.name, "region": g.region, "status": g.status,
                "action": g.plan.action if g.plan else None,
                "priority": g.plan.priority if g.plan else None,
                "targets": list(g.plan.targets) if g.plan else [],
                "owner": g.plan.owner if g.plan else None,
                "due": g.plan.due if g.plan else None,
            }
            for g in lists.investment_gaps
        ],
        "enterprises": [
            {"name": k.enterprise.name, "marks": list(k.enterprise.marks), "segment": k.node.name,
             "region": k.region, "city": k.enterprise.city, "uscc": k.enterprise.uscc}
            for k in lists.enterprises
        ],
    }


def run(args: argparse.Namespace) -> int:
    result = load_or_report(args.file)
    if result is None:
        return 1
    data = lists_as_data(result.map)
    wanted = [args.list] if args.list else list(data)
    if args.json:
        print_json({name: data[name] for name in wanted})
        return 0
    if args.csv:
        if not args.list:
            say("chainmap lists: --csv needs --list (one list per CSV)")
            return 2
        header = LIST_COLUMNS[args.list]
        text = csv_text(header, [[row[column] for column in header] for row in data[args.list]])
        if sys.stdout.isatty():
            text = terminal_safe(text.replace("\r\n", "\n"), keep_newlines=True)
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    chain_map = result.map
    names = {r.code: r.name for r in chain_map.regions}
    if "bottlenecks" in wanted:
        out(msg("Bottlenecks to tackle ({count})", count=len(data["bottlenecks"])))
        for b in data["bottlenecks"]:
            out(f"  {b['segment']} - {names.get(b['region'], b['region'])}: {word(BOTTLENECK_REASONS[b['reason']])}")
    if "investment" in wanted:
        out(msg("Gaps to fill by attracting investment ({count})", count=len(data["investment"])))
        for g in data["investment"]:
            plan = ""
            if g["action"]:
                plan = msg(" - {action}, {priority} priority", action=_label(ACTION_LABELS, g["action"]),
                           priority=_label(PRIORITY_LABELS, g["priority"]))
                if g["targets"]:
                    plan += msg(", targets: {targets}", targets="、".join(g["targets"]))
                if g["owner"]:
                    plan += msg(", owner: {owner}", owner=g["owner"])
                if g["due"]:
                    plan += msg(", due {due}", due=g["due"])
            out(f"  {g['segment']} - {names.get(g['region'], g['region'])} "
                f"[{_label(STATUS_LABELS, g['status'])}]{plan}")
    if "enterprises" in wanted:
        out(msg("Key enterprises ({count})", count=len(data["enterprises"])))
        for e in data["enterprises"]:
            marks = "、".join(_label(MARK_LABELS, m) for m in e["marks"])
            out(f"  {e['name']}" + (f" [{marks}]" if marks else "")
                  + f" - {e['segment']}, {names.get(e['region'], e['region'])}"
                  + (f", {e['city']}" if e["city"] else ""))
    return 0
