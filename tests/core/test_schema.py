"""The published JSON Schema: well-formed, accepts every valid map, rejects what it can."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from chainmap.core.format.fileio import load_map, loads_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import dumps_data
from chainmap.core.format.validate import validate_data

from .mapdata import chain_maps, minimal_map, sample_map

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "resources" / "schema" / "chainmap-1.schema.json"
CORPUS = ROOT / "tests" / "corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)


def schema_errors(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"].endswith("chainmap-1.schema.json")
    assert SCHEMA["title"]
    assert "cannot express" in SCHEMA["description"] and "unique" in SCHEMA["description"]
    assert SCHEMA["properties"]["version"]["const"] == 1
    assert SCHEMA["properties"]["format"]["const"] == "chainmap"


def test_the_schema_defines_every_part_of_the_format() -> None:
    for name in (
        "Region",
        "Tier",
        "Node",
        "RegionEntry",
        "Enterprise",
        "Plan",
        "Edge",
        "Flow",
        "Note",
        "Conflict",
        "id",
        "regionCode",
    ):
        assert name in SCHEMA["$defs"], name
    status = SCHEMA["$defs"]["RegionEntry"]["properties"]["status"]["enum"]
    assert status == ["strong", "present", "weak", "gap", "unknown"]
    assert SCHEMA["$defs"]["Plan"]["properties"]["action"]["enum"] == [
        "fill",
        "strengthen",
        "extend",
        "optimise",
    ]
    assert SCHEMA["$defs"]["Plan"]["properties"]["priority"]["enum"] == ["high", "medium", "low"]
    assert SCHEMA["$defs"]["Conflict"]["properties"]["kind"]["enum"] == ["edit", "delete", "duplicate"]


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_every_property_is_described_and_unknown_keys_are_allowed() -> None:
    for obj in _objects(SCHEMA):
        for name, prop in obj.get("properties", {}).items():
            assert prop.get("description"), f"property {name!r} has no description"
        assert obj.get("additionalProperties", True) is not False
    for name, definition in SCHEMA["$defs"].items():
        assert definition.get("description"), name


def test_the_schema_accepts_the_maps_built_in_code() -> None:
    assert schema_errors(sample_map()) == []
    assert schema_errors(minimal_map()) == []
    data = sample_map()
    data["x-future"] = {"kept": True}
    data["nodes"][0]["x-future"] = [1]
    assert schema_errors(data) == []


def test_the_schema_accepts_every_example_map() -> None:
    # Whatever examples exist: each must satisfy the schema and the loader alike.
    for path in sorted((ROOT / "examples").glob("**/*.chainmap.json")):
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        assert schema_errors(data) == [], path
        load_map(path)


def _parsed(name: str) -> Any:
    """The corpus file as plain JSON, or None when Python's json cannot read it at all."""
    raw = (CORPUS / "bad" / name).read_bytes()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


SCHEMA_REJECTS = sorted(name for name, expected in EXPECTED.items() if expected["schema_rejects"])


@pytest.mark.parametrize("name", SCHEMA_REJECTS)
def test_the_schema_and_the_loader_reject_what_the_schema_can(name: str) -> None:
    data = _parsed(name)
    assert data is not None, f"{name} is marked schema_rejects but is not JSON"
    assert schema_errors(data), f"the schema accepts {name}"
    with pytest.raises(MapLoadError):
        load_map(CORPUS / "bad" / name)


@pytest.mark.parametrize(
    "name", sorted(name for name, expected in EXPECTED.items() if not expected["schema_rejects"])
)
def test_what_only_the_loader_rejects(name: str) -> None:
    # Referential rules, calendar dates and unreadable text are beyond the schema: the flag
    # in expected.json says so truthfully.
    data = _parsed(name)
    if data is not None:
        assert schema_errors(data) == [], name
    with pytest.raises(MapLoadError):
        load_map(CORPUS / "bad" / name)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(chain_maps())
def test_valid_maps_pass_the_schema_and_the_loader(data: dict[str, Any]) -> None:
    assert schema_errors(data) == []
    assert [p for p in validate_data(data) if p.is_error] == []
    loads_map(dumps_data(data))
