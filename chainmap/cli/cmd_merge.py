"""``chainmap merge``: merge the regions' copies of one map (shared/spec/merge.md)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from chainmap.core.format.canonical import read_canonical
from chainmap.core.format.problems import MapFileError
from chainmap.core.format.serialize import dumps_map
from chainmap.core.merge.engine import DataInput, MergeError, MergeResult, merge_data
from chainmap.core.messages import msg
from chainmap.core.model import ABSENT
from chainmap.core.textsafe import dumps_safe, terminal_safe

from .common import check_output, print_problems, same_file, say, write_output


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "merge",
        help=msg("merge copies of one map (with --base, three-way); conflicts are recorded in the result"),
        description=msg("Merge two or more copies of one map into OUT. With --base (their common "
            "ancestor) the merge is three-way, else a union. Prints a summary: matched by id and by "
            "name, added, deleted, conflicts by kind, near-match suggestions with their scores. "
            "Exit 0 when nothing is left to decide, 1 when conflicts are recorded in OUT, 2 on a "
            "usage error (a map that cannot be read, maps of different ids without --force, OUT "
            "being an input without --overwrite)."),
    )
    parser.add_argument("maps", nargs="+", metavar="MAP", help=msg("the copies to merge (two or more)"))
    parser.add_argument("--base", metavar="BASE", help=msg("the common ancestor of the copies"))
    parser.add_argument("-o", "--output", metavar="OUT", required=True,
                        help=msg("where to write the merged map ('-' for standard output)"))
    parser.add_argument("--force", action="store_true",
                        help=msg("merge maps of different ids (the result takes the first map's id), and "
                            "replace OUT even when it is read-only"))
    parser.add_argument("--overwrite", "--in-place-ok", dest="overwrite", action="store_true",
                        help=msg("allow OUT to be one of the inputs (or the base)"))
    parser.add_argument("--json", action="store_true", help=msg("print the summary as JSON"))
    parser.set_defaults(run=run)


def print_summary(result: MergeResult, stream: TextIO) -> None:
    """The report's summary (:func:`chainmap.core.merge.report.summary_sections`, the words
    the editor's merge dialog shows too), each conflict under its heading with its sources."""
    names = {node.id: node.name for node in result.map.nodes}
    rows = []
    for conflict in result.conflicts:
        parts = conflict.path.split("/")
        about = f" ({names[parts[2]]})" if len(parts) > 2 and parts[1] == "nodes" and parts[2] in names else ""
        sources = ", ".join(
            v.source + (" (deleted)" if conflict.kind == "delete" and v.value is ABSENT else "")
            for v in conflict.values
        )
        rows.append(f"{conflict.kind} {conflict.path}{about}: {sources}")
    for line in result.report.summary_lines(rows):
        print(terminal_safe(line), file=stream)


def run(args: argparse.Namespace) -> int:
    if len(args.maps) < 2:
        say(msg("chainmap merge: give at least two maps to merge."))
        return 2
    paths = [*args.maps, *([args.base] if args.base else [])]
    if args.output != "-" and not args.overwrite:
        for path in paths:
            if same_file(args.output, path):
                say(msg("chainmap merge: {output} is one of the inputs; it is not overwritten unless you add "
                        "--overwrite.", output=args.output))
                return 2
    if not check_output(args.output, force=args.force):
        return 2
    loaded = []
    for path in paths:
        try:  # checked and put in canonical form, without building a model of each copy
            read = read_canonical(path)
        except MapFileError as exc:
            print_problems(exc.source, exc.problems)
            say(msg("chainmap merge: {path} cannot be read as a map; nothing was written.", path=path))
            return 2
        print_problems(path, read.warnings)
        loaded.append(read.data)
    inputs = [DataInput(d, os.path.basename(p)) for d, p in zip(loaded, args.maps, strict=False)]
    base = loaded[-1] if args.base else None
    try:
        result = merge_data(inputs, base, force=args.force)
    except MergeError as exc:
        say(f"chainmap merge: {exc}")
        return 2
    if not write_output(args.output, dumps_map(result.map), force=args.force):
        return 2
    stream = sys.stderr if args.output == "-" else sys.stdout
    if args.json:
        report = result.report.to_json()
        report["conflict_paths"] = [{"id": c.id, "kind": c.kind, "path": c.path} for c in result.conflicts]
        report["clean"] = result.clean
        print(dumps_safe(report), file=stream)
    else:
        print_summary(result, stream)
        if args.output != "-":
            wrote = (msg("wrote {path}", path=args.output) if result.clean
                     else msg("wrote {path} (with conflicts to resolve)", path=args.output))
            print(terminal_safe(wrote), file=stream)
    return 0 if result.clean else 1
