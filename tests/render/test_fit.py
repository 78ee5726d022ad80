"""``--fit PIXELS``: a PNG with an exact long edge, painted at that size rather than shrunk."""

from __future__ import annotations

import math
import random

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from .maps import small_map


def test_fitted_scale_gives_the_exact_long_edge_for_any_shape():
    from chainmap.render.fit import SCENE_DPI, fitted_scale

    pick = random.Random(13)
    for _ in range(2000):
        rect = QRectF(0, 0, pick.uniform(50, 50_000), pick.uniform(50, 50_000))
        pixels, dpi = pick.randint(16, 32768), pick.choice([72, 96, 150, 300, 123.4])
        factor = fitted_scale(rect, pixels, dpi) * dpi / SCENE_DPI  # as the PNG export reckons it
        # The PNG export's own rounding: whole pixels, rounded up.
        assert math.ceil(max(rect.width(), rect.height()) * factor) == pixels, (rect, pixels, dpi)
        assert math.ceil(min(rect.width(), rect.height()) * factor) >= 1


def test_fit_out_of_range_is_refused():
    from chainmap.render.fit import FitError, fitted_scale

    for pixels in (0, 15, 32769):
        with pytest.raises(FitError, match="--fit takes a long edge"):
            fitted_scale(QRectF(0, 0, 100, 100), pixels, 150)


@pytest.mark.parametrize("pixels", [1920, 1280, 701])
def test_fitted_png_has_the_long_edge_and_is_painted_at_that_size(make_scene, tmp_path, pixels):
    from chainmap.render.export import export_scene
    from chainmap.render.fit import export_fitted_png, fitted_scale

    scene = make_scene(small_map(), editable=False, cached=False)
    done = export_fitted_png(scene, tmp_path / "fit.png", pixels, dpi=150)
    image = QImage(str(tmp_path / "fit.png"))
    assert max(image.width(), image.height()) == pixels == max(done.width, done.height)
    assert image.dotsPerMeterX() == round(150 / 0.0254)
    # Painted at the fitted scale (text laid out and antialiased at that size): pixel for pixel
    # what the PNG export paints at that scale, not a bigger picture resampled down.
    scale = fitted_scale(scene.content_rect(), pixels, 150)
    export_scene(scene, tmp_path / "direct.png", dpi=150, scale=scale)
    assert QImage(str(tmp_path / "direct.png")) == image
