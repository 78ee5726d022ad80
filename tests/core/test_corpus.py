"""The corpus of bad files: each is refused by ``load_map`` with a clean error at the right place.

``tests/corpus/expected.json`` maps each file of ``tests/corpus/bad/`` to the place of the
problem it must produce (``path``), words its message must contain, and whether the JSON
Schema alone can reject it (``schema_rejects``, checked by ``test_schema.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chainmap.core.format.fileio import load_map, loads_map
from chainmap.core.format.problems import MapLoadError, NewerVersionError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
BAD_FILES = sorted(path.name for path in (CORPUS / "bad").iterdir())


def test_the_corpus_is_complete() -> None:
    assert len(BAD_FILES) >= 30
    assert sorted(EXPECTED) == BAD_FILES, "every bad file needs an entry in expected.json, and back"
    for name, expected in EXPECTED.items():
        assert set(expected) == {"path", "contains", "schema_rejects"}, name
        assert expected["contains"], name
        assert (CORPUS / "bad" / name).stat().st_size < 64 * 1024, f"{name} should be small"


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_refused_at_the_right_place(name: str) -> None:
    expected = EXPECTED[name]
    path = CORPUS / "bad" / name
    # Only MapLoadError may come out: anything else (RecursionError, ValueError…) fails the test.
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    problems = caught.value.problems
    assert problems, name
    assert all(p.is_error for p in problems)
    matching = [
        p
        for p in problems
        if p.path == expected["path"] and all(w in p.message for w in expected["contains"])
    ]
    assert matching, f"{name}: no problem at {expected['path']!r} with {expected['contains']}: {problems}"
    # The whole report names the file, for the command line and the editor's dialog.
    assert str(path) in caught.value.describe()


def test_a_newer_version_is_its_own_error() -> None:
    with pytest.raises(NewerVersionError) as caught:
        load_map(CORPUS / "bad" / "version-newer.json")
    assert caught.value.version == 2
    message = caught.value.problems[0].message
    assert "version 2" in message and "newer chainmap" in message


def test_text_errors_say_line_and_column() -> None:
    with pytest.raises(MapLoadError) as caught:
        load_map(CORPUS / "bad" / "trailing-comma.json")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 1)
    assert "line 4, column 1" in caught.value.describe()
    with pytest.raises(MapLoadError) as caught:
        load_map(CORPUS / "bad" / "gbk-encoded.json")
    assert caught.value.problems[0].line is not None


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000,
        b'{"a":' * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "chainmap", "version": 1, "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    ],
    ids=["open-arrays", "open-objects", "closed-arrays", "deep-value"],
)
def test_absurd_nesting_is_a_clean_error(raw: bytes) -> None:
    with pytest.raises(MapLoadError) as caught:
        loads_map(raw)
    assert "nested too deeply" in caught.value.problems[0].message


def test_deep_unknown_value_is_a_clean_error_or_loads() -> None:
    # A value nested a few hundred deep under an unknown key parses, and then either loads or
    # is refused cleanly; it never escapes as a RecursionError.
    data = json.loads((CORPUS / "good" / "bom.chainmap.json").read_text(encoding="utf-8-sig"))
    for depth in (50, 300, 900):
        data["nodes"][0]["x-deep"] = json.loads("[" * depth + "]" * depth)
        try:
            loads_map(json.dumps(data).encode())
        except MapLoadError as error:
            assert "nested too deeply" in error.problems[0].message


def test_bom_prefixed_valid_file_loads() -> None:
    path = CORPUS / "good" / "bom.chainmap.json"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = load_map(path)
    assert result.map.title == "语料图谱"
    assert len(result.map.nodes) == 3
    assert result.warnings == []
