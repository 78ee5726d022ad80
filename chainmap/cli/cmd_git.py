"""Git integration: a merge driver, a diff text conversion, and their set-up.

``chainmap git-setup`` writes, in the repository's own config (``.git/config``)::

    merge.chainmap.name    = chainmap semantic merge
    merge.chainmap.driver  = <python> -m chainmap.cli git-merge %O %A %B %P
    diff.chainmap.textconv = <python> -m chainmap.cli git-textconv

the line ``*.chainmap.json merge=chainmap diff=chainmap`` in ``.gitattributes``, and the line
``.*.chainmap.json.lock`` in ``.gitignore`` (the lock file the editor keeps beside an open map,
``.NAME.lock``, is nobody else's business). ``<python>`` is the interpreter running chainmap now (so a virtual environment works without being on
``PATH``); when chainmap is not installed in it (run from a source tree), the commands set
``PYTHONPATH`` to that tree.
"""

from __future__ import annotations

import argparse
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import chainmap
from chainmap.core.format.fileio import load_map, write_atomic
from chainmap.core.format.problems import MapFileError
from chainmap.core.format.serialize import dumps_map
from chainmap.core.merge.engine import MergeError, MergeInput, merge_maps
from chainmap.core.messages import N_, msg, word
from chainmap.core.model import ChainMap
from chainmap.core.textconv import map_lines
from chainmap.core.textsafe import terminal_safe

from .common import out, print_problems, said_instead, say, write_output

ATTRIBUTES_LINE = "*.chainmap.json merge=chainmap diff=chainmap"
IGNORE_LINE = ".*.chainmap.json.lock"  # chainmap.gui.files.lock.lock_path of every map


def register(subparsers: Any) -> None:
    merge = subparsers.add_parser(
        "git-merge",
        help=msg("git merge driver: merge %%A with %%B against %%O into %%A"),
        description=msg("Git merge driver (installed by git-setup as 'git-merge %%O %%A %%B %%P'). "
            "Writes the merge of OURS and THEIRS against BASE into OURS, keeping OURS's owner. Exit "
            "0 when clean, 1 when conflicts are recorded in the file (never conflict markers), 2 when "
            "a file cannot be read (OURS is left untouched)."),
    )
    merge.add_argument("base", metavar="BASE", help=msg("%%O: the common ancestor (empty when there is none)"))
    merge.add_argument("ours", metavar="OURS", help=msg("%%A: our version; receives the result"))
    merge.add_argument("theirs", metavar="THEIRS", help=msg("%%B: their version"))
    merge.add_argument("path", metavar="PATH", nargs="?", default=None, help=msg("%%P: the file's path in the repository"))
    merge.set_defaults(run=run_merge)

    textconv = subparsers.add_parser(
        "git-textconv",
        help=msg("git diff text conversion: a map as stable lines of meaning"),
        description=msg("Print a map as one stable line per segment, link and note with its key facts "
            "(sorted, positions left out), for 'git diff' and 'git log -p'. A file that is not a valid "
            "map is printed as it is."),
    )
    textconv.add_argument("file", metavar="FILE")
    textconv.set_defaults(run=run_textconv)
    # Neither takes an option: a name starting with '-' is a file (see chainmap.cli.main).

    setup = subparsers.add_parser(
        "git-setup",
        help=msg("install the merge driver and diff conversion into a git repository"),
        description=msg("Set merge.chainmap.* and diff.chainmap.textconv in the repository's config, "
                        "add '{attributes}' to its .gitattributes and '{ignore}' (the editor's lock files) "
                        "to its .gitignore. Running it again changes nothing.",
                        attributes=ATTRIBUTES_LINE, ignore=IGNORE_LINE),
    )
    setup.add_argument("repo", metavar="REPO", nargs="?", default=".", help=msg("the repository (default: here)"))
    setup.set_defaults(run=run_setup)


# ------------------------------------------------------------------ merge driver
def run_merge(args: argparse.Namespace) -> int:
    name = args.path or args.ours
    sides = (("base", args.base), ("ours", args.ours), ("theirs", args.theirs))
    maps: dict[str, ChainMap | None] = {}
    for side, path in sides:
        if side == "base" and _is_empty(path):
            maps[side] = None  # added on both sides: no common ancestor
            continue
        try:
            maps[side] = load_map(path).map
        except MapFileError as exc:
            say(msg(_NOT_VALID[side], name=name, path=path))
            print_problems(f"{name} ({side})", exc.problems)
            return 2
    ours, theirs = maps["ours"], maps["theirs"]
    assert ours is not None and theirs is not None
    try:
        result = merge_maps([MergeInput(ours, f"{name} (ours)"), MergeInput(theirs, f"{name} (theirs)")],
                            maps["base"])
    except MergeError as exc:
        say(msg("chainmap git-merge: {name}: {problem} '{name}' was left as ours.", name=name, problem=exc))
        return 2
    if ours.owner is not None and result.map.has_region(ours.owner):
        result.map.update_map(owner=ours.owner)
    if not write_output(args.ours, dumps_map(result.map)):
        return 2
    counts = word(", ").join(msg(_CONFLICTS[k], count=n) if k in _CONFLICTS else f"{n} {k}"
                             for k, n in result.report.conflicts.items() if n)
    if result.clean:
        say(msg("chainmap git-merge: {name}: merged cleanly.", name=name))
        return 0
    say(msg("chainmap git-merge: {name}: conflicts recorded in the file ({counts}); open it in chainmap "
            "to resolve them, then 'git add' it.", name=name, counts=counts))
    return 1


