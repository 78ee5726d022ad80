"""Export then import gives back the map (``chainmap diff`` finds no difference), on all six
examples: the workbook in both languages, generic and yEd GraphML, Cytoscape.js, GEXF."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainmap.core.diff import diff_maps
from chainmap.core.format import dumps_map, load_map

from .support import EXAMPLE_IDS, EXAMPLES, exported, imported, messages

FORMATS = [("xlsx", "zh_CN", False), ("xlsx", "en", False), ("graphml", "en", False),
           ("graphml", "en", True), ("cyjs", "en", False), ("gexf", "en", False)]


@pytest.mark.parametrize("path", EXAMPLES, ids=EXAMPLE_IDS)
@pytest.mark.parametrize(("suffix", "lang", "yed"), FORMATS, ids=["xlsx-zh", "xlsx-en", "graphml", "yed", "cyjs",
                                                                  "gexf"])
def test_import_into_the_same_map_changes_nothing(tmp_path: Path, path: Path, suffix: str, lang: str,
                                                  yed: bool) -> None:
    original = load_map(path).map
    result = imported([exported(original, tmp_path, suffix, lang=lang, yed=yed)], into=load_map(path).map)
    assert result.map is not None, messages(result)
    assert [c.describe() for c in diff_maps(original, result.map)] == []
    assert result.warnings == []
    # Not only equal by meaning: the very same file.
    assert dumps_map(result.map) == dumps_map(original)
    assert result.summary() == "no change"


@pytest.mark.parametrize("path", EXAMPLES, ids=EXAMPLE_IDS)
@pytest.mark.parametrize("suffix", ["xlsx", "graphml", "cyjs"])
def test_formats_that_carry_everything_make_the_same_map_anew(tmp_path: Path, path: Path, suffix: str) -> None:
    original = load_map(path).map
    result = imported([exported(original, tmp_path, suffix)])
    assert result.map is not None, messages(result)
    assert [c.describe() for c in diff_maps(original, result.map)] == []
    assert result.map.id == original.id


def test_gexf_makes_the_segments_and_links_anew_but_not_the_map_fields(tmp_path: Path) -> None:
    original = load_map(EXAMPLES[-1]).map
    result = imported([exported(original, tmp_path, "gexf")])
    assert result.map is not None, messages(result)
    changes = diff_maps(original, result.map)
    # GEXF has no graph attributes: the title, chain, lead, notes and region colours stay behind.
    assert {c.what for c in changes} <= {"map", "note", "region"}, [c.describe() for c in changes]
    assert [t.name for t in result.map.tiers] == [t.name for t in original.tiers]
    assert [(n.id, n.name, n.tier, n.x, n.y) for n in result.map.nodes] == \
        [(n.id, n.name, n.tier, n.x, n.y) for n in original.nodes]
