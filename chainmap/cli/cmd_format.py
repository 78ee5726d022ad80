"""``chainmap format FILE``: rewrite a map in canonical form."""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.format.canonical import format_map_file
from chainmap.core.format.problems import MapFileError
from chainmap.core.messages import msg

from .common import FORCE_HELP, print_problems, say, write_output


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "format",
        help=msg("rewrite a map in canonical form"),
        description=msg("Rewrite a map in the format's canonical form (key order, 2-space indent, "
            "coordinates to 0.1). Writes to standard output unless -o or --in-place is given; an "
            "invalid input writes nothing."),
    )
    parser.add_argument("file", metavar="FILE")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT", help=msg("write here ('-' for standard output)"))
    target.add_argument("-i", "--in-place", action="store_true", help=msg("rewrite FILE itself"))
    parser.add_argument("--force", action="store_true", help=msg(FORCE_HELP))
    parser.add_argument("--check", action="store_true",
                        help=msg("write nothing; exit 1 when the file is not in canonical form"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = format_map_file(args.file)  # what loading and saving writes, with no model built
    except MapFileError as exc:
        print_problems(exc.source, exc.problems)
        return 1
    print_problems(args.file, result.warnings)
    data = result.data
    if args.check:
        with open(args.file, "rb") as handle:
            if handle.read() != data:
                say(msg("{source}: not in canonical form (run 'chainmap format --in-place {source}')", source=args.file))
                return 1
        return 0
    output = args.file if args.in_place else (args.output or "-")
    return 0 if write_output(output, data, force=args.force) else 1
