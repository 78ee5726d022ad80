"""A tiny Qt-free signal, so the model can announce changes without knowing who listens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """Calls every connected callback, in connection order, with the emitted arguments."""

    __slots__ = ("_callbacks",)

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        """Call ``callback`` on every emit; connecting twice is a no-op."""
        if callback not in self._callbacks:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        """Stop calling ``callback``; disconnecting an unknown callback is a no-op."""
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        """Call every callback with ``args``."""
        # Iterate over a copy: a listener may disconnect itself while being called.
        for callback in list(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)


class MapEvents:
    """The change events of one :class:`~chainmap.core.model.ChainMap`.

    Each event is past tense and carries the object, and for ``*_changed`` a dict
    ``{field: (old, new)}``; ``*_added`` and ``*_removed`` carry the index in its list.
    """

    def __init__(self) -> None:
        self.map_changed = Signal()  # (changes)
        self.region_added = Signal()  # (region, index)
        self.region_changed = Signal()  # (region, changes)
        self.region_removed = Signal()  # (region, index)
        self.tier_added = Signal()  # (tier, index)
        self.tier_changed = Signal()  # (tier, changes)
        self.tier_removed = Signal()  # (tier, index)
        self.tier_moved = Signal()  # (tier, old_index, new_index)
        self.node_added = Signal()  # (node, index)
        self.node_changed = Signal()  # (node, changes)
        self.node_removed = Signal()  # (node, index)
        self.edge_added = Signal()  # (edge, index)
        self.edge_changed = Signal()  # (edge, changes)
        self.edge_removed = Signal()  # (edge, index)
        self.note_added = Signal()  # (note, index)
        self.note_changed = Signal()  # (note, changes)
        self.note_removed = Signal()  # (note, index)
        self.conflict_added = Signal()  # (conflict, index)
        self.conflict_removed = Signal()  # (conflict, index)
        # Emitted after a bulk replacement (load, merge result): listeners rebuild.
        self.reset = Signal()  # ()
