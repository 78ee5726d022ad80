"""``chainmap layout FILE``: place a map's segments automatically."""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.format.serialize import dumps_map
from chainmap.core.layout.engine import layout_map
from chainmap.core.layout.wrap import parse_aspect
from chainmap.core.messages import msg
from chainmap.core.textsafe import terminal_safe

from .common import FORCE_HELP, check_output, load_or_report, say, write_output


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "layout",
        help=msg("place segments automatically (all, or only those without a position)"),
        description=msg("Lay out a map: tiers as bands left to right, segments in columns ordered to "
            "keep link crossings few, sub-segments inside their parent's frame. With --only-new, only "
            "segments without a position are placed, near their linked neighbours, and all others stay "
            "where they are. A tier too tall for the page wraps into several columns so that the map's "
            "width to height comes near --aspect; without --aspect, a map keeps one column per tier while its "
            "width to height stays between 1:3 and 3:1, and a taller one is shaped for 4:3. Writes to -o OUT "
            "or, with --in-place, back to FILE; an invalid input writes nothing."),
    )
    parser.add_argument("file", metavar="FILE")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="OUT", help=msg("write here ('-' for standard output)"))
    target.add_argument("-i", "--in-place", action="store_true", help=msg("rewrite FILE itself"))
    parser.add_argument("--force", action="store_true", help=msg(FORCE_HELP))
    parser.add_argument(
        "--only-new",
        action="store_true",
        help=msg("place only segments without a position; keep the others where they are"),
    )
    parser.add_argument(
        "--aspect",
        metavar="W:H",
        help=msg("width to height the whole map should come near, e.g. 16:9 for slides (default: one column per "
                 "tier while that stays between 1:3 and 3:1, else 4:3)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        aspect = None if args.aspect is None else parse_aspect(args.aspect)
    except ValueError as problem:
        say(f"chainmap layout: {problem}")  # the sentence is the reader's (parse_aspect)
        return 2
    output = args.file if args.in_place else args.output
    if not check_output(output, force=args.force):
        return 1
    result = load_or_report(args.file)
    if result is None:
        return 1
    chain_map = result.map
    laid_out = layout_map(chain_map, only_new=args.only_new, aspect=aspect)
    if not write_output(output, dumps_map(chain_map), force=args.force):
        return 1
    say(msg("{source}: placed {placed} of {count} segments; {crossings} link crossings", source=args.file,
            placed=laid_out.placed, count=len(chain_map.nodes), crossings=laid_out.crossings))
    for node_id in laid_out.crowded:
        # say() keeps the message's own line breaks: the name's must be shown as escapes.
        name = terminal_safe(chain_map.node(node_id).name)
        say(msg("{source}: placing '{name}' made its frame overlap a neighbour's; run 'chainmap layout' "
                "without --only-new to tidy up", source=args.file, name=name))
    return 0
