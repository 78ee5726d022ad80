"""Link routing and label placement: the geometry every drawing of a map uses (Qt-free).

Given a map and the segments shown folded, :func:`route_map` returns a :class:`RouteSet`:
each visible segment's box, each drawn link's path from the border of its source box to the
border of its target box around every other box and below the tier header (orthogonal, in
the free channels between boxes, ports spread along box sides, parallel links spread across
their channel, corners rounded and flattened to a polyline), the place of its label and flow
tag, and each note's callout and leader. Nothing in it overlaps a box, another label or a
note where the map leaves room. Text is measured from the bundled font (:mod:`.textsize`),
so rectangles match what the painter draws. :class:`Router` keeps the routes: a drag step
re-routes only the moved boxes' links (:meth:`Router.move`), its end the links around them
(:meth:`Router.settle`).

Modules: :mod:`.inputs` (map → plain boxes, links, notes), :mod:`.obstacles` (box index),
:mod:`.ports`, :mod:`.search` (shapes and A*), :mod:`.nudge` (spreading in channels),
:mod:`.shape` (rounded corners), :mod:`.labels`, :mod:`.notes`, :mod:`.space` (free space for
labels), :mod:`.crossindex` (crossings while routing), :mod:`.routecells` (routes by cell),
:mod:`.textsize` (text in the bundled font), :mod:`.router`, :mod:`.result`, :mod:`.measure`
(box hits, overlaps, crossings, how labelled links stack).
"""

from __future__ import annotations

from collections.abc import Collection

from chainmap.core.model import ChainMap

from .inputs import LinkSpec, NoteSpec, RoutingInput, routing_input
from .labels import LabelText
from .measure import box_hits, label_levels, label_overlaps, route_crossings
from .result import LinkRoute, NoteCallout, RouteSet
from .router import Changes, Router

__all__ = [
    "Changes", "LabelText", "LinkRoute", "LinkSpec", "NoteCallout", "NoteSpec", "RouteSet", "Router",
    "RoutingInput", "box_hits", "label_overlaps", "label_levels", "route_crossings", "route_map", "routing_input",
]


def route_map(chain_map: ChainMap, folded: Collection[str] = ()) -> RouteSet:
    """The routed geometry of ``chain_map`` with the ``folded`` segments folded."""
    return Router(routing_input(chain_map, folded)).route_all(drags=False)
