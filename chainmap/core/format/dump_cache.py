"""The canonical text of a map kept item by item, so writing it again after an edit is quick.

:func:`chainmap.core.format.serialize.dumps_map` serializes every segment, link and note on
each call: 1.7 s for a map of 20,000 segments, too long for the editor's autosave on the event
loop. A :class:`DumpCache` keeps the text of each segment, link and note as it appears inside
``dumps_map``'s output (made by the same functions, :func:`node_to_data` and
:func:`dumps_indented`), drops an item's text when the map's events say it changed or went, and
makes it again only when it is next needed. :meth:`DumpCache.dumps` joins the texts with the
map's own keys (regions, tiers, conflicts, tombstones, few and always written afresh): the very
bytes ``dumps_map`` writes, tested on random edits in ``tests/core/test_dump_cache.py``.

Every change the model makes to a segment, link or note is announced by an event
(``*_changed``, ``*_removed``; ``reset`` after a bulk replacement empties the cache); an item
is known by its identity, so one put back by undo (a copy) is written afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from ..bulk import gc_paused
from ..model import ChainMap
from .jsontext import dumps_indented
from .serialize import edge_to_data, map_to_data_with, node_to_data, note_to_data

# An item of the "nodes", "edges" or "notes" array sits two levels deep in the file.
_ITEM_BREAK = "\n    "
_ITEM_SEPARATOR = ("," + _ITEM_BREAK).encode("utf-8")


class _Items:
    """Stand-in for an item array in the map's data: written from the kept texts."""

    __slots__ = ("texts",)

    def __init__(self, texts: list[bytes]) -> None:
        self.texts = texts


class _Streamed:
    """Stand-in for an item array whose texts are made as they are written, never kept."""

    __slots__ = ("items", "to_data")

    def __init__(self, items: Sequence[Any], to_data: Callable[[Any], dict[str, Any]]) -> None:
        self.items = items
        self.to_data = to_data

    def chunks(self, step: int) -> Iterator[bytes]:
        """The items' texts joined by the separator, ``step`` items to a chunk."""
        items, to_data = self.items, self.to_data
        for start in range(0, len(items), step):
            chunk = _ITEM_SEPARATOR.join([item_text(item, to_data) for item in items[start:start + step]])
            yield chunk if start == 0 else _ITEM_SEPARATOR + chunk


def item_text(item: Any, to_data: Callable[[Any], dict[str, Any]]) -> bytes:
    """One segment's, link's or note's text as it stands in the map's canonical text."""
    return dumps_indented(to_data(item)).replace("\n", _ITEM_BREAK).encode("utf-8")


class DumpCache:
    """The texts of one map's segments, links and notes, kept up to date from its events.

    Attributes:
        built: how many item texts were made since the cache began (to see the saving).
    """

    def __init__(self, chain_map: ChainMap) -> None:
        # {id(item): UTF-8 text}, and {id(item): item}: the item is held so that its id cannot
        # be reused while its text is kept (an event drops both when it changes or goes).
        # Kept encoded: joining bytes is a copy, encoding 16 MB of Chinese text again is not.
        self._texts: dict[int, bytes] = {}
        self._held: dict[int, Any] = {}
        self.built = 0
        self._prepared = [0, 0, 0]  # how far :meth:`prepare` went in the nodes, edges, notes
        events = chain_map.events
        for signal in (events.node_changed, events.edge_changed, events.note_changed):
            signal.connect(self._item_changed)
        for signal in (events.node_removed, events.edge_removed, events.note_removed):
            signal.connect(self._item_changed)
        events.reset.connect(self.clear)

    def clear(self) -> None:
        """Forget every text (they are made again when next needed)."""
        self._texts.clear()
        self._held.clear()
        self._prepared = [0, 0, 0]

    def _item_changed(self, item: Any, _detail: Any) -> None:
        self._texts.pop(id(item), None)
        self._held.pop(id(item), None)

    def _array(self, items: Sequence[Any], to_data: Callable[[Any], dict[str, Any]]) -> list[bytes]:
        """The texts of ``items``, in order: the kept ones looked up in one pass at C speed
        (a loop in Python over 260,000 items took 80 ms of each autosave at 100,000
        segments), the missing ones made."""
        texts = self._texts
        out: list[bytes | None] = list(map(texts.get, map(id, items)))
        held = self._held
        place = -1
        while True:
            try:
                place = out.index(None, place + 1)  # the next missing one, found at C speed too
            except ValueError:
                return out  # type: ignore[return-value]  # no None is left
            item = items[place]
            made = item_text(item, to_data)
            texts[id(item)] = made
            held[id(item)] = item
            self.built += 1
            out[place] = made

    def prepare(self, chain_map: ChainMap, budget: int = 2000) -> bool:
        """Make the texts of up to ``budget`` more items ahead of need (the editor does it in
        idle slices after opening a map, so its first autosave is quick too); True once every
        item has been gone through. Harmless at any time: a text made is the item's own."""
        lists: tuple[tuple[Sequence[Any], Callable[[Any], dict[str, Any]]], ...] = (
            (chain_map.nodes, node_to_data), (chain_map.edges, edge_to_data), (chain_map.notes, note_to_data)
        )
        for slot, (items, to_data) in enumerate(lists):
            start = self._prepared[slot]
            if budget > 0 and start < len(items):
                chunk = items[start : start + budget]
                self._array(chunk, to_data)
                start += len(chunk)
                budget -= len(chunk)
                self._prepared[slot] = start
            if start < len(items):
                return False
        return True

    def dumps(self, chain_map: ChainMap) -> bytes:
        """``dumps_map(chain_map)``, remaking only the texts of items changed since last time."""
        return self.text(chain_map).joined()

    def text(self, chain_map: ChainMap) -> MapText:
        """The same text as :meth:`dumps`, in pieces not yet joined (see :class:`MapText`)."""
        with gc_paused():
            nodes = _Items(self._array(chain_map.nodes, node_to_data))
            edges = _Items(self._array(chain_map.edges, edge_to_data))
            notes = _Items(self._array(chain_map.notes, note_to_data))
            return MapText([piece.texts if isinstance(piece, _Items) else piece
                            for piece in _pieces(chain_map, nodes, edges, notes)])


