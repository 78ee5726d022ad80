"""The foundation commands through a subprocess: validate, format, info, lists, --version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chainmap import __version__
from chainmap.core.format.serialize import dumps_map
from chainmap.core.model import ChainMap, Edge, Enterprise, Node, Plan, Region, RegionEntry, Tier

from .helpers import ROOT, run_chainmap

EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def small_map() -> ChainMap:
    m = ChainMap(
        "test-map", "测试图谱", "测试链", lead="CN-BJ",
        regions=[Region("CN-BJ", "北京", "#D9412B"), Region("CN-TJ", "天津", "#2B6CD9")],
        tiers=[Tier("up", "上游"), Tier("down", "下游")],
    )
    m.add_node(Node("lithium", "锂矿", "up", x=200, y=0, regions={
        "CN-BJ": RegionEntry("gap", plan=Plan("fill", "high", targets=["示例矿业公司"])),
        "CN-TJ": RegionEntry("strong", enterprises=[Enterprise("示例锂业", marks=["leader"], city="天津")]),
    }))
    m.add_node(Node("battery", "动力电池", "down", x=600, y=0, regions={
        "CN-BJ": RegionEntry("weak"), "CN-TJ": RegionEntry("gap"),
    }))
    m.add_edge(Edge("e1", "lithium", "battery", label="锂"))
    return m


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.chainmap.json"
    path.write_bytes(dumps_map(small_map()))
    return path


def test_version_prints_the_package_version() -> None:
    result = run_chainmap("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"chainmap {__version__}"


@pytest.mark.parametrize("command", ["validate", "format", "info", "lists"])
def test_help_of_each_command(command: str) -> None:
    result = run_chainmap(command, "--help")
    assert result.returncode == 0
    assert "usage: chainmap " + command in result.stdout


def test_usage_error_exits_2_without_traceback() -> None:
    result = run_chainmap("validate")
    assert result.returncode == 2
    assert "the following arguments are required" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_chainmap("no-such-command").returncode == 2


def test_validate_valid_file(map_file: Path) -> None:
    result = run_chainmap("validate", str(map_file))
    assert result.returncode == 0, result.stderr
    assert f"{map_file}: valid (2 segments, 1 links)" in result.stdout


def test_validate_reports_every_problem_with_file_and_place(tmp_path: Path, map_file: Path) -> None:
    data = json.loads(map_file.read_text(encoding="utf-8"))
    data["nodes"][0]["tier"] = "nowhere"
    data["edges"][0]["to"] = "ghost"
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_chainmap("validate", str(map_file), str(bad))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{bad}:/nodes/0/tier: ") and "nowhere" in line for line in lines), lines
    assert any(line.startswith(f"{bad}:/edges/0/to: ") and "ghost" in line for line in lines), lines
    assert "Traceback" not in result.stderr


def test_validate_json_report(tmp_path: Path, map_file: Path) -> None:
    bad = tmp_path / "empty.chainmap.json"
    bad.write_bytes(b"")
    result = run_chainmap("validate", "--json", str(map_file), str(bad))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert [f["valid"] for f in report["files"]] == [True, False]
    assert "empty" in report["files"][1]["problems"][0]["message"]


def test_validate_newer_version_says_so(tmp_path: Path, map_file: Path) -> None:
    data = json.loads(map_file.read_text(encoding="utf-8"))
    data["version"] = 2
    newer = tmp_path / "newer.chainmap.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    result = run_chainmap("validate", str(newer))
    assert result.returncode == 1
    assert "version 2" in result.stderr and "newer chainmap" in result.stderr


def test_format_canonicalises_and_keeps_unknown_keys(tmp_path: Path, map_file: Path) -> None:
    data = json.loads(map_file.read_text(encoding="utf-8"))
    data["future_key"] = {"kept": True}
    data["nodes"][0]["x"] = 200.04
    messy = tmp_path / "messy.chainmap.json"
    messy.write_text(json.dumps(data, ensure_ascii=True, indent=4), encoding="utf-8")
    out = tmp_path / "out.chainmap.json"
    result = run_chainmap("format", str(messy), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "锂矿" in text and "\\u" not in text
    assert '"x": 200,' in text
    assert json.loads(text)["future_key"] == {"kept": True}
    assert run_chainmap("format", "--check", str(out)).returncode == 0
    assert run_chainmap("format", "--check", str(messy)).returncode == 1


def test_format_in_place_of_bad_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.chainmap.json"
    original = b'{"format": "chainmap", "version": 1,'
    bad.write_bytes(original)
    result = run_chainmap("format", "--in-place", str(bad))
    assert result.returncode == 1
    assert f"{bad}:line 1" in result.stderr
    assert bad.read_bytes() == original


def test_format_of_canonical_file_gives_same_bytes(map_file: Path) -> None:
    result = run_chainmap("format", str(map_file))
    assert result.returncode == 0
    assert result.stdout.encode("utf-8") == map_file.read_bytes()


def test_info_shows_counts_gaps_complements(map_file: Path) -> None:
    result = run_chainmap("info", str(map_file))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "测试图谱" in out and "lead: 北京 (CN-BJ)" in out
    assert "上游 (up): 1 segments" in out
    assert "锂矿 [gap] - plan: fill, high priority" in out
    assert "锂矿: 天津 (CN-TJ) (strong) can supply 北京 (CN-BJ)" in out
    assert "Regional gaps (1): 动力电池" in out


def test_info_json(map_file: Path) -> None:
    facts = json.loads(run_chainmap("info", "--json", str(map_file)).stdout)
    assert facts["segments"] == 2
    assert facts["regions"]["CN-BJ"]["statuses"]["gap"] == 1
    assert facts["regional_gaps"] == ["动力电池"]


def test_lists_three_lists(map_file: Path) -> None:
    result = run_chainmap("lists", str(map_file))
    assert result.returncode == 0, result.stderr
    # One language at a time: English here (tests/cli/test_language_cli.py reads them in Chinese).
    assert "Bottlenecks to tackle (2)" in result.stdout and "Gaps to fill by attracting investment" in result.stdout
    assert "示例锂业 [leading firm] - 锂矿, 天津, 天津" in result.stdout and "卡点攻关" not in result.stdout
    data = json.loads(run_chainmap("lists", "--json", str(map_file)).stdout)
    assert {g["segment"] for g in data["investment"]} == {"锂矿", "动力电池"}
    csv_out = run_chainmap("lists", "--csv", "--list", "enterprises", str(map_file)).stdout
    assert csv_out.splitlines()[0] == "\ufeffname,marks,segment,region,city,uscc"  # UTF-8 with BOM


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates_and_is_canonical(example: Path) -> None:
    result = run_chainmap("validate", str(example))
    assert result.returncode == 0, result.stderr
    assert run_chainmap("format", "--check", str(example)).returncode == 0
