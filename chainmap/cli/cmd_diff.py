"""``chainmap diff A B``: what changed between two maps, one line per change."""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.diff import diff_maps
from chainmap.core.messages import msg

from .common import load_or_report, out, print_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help=msg("show what changed between two maps, by meaning"),
        description=msg("List what changed from map A to map B: segments, links, notes, tiers, "
            "regions and the map's fields added, removed or changed, and each region's facts "
            "(status, enterprises, plan). Times and other meta data are not compared. Exit 0 when "
            "the maps are equal, 1 when they differ, 2 when a map cannot be read."),
    )
    parser.add_argument("old", metavar="A")
    parser.add_argument("new", metavar="B")
    parser.add_argument("--json", action="store_true", help=msg("print the changes as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    old = load_or_report(args.old, quiet_warnings=True)
    new = load_or_report(args.new, quiet_warnings=True)
    if old is None or new is None:
        return 2
    changes = diff_maps(old.map, new.map)
    if args.json:
        print_json({"equal": not changes, "changes": [c.to_json() for c in changes]})
    else:
        for change in changes:
            out(change.describe())
    return 1 if changes else 0
