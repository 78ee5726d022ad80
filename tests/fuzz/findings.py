"""What the fuzz suite found: each finding with the case that reproduces it, grouped by where
in chainmap it happened, so that a thousand cases of one bug read as one line."""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from chainmap.core.format.problems import MapFileError, Problem

CHAINMAP = str(Path(__file__).resolve().parents[2] / "chainmap")


@dataclass
class Finding:
    """One defect: the case (seed, number, mutations), the step, and what went wrong."""

    case: str
    step: str
    problem: str
    signature: str


@dataclass
class Findings:
    """Every finding of a run, and counts of what the run did."""

    items: list[Finding] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    inputs: dict[str, dict[str, bytes]] = field(default_factory=dict)  # case -> file name -> bytes

    def add(self, case: str, step: str, problem: str, signature: str | None = None) -> None:
        """Record a finding; ``signature`` groups findings of one cause (default: the text)."""
        self.items.append(Finding(case, step, problem, signature or f"{step}: {problem[:120]}"))

    @contextmanager
    def guard(self, case: str, step: str) -> Iterator[None]:
        """Run a step; any exception escaping it is a finding, placed by chainmap's deepest frame."""
        try:
            yield
        except Exception as exc:  # the fuzz suite looks for exactly these
            self.add(case, step, f"{type(exc).__name__}: {str(exc)[:300]}", f"{step}: {type(exc).__name__} at {_place(exc)}")

    def check_clean_error(self, case: str, step: str, exc: MapFileError) -> None:
        """A refusal must say, for each problem, the file, the place (or the whole file) and why."""
        if not exc.problems:
            self.add(case, step, f"{type(exc).__name__} with no problem")
        for problem in exc.problems:
            for reason in problem_faults(problem, exc.source):
                self.add(case, step, f"{reason}: {problem.format(exc.source)[:200]!r}", f"{step}: {reason}")

    def summary(self, limit: int = 12) -> str:
        """One line per kind of finding (with how many cases and the first), for a failure message."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.items:
            groups.setdefault(finding.signature, []).append(finding)
        lines = [f"{len(self.items)} findings of {len(groups)} kinds:"]
        for signature, found in list(groups.items())[:limit]:
            first = found[0]
            lines.append(f"- {signature} ({len(found)} cases), e.g. {first.case}: {first.problem}")
        return "\n".join(lines)


# Problems about the file as a whole, which have no place inside it.
WHOLE_FILE = ("The file", "This map is format version", "The map could not be built", "A map file")


def problem_faults(problem: Problem, source: str) -> list[str]:
    """What is wrong with how a problem is told (empty when nothing is)."""
    faults = []
    if not problem.message.strip():
        faults.append("an empty message")
    if "Traceback" in problem.message:
        faults.append("a traceback in a message")
    if not problem.format(source).startswith(source):
        faults.append("a message that does not name the file")
    if not problem.place and not problem.message.startswith(WHOLE_FILE):
        faults.append("a message with no place that is not about the whole file")
    return faults


def _place(exc: BaseException) -> str:
    """``module.py:line in function`` of the deepest frame inside chainmap, else the last frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(CHAINMAP)] or frames[-1:]
    if not ours:
        return "?"
    frame = ours[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
