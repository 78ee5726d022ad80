"""The ``chainmap`` command. With no argument it opens the editor.

Each sub-command lives in its own module with ``register(subparsers)``; modules import Qt
only inside the functions that need it, so validate, format, info, lists, merge and diff
run where Qt cannot even be imported.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from chainmap import __version__
from chainmap.core.messages import msg

from .help_language import WideHelpFormatter, argparse_in_language

# Command name -> module, in the order of --help. A module registers its commands with
# ``register(subparsers)``; running one command imports only its module, so start-up stays
# quick (``chainmap layout`` is timed against Graphviz, start-up included).
COMMANDS = {
    "edit": "chainmap.cli.cmd_edit",
    "validate": "chainmap.cli.cmd_validate",
    "format": "chainmap.cli.cmd_format",
    "info": "chainmap.cli.cmd_info",
    "lists": "chainmap.cli.cmd_lists",
    "analyze": "chainmap.cli.cmd_analyze",
    "layout": "chainmap.cli.cmd_layout",
    "export": "chainmap.cli.cmd_export",
    "import": "chainmap.cli.cmd_import",
    "route": "chainmap.cli.cmd_route",
    "merge": "chainmap.cli.cmd_merge",
    "diff": "chainmap.cli.cmd_diff",
    "git-merge": "chainmap.cli.cmd_git",
    "git-textconv": "chainmap.cli.cmd_git",
    "git-setup": "chainmap.cli.cmd_git",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
# Commands that take files and no option: git runs them with paths of its own choosing (the
# merge driver's %P is the file's path in the repository, which may be '-notes.chainmap.json').
FILES_ONLY = ("git-merge", "git-textconv")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; keep that, but say how to get help. Help in Chinese is
    wrapped by the columns its characters take (:class:`WideHelpFormatter`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", WideHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        with argparse_in_language():  # also for a command's own refusal, after parsing
            self.print_usage(sys.stderr)
        self.exit(2, msg("{prog}: error: {message}\n(see '{prog} --help')\n", prog=self.prog, message=message))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``only``) just the one command about to run."""
    parser = _Parser(
        prog="chainmap",
        description=msg("Draw, annotate and merge industry-chain maps (产业链图谱). "
            "With no command, opens the editor on the bundled vehicles example."),
    )
    parser.add_argument("--version", action="version", version=f"chainmap {__version__}",
                        help=msg("show program's version number and exit"))
    parser.add_argument("--lang", metavar="zh_CN|en",
                        help=msg("the language of messages, headings and exports' captions (default: the "
                            "system's; may also follow the command)"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = (COMMANDS[only],) if only in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command word of ``argv`` when it comes first, as it must (``chainmap layout …``)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def _files_as_operands(arguments: list[str]) -> list[str]:
    """For a command of :data:`FILES_ONLY`, every argument is a file, even one starting with '-'."""
    if not arguments or arguments[0] not in FILES_ONLY or "--" in arguments[1:]:
        return arguments
    if arguments[1:] in (["-h"], ["--help"]):
        return arguments
    return [arguments[0], "--", *arguments[1:]]


def take_language(arguments: list[str]) -> tuple[list[str], str | None]:
    """``arguments`` without their ``--lang VALUE`` / ``--lang=VALUE`` (anywhere before ``--``,
    and not among the files of a :data:`FILES_ONLY` command), and the value given, if any."""
    kept: list[str] = []
    value: str | None = None
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if word == "--" or (kept and kept[0] in FILES_ONLY):
            kept.extend(arguments[index:])
            break
        if word == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
            index += 2
            continue
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        else:
            kept.append(word)
        index += 1
    return kept, value


def _apply_language(value: str | None) -> str | None:
    """Set the language ``--lang`` chose; the refusal to show when it names none we speak."""
    from chainmap.core.language import normalise, set_language

    if value is None:
        set_language(None)  # the system's (main may run several times in one process)
        return None
    language = normalise(value)
    if language is None:
        return msg("--lang: '{value}' is not a language chainmap speaks; use zh_CN or en", value=value)
    set_language(language)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 problems found, 2 usage)."""
    arguments, language = take_language(list(sys.argv[1:] if argv is None else argv))
    arguments = _files_as_operands(arguments)
    refusal = _apply_language(language)  # first: the help and usage errors speak it
    with argparse_in_language():
        parser = build_parser(_command_named(arguments))
        if refusal is not None:
            parser.error(refusal)
        args = parser.parse_args(arguments)
    if args.command is None:
        return int(importlib.import_module("chainmap.cli.cmd_edit").run_default())
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
