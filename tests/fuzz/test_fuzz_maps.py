"""Mutated maps (JSON-level and byte-level mutations of the examples and the merge copies)
through load, validate, save, the reading commands, layout, routing and model edits: any
uncaught exception, unclean refusal, unsafe output or unstable save fails the run."""

from __future__ import annotations

from pathlib import Path

from .config import budget
from .runner import report, run_maps


def test_fuzzed_maps_get_clean_answers_everywhere(tmp_path: Path) -> None:
    plan = budget()
    findings = run_maps(plan, tmp_path)
    report(findings, "maps", plan)
    assert findings.counts["maps"] == plan.maps
    assert findings.counts["loaded"] > 0 and findings.counts["refused"] > 0  # both paths ran
    assert not findings.items, findings.summary()
