"""``chainmap import IN... -o OUT [--into MAP]``: spreadsheets and graph files into a map.

Reads Excel workbooks (and .xls/.ods), CSV files (UTF-8 with or without BOM, or GB18030),
GraphML, GEXF and Cytoscape.js files, keyed by id (:mod:`chainmap.core.interchange`). Any bad
cell is reported as ``FILE:Sheet!C12: message`` and nothing is written. Qt is never imported.
"""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.format import dumps_map
from chainmap.core.messages import msg

from .common import FORCE_HELP, check_output, load_or_report, say, write_output


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=msg("make or update a map from Excel, CSV, GraphML, GEXF or Cytoscape.js files"),
        description=msg("Read IN files (.xlsx/.xls/.ods workbooks, .csv, .graphml, .gexf, .cyjs) into a map "
            "and write it to OUT. With --into MAP, a row or node whose id is an item's updates that item, a row "
            "without an id creates one, and items the files do not list are kept (unless --delete-missing); "
            "without --into, a new map is made. Sheet and column names may be English or Chinese. Every bad "
            "cell is reported as FILE:Sheet!C12: message, and then nothing is written. Segments without a "
            "position are laid out. Exit 0 when written, 1 on problems in the files, 2 on bad options."),
    )
    parser.add_argument("inputs", nargs="+", metavar="IN", help=msg("the files to import (several CSV files: "
                            "segments.csv links.csv)"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help=msg("the map to write ('-' for standard output); may be MAP itself"))
    parser.add_argument("--into", metavar="MAP", help=msg("update this map instead of making a new one"))
    parser.add_argument("--delete-missing", action="store_true",
                        help=msg("delete the items of MAP that a file's sheet does not list"))
    parser.add_argument("--tier-by", metavar="ATTRIBUTE",
                        help=msg("for a graph file: the node attribute that names each segment's tier "
                            "(default: the 'tier' attribute)"))
    parser.add_argument("--force", action="store_true", help=msg(FORCE_HELP))
    parser.add_argument("-q", "--quiet", action="store_true", help=msg("print nothing but problems"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.delete_missing and not args.into:
        say(msg("chainmap import: --delete-missing needs --into MAP (there is nothing to delete from a new map)"))
        return 2
    if not check_output(args.output, force=args.force):
        return 1
    from chainmap.core.interchange import import_files

    into = None
    if args.into:
        loaded = load_or_report(args.into, quiet_warnings=True)
        if loaded is None:
            return 1
        into = loaded.map
    result = import_files(args.inputs, into=into, into_source=args.into or "<map>",
                          delete_missing=args.delete_missing, tier_by=args.tier_by)
    for problem in result.problems:
        if problem.is_error or not args.quiet:
            say(problem.describe())
    if result.map is None:
        count = len(result.errors)
        say(msg("chainmap import: {count} problems found; nothing was written.", count=count) if count != 1
            else msg("chainmap import: 1 problem found; nothing was written."))
        return 1
    if not write_output(args.output, dumps_map(result.map), force=args.force):
        return 1
    if not args.quiet and args.output != "-":
        say(f"{args.output}: {result.summary()}")
    return 0

