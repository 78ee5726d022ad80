"""Loading a clean map while its text is read: each segment and link is parsed, checked and
built in turn, so the parsed data of the whole file never exists at once.

``json.loads`` of a 100,000-segment file makes 340 MB of dicts, lists and strings before the
first segment is built, and the memory they leave behind stays with the process (the strings
the model keeps hold on to the memory pages around them). Read here, the file's text is
decoded a megabyte at a time, each item is parsed on its own (``json``'s own decoder,
:meth:`json.JSONDecoder.raw_decode`, at the item's place), looked at by the validator's quick
check of one item, built into the model, and let go: the memory one item took serves the
next, and the load's peak is the model plus a megabyte of text.

Like the quick passes of :mod:`.validate_quick`, this way only takes a map that is certainly
clean: at the first thing that is or might be a problem (a parse error, an escape ``\\u``, an
item the quick check does not pass, a key written twice, keys out of the usual order) it gives
up, and :func:`stream_map` returns ``None``: the caller then loads the file the whole-file way,
which words every problem. A key written twice is found as the whole-file quick way finds it:
the colons of an item's text outside its strings are its key-value pairs, one each.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO, TypeVar

from ..model import ChainMap, Edge, ModelError, Node
from ..vocabulary import DEFAULT_EDGE_KIND
from .problems import Problem
from .serialize import edge_from_data, map_from_parts, node_from_data, note_from_data
from .validate import _Validator
from .validate_quick import ODD, edge_check, good_ids, link_successors, node_check, pairs_and_colons

CHUNK_BYTES = 1 << 20  # the text decoded at a time
_SPACE = re.compile(r"[ \t\n\r]*")
_AFTER_ITEM = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")
T = TypeVar("T")


class _GiveUp(Exception):
    """Not certainly a clean map: the whole-file way must look."""


def _no_constant(name: str) -> Any:
    raise _GiveUp


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _GiveUp
    return value


_DECODE = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite).raw_decode


class _Text:
    """A file's text, decoded a chunk at a time and read from a position; what is read is
    let go as more is decoded."""

    def __init__(self, read: Callable[[int], bytes]) -> None:
        self._read = read
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()  # a byte order mark is read past
        self._want = CHUNK_BYTES
        self.text = ""
        self.pos = 0
        self.ended = False

    def more(self) -> None:
        """Decode the next chunk (twice as much when the last did not finish an item)."""
        if self.ended:
            raise _GiveUp
        chunk = self._read(self._want)
        self.ended = not chunk
        try:
            piece = self._decoder.decode(chunk, final=self.ended)
        except UnicodeDecodeError:
            raise _GiveUp from None
        # An escape may hide a colon from the count, or be half a character: the whole-file
        # way checks both.
        if "\\u" in self.text[-1:] + piece:
            raise _GiveUp
        self.text = self.text[self.pos :] + piece
        self.pos = 0

    def skip_space(self) -> None:
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or self.ended:
                return
            self.more()

    def take(self) -> str:
        """The next character that is not white space."""
        self.skip_space()
        if self.pos >= len(self.text):
            raise _GiveUp
        char = self.text[self.pos]
        self.pos += 1
        return char

    def expect(self, char: str) -> None:
        if self.take() != char:
            raise _GiveUp

    def value(self) -> tuple[Any, int]:
        """The next JSON value, and how many colons its text holds."""
        self.skip_space()
        text, pos = self.text, self.pos
        try:
            value, end = _DECODE(text, pos)
        except (ValueError, RecursionError):
            return self._value_across_chunks()
        if end == len(text) and not self.ended:  # a number at the end may go on
            return self._value_across_chunks()
        self.pos = end
        return value, text.count(":", pos, end)

    def _value_across_chunks(self) -> tuple[Any, int]:
        want = self._want
        try:
            while True:
                self.more()
                self._want *= 2  # one item larger than a chunk: read it in fewer steps
                try:
                    value, end = _DECODE(self.text, self.pos)
                except (ValueError, RecursionError):
                    if self.ended:
                        raise _GiveUp from None
                    continue
                if end < len(self.text) or self.ended:
                    colons = self.text.count(":", self.pos, end)
                    self.pos = end
                    return value, colons
        finally:
            self._want = want

    def next_item(self) -> bool:
        """Past the comma after a list's item (True) or the list's end (False)."""
        found = _AFTER_ITEM.match(self.text, self.pos)
        if found is not None and found.end() < len(self.text):
            self.pos = found.end()
            return found.group(1) == ","
        separator = self.take()
        if separator not in ",]":
            raise _GiveUp
        return separator == ","


def stream_map(raw: bytes | BinaryIO) -> tuple[ChainMap, list[Problem]] | None:
    """The map in a file's bytes (or read from an open file) and its warnings, when the file
    is certainly a clean map (see the module's note); ``None`` when the whole-file way must
    load it. Reading may raise ``OSError``."""
    read = io.BytesIO(raw).read if isinstance(raw, bytes) else raw.read
    try:
        return _Stream(_Text(read)).load()
    except (_GiveUp, *ODD, RecursionError, ModelError):
        return None


class _Stream:
    """One reading of one file."""

    def __init__(self, text: _Text) -> None:
        self.text = text
        self.head: dict[str, Any] = {}  # the top object without its segments and links
        self.validator = _Validator()
        self.parents: list[tuple[int, str, str]] = []
        self.nodes: list[Node] | None = None
        self.edges: list[Edge] | None = None
        self.successors: list[list[int]] = []

    def load(self) -> tuple[ChainMap, list[Problem]]:
        text = self.text
        text.expect("{")
        while True:
            key, _colons = text.value()
            if key.__class__ is not str or key in self.head or key in ("nodes", "edges") and self._read(key):
                raise _GiveUp  # a key twice, or a list out of its place
            text.expect(":")
            if key == "nodes":
                self.nodes = self._nodes()
            elif key == "edges":
                self.edges = self._edges()
            else:
                value, colons = text.value()
                if _pairs_and_text_colons(value) != colons:
                    raise _GiveUp
                self.head[key] = value
            separator = text.take()
            if separator == "}":
                break
            if separator != ",":
                raise _GiveUp
        text.skip_space()
        if text.pos < len(text.text) or not text.ended:
            raise _GiveUp  # more after the map
        return self._finish()

    def _read(self, key: str) -> bool:
        """Whether the list ``key`` is read already or comes too early (segments need the
        regions and tiers before them, links the segments)."""
        if key == "nodes":
            return self.nodes is not None or "regions" not in self.head or "tiers" not in self.head
        return self.edges is not None or self.nodes is None

    def _nodes(self) -> list[Node]:
        validator = self.validator
        validator.check_regions(self.head)
        validator.check_tiers(self.head)
        if validator.problems or validator.region_codes is None or validator.tier_ids is None:
            raise _GiveUp
        check = node_check(validator, self.parents)
        nodes = self._items(check, node_from_data)
        node_index = good_ids(validator, [node.id for node in nodes])
        if node_index is None:
            raise _GiveUp
        validator.node_index, validator.nodes = node_index, _NodesAsData(nodes)
        validator.quick_ids.append((node_index, "/nodes/{}"))
        return nodes

    def _edges(self) -> list[Edge]:
        validator = self.validator
        check = edge_check(validator)
        edges = self._items(lambda edge, _index: check(edge), edge_from_data)
        assert validator.node_index is not None
        ends = ((edge.source, edge.target, DEFAULT_EDGE_KIND if edge.kind is None else edge.kind) for edge in edges)
        successors = link_successors(validator.node_index, len(validator.nodes), ends)
        edge_index = good_ids(validator, [edge.id for edge in edges])
        if successors is None or edge_index is None:
            raise _GiveUp
        self.successors = successors
        validator.quick_ids.append((edge_index, "/edges/{}"))
        return edges

    def _items(self, check: Callable[[Any, int], int | None], build: Callable[[dict[str, Any]], T]) -> list[T]:
        """The objects of a list, each checked, built and let go in turn."""
        text = self.text
        text.expect("[")
        built: list[T] = []
        text.skip_space()
        if text.text.startswith("]", text.pos):
            text.pos += 1
            return built
        value, next_item, append = text.value, text.next_item, built.append
        index = 0
        while True:
            item, colons = value()
            pairs = check(item, index)
            if pairs is None or pairs != colons and pairs + pairs_and_colons(item)[1] != colons:
                raise _GiveUp
            append(build(item))
            index += 1
            if not next_item():
                return built

    def _finish(self) -> tuple[ChainMap, list[Problem]]:
        """The checks of the rest of the map, then the model; the link cycles' warnings are
        the only problems a streamed map may have (the last check of all, as in a whole-file
        check)."""
        if self.nodes is None or self.edges is None:
            raise _GiveUp
        validator, head = self.validator, self.head
        whole = {**head, "nodes": [], "edges": []}  # the lists' shape is known: they were read
        validator.data = whole
        if not validator.check_top(whole):
            raise _GiveUp
        validator.check_lead_and_owner(whole)
        validator.check_after_links(whole, self.parents)
        if validator.problems:
            raise _GiveUp
        validator.check_link_cycles(self.successors, _EdgesAsData(self.edges))
        notes = [note_from_data(note) for note in head.get("notes", ())]
        try:
            chain_map = map_from_parts(head, self.nodes, self.edges, notes)
        except (KeyError, TypeError, ValueError):
            raise _GiveUp from None
        return chain_map, validator.problems


def _pairs_and_text_colons(value: Any) -> int:
    pairs, colons = pairs_and_colons(value)
    return pairs + colons


class _NodesAsData(Sequence[dict[str, Any]]):
    """The built segments as the validator's messages read them: their id and name."""

    def __init__(self, nodes: list[Node]) -> None:
        self._nodes = nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def __getitem__(self, index: Any) -> Any:
        node = self._nodes[index]
        return {"id": node.id, "name": node.name}


class _EdgesAsData:
    """The built links as the link-cycle check reads them: their ends."""

    def __init__(self, edges: list[Edge]) -> None:
        self._edges = edges

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return ({"from": edge.source, "to": edge.target} for edge in self._edges)
