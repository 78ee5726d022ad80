"""The command line run in-process on a fuzzed file (``chainmap.cli.main``), its output
captured and judged: exit status, no traceback, nothing a terminal would act on, CSV cells that
are no formulas and a BOM, and files written by ``format`` and ``layout`` that load."""

from __future__ import annotations

import csv
import io
import random
import re
import sys
from pathlib import Path

from chainmap.cli import main
from chainmap.core.format.fileio import load_map
from chainmap.core.format.problems import MapFileError

from .findings import Findings

# What a terminal acts on: C0 controls but tab and newline, DEL, C1, bidi controls and the
# line and paragraph separators. (The tests' own list, apart from chainmap's.)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


class _Stream(io.TextIOWrapper):
    """Standard output or error as a file or a terminal (``tty``) would take it: UTF-8, strict."""

    def __init__(self, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty

    def text(self) -> str:
        """Everything written, decoded."""
        self.flush()
        return self.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def run_cli(args: list[str], *, tty: bool = False) -> tuple[int, str, str]:
    """``chainmap ARGS`` in this process: (exit status, standard output, standard error)."""
    saved = sys.stdout, sys.stderr
    out, err = _Stream(tty), _Stream(tty)
    sys.stdout, sys.stderr = out, err
    try:
        try:
            status = main(args)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.text(), err.text()


def check_commands(path: Path, original: Path, loads: bool, rng: random.Random, findings: Findings,
                   case: str, *, route: bool) -> None:
    """Run the reading commands on ``path`` (a fuzzed file; ``loads`` says whether it is a map)."""
    name = str(path)
    listing = rng.choice(["bottlenecks", "investment", "enterprises"])
    commands: list[tuple[list[str], tuple[int, ...]]] = [
        (["validate", name], (0, 1)), (["validate", "--json", name], (0, 1)),
        (["info", name], (0, 1)), (["info", "--json", name], (0, 1)),
        (["lists", name], (0, 1)), (["lists", "--json", name], (0, 1)),
        (["analyze", name, *rng.choice([[], ["--json"]])], (0, 1)),
        (["diff", str(original), name], (0, 1, 2)), (["diff", "--json", name, str(original)], (0, 1, 2)),
        (["git-textconv", name], (0, 1)), (["format", "--check", name], (0, 1)),
    ]
    if route:
        commands.append((["route", name], (0, 1)))
    for args, allowed in commands:
        with findings.guard(case, f"chainmap {args[0]}"):
            status, out, err = run_cli(args, tty=rng.random() < 0.5)
            _judge(findings, case, args, status, allowed, out, err, loads)
    with findings.guard(case, "chainmap lists --csv"):
        tty = rng.random() < 0.3
        status, out, err = run_cli(["lists", "--csv", "--list", listing, name], tty=tty)
        _judge(findings, case, ["lists --csv"], status, (0, 1), out if tty else "", err, loads)
        if status == 0:
            _judge_csv(findings, case, out, tty)
    for args in (["format", name, "-o"], ["layout", name, *rng.choice([[], ["--only-new"]]), "-o"]):
        target = path.with_name(f"{args[0]}-out.chainmap.json")
        target.unlink(missing_ok=True)
        with findings.guard(case, f"chainmap {args[0]}"):
            status, out, err = run_cli([*args, str(target)])
            _judge(findings, case, args, status, (0, 1), out, err, loads)
            if status == 0:
                try:
                    load_map(target)
                except MapFileError as exc:
                    findings.add(case, f"chainmap {args[0]}", f"wrote a file that does not load: {exc}"[:300])


def _judge(findings: Findings, case: str, args: list[str], status: int, allowed: tuple[int, ...], out: str,
           err: str, loads: bool) -> None:
    step = f"chainmap {args[0]}"
    if status not in allowed:
        findings.add(case, step, f"exit status {status}: {err[:200]!r}")
    # git diff shows a broken file's text: git-textconv says 0 on it by design.
    if not loads and status == 0 and args[0] not in ("diff", "git-textconv"):
        findings.add(case, step, "exit status 0 on a file that does not load")
    for stream, text in (("output", out), ("error output", err)):
        if "Traceback" in text:
            findings.add(case, step, f"a traceback on its {stream}")
        match = UNSAFE.search(text)
        if match:
            findings.add(case, step, f"printed {match.group(0)!r} raw on its {stream}",
                         f"{step}: a control character raw on its {stream}")
    for line in err.splitlines():
        if line and not line.startswith(("chainmap", "/", "usage")) and not line.startswith(tuple(args[1:])):
            findings.add(case, step, f"a message that names no file: {line[:160]!r}", f"{step}: a message naming no file")


def _judge_csv(findings: Findings, case: str, text: str, tty: bool) -> None:
    step = "chainmap lists --csv"
    if not text.startswith("\ufeff"):
        findings.add(case, step, "CSV without the UTF-8 byte-order mark")
    if tty:
        return  # escaped for the eye: no longer CSV to parse
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")):
        for cell in row:
            if cell.startswith(FORMULA):
                findings.add(case, step, f"a formula cell {cell[:40]!r}", f"{step}: a formula cell")
