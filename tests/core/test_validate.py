"""The validator's rules, one by one: each error and warning of the spec, its place and words."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.core.cycles import strongly_connected
from chainmap.core.format.fileio import loads_map
from chainmap.core.format.problems import MapLoadError, NewerVersionError, Problem
from chainmap.core.format.serialize import dumps_map
from chainmap.core.format.validate import _Validator, validate_data
from chainmap.core.ids import pointer_token
from chainmap.core.value_checks import due_problem, is_finite_number, is_timestamp

from .mapdata import minimal_map, sample_map


def problems_of(data: Any) -> list[Problem]:
    return validate_data(data)


def errors_of(data: Any) -> list[Problem]:
    return [p for p in validate_data(data) if p.is_error]


def warnings_of(data: Any) -> list[Problem]:
    return [p for p in validate_data(data) if not p.is_error]


def the_one(found: list[Problem], path: str, *words: str) -> Problem:
    """The single problem at ``path``; its message must contain every word."""
    at = [p for p in found if p.path == path]
    assert len(at) == 1, f"expected one problem at {path!r}, got {found}"
    for word in words:
        assert word in at[0].message, (word, at[0].message)
    return at[0]


def changed(change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    data = sample_map()
    change(data)
    return data


# ------------------------------------------------------------------ valid maps
def test_sample_and_minimal_maps_have_no_problem() -> None:
    assert problems_of(sample_map()) == []
    assert problems_of(minimal_map()) == []


def test_validation_does_not_change_the_data() -> None:
    data = sample_map()
    validate_data(data)
    assert data == sample_map()


def test_unknown_keys_are_never_problems() -> None:
    data = sample_map()
    data["x-future"] = {"anything": [1, 2]}
    data["regions"][0]["x-future"] = 1
    data["tiers"][0]["x-future"] = None
    node = data["nodes"][1]
    node["x-future"] = [True]
    node["regions"]["CN-BJ"]["x-future"] = "a"
    node["regions"]["CN-BJ"]["enterprises"][0]["x-future"] = 2
    node["regions"]["CN-TJ"]["plan"]["x-future"] = 3
    data["edges"][1]["x-future"] = 4
    data["edges"][1]["flows"][0]["x-future"] = 5
    data["notes"][0]["x-future"] = 6
    data["conflicts"][0]["x-future"] = 7
    data["conflicts"][0]["values"][0]["x-future"] = 8
    data["meta"]["x-future"] = 9
    assert problems_of(data) == []


# ------------------------------------------------------------------ the whole file
@pytest.mark.parametrize(
    ("value", "words"),
    [([], "a list"), ("map", "the text 'map'"), (None, "null"), (3, "the number 3"), (True, "true")],
)
def test_not_an_object(value: Any, words: str) -> None:
    (problem,) = problems_of(value)
    assert problem.path == "" and problem.is_error
    assert "JSON object" in problem.message and words in problem.message


def test_format_missing_and_wrong() -> None:
    data = sample_map()
    del data["format"]
    the_one(errors_of(data), "/format", "not a chainmap file", "format")
    data["format"] = "drawio"
    the_one(errors_of(data), "/format", "'drawio'", '"chainmap"')


@pytest.mark.parametrize(
    ("value", "words"),
    [("1", "the text '1'"), (1.0, "the number 1.0"), (True, "true"), (None, "null"), ([1], "a list")],
)
def test_version_of_the_wrong_type(value: Any, words: str) -> None:
    data = sample_map()
    data["version"] = value
    the_one(errors_of(data), "/version", "whole number 1", words)


def test_version_missing_and_impossible() -> None:
    data = sample_map()
    del data["version"]
    the_one(errors_of(data), "/version", "no 'version'")
    data["version"] = 0
    the_one(errors_of(data), "/version", "version 0", "does not exist")


def test_newer_version_is_an_error_with_the_loaders_meaning_and_stops_there() -> None:
    data = sample_map()
    data["version"] = 2
    data["nodes"] = "whatever a version 2 holds"
    (problem,) = problems_of(data)
    assert problem.path == "/version"
    assert problem.message == NewerVersionError("x", 2).problems[0].message
    assert "version 2" in problem.message and "newer chainmap" in problem.message


def test_a_file_that_is_not_a_map_gets_one_clear_error_not_twenty() -> None:
    found = problems_of({"name": "my-package", "version": "1.0.0", "dependencies": {}})
    assert [p.path for p in found] == ["/format", "/version"]


def test_a_map_that_lost_its_format_is_still_checked_in_full() -> None:
    data = sample_map()
    del data["format"]
    data["nodes"][0]["tier"] = "nowhere"
    assert {p.path for p in errors_of(data)} == {"/format", "/nodes/0/tier"}


@pytest.mark.parametrize("key", ["id", "title", "chain", "regions", "tiers", "nodes", "edges"])
def test_required_top_level_keys(key: str) -> None:
    data = sample_map()
    del data[key]
    assert the_one(errors_of(data), f"/{key}", f"'{key}'", "required").is_error


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("id", 7, "text"),
        ("title", ["t"], "text"),
        ("chain", None, "text"),
        ("lead", 1, "text"),
        ("owner", False, "text"),
        ("regions", {}, "a list"),
        ("tiers", "up", "a list"),
        ("nodes", {}, "a list"),
        ("edges", None, "a list"),
        ("notes", {}, "a list"),
        ("conflicts", "none", "a list"),
        ("deleted", "n-old", "a list"),
        ("meta", [], "an object"),
    ],
)
def test_top_level_types(key: str, value: Any, expected: str) -> None:
    data = sample_map()
    data[key] = value
    the_one(errors_of(data), f"/{key}", f"'{key}'", f"must be {expected}")


def test_blank_title_and_chain() -> None:
    data = sample_map()
    data["title"] = ""
    data["chain"] = " \t"
    found = errors_of(data)
    the_one(found, "/title", "empty")
    the_one(found, "/chain", "empty")


def test_map_id_pattern() -> None:
    data = sample_map()
    data["id"] = "-starts-with-dash"
    the_one(errors_of(data), "/id", "'-starts-with-dash'", "not a valid id")


def test_lead_and_owner_must_be_declared_regions() -> None:
    data = sample_map()
    data["lead"] = "CN-SH"
    data["owner"] = "CN-HB"
    found = errors_of(data)
    the_one(found, "/lead", "lead region 'CN-SH'", "CN-BJ, CN-TJ, CN-HE")
    the_one(found, "/owner", "owner region 'CN-HB'")


def test_all_problems_are_collected() -> None:
    data = sample_map()
    data["title"] = ""
    data["regions"][0]["color"] = "blue"
    data["nodes"][0]["tier"] = "nowhere"
    data["nodes"][1]["regions"]["CN-BJ"]["status"] = "great"
    data["edges"][0]["to"] = "n-gone"
    data["notes"][0]["x"] = "left"
    paths = {p.path for p in errors_of(data)}
    assert paths == {
        "/title",
        "/regions/0/color",
        "/nodes/0/tier",
        "/nodes/1/regions/CN-BJ/status",
        "/edges/0/to",
        "/notes/0/x",
    }


def test_no_cascade_when_a_list_is_not_a_list() -> None:
    data = sample_map()
    data["nodes"] = "n-lithium, n-battery"
    # Links and notes naming segments are not reported when there is no segment list to look in.
    assert [p.path for p in errors_of(data)] == ["/nodes"]
    data = sample_map()
    data["regions"] = None
    assert [p.path for p in errors_of(data)] == ["/regions"]
    data = sample_map()
    data["tiers"] = []
    assert [p.path for p in errors_of(data)] == ["/tiers"]


def test_items_that_are_not_objects() -> None:
    data = sample_map()
    data["nodes"].append("n-extra")
    data["edges"].append(["n-lithium", "n-vehicle"])
    data["regions"].append(None)
    data["tiers"].append(3)
    data["notes"].append("note")
    data["conflicts"].append(1)
    found = errors_of(data)
    the_one(found, "/nodes/4", "segment", "must be an object", "the text 'n-extra'")
    the_one(found, "/edges/2", "link", "a list")
    the_one(found, "/regions/3", "region", "null")
    the_one(found, "/tiers/3", "tier", "the number 3")
    the_one(found, "/notes/1", "note")
    the_one(found, "/conflicts/1", "conflict")


# ------------------------------------------------------------------ regions and tiers
def test_region_rules() -> None:
    data = sample_map()
    data["regions"][0]["code"] = "bj"
    data["regions"][1]["color"] = "#12345"
    data["regions"][2]["name"] = ""
    data["lead"] = "bj"  # the lead names the region as declared: no second error
    found = errors_of(data)
    the_one(found, "/regions/0/code", "'bj'", "not a region code")
    the_one(found, "/regions/1/color", "'#12345'", "#RRGGBB")
    data["regions"][1]["color"] = "#123456\n"
    the_one(errors_of(data), "/regions/1/color", "#RRGGBB")
    the_one(found, "/regions/2/name", "empty")


def test_region_missing_keys_and_duplicates() -> None:
    data = sample_map()
    del data["regions"][0]["name"]
    data["regions"][2]["code"] = "CN-TJ"
    data["nodes"][1]["regions"].pop("CN-HE")
    found = errors_of(data)
    the_one(found, "/regions/0/name", "'name'", "required")
    the_one(found, "/regions/2/code", "'CN-TJ'", "declared twice", "/regions/1")
    assert len(found) == 2


def test_empty_regions_and_tiers() -> None:
    data = minimal_map()
    data["regions"] = []
    the_one(errors_of(data), "/regions", "at least one")
    data = minimal_map()
    data["tiers"] = []
    the_one(errors_of(data), "/tiers", "at least one")


def test_tier_rules() -> None:
    data = sample_map()
    data["tiers"][1]["id"] = "up"
    data["tiers"][2]["name"] = "  "
    del data["tiers"][0]["name"]
    found = errors_of(data)
    the_one(found, "/tiers/1/id", "'up'", "already used at /tiers/0")
    the_one(found, "/tiers/2/name", "empty")
    the_one(found, "/tiers/0/name", "required")


# ------------------------------------------------------------------ segments
@pytest.mark.parametrize("key", ["id", "name", "tier"])
def test_segment_required_keys(key: str) -> None:
    data = sample_map()
    del data["nodes"][0][key]
    the_one(errors_of(data), f"/nodes/0/{key}", f"'{key}'", "required")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("name", 5, "text"),
        ("tier", None, "text"),
        ("parent", 1, "a segment id (a string)"),
        ("kind", ["a"], "text"),
        ("description", {}, "text"),
        ("x", "100", "a number"),
        ("x", True, "a number"),
        ("y", None, "a number"),
        ("y", [1], "a number"),
        ("regions", [], "an object"),
        ("aliases", "锂电池", "a list of text"),
        ("tags", {}, "a list of text"),
    ],
)
def test_segment_types(key: str, value: Any, expected: str) -> None:
    data = sample_map()
    data["nodes"][0][key] = value
    the_one(errors_of(data), f"/nodes/0/{key}", f"'{key}'", f"must be {expected}")


def test_list_of_text_items_are_checked_one_by_one() -> None:
    data = sample_map()
    data["nodes"][1]["aliases"] = ["ok", 3, "fine", None]
    found = errors_of(data)
    the_one(found, "/nodes/1/aliases/1", "must be text", "the number 3")
    the_one(found, "/nodes/1/aliases/3", "null")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 10**400, -(10**400)])
def test_coordinates_must_be_finite(value: Any) -> None:
    data = sample_map()
    data["nodes"][0]["x"] = value
    the_one(errors_of(data), "/nodes/0/x", "finite number")


def test_an_int_too_long_to_print_is_still_described() -> None:
    data = sample_map()
    data["nodes"][0]["x"] = -(10**5000)
    the_one(errors_of(data), "/nodes/0/x", "finite number", "about 5001 digits")


def test_large_but_finite_coordinates_are_numbers() -> None:
    data = sample_map()
    data["nodes"][0]["x"] = 10**300
    data["nodes"][0]["y"] = -1.5e307
    assert problems_of(data) == []


def test_segment_names() -> None:
    data = sample_map()
    data["nodes"][0]["name"] = "电" * 200
    assert errors_of(data) == []
    data["nodes"][0]["name"] = "电" * 201
    the_one(errors_of(data), "/nodes/0/name", "201 characters", "at most 200")
    data["nodes"][0]["name"] = ""
    the_one(errors_of(data), "/nodes/0/name", "empty")
    data["nodes"][0]["name"] = "\u3000 \n"
    the_one(errors_of(data), "/nodes/0/name", "empty")


@pytest.mark.parametrize("bad", ["", "-a", "a b", "x" * 65, "电池", "a/b", "_a", "a\n", "ａ1"])
def test_id_pattern(bad: str) -> None:
    data = sample_map()
    data["notes"][0]["id"] = bad
    the_one(errors_of(data), "/notes/0/id", "not a valid id")


@pytest.mark.parametrize("good", ["a", "0", "A-b_c.d:e", "x" * 64])
def test_good_ids(good: str) -> None:
    data = sample_map()
    data["notes"][0]["id"] = good
    assert errors_of(data) == []


def test_a_bad_id_is_one_error_not_a_cascade() -> None:
    data = sample_map()
    for edge in data["edges"]:
        for end in ("from", "to"):
            if edge[end] == "n-battery":
                edge[end] = "n battery"
    data["nodes"][1]["id"] = "n battery"
    data["nodes"][2]["parent"] = "n battery"
    data["notes"][0]["node"] = "n battery"
    assert [p.path for p in errors_of(data)] == ["/nodes/1/id"]


@pytest.mark.parametrize(
    ("change", "path", "first"),
    [
        (lambda d: d["edges"][0].__setitem__("id", "n-lithium"), "/edges/0/id", "/nodes/0"),
        (lambda d: d["nodes"][3].__setitem__("id", "up"), "/nodes/3/id", "/tiers/0"),
        (lambda d: d["notes"][0].__setitem__("id", "e-2"), "/notes/0/id", "/edges/1"),
        (lambda d: d["edges"][1].__setitem__("id", "e-1"), "/edges/1/id", "/edges/0"),
    ],
)
def test_duplicate_ids_across_kinds(change: Callable[[dict[str, Any]], Any], path: str, first: str) -> None:
    data = changed(change)
    the_one(errors_of(data), path, "already used at " + first, "unique")


def test_unknown_tier_names_the_declared_ones() -> None:
    data = sample_map()
    data["nodes"][3]["tier"] = "mid2"
    problem = the_one(errors_of(data), "/nodes/3/tier")
    assert problem.message == "Tier 'mid2' is not declared in /tiers (declared: up, mid, down)."


def test_parent_must_name_a_segment() -> None:
    data = sample_map()
    data["nodes"][2]["parent"] = "n-gone"
    the_one(errors_of(data), "/nodes/2/parent", "'n-gone'", "no segment")
    data["nodes"][2]["parent"] = "e-1"
    the_one(errors_of(data), "/nodes/2/parent", "'e-1'", "/edges/0", "not a segment")


def test_parent_may_come_after_its_child_in_the_file() -> None:
    data = sample_map()
    data["nodes"][0]["parent"] = "n-vehicle"
    assert errors_of(data) == []


def test_parent_self_and_cycles_are_reported_once_per_cycle() -> None:
    data = sample_map()
    data["nodes"][0]["parent"] = "n-lithium"
    the_one(errors_of(data), "/nodes/0/parent", "'锂矿'", "its own parent")

    data = sample_map()
    # n-cell → n-battery → n-vehicle → n-cell, and a bystander pointing into the loop.
    data["nodes"][1]["parent"] = "n-vehicle"
    data["nodes"][3]["parent"] = "n-cell"
    data["nodes"][0]["parent"] = "n-cell"
    found = errors_of(data)
    assert len(found) == 1
    problem = the_one(found, "/nodes/1/parent", "cycle", "动力电池", "整车", "电芯")
    assert problem.is_error


def test_two_parent_cycles_are_two_errors() -> None:
    data = minimal_map()
    data["nodes"] = [{"id": f"n{i}", "name": f"S{i}", "tier": "up", "parent": f"n{i ^ 1}"} for i in range(4)]
    found = errors_of(data)
    assert sorted(p.path for p in found) == ["/nodes/0/parent", "/nodes/2/parent"]


def test_a_long_parent_chain_is_fine() -> None:
    data = minimal_map()
    data["nodes"] = [
        {"id": f"n{i}", "name": f"S{i}", "tier": "up", **({"parent": f"n{i - 1}"} if i else {})}
        for i in range(5000)
    ]
    assert problems_of(data) == []


# ------------------------------------------------------------------ region entries
def test_region_entry_rules() -> None:
    data = sample_map()
    entries = data["nodes"][1]["regions"]
    entries["CN-BJ"]["status"] = "excellent"
    entries["CN-TJ"]["plan"]["action"] = "attract"
    entries["CN-TJ"]["plan"]["priority"] = "urgent"
    del entries["CN-HE"]["status"]
    found = errors_of(data)
    the_one(found, "/nodes/1/regions/CN-BJ/status", "'excellent'", "strong, present, weak, gap, unknown")
    the_one(found, "/nodes/1/regions/CN-TJ/plan/action", "'attract'", "fill, strengthen, extend, optimise")
    the_one(found, "/nodes/1/regions/CN-TJ/plan/priority", "'urgent'", "high, medium, low")
    the_one(found, "/nodes/1/regions/CN-HE/status", "CN-HE entry", "动力电池", "required")


def test_region_code_in_a_segment_must_be_declared() -> None:
    data = sample_map()
    data["nodes"][3]["regions"]["CN-SH"] = {"status": "strong"}
    the_one(errors_of(data), "/nodes/3/regions/CN-SH", "'CN-SH'", "not declared", "CN-BJ, CN-TJ, CN-HE")


def test_pointer_tokens_are_escaped() -> None:
    assert pointer_token("a/b~c") == "a~1b~0c"
    data = sample_map()
    data["nodes"][3]["regions"]["A/B"] = {"status": "strong"}
    the_one(errors_of(data), "/nodes/3/regions/A~1B", "'A/B'")


def test_region_entry_shapes() -> None:
    data = sample_map()
    entries = data["nodes"][1]["regions"]
    entries["CN-BJ"]["enterprises"] = [{"uscc": "91110000100000000X"}, "某公司", {"name": " "}]
    entries["CN-TJ"]["plan"] = "fill"
    entries["CN-HE"] = "gap"
    data["nodes"][3]["regions"]["CN-BJ"]["note"] = 3
    found = errors_of(data)
    the_one(found, "/nodes/1/regions/CN-BJ/enterprises/0/name", "required")
    the_one(found, "/nodes/1/regions/CN-BJ/enterprises/1", "enterprise", "the text '某公司'")
    the_one(found, "/nodes/1/regions/CN-BJ/enterprises/2/name", "empty")
    the_one(found, "/nodes/1/regions/CN-TJ/plan", "'plan'", "an object")
    the_one(found, "/nodes/1/regions/CN-HE", "must be an object", "the text 'gap'")
    the_one(found, "/nodes/3/regions/CN-BJ/note", "'note'", "text")


def test_enterprise_and_plan_types() -> None:
    data = sample_map()
    enterprise = data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]
    enterprise["marks"] = ["leader", 1]
    enterprise["city"] = 1
    plan = data["nodes"][1]["regions"]["CN-TJ"]["plan"]
    plan["targets"] = "某电芯厂"
    plan["owner"] = ["办公室"]
    plan["due"] = 202706
    del plan["priority"]
    found = errors_of(data)
    base = "/nodes/1/regions"
    the_one(found, f"{base}/CN-BJ/enterprises/0/marks/1", "must be text")
    the_one(found, f"{base}/CN-BJ/enterprises/0/city", "text")
    the_one(found, f"{base}/CN-TJ/plan/targets", "a list of text")
    the_one(found, f"{base}/CN-TJ/plan/owner", "text")
    the_one(found, f"{base}/CN-TJ/plan/due", "text", "the number 202706")
    the_one(found, f"{base}/CN-TJ/plan/priority", "plan of", "required")


def test_marks_may_be_any_text() -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]["marks"] = ["chain-leader", "国家队", "champion"]
    assert problems_of(data) == []


@pytest.mark.parametrize(
    "due", ["2027-06", "2027-06-30", "2028-02-29", "2000-02-29", "0001-01", "9999-12-31"]
)
def test_good_due_dates(due: str) -> None:
    assert due_problem(due) is None


@pytest.mark.parametrize(
    ("due", "words"),
    [
        ("2027-13", "month 13"),
        ("2027-00", "month 00"),
        ("2027-02-30", "not a real date"),
        ("2027-02-29", "not a real date"),
        ("1900-02-29", "not a real date"),
        ("2027-04-31", "days 01 to 30"),
        ("2027-06-00", "not a real date"),
        ("2027-6", "YYYY-MM"),
        ("2027/06", "YYYY-MM"),
        ("June 2027", "YYYY-MM"),
        ("2027-06-30T00:00", "YYYY-MM"),
        ("", "YYYY-MM"),
        ("0000-01", "year 0000"),
        ("0000-01-01", "not a real date"),
        ("２０２７-06", "YYYY-MM"),
        ("2027-06\n", "YYYY-MM"),
    ],
)
def test_bad_due_dates(due: str, words: str) -> None:
    message = due_problem(due)
    assert message is not None and words in message
    data = sample_map()
    data["nodes"][1]["regions"]["CN-TJ"]["plan"]["due"] = due
    the_one(errors_of(data), "/nodes/1/regions/CN-TJ/plan/due", words)


# ------------------------------------------------------------------ warnings of entries
@pytest.mark.parametrize("status", ["strong", "present"])
def test_plan_on_a_strong_or_present_segment_is_a_warning(status: str) -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-TJ"]["status"] = status
    assert errors_of(data) == []
    problem = the_one(warnings_of(data), "/nodes/1/regions/CN-TJ/plan", f"'{status}'", "plan")
    assert not problem.is_error


@pytest.mark.parametrize("status", ["weak", "gap", "unknown"])
def test_plan_on_other_statuses_is_fine(status: str) -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-TJ"]["status"] = status
    assert problems_of(data) == []


@pytest.mark.parametrize(
    "uscc",
    [
        "9111000010000000",
        "91110000100000000XX",
        "91110000I00000000X",
        "91110000100000000O",
        "9111000010000000ZS",
        "91110000100000000x",
        "",
    ],
)
def test_uscc_of_the_wrong_form_is_a_warning(uscc: str) -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]["uscc"] = uscc
    assert errors_of(data) == []
    the_one(
        warnings_of(data),
        "/nodes/1/regions/CN-BJ/enterprises/0/uscc",
        "18 characters",
        "ABCDEFGHJKLMNPQRTUWXY",
    )


def test_uscc_of_the_right_form_is_fine() -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]["uscc"] = "0123456789ABCDEFGH"
    assert problems_of(data) == []


# ------------------------------------------------------------------ links
@pytest.mark.parametrize("key", ["id", "from", "to"])
def test_link_required_keys(key: str) -> None:
    data = sample_map()
    del data["edges"][0][key]
    the_one(errors_of(data), f"/edges/0/{key}", f"'{key}'", "required")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("from", 1, "a segment id (a string)"),
        ("kind", None, "text"),
        ("label", 2, "text"),
        ("flows", {}, "a list"),
        ("note", [], "text"),
    ],
)
def test_link_types(key: str, value: Any, expected: str) -> None:
    data = sample_map()
    data["edges"][0][key] = value
    the_one(errors_of(data), f"/edges/0/{key}", f"must be {expected}")


def test_link_ends_must_name_segments() -> None:
    data = sample_map()
    data["edges"][0]["from"] = "n-gone"
    data["edges"][1]["to"] = "note-1"
    found = errors_of(data)
    the_one(found, "/edges/0/from", "'n-gone'", "no segment")
    the_one(found, "/edges/1/to", "'note-1'", "not a segment")


def test_self_loop() -> None:
    data = sample_map()
    data["edges"][0]["to"] = "n-lithium"
    the_one(errors_of(data), "/edges/0/to", "'锂矿'", "itself")


def test_duplicate_links_warn_and_kind_defaults_to_supply() -> None:
    data = sample_map()
    data["edges"].append({"id": "e-3", "from": "n-battery", "to": "n-vehicle"})  # e-2 says kind supply
    data["edges"].append({"id": "e-4", "from": "n-battery", "to": "n-vehicle", "kind": "technology"})
    data["edges"].append({"id": "e-5", "from": "n-battery", "to": "n-vehicle", "kind": "technology"})
    assert errors_of(data) == []
    found = warnings_of(data)
    the_one(found, "/edges/2", "/edges/1", "动力电池", "整车", "supply")
    the_one(found, "/edges/4", "/edges/3", "technology")
    assert len(found) == 2


def test_opposite_links_are_not_duplicates_but_a_cycle() -> None:
    data = sample_map()
    data["edges"].append({"id": "e-3", "from": "n-battery", "to": "n-lithium", "label": "回收"})
    found = problems_of(data)
    assert len(found) == 1 and not found[0].is_error
    assert "cycle" in found[0].message and "锂矿" in found[0].message and "动力电池" in found[0].message


def test_flows() -> None:
    data = sample_map()
    flows = data["edges"][1]["flows"]
    flows.append({"from": "CN-SH", "to": "CN-BJ"})
    flows.append({"from": "CN-TJ"})
    flows.append("CN-TJ→CN-BJ")
    flows.append({"from": "CN-TJ", "to": "CN-HE", "note": 5})
    found = errors_of(data)
    the_one(found, "/edges/1/flows/1/from", "Flow region 'CN-SH'", "not declared")
    the_one(found, "/edges/1/flows/2/to", "'to'", "required")
    the_one(found, "/edges/1/flows/3", "flow", "must be an object")
    the_one(found, "/edges/1/flows/4/note", "text")


# ------------------------------------------------------------------ link cycles
def _chain(edges: list[tuple[int, int]], count: int) -> dict[str, Any]:
    data = minimal_map()
    data["nodes"] = [{"id": f"n{i}", "name": f"S{i}", "tier": "up"} for i in range(count)]
    data["edges"] = [{"id": f"e{k}", "from": f"n{a}", "to": f"n{b}"} for k, (a, b) in enumerate(edges)]
    return data


def test_one_warning_per_link_cycle() -> None:
    # Two separate loops (0→1→2→0 with a chord 1→0, and 3→4→3) and a tail 2→5.
    data = _chain([(0, 1), (1, 2), (2, 0), (1, 0), (3, 4), (4, 3), (2, 5)], 6)
    found = problems_of(data)
    assert all(not p.is_error for p in found)
    assert len(found) == 2
    first, second = sorted(found, key=lambda p: p.path)
    assert first.path == "/edges/0" and "'S0' → 'S1'" in first.message
    assert second.path == "/edges/4" and "'S3' → 'S4' → 'S3'" in second.message


def test_a_long_cycle_names_a_few_segments() -> None:
    count = 3000
    data = _chain([(i, (i + 1) % count) for i in range(count)], count)
    (problem,) = problems_of(data)
    assert "cycle" in problem.message and "more" in problem.message
    assert len(problem.message) < 300


def test_no_cycle_warning_for_a_dag() -> None:
    data = _chain([(i, j) for i in range(30) for j in range(i + 1, 30, 7)], 30)
    assert problems_of(data) == []


def test_strongly_connected_components() -> None:
    successors = [[1], [2], [0, 3], [4], [3], []]
    components = sorted(sorted(c) for c in strongly_connected(successors))
    assert components == [[0, 1, 2], [3, 4]]
    # Deep graphs do not hit a recursion limit.
    count = 50_000
    path = [[i + 1] for i in range(count - 1)] + [[0]]
    (component,) = strongly_connected(path)
    assert len(component) == count


# ------------------------------------------------------------------ notes, conflicts, deleted, meta
def test_note_rules() -> None:
    data = sample_map()
    note = data["notes"][0]
    del note["y"]
    note["text"] = None
    note["node"] = "n-gone"
    found = errors_of(data)
    the_one(found, "/notes/0/y", "'y'", "required")
    the_one(found, "/notes/0/text", "must be text", "null")
    the_one(found, "/notes/0/node", "'n-gone'", "no segment")


def test_note_text_may_be_empty() -> None:
    data = sample_map()
    data["notes"][0]["text"] = ""
    assert problems_of(data) == []


def test_conflict_rules() -> None:
    data = sample_map()
    data["conflicts"].append({"id": "c-1", "kind": "merge", "path": 5, "values": [{"value": 1}, 2]})
    data["conflicts"].append({"id": "c 2"})
    found = errors_of(data)
    the_one(found, "/conflicts/1/id", "'c-1'", "already used at /conflicts/0")
    the_one(found, "/conflicts/1/kind", "'merge'", "edit, delete, duplicate")
    the_one(found, "/conflicts/1/path", "text")
    the_one(found, "/conflicts/1/values/0/source", "required")
    the_one(found, "/conflicts/1/values/1", "'source'")
    the_one(found, "/conflicts/2/id", "not a valid id")
    for key in ("kind", "path", "values"):
        the_one(found, f"/conflicts/2/{key}", "required")


def test_conflict_values_and_base_may_be_any_json() -> None:
    data = sample_map()
    data["conflicts"][0]["values"][0]["value"] = {"deep": [1, None, {"x": True}]}
    data["conflicts"][0]["base"] = None
    data["conflicts"][0]["kind"] = "delete"
    assert problems_of(data) == []


def test_deleted_rules() -> None:
    data = sample_map()
    data["deleted"] = ["n-old", 3, "not an id", None]
    found = errors_of(data)
    the_one(found, "/deleted/1", "id", "the number 3")
    the_one(found, "/deleted/2", "'not an id'", "not a valid id")
    the_one(found, "/deleted/3", "null")


def test_meta_rules() -> None:
    data = sample_map()
    data["meta"] = {"created": 2025, "modified": None, "generator": 1, "merged_from": {"owner": "CN-BJ"}}
    found = errors_of(data)
    the_one(found, "/meta/created", "'created'", "text")
    the_one(found, "/meta/modified", "'modified'", "null")
    the_one(found, "/meta/generator", "text")
    the_one(found, "/meta/merged_from", "a list")
    data["meta"] = {"merged_from": [{"owner": "CN-BJ"}, "CN-TJ"]}
    the_one(errors_of(data), "/meta/merged_from/1", "object")


@pytest.mark.parametrize(
    "stamp",
    ["2025-03-01", "2025-03-01T09:30:00", "yesterday", "2025-13-01T09:30:00+08:00", "2025-03-01T09:30Z\n"],
)
def test_meta_times_without_an_offset_warn(stamp: str) -> None:
    data = sample_map()
    data["meta"]["modified"] = stamp
    assert errors_of(data) == []
    the_one(warnings_of(data), "/meta/modified", "ISO 8601", "offset")


@pytest.mark.parametrize(
    "stamp",
    [
        "2025-03-01T09:30:00+08:00",
        "2025-03-01T01:30:00Z",
        "2025-03-01T09:30:00.123456+08:00",
        "2025-03-01T09:30-05:00",
    ],
)
def test_meta_times_with_an_offset(stamp: str) -> None:
    assert is_timestamp(stamp)
    data = sample_map()
    data["meta"]["created"] = stamp
    assert problems_of(data) == []


# ------------------------------------------------------------------ wording and places
def _all_problem_maps() -> list[dict[str, Any]]:
    data = sample_map()
    data["title"] = 1
    data["regions"][0]["color"] = "red"
    data["nodes"][0]["x"] = "1"
    data["nodes"][1]["regions"]["CN-BJ"]["status"] = "great"
    data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]["uscc"] = "short"
    data["edges"][0]["to"] = "n-lithium"
    data["conflicts"][0]["kind"] = "x"
    data["meta"]["created"] = "now"
    return [data, copy.deepcopy(data)]


def test_every_message_is_a_sentence_and_every_path_points_into_the_file() -> None:
    for data in _all_problem_maps():
        found = problems_of(data)
        assert len(found) >= 8
        for problem in found:
            assert problem.message[:1].isupper() or problem.message[:1] in "'\"", problem.message
            assert problem.message.endswith("."), problem.message
            assert problem.severity in ("error", "warning")
            # Every step but the last exists (the last may be a missing key).
            target: Any = data
            steps = problem.path.split("/")[1:]
            for step in steps[:-1]:
                step = step.replace("~1", "/").replace("~0", "~")
                target = target[int(step)] if isinstance(target, list) else target[step]


def test_is_finite_number() -> None:
    assert is_finite_number(0) and is_finite_number(-1.5) and is_finite_number(10**300)
    for value in (True, False, None, "1", float("nan"), float("inf"), 10**400, [1]):
        assert not is_finite_number(value)


def test_a_big_map_validates(benchmark_map: dict[str, Any]) -> None:
    # Linear work: 5,000 segments and 10,000 links are checked without a problem.
    # (Timing is measured by tests/bench/bench_validate.py, never asserted here.)
    assert [p for p in validate_data(benchmark_map) if p.is_error] == []


@pytest.fixture(scope="module")
def benchmark_map() -> dict[str, Any]:
    data = minimal_map()
    data["regions"] = [{"code": c, "name": c} for c in ("CN-BJ", "CN-TJ", "CN-HE")]
    data["nodes"] = [
        {
            "id": f"n{i}",
            "name": f"环节{i}",
            "tier": "up",
            "x": i,
            "y": i * 0.5,
            "regions": {
                c: {"status": "weak", "plan": {"action": "fill", "priority": "low"}}
                for c in ("CN-BJ", "CN-HE")
            },
        }
        for i in range(5000)
    ]
    data["edges"] = [
        {"id": f"e{k}", "from": f"n{k % 5000}", "to": f"n{(k * 7 + 1) % 5000}"} for k in range(10000)
    ]
    data["edges"] = [e for e in data["edges"] if e["from"] != e["to"]]
    return data


# ------------------------------------------------------------------ the quick path agrees
junk = st.sampled_from([None, 1, 2.5, True, "", " ", "x", [], ["a"], [1], {}, {"a": 1}])
maybe = st.one_of  # readability below


@st.composite
def rough_entries(draw: st.DrawFn) -> Any:
    """Region entries that are mostly valid, with a few wrong or odd parts."""
    if draw(st.integers(0, 20)) == 0:
        return draw(junk)
    entry: dict[str, Any] = {}
    if draw(st.integers(0, 10)):
        entry["status"] = draw(maybe(st.sampled_from(["strong", "present", "weak", "gap", "unknown"]), junk))
    if draw(st.booleans()):
        firms = []
        for _ in range(draw(st.integers(0, 2))):
            firm: dict[str, Any] = {}
            if draw(st.integers(0, 10)):
                firm["name"] = draw(maybe(st.sampled_from(["甲公司", "B Ltd"]), junk))
            if draw(st.booleans()):
                firm["uscc"] = draw(
                    maybe(st.sampled_from(["91110000100000000X", "123", "91110000I00000000X"]), junk)
                )
            if draw(st.booleans()):
                firm["marks"] = draw(maybe(st.just(["leader", "其他"]), junk))
            if draw(st.booleans()):
                firm[draw(st.sampled_from(["city", "note", "x-future"]))] = draw(maybe(st.just("天津"), junk))
            firms.append(firm if draw(st.integers(0, 15)) else draw(junk))
        entry["enterprises"] = firms if draw(st.integers(0, 15)) else draw(junk)
    if draw(st.booleans()):
        plan: dict[str, Any] = {}
        if draw(st.integers(0, 10)):
            plan["action"] = draw(maybe(st.sampled_from(["fill", "extend", "attract"]), junk))
        if draw(st.integers(0, 10)):
            plan["priority"] = draw(maybe(st.sampled_from(["high", "low", "urgent"]), junk))
        if draw(st.booleans()):
            plan["due"] = draw(maybe(st.sampled_from(["2027-06", "2027-02-30", "2027-13", "soon"]), junk))
        for key in ("targets", "owner", "note", "x-future"):
            if draw(st.integers(0, 3)) == 0:
                plan[key] = draw(maybe(st.just(["甲"]) if key == "targets" else st.just("办"), junk))
        entry["plan"] = plan if draw(st.integers(0, 15)) else draw(junk)
    if draw(st.booleans()):
        entry[draw(st.sampled_from(["note", "x-future"]))] = draw(maybe(st.just("说明"), junk))
    return entry


@settings(max_examples=200, deadline=None, database=None)
@given(rough_entries())
def test_the_quick_look_at_entries_agrees_with_the_full_check(entry: Any) -> None:
    data = sample_map()
    data["nodes"][3]["regions"]["CN-TJ"] = entry
    quick = validate_data(data)
    slow_validator = _Validator()
    slow_validator.entry_is_clean = lambda entry: False  # type: ignore[method-assign]
    slow = slow_validator.run(data)
    assert quick == slow
    assert _Validator().entry_is_clean(entry) == (slow == [])


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``data`` (keys and list indexes), the root excluded."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*path, key))
            found.extend(_places(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*path, index))
            found.extend(_places(value, (*path, index)))
    return found


SAMPLE_PLACES = _places(sample_map())
json_junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "n-lithium", "CN-BJ", "up", "strong", "fill", "2027-02-30", "e-1", "x y"]),
    lambda children: (
        st.lists(children, max_size=2)
        | st.dictionaries(st.sampled_from(["id", "name", "a"]), children, max_size=2)
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(SAMPLE_PLACES), st.booleans(), json_junk), min_size=1, max_size=3))
def test_any_damage_is_reported_or_harmless(damage: list[tuple[tuple[Any, ...], bool, Any]]) -> None:
    """Whatever is changed or removed, validation never crashes, and data it passes loads."""
    data = sample_map()
    for place, remove, value in damage:
        target: Any = data
        try:
            for step in place[:-1]:
                target = target[step]
            if remove:
                del target[place[-1]]
            else:
                target[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this place
    found = validate_data(data)
    raw = json.dumps(data, ensure_ascii=False).encode()
    if any(p.is_error for p in found):
        with pytest.raises(MapLoadError):
            loads_map(raw)
    else:
        loaded = loads_map(raw)
        assert loads_map(dumps_map(loaded.map)).warnings == loaded.warnings
