"""``chainmap merge`` merges the files' canonical data without building a model of each copy;
it must give what merging the loaded maps gives: the same bytes, conflicts and report."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from chainmap.core.format.canonical import read_canonical
from chainmap.core.format.fileio import load_map
from chainmap.core.format.serialize import dumps_map
from chainmap.core.merge.engine import DataInput, MergeError, MergeInput, merge_data, merge_maps
from tests.fuzz.config import MERGE_COPIES

BASE = next(path for path in MERGE_COPIES if "base" in path.name)
COPIES = [path for path in MERGE_COPIES if path != BASE]


def _both(copies: list[Path], base: Path | None) -> tuple[bytes, bytes, list[str], list[str]]:
    by_model = merge_maps([MergeInput(load_map(p).map, p.name) for p in copies],
                          load_map(base).map if base else None)
    by_data = merge_data([DataInput(read_canonical(p).data, p.name) for p in copies],
                         read_canonical(base).data if base else None)
    return (dumps_map(by_model.map), dumps_map(by_data.map),
            by_model.report.summary_lines([]), by_data.report.summary_lines([]))


@pytest.mark.parametrize("base", [BASE, None], ids=["three-way", "union"])
def test_merging_data_gives_the_merge_of_the_maps(base: Path | None) -> None:
    for copies in itertools.permutations(COPIES):
        model_bytes, data_bytes, model_report, data_report = _both(list(copies), base)
        assert data_bytes == model_bytes
        assert data_report == model_report


def test_copies_of_different_maps_are_refused_alike(tmp_path: Path) -> None:
    other = tmp_path / "other.chainmap.json"
    data = json.loads(COPIES[0].read_bytes())
    data["id"] = "another-map"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(MergeError) as by_model:
        merge_maps([MergeInput(load_map(COPIES[1]).map, COPIES[1].name), MergeInput(load_map(other).map, other.name)])
    with pytest.raises(MergeError) as by_data:
        merge_data([DataInput(read_canonical(COPIES[1]).data, COPIES[1].name),
                    DataInput(read_canonical(other).data, other.name)])
    assert str(by_data.value) == str(by_model.value)
