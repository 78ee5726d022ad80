"""``chainmap analyze``: the JSON of the issue's shape, readable text, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chainmap.cli import main
from chainmap.core.analysis import ChainAnalysis, analysis_data
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap, Edge, Node, Region, RegionEntry, Tier

from .helpers import run_chainmap


def diamond_map(name_of_b: str = "电芯") -> ChainMap:
    """锂矿 → (电芯 | 隔膜) → 电池包, and 回收 without links; Beijing lacks 电池包, Tianjin 电芯 and 隔膜."""
    m = ChainMap("m", "测试图谱", "测试链",
                 regions=[Region("CN-BJ", "北京"), Region("CN-TJ", "天津")], tiers=[Tier("up", "上游")])
    statuses = {"lithium": ("strong", "present"), "cell": ("present", "weak"), "separator": ("gap", "gap"),
                "pack": ("gap", "strong"), "recycling": ("gap", "unknown")}
    names = {"lithium": "锂矿", "cell": name_of_b, "separator": "隔膜", "pack": "电池包", "recycling": "回收"}
    for segment, (bj, tj) in statuses.items():
        m.add_node(Node(segment, names[segment], "up",
                        regions={"CN-BJ": RegionEntry(bj), "CN-TJ": RegionEntry(tj)}))
    for i, (a, b) in enumerate((("lithium", "cell"), ("lithium", "separator"), ("cell", "pack"),
                                ("separator", "pack"))):
        m.add_edge(Edge(f"e{i}", a, b))
    return m


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "diamond.chainmap.json"
    path.write_bytes(dumps_map(diamond_map()))
    return path


def test_json_is_the_analysis_in_the_issue_shape(map_file: Path) -> None:
    result = run_chainmap("analyze", "--json", str(map_file))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == analysis_data(ChainAnalysis(diamond_map()))
    assert list(data) == ["sources", "sinks", "segments", "chokepoints", "coverage", "fill_gain"]
    assert data["sources"] == ["lithium"] and data["sinks"] == ["pack"]
    assert data["chokepoints"] == [{"segment": "lithium", "sinks": ["pack"]}]
    assert data["coverage"]["all"] == {"share": 1.0, "covered_sinks": ["pack"]}
    assert data["fill_gain"]["CN-BJ"] == [{"segment": "pack", "share_after": 1.0}]
    assert data["fill_gain"]["CN-TJ"] == [{"segment": "cell", "share_after": 1.0},
                                          {"segment": "separator", "share_after": 1.0}]
    assert result.stderr == ""


def test_region_and_segment_limit_the_json(map_file: Path) -> None:
    data = json.loads(run_chainmap("analyze", "--json", "--region", "CN-TJ", "--segment", "cell",
                                   str(map_file)).stdout)
    assert list(data["coverage"]) == ["CN-TJ"] and list(data["fill_gain"]) == ["CN-TJ"]
    assert data["segments"] == {"cell": {"upstream": ["lithium"], "downstream": ["pack"], "betweenness": 0.041667}}
    data = json.loads(run_chainmap("analyze", "--json", "--region", "all", str(map_file)).stdout)
    assert list(data["coverage"]) == ["all"] and data["fill_gain"] == {"all": []}
    assert len(data["segments"]) == 5


def test_text_names_segments_beside_their_ids(map_file: Path) -> None:
    result = run_chainmap("analyze", str(map_file))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Sources (1): 锂矿 (lithium)" in text
    assert "Chokepoints (1)" in text and "  锂矿 (lithium) -> 电池包 (pack)" in text
    assert "  北京 (CN-BJ): 0.0%, 0 of 1 sinks: none" in text
    assert "    电池包 (pack): 0.0% -> 100.0% (+1 sink)" in text
    assert "all regions together (all): 100.0%, 1 of 1 sinks: 电池包 (pack)" in text
    assert "  电芯 (cell): 0.04167" in text
    assert "1 without any link" in text


def test_text_for_one_segment_and_one_region(map_file: Path) -> None:
    text = run_chainmap("analyze", "--segment", "pack", "--region", "CN-BJ", str(map_file)).stdout
    assert "Segment 电池包 (pack): betweenness 0" in text
    assert "Upstream (3): 电芯 (cell), 锂矿 (lithium), 隔膜 (separator)" in text
    assert "Downstream (0): none" in text
    assert "天津" not in text


def test_control_characters_in_names_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil.chainmap.json"
    path.write_bytes(dumps_map(diamond_map("电芯\x1b[2J\u202e")))
    result = run_chainmap("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "电芯\\x1b[2J\\u202e (cell)" in result.stdout


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--region", "CN-XX"], "the map has no region 'CN-XX'; give --region all or one of CN-BJ, CN-TJ."),
        (["--segment", "电池包"], "the map has no segment with the id '电池包' ('电池包' is the name of pack: give the id)."),
    ],
)
def test_unknown_region_or_segment_is_refused_in_a_sentence(map_file: Path, option: list[str], message: str) -> None:
    result = run_chainmap("analyze", *option, str(map_file))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"{map_file}: {message}"


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    result = run_chainmap("analyze", str(tmp_path / "missing.chainmap.json"))
    assert result.returncode == 1
    assert "missing.chainmap.json" in result.stderr and "Traceback" not in result.stderr


def test_sampled_betweenness_is_said(map_file: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("chainmap.core.analysis.graph.EXACT_BETWEENNESS_LIMIT", 3)
    monkeypatch.setattr("chainmap.core.analysis.graph.BETWEENNESS_SAMPLE", 2)
    assert main(["analyze", "--json", str(map_file)]) == 0
    captured = capsys.readouterr()
    assert set(json.loads(captured.out)) == {"sources", "sinks", "segments", "chokepoints", "coverage", "fill_gain"}
    assert "betweenness estimated from 2 of 5 segments" in captured.err
    assert main(["analyze", str(map_file)]) == 0
    assert "betweenness estimated from 2 of 5 segments" in capsys.readouterr().out


def test_help_lists_analyze() -> None:
    result = run_chainmap("--help")
    assert result.returncode == 0 and "analyze" in result.stdout
