"""``chainmap export FILE -o OUT.xlsx|.csv|.graphml|.gexf|.cyjs|.dot|.gv|.mmd``: the formats
of spreadsheets and other tools (:mod:`chainmap.core.interchange`), dispatched to from
:mod:`.cmd_export`. No Qt: these are written from the map alone, names in the user's language.
"""

from __future__ import annotations

import argparse
import sys

from chainmap.core.interchange.formats import CSV_TABLES, SUFFIX_FORMATS
from chainmap.core.language import current_language
from chainmap.core.messages import msg
from chainmap.core.textsafe import terminal_safe

from .common import check_output, load_or_report, say, write_output

FORMATS = tuple(SUFFIX_FORMATS)  # xlsx, csv, graphml, gexf, cyjs, dot, gv, mmd


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options only these formats take."""
    group = parser.add_argument_group(msg("spreadsheets and other tools' formats"))
    group.add_argument("--yed", action="store_true",
                       help=msg(".graphml for yEd: boxes where the canvas has them, status colours, tiers as groups"))
    group.add_argument("--table", choices=CSV_TABLES, default="segments",
                       help=msg(".csv: which sheet to write (default segments)"))


def run(args: argparse.Namespace, suffix: str) -> int:
    """Write ``args.file`` as ``suffix``; 0 written, 1 a problem (said), as ``chainmap export``."""
    from chainmap.core.interchange import export_bytes, needs_positions

    fmt = SUFFIX_FORMATS[suffix]
    if args.yed and fmt != "graphml":
        args.parser.error("--yed goes with a .graphml output")
    if args.output == "-" and fmt == "xlsx" and sys.stdout.isatty():
        say("chainmap export: standard output is a terminal, where a workbook would show as garbage; "
            "redirect it (> map.xlsx) or give -o FILE. Nothing was written.")
        return 1
    if not check_output(args.output, force=args.force):
        return 1
    loaded = load_or_report(args.file)
    if loaded is None:
        return 1
    chain_map = loaded.map
    missing = sum(1 for n in chain_map.nodes if n.x is None or n.y is None)
    if args.layout or (missing and needs_positions(fmt, yed=args.yed)):
        from chainmap.core.layout import layout_map

        done = layout_map(chain_map, only_new=not args.layout)
        if not args.quiet:
            say(f"{args.file}: placed {done.placed} segment(s) that had no position" if not args.layout
                else f"{args.file}: laid out all {done.placed} segments")
    exported = export_bytes(chain_map, fmt, lang=current_language(), yed=args.yed, table=args.table)
    for warning in exported.warnings:
        say(f"{args.file}: warning: {warning}")
    data = exported.data
    if args.output == "-" and fmt != "xlsx" and sys.stdout.isatty():
        data = terminal_safe(data.decode("utf-8"), keep_newlines=True).encode("utf-8")
    if not write_output(args.output, data, force=args.force, json_text=False, what="Nothing was written"):
        return 1
    if not args.quiet and args.output != "-":
        say(f"{args.output}: {fmt.upper()}{' (yEd)' if args.yed else ''}, {len(data):,} bytes")
    return 0
