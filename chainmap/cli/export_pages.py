"""``chainmap export``'s slide deck, paper and fitted-picture outputs.

``-o report.pptx`` writes a slide deck; ``--paper A4|A3|A2|A1|A0|letter`` with ``--landscape``
or ``--portrait`` lays a PDF out on paper, fitted to one page or (``--tile``) as a poster;
``--fit PIXELS`` paints a PNG whose long edge is exactly that long. ``cmd_export`` registers
the options, asks :func:`option_problem` before anything is read, and hands the export to
:func:`export` when :func:`handles` says so. Qt is imported only inside :func:`export`.
"""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.format.park import SoleMap
from chainmap.core.language import current_language
from chainmap.core.messages import N_, msg, word

from .common import say

FORMATS = ("pptx",)
PAPERS = ("A4", "A3", "A2", "A1", "A0", "letter")
MIN_FIT, MAX_FIT = 16, 32768  # as chainmap.render.fit, which imports Qt


def _paper(text: str) -> str:
    for name in PAPERS:
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(msg("'{text}' is not a paper size: use A4, A3, A2, A1, A0 or letter", text=text))


def _pixels(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("'{text}' is not a whole number of pixels", text=text)) from None
    if not MIN_FIT <= value <= MAX_FIT:
        raise argparse.ArgumentTypeError(msg("the long edge must be {low} to {high} pixels, not {value}", low=MIN_FIT,
                                             high=MAX_FIT, value=value))
    return value


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--paper``, ``--landscape``/``--portrait``, ``--tile`` and ``--fit``."""
    parser.add_argument("--paper", type=_paper, metavar="A4|A3|A2|A1|A0|letter",
                        help=msg("PDF on this paper, the map fitted to one page with 10 mm margins "
                            "(or a poster with --tile)"))
    turn = parser.add_mutually_exclusive_group()
    turn.add_argument("--landscape", dest="orientation", action="store_const", const="landscape",
                      help=msg("turn the paper sideways (default: the way the map prints larger, or on fewer pages)"))
    turn.add_argument("--portrait", dest="orientation", action="store_const", const="portrait",
                      help=msg("keep the paper upright"))
    parser.add_argument("--tile", action="store_true",
                        help=msg("PDF poster: the map at --scale (default 1: names at 10 pt) over as many pages "
                            "as it needs (A4 unless --paper), with 10 mm overlap strips, crop marks and page labels"))
    parser.add_argument("--fit", type=_pixels, metavar="PIXELS",
                        help=msg("PNG whose long edge is exactly PIXELS (e.g. 1920 for chat apps), painted at "
                            "that size so text stays sharp"))


def _paper_options(args: argparse.Namespace) -> list[str]:
    given = [("--paper", args.paper is not None), ("--tile", args.tile),
             (f"--{args.orientation}", args.orientation is not None)]
    return [name for name, on in given if on]


def option_problem(args: argparse.Namespace, fmt: str) -> str | None:
    """Why these options do not go together, in one sentence naming the option; None if they do."""
    paper = _paper_options(args)
    if paper and fmt != "pdf":
        return msg("{option} lays out PDF pages: name the output .pdf (here it is {format})", option=paper[0],
                   format=fmt.upper())
    if args.fit is not None and fmt != "png":
        return msg("--fit sets a PNG's long edge in pixels and does not apply to {format} output", format=fmt.upper())
    if args.fit is not None and args.scale != 1.0:
        return msg("--fit and --scale exclude each other: --fit picks the scale")
    if paper and not args.tile and args.scale != 1.0:
        return msg("--scale applies to a poster (--tile): a single page is fitted to the paper")
    if fmt == "pptx":
        if args.view.lower() != "all":
            return msg("--view does not apply to PPTX: the deck has the whole map and every region's gaps view")
        if args.scale != 1.0:
            return msg("--scale does not apply to PPTX: each picture is painted at the size it takes on its slide")
    return None


def handles(args: argparse.Namespace, fmt: str) -> bool:
    """True when this module writes the output (a deck, paper pages or a fitted PNG)."""
    return fmt == "pptx" or args.fit is not None or bool(_paper_options(args))


def export(sole: SoleMap, args: argparse.Namespace, fmt: str, view: str | None, path: str) -> int:
    """Write the deck, the paper PDF or the fitted PNG to ``path``; 0 when written, 1 if not.
    ``sole`` holds the only reference to the map: a fitted PNG of a big map sets it aside on
    disk while it is routed, as ``export_map`` does."""
    from chainmap.render.export import ExportError

    label = word("standard output") if args.output == "-" else args.output
    try:
        report = _write(sole, args, fmt, view, path)
    except ExportError as exc:
        say(f"chainmap export: {str(exc).replace(path, label)}")
        return 1
    warnings, done_template, done_values = report
    for warning in warnings:
        say(msg("{output}: warning: {warning}", output=label, warning=warning))
    if not args.quiet:
        say(msg(done_template, output=label, **done_values))
    return 0


def _write(sole: SoleMap, args: argparse.Namespace, fmt: str, view: str | None,
           path: str) -> tuple[list[str], str, dict[str, Any]]:
    """Write the output; its warnings, and the done line's template and values but ``output``."""
    from chainmap.render.export import _background, export_map
    from chainmap.render.prepared import prepared_scene

    legend = not args.no_legend
    if fmt == "png":  # fitted: painted in bands like any PNG, the map set aside while a big one is routed
        done = export_map(sole, path, dpi=args.dpi, view_region=view, legend=legend, transparent=args.transparent,
                          background=args.background, folded=args.fold, fit=args.fit)
        return done.warnings, N_("{output}: {format}, {width} × {height} px at {dpi:g} dpi ({seconds:.2f} s)"), dict(
            format="PNG", width=done.width, height=done.height, dpi=done.dpi, seconds=done.seconds)
    chain_map = sole.map
    if fmt == "pptx":
        from chainmap.render.slides import export_slides

        deck = export_slides(chain_map, path, lang=current_language(), legend=legend, folded=args.fold)
        return deck.warnings, N_("{output}: PPTX, {slides} slides: {pictures} pictures, {tables} tables "
                                 "({seconds:.2f} s)"), dict(slides=deck.slides, pictures=deck.pictures,
                                                             tables=deck.tables, seconds=deck.seconds)
    fill = _background(args.transparent, args.background)
    with prepared_scene(chain_map, view_region=view, legend=legend, folded=args.fold) as (scene, warnings):
        from chainmap.render.paper import export_paper

        landscape = None if args.orientation is None else args.orientation == "landscape"
        sheet = export_paper(scene, path, paper=args.paper or "A4", landscape=landscape, tile=args.tile,
                             scale=args.scale, lang=current_language(), background=fill)
    plan = sheet.plan
    turn = word(N_("landscape") if sheet.landscape else N_("portrait"))
    if plan.tiled:
        template = (N_("{output}: PDF, 1 page of {paper} {turn}, a poster of {rows} row(s) × {columns} column(s) at "
                       "scale {scale:.3g} ({seconds:.2f} s)") if plan.pages == 1 else
                    N_("{output}: PDF, {pages} pages of {paper} {turn}, a poster of {rows} row(s) × {columns} "
                       "column(s) at scale {scale:.3g} ({seconds:.2f} s)"))
    else:
        template = (N_("{output}: PDF, 1 page of {paper} {turn}, fitted at scale {scale:.2g} ({seconds:.2f} s)")
                    if plan.pages == 1 else
                    N_("{output}: PDF, {pages} pages of {paper} {turn}, fitted at scale {scale:.2g} ({seconds:.2f} s)"))
    return warnings, template, dict(pages=plan.pages, paper=sheet.paper, turn=turn, rows=plan.rows,
                                    columns=plan.columns, scale=plan.scale, seconds=sheet.seconds)
