"""planned_size: the size an export will have, as export_scene then makes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from chainmap.render import export as export_module
from chainmap.render.export import ExportError, export_scene, planned_size


@pytest.mark.parametrize(("fmt", "dpi", "scale"), [("png", 72, 1), ("png", 150, 0.5), ("svg", 150, 1.5),
                                                   ("pdf", 300, 1)])
def test_the_plan_is_what_the_export_writes(make_scene, tmp_path, fmt, dpi, scale):
    scene = make_scene(editable=False, cached=False)
    plan = planned_size(scene, fmt, dpi, scale)
    result = export_scene(scene, tmp_path / f"map.{fmt}", dpi=dpi, scale=scale)
    assert not plan.refused and not plan.scaled_down and plan.note is None
    if fmt == "pdf":  # the page; the result counts the writer's dots
        assert result.size == pytest.approx((plan.width * dpi / 96, plan.height * dpi / 96), abs=2)
    else:
        assert result.size == (plan.width, plan.height)


def test_scaled_down_and_refused_as_the_export_is(make_scene, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "MAX_IMAGE_BYTES", 4 * 2_000_000)  # 2 MP
    scene = make_scene(editable=False, cached=False)
    plan = planned_size(scene, "png", 96, 3)
    result = export_scene(scene, tmp_path / "map.png", dpi=96, scale=3)
    assert plan.scaled_down and result.size == (plan.width, plan.height) and result.warnings == [plan.note]
    assert result.scale == pytest.approx(plan.scale) and plan.scale < 3
    huge = planned_size(scene, "png", 96, 100)
    assert huge.refused and "cannot be made" in (huge.note or "")
    with pytest.raises(ExportError, match="cannot be made"):
        export_scene(scene, tmp_path / "huge.png", dpi=96, scale=100)


def test_a_rectangle_and_page_sizes():
    plan = planned_size(QRectF(0, 0, 960, 480), "pdf", 150, 1)
    assert (plan.width, plan.height) == (960, 480)
    assert plan.page_inches == (10, 5) and plan.page_mm == pytest.approx((254, 127))
    too_big = planned_size(QRectF(0, 0, 960, 480), "pdf", 150, 30)  # 300 inches wide
    assert too_big.refused and "200 inches" in (too_big.note or "")
    png = planned_size(QRectF(0, 0, 960, 480), "png", 192, 1)  # 2 pixels a scene unit
    assert (png.width, png.height, png.megapixels) == (1920, 960, pytest.approx(1.8432))
    with pytest.raises(ExportError):
        planned_size(QRectF(0, 0, 10, 10), "gif", 150, 1)
