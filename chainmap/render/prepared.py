"""A map's scene set up for one export (view region, folds, legend) and disposed afterwards.

The slide deck, the paper pages and the fitted PNG start from a map, as ``export_map`` does;
this is the set-up they share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from chainmap.core.messages import msg
from chainmap.core.model import ChainMap

from .export import check_region, ensure_application
from .scene import MapScene


@contextmanager
def prepared_scene(chain_map: ChainMap, *, view_region: str | None = None, legend: bool = True,
                   folded: Iterable[str] = ()) -> Iterator[tuple[MapScene, list[str]]]:
    """``with prepared_scene(map, ...) as (scene, warnings):`` a read-only scene showing
    ``view_region``'s gaps view (None: all regions), with ``folded`` segments folded; warnings
    name the folds that were ignored. Raises ExportError for a region the map lacks."""
    check_region(chain_map, view_region)
    ensure_application()
    scene = MapScene(chain_map, editable=False, legend=legend, cached=False)
    try:
        warnings: list[str] = []
        if view_region is not None:
            scene.set_view_region(view_region)
        for node_id in folded:
            if not chain_map.has_node(node_id):
                warnings.append(msg("There is no segment '{node_id}' to fold; ignored.", node_id=node_id))
            elif chain_map.children(node_id):
                scene.set_folded(node_id, True)
        yield scene, warnings
    finally:
        scene.dispose()
        del scene
