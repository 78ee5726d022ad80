"""What the fuzz suite (tests/fuzz) found in the command line: ``chainmap layout --only-new``
printed a segment's name with its line break, so the rest of the name began a line of its
own that named no file (and could pass for another message)."""

from __future__ import annotations

import json
from pathlib import Path

from chainmap.core.format.fileio import load_map
from tests.core.merge_support import base_data

from .helpers import run_chainmap


def test_a_name_with_a_line_break_stays_on_its_message_line(tmp_path: Path) -> None:
    # A new sub-segment whose placement grows its parent's frame over the segment below.
    nodes = [
        {"id": "n-p", "name": "整车", "tier": "mid", "x": 300, "y": 100},
        {"id": "n-q", "name": "电池", "tier": "mid", "x": 300, "y": 190},
        {"id": "n-c", "name": "底盘\nmap.chainmap.json: all is well", "tier": "mid", "parent": "n-p"},
    ]
    source = tmp_path / "map.chainmap.json"
    source.write_text(json.dumps(base_data(nodes, []), ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.chainmap.json"
    done = run_chainmap("layout", str(source), "--only-new", "-o", str(target))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert all(line.startswith(str(source)) for line in lines), lines
    crowded = [line for line in lines if "made its frame overlap" in line]
    assert crowded == [f"{source}: placing '底盘\\x0amap.chainmap.json: all is well' made its frame overlap a "
                       "neighbour's; run 'chainmap layout' without --only-new to tidy up"]
    assert load_map(target).map.node("n-c").name == nodes[2]["name"]
