"""What the editor lays over a map scene to answer a question, never saved: segments faded or
hidden (a filter, a trace upstream or downstream), the hits of a search outlined, and the
chokepoints marked with a badge.

Fading is in *layers*, one per question (``"filter"``, ``"trace"``): each keeps a set of
segments and fades (or, for a hiding layer, hides) the rest; a segment is drawn faded when some
layer leaves it out, hidden when a hiding layer does. A link follows its ends (faded when one
end is, hidden when one end is), a note its segment (a note on no segment is faded whenever a
layer is on). Fading is Qt's item opacity (:data:`style.DIM_OPACITY`, as the gaps view dims);
a hidden item is fully transparent and disabled, so it can be neither clicked nor selected
(the scene keeps deciding which items are visible, for folding). The items of a scene rebuilt
after a reset are fresh: whoever owns a layer sets it again after the map changes.

Search hits are the scene's ``found`` marks (:meth:`MapScene.set_marked`); chokepoints are
:class:`~.chokepoints.ChokepointBadge` children of their segments' items.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGraphicsItem

from . import style
from .chokepoints import ChokepointBadge

if TYPE_CHECKING:
    from .scene import MapScene

FOUND_ROLE = "found"
NORMAL, FADED, HIDDEN = 0, 1, 2
_OPACITY = {NORMAL: 1.0, FADED: style.DIM_OPACITY, HIDDEN: 0.0}


class MapOverlay(QObject):
    """The overlays of the scene shown in one window (:meth:`set_scene` follows the window's map).

    Signals: ``changed()`` after the faded, hidden or found segments changed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene: MapScene | None = None
        self._layers: dict[str, tuple[frozenset[str], bool]] = {}
        self._looks: dict[tuple[str, str], tuple[QGraphicsItem, int]] = {}
        self._faded: frozenset[str] = frozenset()
        self._hidden: frozenset[str] = frozenset()
        self._found: list[str] = []
        self._chokepoints: frozenset[str] = frozenset()
        self._badges: dict[str, ChokepointBadge] = {}

    def set_scene(self, scene: MapScene | None) -> None:
        """Lay the overlays over ``scene`` from now on (``None``: none); every layer, mark and
        badge is dropped (they belong to the map that was shown)."""
        if scene is self.scene:
            return
        self.scene = scene
        self._layers.clear()
        self._looks.clear()
        self._badges.clear()
        self._found = []
        self._chokepoints = frozenset()
        self._faded = self._hidden = frozenset()
        self.changed.emit()

    # ------------------------------------------------------------- fading
    def set_layer(self, name: str, kept: Collection[str] | None, hide: bool = False) -> None:
        """Keep only the segments ``kept`` for layer ``name`` (``None``: the layer goes); the rest
        are faded, or hidden when ``hide``."""
        if kept is None:
            if self._layers.pop(name, None) is None:
                return
        else:
            self._layers[name] = (frozenset(kept), hide)
        self.apply()

    def layer(self, name: str) -> frozenset[str] | None:
        """The segments layer ``name`` keeps, or ``None`` when it is off."""
        entry = self._layers.get(name)
        return entry[0] if entry is not None else None

    def faded_ids(self) -> frozenset[str]:
        """The segments drawn faded (not those hidden)."""
        return self._faded

    def hidden_ids(self) -> frozenset[str]:
        """The segments hidden by a hiding layer."""
        return self._hidden

    def apply(self) -> None:
        """Fade and hide the scene's items as the layers say now (after the scene's items were
        rebuilt, or a layer changed). Only the items whose look changes are touched."""
        scene = self.scene
        if scene is None:
            return
        chain_map = scene.chain_map
        every = [node.id for node in chain_map.nodes]
        faded: set[str] = set()
        hidden: set[str] = set()
        for kept, hide in self._layers.values():
            (hidden if hide else faded).update(node_id for node_id in every if node_id not in kept)
        faded -= hidden
        self._faded, self._hidden = frozenset(faded), frozenset(hidden)
        # What each item should look like, for those not drawn as usual.
        looks = dict.fromkeys(faded, FADED)
        looks.update(dict.fromkeys(hidden, HIDDEN))
        wanted: dict[tuple[str, str], int] = {("node", node_id): look for node_id, look in looks.items()}
        if looks:
            get = looks.get
            for edge in chain_map.edges:
                look = max(get(edge.source, NORMAL), get(edge.target, NORMAL))
                if look:
                    wanted[("edge", edge.id)] = look
            for note in chain_map.notes:
                look = get(note.node, NORMAL) if note.node is not None else FADED
                if look:
                    wanted[("note", note.id)] = look
        items = {kind: scene.items_of(kind) for kind in ("node", "edge", "note")}
        for ref in [ref for ref in self._looks if ref not in wanted]:
            item, was = self._looks.pop(ref)
            current = items[ref[0]].get(ref[1])
            if current is item:  # an item the scene replaced meanwhile is a fresh one already
                _show(item, NORMAL, was)
        for ref, look in wanted.items():
            shown = items[ref[0]].get(ref[1])
            known = self._looks.get(ref)
            if shown is None or (known is not None and known[0] is shown and known[1] == look):
                continue
            _show(shown, look, known[1] if known is not None and known[0] is shown else NORMAL)
            self._looks[ref] = (shown, look)
        _refresh_overview(scene)
        self.changed.emit()

    # ----------------------------------------------------------- search hits
    def set_found(self, node_ids: Iterable[str]) -> None:
        """Outline these segments as the hits of a search (empty: none)."""
        ids = [node_id for node_id in node_ids]
        if ids == self._found or self.scene is None:
            return
        self._found = ids
        self.scene.set_marked([("node", node_id) for node_id in ids], FOUND_ROLE)
        self.changed.emit()

    def found_ids(self) -> list[str]:
        return list(self._found)

    # ------------------------------------------------------------ chokepoints
    def set_chokepoints(self, node_ids: Iterable[str]) -> None:
        """Mark these segments as chokepoints (empty: no marks)."""
        scene = self.scene
        wanted = frozenset(node_ids)
        if scene is None:
            return
        items = scene.items_of("node")
        for node_id, badge in list(self._badges.items()):
            parent = items.get(node_id)
            if node_id in wanted and shiboken6.isValid(badge) and parent is not None and badge.parentItem() is parent:
                continue
            del self._badges[node_id]
            if shiboken6.isValid(badge) and badge.scene() is not None:
                scene.removeItem(badge)
        for node_id in wanted:
            parent = items.get(node_id)
            if parent is not None and node_id not in self._badges:
                self._badges[node_id] = ChokepointBadge(parent)
        self._chokepoints = wanted
        _set_legend_entry(scene, bool(wanted))

    def chokepoint_ids(self) -> frozenset[str]:
        """The segments marked as chokepoints."""
        return self._chokepoints

    def badge(self, node_id: str) -> ChokepointBadge | None:
        """The badge on segment ``node_id``, if it is marked."""
        badge = self._badges.get(node_id)
        return badge if badge is not None and shiboken6.isValid(badge) else None


def _show(item: QGraphicsItem, look: int, was: int = HIDDEN) -> None:
    """Draw ``item`` as usual, faded, or not at all (and then neither clickable nor selected);
    ``was`` is how it was drawn (hidden when not known)."""
    item.setOpacity(_OPACITY[look])
    if look == HIDDEN or was == HIDDEN:
        item.setEnabled(look != HIDDEN)
        if look == HIDDEN and item.isSelected():
            item.setSelected(False)


def _refresh_overview(scene: MapScene) -> None:
    """Have the far-zoom overview gather its boxes again (it reads the items' opacity)."""
    scene.sync.overview.invalidate()


def _set_legend_entry(scene: MapScene, on: bool) -> None:
    """Show the chokepoint mark in the scene's legend, or not."""
    scene.set_chokepoints_in_legend(on)