def _pieces(chain_map: ChainMap, nodes: Any, edges: Any, notes: Any) -> list[Any]:
    """The map's canonical text in order: bytes, and the stand-ins given for its segments,
    links and notes, each where its array's items go."""
    data = map_to_data_with(
        chain_map,
        nodes if chain_map.nodes else [],
        edges if chain_map.edges else [],
        notes if chain_map.notes else [],
    )
    pieces: list[Any] = []
    separator = "{\n  "
    for key, value in data.items():
        name = dumps_indented(key)
        if isinstance(value, (_Items, _Streamed)):
            pieces.append((separator + name + ": [" + _ITEM_BREAK).encode("utf-8"))
            pieces.append(value)
            pieces.append(b"\n  ]")
        else:
            # '{\n  "key": VALUE\n}': the value's text at the right indent, as dumps_map's.
            text = dumps_indented({key: value})[len(name) + 6 : -2]
            pieces.append((separator + name + ": " + text).encode("utf-8"))
        separator = ",\n  "
    pieces.append(b"\n}\n")
    return pieces


def streamed_text(chain_map: ChainMap) -> Iterator[bytes]:
    """The bytes :func:`~.serialize.dumps_map` makes, in chunks of :attr:`MapText.CHUNK_ITEMS`
    items, each item's text made as its chunk is written and kept by nobody: the text of a
    map too big to hold twice (:mod:`.park`)."""
    stand_ins = [_Streamed(items, to_data) for items, to_data in
                 ((chain_map.nodes, node_to_data), (chain_map.edges, edge_to_data), (chain_map.notes, note_to_data))]
    for piece in _pieces(chain_map, *stand_ins):
        if isinstance(piece, _Streamed):
            yield from piece.chunks(MapText.CHUNK_ITEMS)
        else:
            yield piece


class MapText:
    """A map's canonical text in pieces: bytes, and lists of item texts that go between them
    joined by the item separator. Nothing in it changes after it is made (the lists are its
    own, the texts are bytes), so another thread may join or write it while the map is edited:
    the editor's autosave makes it on the event loop (a few tens of milliseconds at 100,000
    segments) and writes it from a worker thread, :meth:`chunks` at a time, so joining 80 MB
    never holds the event loop."""

    __slots__ = ("_pieces",)

    CHUNK_ITEMS = 2000  # item texts joined into one chunk (about 600 KB)

    def __init__(self, pieces: list[bytes | list[bytes]]) -> None:
        self._pieces = pieces

    def chunks(self) -> Iterator[bytes]:
        """The text in order, in chunks of at most :attr:`CHUNK_ITEMS` item texts."""
        step = self.CHUNK_ITEMS
        for piece in self._pieces:
            if isinstance(piece, bytes):
                yield piece
                continue
            for start in range(0, len(piece), step):
                chunk = _ITEM_SEPARATOR.join(piece[start:start + step])
                yield chunk if start == 0 else _ITEM_SEPARATOR + chunk

    def joined(self) -> bytes:
        """The whole text as one ``bytes``."""
        return b"".join(
            piece if isinstance(piece, bytes) else _ITEM_SEPARATOR.join(piece) for piece in self._pieces
        )


_CACHES: WeakKeyDictionary[ChainMap, DumpCache] = WeakKeyDictionary()


def dump_cache_for(chain_map: ChainMap) -> DumpCache:
    """The map's own :class:`DumpCache` (made on first use, gone with the map)."""
    cache = _CACHES.get(chain_map)
    if cache is None:
        cache = _CACHES[chain_map] = DumpCache(chain_map)
    return cache


def cached_dumps(chain_map: ChainMap) -> bytes:
    """``dumps_map(chain_map)`` through the map's own :class:`DumpCache`."""
    return dump_cache_for(chain_map).dumps(chain_map)
