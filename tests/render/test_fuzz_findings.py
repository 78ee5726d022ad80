"""What the fuzz suite (tests/fuzz) found in the exports, fixed in chainmap.render.export: a
segment at a valid but absurd position (x = -1e308) made every format fail with an
OverflowError; now the export is refused with a sentence saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainmap.render.export import ExportError, export_map, planned_size

from .maps import small_map


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("far", [-1e308, 1e300, 1e16])
def test_a_segment_placed_absurdly_far_out_is_a_clean_refusal(app, tmp_path: Path, fmt: str, far: float) -> None:
    chain_map = small_map()
    node = chain_map.nodes[0]
    chain_map.update_node(node.id, x=far)
    target = tmp_path / f"far.{fmt}"
    with pytest.raises(ExportError, match="something lies far out") as caught:
        export_map(chain_map, target, dpi=24, scale=0.2)
    assert "chainmap layout" in str(caught.value)
    assert not target.exists()


def test_the_size_preview_says_the_same_before_anything_is_drawn(make_scene) -> None:  # type: ignore[no-untyped-def]
    chain_map = small_map()
    chain_map.update_node(chain_map.nodes[0].id, y=1e308)
    plan = planned_size(make_scene(chain_map), "png", 150, 1.0)
    assert plan.refused and plan.note is not None and "far out" in plan.note
