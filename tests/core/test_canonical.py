"""``chainmap format`` without the model writes the bytes that loading and saving write.

:func:`canonical_data` puts validated data in canonical form directly; the old way built the
model and wrote it back. Both must give the same bytes on every map: the examples, generated
maps written out of order (keys shuffled, empty optional lists, coordinates not rounded,
tombstones twice), and fuzzed maps that load.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chainmap.core.format.canonical import canonical_data, format_map_file
from chainmap.core.format.fileio import loads_map, parse_bytes
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import dumps_data, dumps_map, map_from_data
from chainmap.core.format.validate import validate_data
from tests.fuzz.config import EXAMPLES, MERGE_COPIES
from tests.fuzz.jsontext import DupDict, encode
from tests.fuzz.mutate_json import GENTLE, mutate_map

from .mapdata import chain_maps

# Optional lists the canonical form leaves out when empty, by the object that holds them.
_EMPTY_LISTS = {"node": ("aliases", "tags"), "entry": ("enterprises",), "enterprise": ("marks",),
                "plan": ("targets",), "edge": ("flows",)}


def _through_model(data: dict[str, Any]) -> bytes:
    return dumps_map(map_from_data(copy.deepcopy(data)))


def _direct(data: dict[str, Any]) -> bytes:
    return dumps_data(canonical_data(copy.deepcopy(data)))


def _scrambled(value: Any, rng: random.Random, holder: str = "") -> Any:
    """``value`` with every object's keys shuffled, empty optional lists added, coordinates
    given more decimals than the canonical 0.1 (the map is the same map)."""
    if isinstance(value, list):
        child = {"nodes": "node", "edges": "edge", "enterprises": "enterprise"}.get(holder, "")
        return [_scrambled(item, rng, child) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if holder == "node" and key == "regions":
            out[key] = {code: _scrambled(entry, rng, "entry") for code, entry in item.items()}
        elif holder == "entry" and key == "plan":
            out[key] = _scrambled(item, rng, "plan")
        elif key in ("x", "y") and holder in ("node", "note") and rng.random() < 0.5:
            out[key] = item + rng.choice([0.04, -0.049, 0.0001, 0.25])
        else:
            out[key] = _scrambled(item, rng, key)
    for key in _EMPTY_LISTS.get(holder, ()):
        if key not in out and rng.random() < 0.3:
            out[key] = []
    if holder == "node" and "regions" not in out and rng.random() < 0.3:
        out["regions"] = {}
    keys = list(out)
    rng.shuffle(keys)
    return {key: out[key] for key in keys}


def test_examples_format_to_the_bytes_saving_writes(tmp_path: Path) -> None:
    for path in [*EXAMPLES, *MERGE_COPIES]:
        data = json.loads(path.read_bytes())
        assert _direct(data) == _through_model(data), path.name
        assert format_map_file(path).data == dumps_map(loads_map(path.read_bytes()).map), path.name


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(chain_maps(), st.randoms(use_true_random=False))
def test_maps_written_out_of_order_format_alike(data: dict[str, Any], rng: random.Random) -> None:
    scrambled = _scrambled(data, rng)
    scrambled["deleted"] = [*scrambled.get("deleted", []), *scrambled.get("deleted", [])[:2]]
    assert not any(p.is_error for p in validate_data(scrambled))
    assert _direct(scrambled) == _through_model(scrambled)


def test_fuzzed_maps_that_load_format_alike() -> None:
    sources = [json.loads(path.read_bytes(), object_pairs_hook=DupDict) for path in [*EXAMPLES, *MERGE_COPIES]]
    rng = random.Random(41)
    compared = 0
    for _ in range(150):
        mutated, done = mutate_map(rng.choice(sources), rng, among=GENTLE)
        try:
            data = parse_bytes(encode(mutated, indent=rng.random() < 0.5))
        except MapLoadError:
            continue
        if any(p.is_error for p in validate_data(data)):
            continue
        assert _direct(data) == _through_model(data), done
        compared += 1
    assert compared > 50


def test_an_invalid_file_is_refused_with_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.chainmap.json"
    data = json.loads(EXAMPLES[0].read_bytes())
    data["nodes"][0]["tier"] = "no-such-tier"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        format_map_file(path)
    except MapLoadError as exc:
        assert [p.path for p in exc.problems] == ["/nodes/0/tier"]
    else:
        raise AssertionError("an invalid map was formatted")
