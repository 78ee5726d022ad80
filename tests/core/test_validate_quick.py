"""The validator's quick passes (segments, links) say exactly what the detailed checks say, and
the loader's quick parse (no duplicate-key hook, the pairs counted) loads what the checked parse
loads and refuses what it refuses.

The quick passes only ever give up; these tests hold them to that on the examples, on the
sweep's big generated map, on hand-made near misses (a key written as null, a rarer key on a
segment without a position) and on hundreds of fuzzed maps: the problems, their order and their
words are the same with the quick passes as without them.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest

import chainmap.core.format.validate as validate_module
from chainmap.core.format.fileio import _parse_and_check_quickly, check_data, parse_and_check, parse_bytes
from chainmap.core.format.problems import MapFileError, MapLoadError, Problem
from chainmap.core.format.validate import validate_data
from chainmap.core.format.validate_quick import quick_edges, quick_nodes
from tests.fuzz.config import EXAMPLES, MERGE_COPIES
from tests.fuzz.jsontext import DupDict, encode
from tests.fuzz.mutate_json import mutate_map, mutated_file


def _detailed(data: Any, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    with monkeypatch.context() as patch:
        patch.setattr(validate_module, "quick_nodes", lambda *_: None)
        patch.setattr(validate_module, "quick_edges", lambda *_: None)
        return validate_data(data)


def _example(path: Any) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_example_takes_the_quick_passes() -> None:
    for path in [*EXAMPLES, *MERGE_COPIES]:
        validator = validate_module._Validator()
        data = _example(path)
        validator.data = data
        validator.check_regions(data)
        validator.check_tiers(data)
        assert quick_nodes(validator, data["nodes"]) is not None, path.name
        assert quick_edges(validator, data["edges"]) is not None, path.name


def _sample() -> dict[str, Any]:
    return _example(next(p for p in EXAMPLES if p.name.startswith("vehicles")))


def _near_misses() -> list[tuple[str, Any]]:
    """Small changes to a clean map that the quick passes must see (or leave to the detailed check)."""
    cases: list[tuple[str, Any]] = []

    def case(name: str, change: Any) -> None:
        data = _sample()
        change(data)
        cases.append((name, data))

    node = ("nodes", 3)
    edge = ("edges", 2)

    def at(kind_index: tuple[str, int], data: dict[str, Any]) -> dict[str, Any]:
        kind, index = kind_index
        item: dict[str, Any] = data[kind][index]
        return item

    def first_entry(data: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = next(iter(at(node, data)["regions"].values()))
        return entry

    case("x written as null", lambda d: at(node, d).update(x=None))
    case("regions written as null", lambda d: at(node, d).update(regions=None))
    case("x is true", lambda d: at(node, d).update(x=True))
    case("x is huge", lambda d: at(node, d).update(x=10**400))
    case("parent without a position", lambda d: (at(node, d).pop("x", None), at(node, d).pop("y", None),
                                                 at(node, d).update(parent=7)))
    case("parent names nothing", lambda d: at(node, d).update(parent="no-such-segment"))
    case("tags hold a number", lambda d: at(node, d).update(tags=["a", 1]))
    case("kind is a list", lambda d: at(node, d).update(kind=["a"]))
    case("name is blank", lambda d: at(node, d).update(name="  "))
    case("name too long", lambda d: at(node, d).update(name="长" * 201))
    case("tier undeclared", lambda d: at(node, d).update(tier="t-none"))
    case("id repeats a tier's", lambda d: at(node, d).update(id=d["tiers"][0]["id"]))
    case("bad id", lambda d: at(node, d).update(id="-bad"))
    case("entry note null", lambda d: first_entry(d).update(note=None))
    case("entry status list", lambda d: first_entry(d).update(status=["strong"]))
    case("entry enterprises null", lambda d: first_entry(d).update(enterprises=None))
    case("enterprise uscc odd", lambda d: first_entry(d).update(enterprises=[{"name": "甲", "uscc": "123"}]))
    case("enterprise name null", lambda d: first_entry(d).update(enterprises=[{"name": None}]))
    case("enterprise is text", lambda d: first_entry(d).update(enterprises=["甲"]))
    case("plan on a strong entry", lambda d: first_entry(d).update(
        status="strong", plan={"action": "attract", "priority": "high"}))
    case("unknown region entry", lambda d: at(node, d)["regions"].update({"XX-YY": {"status": "gap"}}))
    deep: list[Any] = []
    for _ in range(120):
        deep = [deep]
    case("unknown key nested too deep", lambda d: at(node, d).update({"x-deep": deep}))
    case("link label null", lambda d: at(edge, d).update(label=None))
    case("link flows null", lambda d: at(edge, d).update(flows=None))
    case("link to itself", lambda d: at(edge, d).update(to=at(edge, d)["from"]))
    case("link repeated", lambda d: d["edges"].append(dict(at(edge, d), id="e-again")))
    case("link id repeats a segment's", lambda d: at(edge, d).update(id=d["nodes"][0]["id"]))
    case("link end is a number", lambda d: at(edge, d).update(to=5))
    case("flow region undeclared", lambda d: at(edge, d).update(flows=[{"from": "XX-YY", "to": "CN-BJ"}]))
    case("flow note null", lambda d: at(edge, d).update(flows=[{"from": "CN-TJ", "to": "CN-BJ", "note": None}]))
    case("link loop", lambda d: d["edges"].append({"id": "e-back", "from": at(edge, d)["to"],
                                                   "to": at(edge, d)["from"]}))
    return cases


@pytest.mark.parametrize(("name", "data"), _near_misses(), ids=lambda value: value if isinstance(value, str) else "")
def test_near_misses_get_the_detailed_words(name: str, data: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = validate_data(copy.deepcopy(data))
    assert problems, f"{name}: a problem went unreported"
    assert problems == _detailed(data, monkeypatch)


def test_fuzzed_maps_get_the_same_problems_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [json.loads(path.read_bytes(), object_pairs_hook=DupDict) for path in [*EXAMPLES, *MERGE_COPIES]]
    rng = random.Random(14)
    compared = clean = 0
    for _ in range(250):
        mutated, _done = mutate_map(rng.choice(sources), rng)
        try:
            data = parse_bytes(encode(mutated, indent=False))
        except MapLoadError:
            continue
        quick = validate_data(copy.deepcopy(data))
        assert quick == _detailed(data, monkeypatch), _done
        compared += 1
        clean += not any(p.is_error for p in quick)
    assert compared > 120 and 0 < clean < compared  # both clean and broken maps were compared


# ------------------------------------------------------------------ the loader's quick parse
def _outcome(read: Any, raw: bytes) -> Any:
    try:
        return read(raw, "f")
    except MapFileError as exc:
        return type(exc).__name__, [(p.path, p.message, p.line, p.column) for p in exc.problems]


def _checked_way(raw: bytes, source: str) -> Any:
    data = parse_bytes(raw, source)
    return data, check_data(data, source)


_TWICE = [
    ("a segment", b'"tier": "t0",', b'"tier": "t0", "tier": "t0",'),
    ("a region entry", b'"status": "strong"', b'"status": "strong", "status": "strong"'),
    ("an enterprise", b'"name": "\xe4\xbc\x81\xe4\xb8\x9a0"', b'"name": "x", "name": "\xe4\xbc\x81\xe4\xb8\x9a0"'),
    ("a link", b'"from": "n', b'"to": "n00001", "from": "n'),
    ("a flow", b'"flows": [{"from": "CN-TJ",', b'"flows": [{"from": "CN-TJ", "from": "CN-TJ",'),
    ("the top object", b'"chain":', b'"title": "again", "chain":'),
]


@pytest.mark.parametrize(("where", "before", "after"), _TWICE, ids=[case[0] for case in _TWICE])
def test_a_key_twice_is_refused_with_the_quick_parse(where: str, before: bytes, after: bytes) -> None:
    raw = json.dumps(_sample_with_flows(), ensure_ascii=False, separators=(",", ": ")).encode("utf-8")
    assert parse_and_check(raw, "f") == _checked_way(raw, "f")
    twice = raw.replace(before, after, 1)
    assert twice != raw, where
    outcome = _outcome(parse_and_check, twice)
    assert outcome[0] == "MapLoadError" and "appears twice" in outcome[1][0][1]
    assert outcome == _outcome(_checked_way, twice)


def _sample_with_flows() -> dict[str, Any]:
    data = _sample()
    data["meta"] = {"created": "2025-03-01T09:30:00+08:00", "x-note": {"at": "12:00"}}
    data["nodes"][0]["regions"]["CN-HE"] = {"status": "unknown", "enterprises": [{"name": "企业0"}]}
    data["nodes"][0]["tier"] = "t0"
    data["tiers"][0]["id"] = "t0"
    for node in data["nodes"][1:]:
        if node["tier"] == _sample()["tiers"][0]["id"]:
            node["tier"] = "t0"
    data["edges"][1]["flows"] = [{"from": "CN-TJ", "to": "CN-BJ"}]
    data["edges"][0]["from"] = data["nodes"][0]["id"]
    return data


def test_fuzzed_files_load_alike_either_way() -> None:
    sources = [json.loads(path.read_bytes(), object_pairs_hook=DupDict) for path in [*EXAMPLES, *MERGE_COPIES]]
    rng = random.Random(15)
    quick = 0
    for _ in range(250):
        raw, done = mutated_file(rng.choice(sources), rng)
        assert _outcome(parse_and_check, raw) == _outcome(_checked_way, raw), done
        quick += _parse_and_check_quickly(raw) is not None
    assert quick > 20  # the quick way was taken, and agreed
