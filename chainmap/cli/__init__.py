"""The ``chainmap`` command. With no argument it opens the editor.

Each sub-command lives in its own module with ``register(subparsers)``; modules import Qt
only inside the functions that need it, so validate, format, info, lists, merge and diff
run where Qt cannot even be imported.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from chainmap import __version__

# Order is the order of --help.
COMMAND_MODULES = (
    "chainmap.cli.cmd_edit",
    "chainmap.cli.cmd_validate",
    "chainmap.cli.cmd_format",
    "chainmap.cli.cmd_info",
    "chainmap.cli.cmd_lists",
    "chainmap.cli.cmd_layout",
    "chainmap.cli.cmd_export",
    "chainmap.cli.cmd_merge",
    "chainmap.cli.cmd_diff",
    "chainmap.cli.cmd_git",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; keep that, but say how to get help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="chainmap",
        description="Draw, annotate and merge industry-chain maps (产业链图谱). "
        "With no command, opens the editor on the bundled vehicles example.",
    )
    parser.add_argument("--version", action="version", version=f"chainmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if importlib.util.find_spec("chainmap.cli.cmd_edit") is None:
            print("chainmap: the editor is not available in this version yet; see 'chainmap --help'.")
            return 0
        return int(importlib.import_module("chainmap.cli.cmd_edit").run_default())
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
