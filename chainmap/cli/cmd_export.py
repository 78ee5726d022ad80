"""``chainmap export FILE -o OUT.png|.svg|.pdf``: draw a map into a picture or a document.

Runs without a display (Qt's offscreen platform). Qt is imported only inside :func:`run`, so
the other commands keep working where Qt cannot be imported.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from chainmap.core.format.park import SoleMap
from chainmap.core.format.problems import MapFileError
from chainmap.core.format.savetarget import check_save_target
from chainmap.core.messages import msg, word
from chainmap.core.model import ChainMap
from chainmap.core.textsafe import xml_safe

from . import export_interchange, export_pages
from .common import FORCE_HELP, NOTHING_WRITTEN, load_or_report, report_save_error, say, write_output

FORMATS = ("png", "svg", "pdf", *export_pages.FORMATS, *export_interchange.FORMATS)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("'{text}' is not a number", text=text)) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(msg("'{text}' must be a positive number", text=text))
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=msg("draw a map as a PNG picture, or an SVG or PDF with text kept as text"),
        description=msg("Draw FILE as the editor shows it (tier bands, segments with their regions' "
            "status chips, links, notes, title, date and legend) into OUT.png, OUT.svg or OUT.pdf, or a "
            "slide deck OUT.pptx (title, whole map, each region's gaps view, the three lists as tables). "
            "Needs no display. Segments without a position are placed automatically first. "
            "Exit 0 when written, 1 when the map or the output has a problem, 2 on bad options."),
    )
    parser.add_argument("file", metavar="FILE", help=msg("the map to draw"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help=msg("the file to write; its suffix (.png, .svg, .pdf, .pptx) picks the format; "
                            "'-' writes to standard output (give --format)"))
    parser.add_argument("--format", choices=FORMATS, help=msg("the format, whatever OUT's suffix"))
    parser.add_argument("--force", action="store_true", help=msg(FORCE_HELP))
    parser.add_argument("--dpi", type=_positive, default=150.0,
                        help=msg("resolution (default 150): a PNG has scale × dpi / 96 pixels per map unit"))
    parser.add_argument("--scale", type=_positive, default=1.0, help=msg("zoom factor (default 1)"))
    parser.add_argument("--view", default="all", metavar="all|REGION",
                        help=msg("'all' colours boxes by the best status of all regions (default); a region "
                            "code such as CN-TJ shows that region's gaps to fill and dims the rest"))
    parser.add_argument("--no-legend", action="store_true", help=msg("leave out the legend"))
    parser.add_argument("--transparent", action="store_true", help=msg("no background (PNG with alpha)"))
    parser.add_argument("--background", metavar="COLOUR", help=msg("background colour (default white)"))
    parser.add_argument("--fold", action="append", default=[], metavar="SEGMENT-ID",
                        help=msg("show this segment folded, its sub-segments hidden (repeatable)"))
    parser.add_argument("--layout", action="store_true",
                        help=msg("lay the whole map out afresh before drawing (ignores saved positions)"))
    parser.add_argument("-q", "--quiet", action="store_true", help=msg("print nothing but problems"))
    export_pages.add_options(parser)
    export_interchange.add_options(parser)
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    to_stdout = args.output == "-"
    if to_stdout and not args.format:
        args.parser.error(msg("-o - writes to standard output: give its format with --format png, svg or pdf"))
    suffix = (args.format or Path(args.output).suffix.lstrip(".")).lower()
    if suffix not in FORMATS:
        args.parser.error(msg("cannot tell the format of '{output}': name it .png, .svg or .pdf (.pptx for slides), "
                              "or give --format", output=args.output))
    if suffix in export_interchange.FORMATS:  # spreadsheets and other tools' formats (no drawing)
        return export_interchange.run(args, suffix)
    if args.transparent and args.background:
        args.parser.error(msg("--transparent and --background exclude each other"))
    problem = export_pages.option_problem(args, suffix)
    if problem:
        args.parser.error(problem)
    if to_stdout and suffix != "svg" and sys.stdout.isatty():
        say(msg("chainmap export: standard output is a terminal, where a {format} would show as garbage; "
                "redirect it (> map.{suffix}) or give -o FILE. Nothing was written.", format=suffix.upper(),
                suffix=suffix))
        return 1
    if not to_stdout and not _output_ready(args):
        return 1
    # Qt, its fonts and the painter's modules before the map: what they make later would
    # settle among the map's memory and keep it from going back to the system when a big
    # map is set aside on disk to be routed (chainmap.core.format.park).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # exporting needs no window
    app = _painter_ready()
    try:
        return _load_and_draw(args, suffix, to_stdout)
    finally:
        # Tear Qt down here, in order, rather than at interpreter exit.
        app.processEvents()
        app.shutdown()
        del app


def _painter_ready() -> Any:
    """The application the export paints in, with the bundled fonts and the painter loaded."""
    from PySide6.QtWidgets import QApplication

    import chainmap.render.export  # noqa: F401
    from chainmap.render.fonts import register_bundled_fonts

    app = QApplication.instance() or QApplication([sys.argv[0]])
    register_bundled_fonts()
    return app


def _load_and_draw(args: argparse.Namespace, suffix: str, to_stdout: bool) -> int:
    result = load_or_report(args.file)
    if result is None:
        return 1
    chain_map = result.map
    view = None if args.view.lower() == "all" else args.view
    if view is not None and not chain_map.has_region(view):
        say(msg("{source}: the map has no region '{region}'; use --view all or one of {codes}.", source=args.file,
                region=view, codes=", ".join(chain_map.region_codes())))
        return 1
    _place(chain_map, args)
    # The holder keeps the only reference, so a big map can be set aside on disk while it is
    # routed (chainmap.core.format.park): the map and its routing never take memory at once.
    sole = SoleMap(chain_map)
    del result, chain_map
    if not to_stdout and (not args.force or not export_pages.handles(args, suffix)):
        # Straight into the file (a picture of hundreds of MB is never held in memory).
        return _export(sole, args, suffix, view, args.output)
    # Standard output, or a read-only file to replace with pages or slides: draw into a file
    # of our own first.
    with tempfile.TemporaryDirectory(prefix="chainmap-export-") as folder:
        drawn = os.path.join(folder, f"map.{suffix}")
        status = _export(sole, args, suffix, view, drawn)
        if status != 0:
            return status
        if to_stdout and not (suffix == "svg" and sys.stdout.isatty()):
            return _copy_to_stdout(drawn)
        with open(drawn, "rb") as handle:
            data = handle.read()
    if to_stdout:
        data = xml_safe(data.decode("utf-8")).encode("utf-8")
    return 0 if write_output(args.output, data, force=args.force, json_text=False, what=NOTHING_WRITTEN) else 1


def _copy_to_stdout(drawn: str) -> int:
    sys.stdout.flush()
    with open(drawn, "rb") as handle:
        shutil.copyfileobj(handle, sys.stdout.buffer, 1 << 20)
    sys.stdout.buffer.flush()
    return 0


def _output_ready(args: argparse.Namespace) -> bool:
    """Before drawing: may OUT be written, and does its folder exist? Say why not."""
    try:
        target = check_save_target(args.output, force=args.force)
    except MapFileError as exc:
        report_save_error(exc, what=NOTHING_WRITTEN)
        return False
    if not target.path.parent.is_dir():
        say(msg("{output}: the folder {folder} does not exist; nothing was written.", output=args.output,
                folder=target.path.parent))
        return False
    return True


def _export(sole: SoleMap, args: argparse.Namespace, fmt: str, view: str | None, path: str) -> int:
    if export_pages.handles(args, fmt):  # a slide deck, paper pages or a fitted PNG
        return export_pages.export(sole, args, fmt, view, path)
    from chainmap.render.export import ExportError, export_map

    label = word("standard output") if args.output == "-" else args.output
    try:
        done = export_map(
            sole, path, fmt=fmt, dpi=args.dpi, scale=args.scale, view_region=view,
            legend=not args.no_legend, transparent=args.transparent, background=args.background,
            folded=args.fold, force=args.force and path == args.output,
        )
    except ExportError as exc:
        say(f"chainmap export: {str(exc).replace(path, label)}")
        return 1
    for warning in done.warnings:
        say(msg("{output}: warning: {warning}", output=label, warning=warning))
    if not args.quiet:
        say(msg("{output}: {format}, {width} × {height} px at {dpi:g} dpi ({seconds:.2f} s)", output=label,
                format=done.format.upper(), width=done.width, height=done.height, dpi=done.dpi,
                seconds=done.seconds))
    return 0


def _place(chain_map: ChainMap, args: argparse.Namespace) -> None:
    """Give every segment a position: lay out all (``--layout``) or only the missing ones."""
    missing = [n.id for n in chain_map.nodes if n.x is None or n.y is None]
    if not args.layout and not missing:
        return
    from chainmap.core.layout.engine import layout_map

    done = layout_map(chain_map, only_new=not args.layout)
    if not args.quiet:
        say(msg("{source}: placed {placed} segment(s) that had no position", source=args.file, placed=done.placed)
            if not args.layout else msg("{source}: laid out all {placed} segments", source=args.file,
                                        placed=done.placed))
