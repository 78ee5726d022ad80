"""``chainmap validate FILE...``: check maps against format version 1."""

from __future__ import annotations

import argparse
from typing import Any

from chainmap.core.format.fileio import check_map_file
from chainmap.core.format.problems import MapFileError, NewerVersionError
from chainmap.core.messages import msg

from .common import out, print_json, print_problems


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help=msg("check map files; print each problem as FILE:PATH: message"),
        description=msg("Check map files against the chainmap format. Exit 0 when every file is "
            "valid (warnings allowed), 1 when any has errors."),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=msg("map files to check"))
    parser.add_argument("--json", action="store_true", help=msg("print a JSON report on standard output"))
    parser.add_argument("-q", "--quiet", action="store_true", help=msg("print nothing for valid files"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = []
    status = 0
    for path in args.files:
        entry: dict[str, Any] = {"file": path}
        try:
            result = check_map_file(path)
        except MapFileError as exc:
            status = 1
            entry.update(valid=False, newer_version=isinstance(exc, NewerVersionError),
                         problems=[p.to_json() for p in exc.problems])
            if not args.json:
                print_problems(exc.source, exc.problems)
        else:
            entry.update(valid=True, newer_version=False, problems=[p.to_json() for p in result.warnings])
            if not args.json:
                print_problems(path, result.warnings)
                if not args.quiet:
                    if result.warnings:
                        out(msg("{path}: valid ({segments} segments, {links} links, {warnings} warning(s))",
                                path=path, segments=result.segments, links=result.links,
                                warnings=len(result.warnings)))
                    else:
                        out(msg("{path}: valid ({segments} segments, {links} links)",
                                path=path, segments=result.segments, links=result.links))
        report.append(entry)
    if args.json:
        print_json({"valid": status == 0, "files": report})
    return status
