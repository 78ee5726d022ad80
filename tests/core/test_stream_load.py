"""The streaming loader (items parsed, checked and built while the text is read) loads exactly
what the whole-file loader loads, and gives up on anything it cannot be sure of, so that every
problem is still worded by the whole-file checks.

Compared on the examples, the merge copies, a generated big map, text cut into chunks that split
characters and items, hand-made files just off the usual (a key twice, lists out of order, an
escape, a link cycle, text after the map) and hundreds of fuzzed files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import chainmap.core.format.stream_load as stream_load
from chainmap.core.format.fileio import _built, load_map, loads_map, parse_and_check
from chainmap.core.format.problems import MapFileError
from chainmap.core.format.serialize import dumps_map
from chainmap.core.format.stream_load import stream_map
from tests.fuzz.config import EXAMPLES, MERGE_COPIES
from tests.fuzz.jsontext import DupDict
from tests.fuzz.mutate_json import mutated_file
from tests.render.bigmap import make_big_map


def _whole_way(raw: bytes) -> Any:
    """What the whole-file loader makes of ``raw``: the map's text and the warnings, or the error."""
    try:
        data, warnings = parse_and_check(raw, "f")
        result = _built(data, warnings, "f")
    except MapFileError as exc:
        return type(exc).__name__, [(p.path, p.message, p.line, p.column) for p in exc.problems]
    return dumps_map(result.map), result.warnings


def _streamed(raw: bytes) -> Any:
    streamed = stream_map(raw)
    if streamed is None:
        return None
    chain_map, warnings = streamed
    return dumps_map(chain_map), warnings


def _loaded(raw: bytes) -> Any:
    try:
        result = loads_map(raw, "f")
    except MapFileError as exc:
        return type(exc).__name__, [(p.path, p.message, p.line, p.column) for p in exc.problems]
    return dumps_map(result.map), result.warnings


def _sample_bytes() -> bytes:
    return next(p for p in EXAMPLES if p.name.startswith("vehicles")).read_bytes()


@pytest.mark.parametrize("path", [*EXAMPLES, *MERGE_COPIES], ids=lambda p: p.name)
def test_every_example_is_streamed_into_the_same_map(path: Path) -> None:
    raw = path.read_bytes()
    streamed = _streamed(raw)
    assert streamed is not None, "a clean example must not need the whole-file way"
    assert streamed == _whole_way(raw)
    assert dumps_map(load_map(path).map) == dumps_map(loads_map(raw, "f").map)


def test_a_big_generated_map_is_streamed_into_the_same_map() -> None:
    raw = dumps_map(make_big_map(3000, 4800))
    streamed = _streamed(raw)
    assert streamed is not None
    assert streamed == _whole_way(raw)
    assert streamed[0] == raw  # the canonical text comes back byte for byte


@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 4096])
def test_chunks_that_split_characters_and_items_change_nothing(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _sample_bytes()
    expected = _whole_way(raw)
    monkeypatch.setattr(stream_load, "CHUNK_BYTES", chunk)
    assert _streamed(raw) == expected


def test_a_byte_order_mark_is_read_past() -> None:
    raw = _sample_bytes()
    assert _streamed(b"\xef\xbb\xbf" + raw) == _whole_way(raw)


def test_a_link_cycle_is_warned_about_in_the_same_words() -> None:
    data = json.loads(_sample_bytes())
    first = data["edges"][0]
    data["edges"].append({"id": "loop-back", "from": first["to"], "to": first["from"], "kind": "supply"})
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    streamed = _streamed(raw)
    assert streamed is not None
    assert streamed == _whole_way(raw)
    assert any("cycle" in warning.message for warning in streamed[1])


def _variants() -> list[tuple[str, bytes]]:
    raw = _sample_bytes()
    data = json.loads(raw)
    nodes_first = {"nodes": data["nodes"], **{k: v for k, v in data.items() if k != "nodes"}}
    edges_first = {"edges": data["edges"], **{k: v for k, v in data.items() if k != "edges"}}
    escaped = raw.replace("产".encode(), b"\\u4ea7", 1)
    return [
        ("a key twice in a segment", raw.replace(b'"tier": ', b'"tier": "x", "tier": ', 1)),
        ("a key twice at the top", raw.replace(b'"chain": ', b'"chain": "x", "chain": ', 1)),
        ("segments before the regions", json.dumps(nodes_first, ensure_ascii=False).encode()),
        ("links before the segments", json.dumps(edges_first, ensure_ascii=False).encode()),
        ("an escaped character", escaped),
        ("text after the map", raw + b" {}"),
        ("a cut-off file", raw[: len(raw) // 2]),
        ("NaN as a position", raw.replace(b'"x": ', b'"x": NaN, "y0": ', 1)),
        ("a colon in a name", raw.replace(b'"name": "', b'"name": "a:b ', 1)),
        ("not UTF-8", raw.replace("产".encode(), "产".encode("gbk"), 1)),
        ("an unknown status", raw.replace(b'"status": "', b'"status": "maybe', 1)),
    ]


@pytest.mark.parametrize(("name", "raw"), _variants(), ids=[name for name, _ in _variants()])
def test_files_off_the_usual_load_as_the_whole_file_way_says(name: str, raw: bytes) -> None:
    expected = _whole_way(raw)
    assert _loaded(raw) == expected, name
    streamed = _streamed(raw)
    assert streamed is None or streamed == expected, name


def test_what_the_stream_cannot_be_sure_of_goes_the_whole_file_way() -> None:
    variants = dict(_variants())
    for name in ("a key twice in a segment", "a key twice at the top", "segments before the regions",
                 "an escaped character", "text after the map", "a cut-off file", "NaN as a position",
                 "not UTF-8", "an unknown status"):
        assert _streamed(variants[name]) is None, name
    # A colon inside a name is counted as text, not as a pair: the stream takes it.
    assert _streamed(variants["a colon in a name"]) == _whole_way(variants["a colon in a name"])


def test_fuzzed_files_load_alike_streamed_or_whole() -> None:
    sources = [json.loads(path.read_bytes(), object_pairs_hook=DupDict) for path in [*EXAMPLES, *MERGE_COPIES]]
    rng = random.Random(16)
    streamed_count = 0
    for _ in range(250):
        raw, done = mutated_file(rng.choice(sources), rng)
        expected = _whole_way(raw)
        assert _loaded(raw) == expected, done
        streamed = _streamed(raw)
        if streamed is not None:
            streamed_count += 1
            assert streamed == expected, done
    assert streamed_count > 20  # the stream took some of them, and agreed
