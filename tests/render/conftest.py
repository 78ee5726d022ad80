"""Fixtures of the render tests: a QApplication with the bundled fonts, and scenes that are
disposed at teardown (a scene dropped without dispose() can crash PySide6 at exit)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from chainmap.core.model import ChainMap

from .maps import small_map


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    from chainmap.render.fonts import register_bundled_fonts

    register_bundled_fonts()
    return qapp


@pytest.fixture
def make_scene(app) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """``make_scene(chain_map=None, **options)``: a MapScene, disposed at teardown."""
    from chainmap.render.scene import MapScene

    scenes: list[MapScene] = []

    def make(chain_map: ChainMap | None = None, **options: object) -> MapScene:
        scene = MapScene(chain_map if chain_map is not None else small_map(), **options)
        scenes.append(scene)
        return scene

    yield make
    for scene in scenes:
        scene.dispose()
    scenes.clear()
