"""Round trips of the file format, for random valid maps (hypothesis) and a few by hand."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chainmap.core.format.fileio import load_map, loads_map, save_map
from chainmap.core.format.serialize import dumps_data, dumps_map, map_from_data, map_to_data
from chainmap.core.model import Node, RegionEntry

from .mapdata import EXTRA_KEYS, chain_maps, sample_map

FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _extra_places(data: Any, path: str = "") -> dict[str, Any]:
    """Every unknown key of the map (the strategies use only ``EXTRA_KEYS``) with its value."""
    found: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if key in EXTRA_KEYS:
                found[f"{path}/{key}"] = value
            elif key not in ("value", "base"):  # conflict values are opaque
                found.update(_extra_places(value, f"{path}/{key}"))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.update(_extra_places(value, f"{path}/{index}"))
    return found


@FAST
@given(chain_maps())
def test_canonical_maps_round_trip(data: dict[str, Any]) -> None:
    # One generated map serves three properties (generation is the dear part of these tests).
    raw = dumps_data(data)
    loaded = loads_map(raw)
    assert not any(p.is_error for p in loaded.warnings)
    # dumps → load → dumps gives the same bytes.
    assert dumps_map(loaded.map) == raw
    # load → map_to_data is the canonical data, with the same keys in the same order.
    result = map_to_data(loaded.map)
    assert result == data
    assert json.dumps(result, ensure_ascii=False) == json.dumps(data, ensure_ascii=False)
    # Unknown keys survive, at every level, with their values.
    assert _extra_places(result) == _extra_places(data)


@settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=chain_maps())
def test_saving_twice_gives_the_same_bytes(tmp_path_factory: Any, data: dict[str, Any]) -> None:
    folder: Path = tmp_path_factory.mktemp("save")
    first, second = folder / "a.chainmap.json", folder / "b.chainmap.json"
    chain_map = map_from_data(copy.deepcopy(data))
    save_map(chain_map, first)
    save_map(chain_map, second)
    assert first.read_bytes() == second.read_bytes() == dumps_data(data)
    save_map(load_map(first).map, second)
    assert second.read_bytes() == first.read_bytes()


@settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(chain_maps(), st.data())
def test_an_edit_through_the_model_round_trips(data: dict[str, Any], draw: st.DataObject) -> None:
    chain_map = map_from_data(copy.deepcopy(data))
    tier = chain_map.tiers[0].id
    code = chain_map.regions[0].code
    name = draw.draw(st.sampled_from(["新环节", "New segment", "電池 🔋", "a\u0301"]))
    chain_map.add_node(
        Node(
            "n-added", name, tier, x=12.34, y=-0.04, regions={code: RegionEntry("gap")}, extra={"新字段": [1]}
        )
    )
    raw = dumps_map(chain_map)
    again = loads_map(raw)
    assert dumps_map(again.map) == raw
    added = again.map.node("n-added")
    assert (added.name, added.x, added.y, added.extra) == (name, 12.3, 0, {"新字段": [1]})


def test_the_canonical_text_of_the_sample() -> None:
    raw = dumps_data(sample_map())
    text = raw.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "动力电池" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "chainmap",\n  "version": 1,\n  "id": ')
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert dumps_map(loads_map(raw).map) == raw


def test_a_non_canonical_file_becomes_canonical_once() -> None:
    data = sample_map()
    # Keys out of order, coordinates with too many decimals, an empty optional list.
    messy = {key: data[key] for key in reversed(list(data))}
    messy["nodes"][0]["x"] = 100.04
    messy["nodes"][0]["y"] = 80.46
    messy["nodes"][0]["tags"] = []
    messy["nodes"][1]["x"] = 299.99
    first = dumps_map(loads_map(json.dumps(messy, ensure_ascii=True).encode()).map)
    assert dumps_map(loads_map(first).map) == first
    canonical = json.loads(first)
    assert list(canonical)[:5] == ["format", "version", "id", "title", "chain"]
    assert canonical["nodes"][0]["x"] == 100 and canonical["nodes"][0]["y"] == 80.5
    assert "tags" not in canonical["nodes"][0]
    assert canonical["nodes"][1]["x"] == 300


def test_the_strategies_put_unknown_keys_at_several_levels() -> None:
    # A guard on the generator itself: the round-trip property above is only as good as this.
    levels: set[int] = set()

    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(chain_maps())
    def collect(data: dict[str, Any]) -> None:
        levels.update(place.count("/") for place in _extra_places(data))

    collect()
    assert {1, 3, 5} <= levels
