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
:class:`~.chokepoints.ChokepointBadge` children of their segments' items, added and removed as
the difference with those shown, a few at a time between other events (a new analysis of a
5,000-segment map never holds up typing).
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem

from . import style
from .chokepoints import ChokepointBadge, badge_tip

if TYPE_CHECKING:
    from .scene import MapScene

FOUND_ROLE = "found"
NORMAL, FADED, HIDDEN = 0, 1, 2
_OPACITY = {NORMAL: 1.0, FADED: style.DIM_OPACITY, HIDDEN: 0.0}
BADGE_SLICE_SECONDS = 0.008
"""The longest the chokepoint badges hold the event loop at a time."""
BADGE_BATCH = 100
"""The most badges added or removed at a time."""
_CHECKS = 200  # badges checked to be in place between two looks at the clock


class MapOverlay(QObject):
    """The overlays of the scene shown in one window (:meth:`set_scene` follows the window's map).

    Signals: ``changed()`` after the faded, hidden or found segments changed;
    ``chokepoints_done()`` when the badges :meth:`set_chokepoints` asked for are all there.
    """

    changed = Signal()
    chokepoints_done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene: MapScene | None = None
        self._layers: dict[str, tuple[frozenset[str], bool]] = {}
        self._looks: dict[tuple[str, str], tuple[QGraphicsItem, int]] = {}
        self._faded: frozenset[str] = frozenset()
        self._hidden: frozenset[str] = frozenset()
        self._found: list[str] = []
        self._chokepoints: frozenset[str] = frozenset()  # asked for
        self._marked: frozenset[str] = frozenset()  # badged, once all are there
        self._badges: dict[str, ChokepointBadge] = {}
        self._badge_work: Iterator[bool] | None = None
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.setInterval(0)
        self._badge_timer.timeout.connect(self._badge_slice)

    def set_scene(self, scene: MapScene | None) -> None:
        """Lay the overlays over ``scene`` from now on (``None``: none); every layer, mark and
        badge is dropped (they belong to the map that was shown)."""
        if scene is self.scene:
            return
        self.scene = scene
        self._layers.clear()
        self._looks.clear()
        self._badges.clear()
        self._badge_work = None
        self._badge_timer.stop()
        self._found = []
        self._chokepoints = self._marked = frozenset()
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
        """Mark these segments as chokepoints (empty: no marks).

        Only the difference with the badges shown is made, in slices of at most
        :data:`BADGE_SLICE_SECONDS` (and :data:`BADGE_BATCH` badges) between other events, so a
        new analysis never holds up typing; :attr:`chokepoints_pending` is true meanwhile and
        :meth:`finish_chokepoints` does the rest at once. The legend shows the mark at once."""
        scene = self.scene
        if scene is None:
            return
        self._chokepoints = frozenset(node_ids)
        self._badge_work = self._sync_badges(scene, self._chokepoints)
        self._badge_timer.start()
        _set_legend_entry(scene, bool(self._chokepoints))

    @property
    def chokepoints_pending(self) -> bool:
        """True while badges are still to be added or removed."""
        return self._badge_work is not None

    def finish_chokepoints(self) -> None:
        """Add and remove the badges still to do, now."""
        self._badge_slice(limited=False)

    def _badge_slice(self, limited: bool = True) -> None:
        work = self._badge_work
        if work is None:
            return
        deadline = time.perf_counter() + BADGE_SLICE_SECONDS
        done = 0
        for changed in work:
            done += changed
            if limited and (done >= BADGE_BATCH or time.perf_counter() > deadline):
                self._badge_timer.start()
                return
        self._badge_work = None
        self._badge_timer.stop()
        self._marked = self._chokepoints
        self.chokepoints_done.emit()

    def clear_chokepoints(self) -> None:
        """Take every badge off now (the overlay was turned off: the user is waiting for it)."""
        self.set_chokepoints(())
        self.finish_chokepoints()

    def _sync_badges(self, scene: MapScene, wanted: frozenset[str]) -> Iterator[bool]:
        """Make the badges those of ``wanted``: each step yields True after a badge was added or
        removed, False after :data:`_CHECKS` badges were found in place. The scene's table of
        segment items is read at every step (no copy, no item made for the look-up); a big
        map's item not made yet is made for its badge."""
        items = scene.sync.items
        for count, (node_id, badge) in enumerate(list(self._badges.items()), 1):
            if count % _CHECKS == 0:
                yield False
            if not shiboken6.isValid(badge):
                del self._badges[node_id]  # it went with its segment's item
                continue
            if node_id in wanted and badge.parentItem() is items.of_kind("node").get(node_id) \
                    and badge.scene() is scene:
                continue
            del self._badges[node_id]
            if badge.scene() is not None:
                badge.scene().removeItem(badge)
            yield True
        tip = badge_tip()
        for node_id in wanted:
            if node_id in self._badges:
                continue
            parent = items.of_kind("node").get(node_id)
            if parent is None:
                scene.sync.materialize("node", node_id)
                parent = items.of_kind("node").get(node_id)
            if parent is not None and shiboken6.isValid(parent):
                self._badges[node_id] = ChokepointBadge(parent, tip)
                yield True

    def chokepoint_ids(self) -> frozenset[str]:
        """The segments marked as chokepoints: those :meth:`set_chokepoints` last asked for once
        their badges are all there (until then, the ones before)."""
        return self._marked

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
