"""File > Merge maps shows what ``chainmap merge`` says about ids renamed (one id used for two
kinds of items) and region entries dropped (region authority), in the same words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chainmap.cli.cmd_merge import print_summary
from chainmap.core.format.serialize import dumps_data

from ..core.merge_support import base_data, copy_of, node_of

pytestmark = pytest.mark.gui

RENAMED = "Ids renamed: 1 (an id naming another kind of item in another copy)"
DROPPED = "Region entries dropped: 1 (written by another region's copy; the region's own copy has none)"


@pytest.fixture
def copies(tmp_path: Path) -> tuple[list[Path], Path]:
    """A base and three regions' copies: Beijing adds a tier ``x-1``, Tianjin a segment ``x-1``
    and an entry for Hebei on 锂矿, which Hebei's own copy does not have."""
    base = base_data()
    bj, tj, he = copy_of(base, "CN-BJ"), copy_of(base, "CN-TJ"), copy_of(base, "CN-HE")
    bj["tiers"].append({"id": "x-1", "name": "后市场"})
    tj["nodes"].append({"id": "x-1", "name": "回收", "tier": "down", "x": 600, "y": 0})
    node_of(tj, "n-ore")["regions"] = {"CN-HE": {"status": "strong"}}
    paths = []
    for name, data in (("bj", bj), ("tj", tj), ("he", he), ("base", base)):
        path = tmp_path / f"{name}.chainmap.json"
        path.write_bytes(dumps_data(data))
        paths.append(path)
    return paths[:3], paths[3]


def test_the_summary_shows_ids_renamed_and_entries_dropped(make_main_window, copies) -> None:
    window = make_main_window()
    dialog = window.merge_ui.show_merge_dialog()
    inputs, base = copies
    dialog.add_inputs(inputs)
    dialog.set_base(base)
    assert dialog.run(), dialog.error_text()
    lines = dialog.summary_lines()
    assert RENAMED in lines and DROPPED in lines
    (renamed,) = [line for line in lines if line.startswith("  segment 回收 (CN-TJ) x-1 -> ")]
    assert renamed.endswith(": x-1 is a tier in CN-BJ")
    assert "  CN-HE entry of 锂矿 (n-ore) from CN-TJ" in lines
    assert lines.index(renamed) == lines.index(RENAMED) + 1

    # The command line prints the very same lines (its headings in lower case).
    printed = io.StringIO()
    assert dialog.merge_result is not None
    print_summary(dialog.merge_result, printed)
    cli = printed.getvalue().splitlines()
    for heading in (RENAMED, DROPPED):
        assert heading[0].lower() + heading[1:] in cli
    assert renamed in cli and "  CN-HE entry of 锂矿 (n-ore) from CN-TJ" in cli
    dialog.close()


def test_a_merge_without_either_has_no_such_heading(make_main_window, copies) -> None:
    window = make_main_window()
    dialog = window.merge_ui.show_merge_dialog()
    inputs, base = copies
    dialog.add_inputs([inputs[0], inputs[2]])  # Beijing's and Hebei's: no clash, nothing foreign
    dialog.set_base(base)
    assert dialog.run(), dialog.error_text()
    lines = dialog.summary_lines()
    assert "Added: 0 segments, 0 links" in lines
    assert not [line for line in lines if line.startswith(("Ids renamed", "Region entries dropped"))]
    dialog.close()
