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

from .common import NOTHING_WRITTEN, check_output, load_or_report, say, write_output

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
        args.parser.error(msg("--yed goes with a .graphml output"))
    if args.output == "-" and fmt == "xlsx" and sys.stdout.isatty():
        say(msg("chainmap export: standard output is a terminal, where a workbook would show as garbage; "
                "redirect it (> map.xlsx) or give -o FILE. Nothing was written."))
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
            say(msg("{source}: placed {placed} segment(s) that had no position", source=args.file,
                    placed=done.placed) if not args.layout
                else msg("{source}: laid out all {placed} segments", source=args.file, placed=done.placed))
    exported = export_bytes(chain_map, fmt, lang=current_language(), yed=args.yed, table=args.table)
    for warning in exported.warnings:
        say(msg("{output}: warning: {warning}", output=args.file, warning=warning))
    data = exported.data
    if args.output == "-" and fmt != "xlsx" and sys.stdout.isatty():
        data = terminal_safe(data.decode("utf-8"), keep_newlines=True).encode("utf-8")
    if not write_output(args.output, data, force=args.force, json_text=False, what=NOTHING_WRITTEN):
        return 1
    if not args.quiet and args.output != "-":
        say(msg("{output}: {format} (yEd), {size:,} bytes", output=args.output, format=fmt.upper(), size=len(data))
            if args.yed else msg("{output}: {format}, {size:,} bytes", output=args.output, format=fmt.upper(),
                                 size=len(data)))
    return 0
