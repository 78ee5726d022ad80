"""Fuzzed maps drawn to a tiny PNG and SVG in-process: a PNG, well-formed XML, or a clean refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from .config import budget
from .runner import report, run_exports


@pytest.mark.gui
def test_fuzzed_maps_export_to_png_and_well_formed_svg(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = budget()
    findings = run_exports(plan, tmp_path)
    report(findings, "exports", plan)
    assert findings.counts["exported maps"] == plan.exports
    assert not findings.items, findings.summary()
