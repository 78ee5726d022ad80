"""``chainmap merge`` and ``chainmap diff`` through a subprocess, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .helpers import ROOT, run_chainmap

MERGE = ROOT / "examples" / "merge"
COPIES = [str(MERGE / f"vehicles-{r}.chainmap.json") for r in ("CN-BJ", "CN-TJ", "CN-HE")]
BASE = str(MERGE / "vehicles-base.chainmap.json")


def test_merge_with_a_base_prints_the_summary_and_exits_1_on_conflicts(tmp_path: Path) -> None:
    out = tmp_path / "merged.chainmap.json"
    done = run_chainmap("merge", "--base", BASE, *COPIES, "-o", str(out))
    assert done.returncode == 1, done.stderr
    text = done.stdout
    assert "matched by id: 34 segments" in text
    assert "matched by name: 2 segments, 1 links" in text
    assert "added: 4 segments, 4 links" in text
    assert "deleted: 1 segments, 1 links" in text
    assert "conflicts: 5 (3 edit, 2 delete, 0 duplicate)" in text
    assert "车用功率半导体" in text and "功率半导体" in text and "0.8" in text
    assert "/nodes/n-07d819bfa0eaf133/description (自动驾驶系统): CN-BJ, CN-TJ" in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "owner" not in data and len(data["conflicts"]) == 5
    assert run_chainmap("validate", str(out)).returncode == 0


def test_merge_exits_0_when_nothing_is_left_to_decide(tmp_path: Path) -> None:
    out = tmp_path / "merged.chainmap.json"
    done = run_chainmap("merge", "--base", BASE, BASE, COPIES[0], "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["clean"] and report["conflicts"] == {"edit": 0, "delete": 0, "duplicate": 0}
    assert run_chainmap("diff", COPIES[0], str(out)).stdout.splitlines() == ['~ map: owner "CN-BJ" → (none)']


def test_merge_to_standard_output_keeps_the_summary_apart() -> None:
    done = run_chainmap("merge", *COPIES[:2], "-o", "-")
    assert done.returncode == 1
    assert json.loads(done.stdout)["format"] == "chainmap"
    assert "conflicts:" in done.stderr


def test_merge_never_writes_over_an_input_unless_told(tmp_path: Path) -> None:
    ours = tmp_path / "ours.chainmap.json"
    shutil.copy(COPIES[0], ours)
    before = ours.read_bytes()
    done = run_chainmap("merge", str(ours), COPIES[1], "-o", str(ours))
    assert done.returncode == 2 and "--overwrite" in done.stderr
    assert ours.read_bytes() == before
    done = run_chainmap("merge", str(ours), COPIES[1], "-o", str(ours), "--overwrite")
    assert done.returncode == 1 and ours.read_bytes() != before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", COPIES[0]], "usage"),  # -o is required
        (["merge", COPIES[0], "-o", "-"], "at least two maps"),
        (["merge", COPIES[0], str(ROOT / "examples" / "robots.chainmap.json"), "-o", "-"], "--force"),
    ],
)
def test_merge_usage_errors_exit_2(args: list[str], message: str) -> None:
    done = run_chainmap(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_merge_of_different_maps_when_forced(tmp_path: Path) -> None:
    out = tmp_path / "forced.chainmap.json"
    done = run_chainmap("merge", "--force", COPIES[0], str(ROOT / "examples" / "robots.chainmap.json"), "-o", str(out))
    assert done.returncode in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "jjj-vehicles"


def test_merge_refuses_a_bad_file_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text("{ not json", encoding="utf-8")
    out = tmp_path / "out.chainmap.json"
    done = run_chainmap("merge", COPIES[0], str(bad), "-o", str(out))
    assert done.returncode == 2 and "bad.chainmap.json" in done.stderr
    assert not out.exists()


def test_diff_exit_codes_and_lines(tmp_path: Path) -> None:
    same = run_chainmap("diff", BASE, BASE)
    assert same.returncode == 0 and same.stdout == ""
    changed = run_chainmap("diff", BASE, COPIES[0])
    assert changed.returncode == 1
    assert "- segment 汽车金融与保险" in changed.stdout.splitlines()
    as_json = json.loads(run_chainmap("diff", BASE, COPIES[0], "--json").stdout)
    assert not as_json["equal"] and {"action": "removed", "what": "segment", "id": "n-3e9d76fde8d52968",
                                     "name": "汽车金融与保险"} in as_json["changes"]
    missing = run_chainmap("diff", BASE, str(tmp_path / "nowhere.chainmap.json"))
    assert missing.returncode == 2
    assert run_chainmap("diff", BASE).returncode == 2
