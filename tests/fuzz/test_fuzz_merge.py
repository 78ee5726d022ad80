"""Merges of fuzzed region copies in every order, with and without the base: no exception,
a result that validates and reloads, no region fact lost, no order dependence beyond what
merge.md leaves to the lead or the first input."""

from __future__ import annotations

from pathlib import Path

from .config import budget
from .runner import report, run_merges


def test_fuzzed_copies_merge_by_the_laws(tmp_path: Path) -> None:
    plan = budget()
    findings = run_merges(plan, tmp_path)
    report(findings, "merges", plan)
    assert findings.counts["merge cases"] == plan.merges
    assert not findings.items, findings.summary()