# One whole sentence for each side (a side's word is not glued into a translated sentence).
_NOT_VALID = {
    "base": N_("chainmap git-merge: {name}: base version ({path}) is not a valid map; '{name}' was left as ours. "
               "The problems:"),
    "ours": N_("chainmap git-merge: {name}: ours version ({path}) is not a valid map; '{name}' was left as ours. "
               "The problems:"),
    "theirs": N_("chainmap git-merge: {name}: theirs version ({path}) is not a valid map; '{name}' was left as "
                 "ours. The problems:"),
}


# How many conflicts of a kind, each a whole phrase.
_CONFLICTS = {"edit": N_("{count} edit"), "delete": N_("{count} delete"), "duplicate": N_("{count} duplicate")}


def _is_empty(path: str) -> bool:
    try:
        return os.path.getsize(path) == 0
    except OSError:
        return False


# ------------------------------------------------------------------ textconv
def run_textconv(args: argparse.Namespace) -> int:
    try:
        chain_map = load_map(args.file).map
    except MapFileError:
        # git diff should still show something for a broken or newer file: its text, with
        # bytes that are no UTF-8 and control characters shown as escapes (git shows this
        # on a terminal).
        try:
            with open(args.file, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            say(f"chainmap git-textconv: {args.file}: {exc.strerror or exc}")
            return 2
        text = raw.decode("utf-8", errors="backslashreplace").replace("\r\n", "\n")
        sys.stdout.write(terminal_safe(text, keep_newlines=True))
        return 0
    sys.stdout.write("".join(line + "\n" for line in map_lines(chain_map)))
    return 0


# ------------------------------------------------------------------ setup
def chainmap_command() -> str:
    """The shell command that runs this chainmap: its interpreter with ``-m chainmap.cli``."""
    command = f"{shlex.quote(sys.executable)} -m chainmap.cli"
    source_root = str(Path(chainmap.__file__).resolve().parent.parent)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    probe = subprocess.run([sys.executable, "-c", "import chainmap"], cwd="/",
                           env=env, capture_output=True)
    if probe.returncode != 0:
        command = f"PYTHONPATH={shlex.quote(source_root)} {command}"
    return command


def run_setup(args: argparse.Namespace) -> int:
    try:
        top = subprocess.run(["git", "-C", args.repo, "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True)
    except FileNotFoundError:
        say(msg("chainmap git-setup: git is not installed (or not on PATH)."))
        return 2
    if top.returncode != 0:
        say(msg("chainmap git-setup: {repo} is not inside a git repository.", repo=args.repo))
        return 2
    root = Path(top.stdout.strip())
    files = ((root / ".gitattributes", ATTRIBUTES_LINE,
              N_("{path}: added '{line}' (commit it so that every clone uses it)")),
             (root / ".gitignore", IGNORE_LINE, N_("{path}: added '{line}' (the editor's lock files; commit it)")))
    for path, line, _added in files:
        problem = _file_problem(path)
        if problem is not None:
            say(msg("chainmap git-setup: {problem}; nothing was changed. Add the line '{line}' to a plain "
                    "{file} file and run git-setup again.", problem=problem, line=line, file=path.name))
            return 2
    command = chainmap_command()
    settings = (
        ("merge.chainmap.name", "chainmap semantic merge"),
        ("merge.chainmap.driver", f"{command} git-merge %O %A %B %P"),
        ("diff.chainmap.textconv", f"{command} git-textconv"),
    )
    for key, value in settings:
        done = subprocess.run(["git", "-C", str(root), "config", "--local", key, value], capture_output=True, text=True)
        if done.returncode != 0:
            say(msg("chainmap git-setup: git config {key} failed: {error}", key=key, error=done.stderr.strip()))
            return 2
        out(f"git config {key} = {value}")
    return max(_add_line(path, line, added) for path, line, added in files)


def _file_problem(path: Path) -> str | None:
    """Why ``.gitattributes`` or ``.gitignore`` must not be touched (a sentence naming it), or ``None``."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return msg("{path} cannot be looked at ({error})", path=path, error=exc.strerror or exc)
    if stat.S_ISLNK(info.st_mode):
        # A committed link may lead anywhere, out of the repository too: never write through it.
        return msg("{path} is a symbolic link, which chainmap does not write through (it may lead out of the "
                   "repository)", path=path)
    if stat.S_ISDIR(info.st_mode):
        return msg("{path} is a folder, where git expects a file", path=path)
    if not stat.S_ISREG(info.st_mode):
        return msg("{path} is not a regular file", path=path)
    return None


def _add_line(path: Path, line: str, added: str) -> int:
    """Append ``line`` to ``path`` (``.gitattributes``, ``.gitignore``) unless it is there,
    keeping the file's bytes as they are and its line endings; ``added`` is the message's template.

    The file is read as bytes, so one in another encoding than UTF-8 (GBK, say) is kept
    intact: our lines are ASCII, the same in any of them.
    """
    try:
        raw = path.read_bytes() if path.exists() else b""
    except OSError as exc:
        say(msg("chainmap git-setup: {path} cannot be read ({error}); add the line '{line}' yourself.",
                path=path, error=exc.strerror or exc, line=line))
        return 2
    ours = line.encode("ascii")
    if ours in (existing.strip() for existing in raw.splitlines()):
        out(msg("{path}: already has '{line}'", path=path, line=line))
        return 0
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    if raw and not raw.endswith((b"\n", b"\r")):
        raw += newline
    try:
        write_atomic(path, raw + ours + newline)
    except MapFileError as exc:
        reason = said_instead(exc.problems[0].message, N_("It was not changed"))
        say(msg("chainmap git-setup: {path}: {reason} Add the line '{line}' yourself.", path=path, reason=reason,
                line=line))
        return 2
    out(msg(added, path=path, line=line))
    return 0
