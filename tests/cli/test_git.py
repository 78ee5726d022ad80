"""chainmap in a real git repository: git-setup, merges through the driver, diffs through
textconv. Every git here reads only the temporary repository's config (no system or user
config: GIT_CONFIG_NOSYSTEM and a temporary HOME)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .helpers import ROOT

MERGE = ROOT / "examples" / "merge"
MAP = "vehicles.chainmap.json"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


class Repo:
    """A temporary repository and the environment git and chainmap run in."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true", "PYTHONPATH": str(ROOT),
        }

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def write(self, data: dict[str, Any] | Path, name: str = MAP) -> None:
        target = self.path / name
        if isinstance(data, Path):
            shutil.copy(data, target)
        else:
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def read(self, name: str = MAP) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)


def _run_in(repo: Repo, *args: str) -> subprocess.CompletedProcess[str]:
    """``chainmap ARGS`` in the repository, with its git environment."""
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], cwd=repo.path, env=repo.env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "repo").mkdir()
    repo = Repo(tmp_path / "repo", home)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "测试")
    repo.git("config", "user.email", "test@example.com")
    repo.git("config", "commit.gpgsign", "false")
    setup = _run_in(repo, "git-setup")
    assert setup.returncode == 0, setup.stderr
    repo.write(MERGE / "vehicles-base.chainmap.json")
    repo.commit("base")
    return repo


def base() -> dict[str, Any]:
    return json.loads((MERGE / "vehicles-base.chainmap.json").read_text(encoding="utf-8"))


def node(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["name"] == name)


def test_setup_configures_the_repository_and_is_idempotent(repo: Repo) -> None:
    driver = repo.git("config", "merge.chainmap.driver").stdout.strip()
    assert driver.endswith(" -m chainmap.cli git-merge %O %A %B %P")
    assert "python" in driver
    assert repo.git("config", "diff.chainmap.textconv").stdout.strip().endswith(" -m chainmap.cli git-textconv")
    assert repo.git("config", "merge.chainmap.name").stdout.strip()
    assert repo.read(".gitattributes") == "*.chainmap.json merge=chainmap diff=chainmap\n"
    again = _run_in(repo, "git-setup", str(repo.path))
    assert again.returncode == 0
    assert repo.read(".gitattributes").count("merge=chainmap") == 1
    assert repo.git("config", "--get-all", "merge.chainmap.driver").stdout.strip() == driver
    assert repo.git("check-attr", "merge", "diff", "--", MAP).stdout.split() == [
        MAP + ":", "merge:", "chainmap", MAP + ":", "diff:", "chainmap"]


def test_setup_outside_a_repository_says_so(tmp_path: Path, repo: Repo) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    done = _run_in(repo, "git-setup", str(outside))
    assert done.returncode == 2 and "not inside a git repository" in done.stderr


def test_region_branches_merge_cleanly_through_the_driver(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "tj")
    data = base()
    data["owner"] = "CN-TJ"
    node(data, "电芯")["regions"]["CN-TJ"]["status"] = "strong"
    node(data, "锂矿")["description"] = "天津补充的描述"
    repo.write(data)
    repo.commit("tj edits")
    repo.git("checkout", "-q", "main")
    repo.git("checkout", "-q", "-b", "he")
    data = base()
    data["owner"] = "CN-HE"
    node(data, "锂矿").setdefault("aliases", []).append("锂资源")
    node(data, "整车制造")["x"] += 50
    repo.write(data)
    repo.commit("he edits")

    repo.git("checkout", "-q", "main")
    done = repo.git("merge", "--no-edit", "tj", check=False)  # fast-forward: no driver yet
    assert done.returncode == 0
    done = repo.git("merge", "--no-edit", "he", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "CONFLICT" not in done.stdout
    assert f"chainmap git-merge: {MAP}: merged cleanly" in done.stderr  # the driver, not git's text merge
    text = repo.read()
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    merged = json.loads(text)
    assert merged["owner"] == "CN-TJ"  # the result stays ours
    assert node(merged, "电芯")["regions"]["CN-TJ"]["status"] == "strong"
    assert node(merged, "锂矿")["description"] == "天津补充的描述"
    assert node(merged, "锂矿")["aliases"] == ["锂资源"]
    assert node(merged, "整车制造")["x"] == node(base(), "整车制造")["x"] + 50
    assert "conflicts" not in merged
    assert _run_in(repo, "validate", MAP).returncode == 0
    assert len(repo.git("log", "--format=%H", "-1", "--merges").stdout.split()) == 1


def test_conflicting_branches_record_conflicts_in_the_file_not_markers(repo: Repo) -> None:
    for region in ("CN-BJ", "CN-TJ", "CN-HE"):
        repo.git("checkout", "-q", "-B", region.lower(), "main")
        repo.write(MERGE / f"vehicles-{region}.chainmap.json")
        repo.commit(f"{region} edits")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "--no-edit", "cn-bj")  # fast-forward
    done = repo.git("merge", "--no-edit", "cn-tj", check=False)
    assert done.returncode != 0
    assert "CONFLICT" in done.stdout and MAP in done.stdout
    assert "conflicts recorded in the file" in done.stderr
    text = repo.read()
    assert "<<<<<<<" not in text and "=======" not in text
    merged = json.loads(text)
    assert merged["owner"] == "CN-BJ"
    assert [c["path"] for c in merged["conflicts"]] == ["/nodes/n-07d819bfa0eaf133/description"]
    assert _run_in(repo, "validate", MAP).returncode == 0
    repo.commit("merge cn-tj, conflicts left for the editor")
    done = repo.git("merge", "--no-edit", "cn-he", check=False)
    assert done.returncode != 0 and "CONFLICT" in done.stdout
    merged = json.loads(repo.read())
    kinds = sorted(c["kind"] for c in merged["conflicts"])
    assert "delete" in kinds and "edit" in kinds
    assert "<<<<<<<" not in repo.read()


def test_an_unreadable_side_leaves_ours_untouched(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "broken")
    (repo.path / MAP).write_text("{ this is not a map", encoding="utf-8")
    repo.commit("broken file")
    repo.git("checkout", "-q", "main")
    data = base()
    node(data, "锂矿")["description"] = "主线的修改"
    repo.write(data)
    repo.commit("main edit")
    ours = repo.read()
    done = repo.git("merge", "--no-edit", "broken", check=False)
    assert done.returncode != 0
    assert "theirs version" in done.stderr and MAP in done.stderr
    assert repo.read() == ours


def test_the_driver_called_directly(tmp_path: Path, repo: Repo) -> None:
    paths = {}
    for side, source in (("O", "base"), ("A", "CN-BJ"), ("B", "CN-HE")):
        paths[side] = tmp_path / f"{side}.json"
        shutil.copy(MERGE / f"vehicles-{source}.chainmap.json", paths[side])
    done = _run_in(repo, "git-merge", str(paths["O"]), str(paths["A"]), str(paths["B"]), MAP)
    assert done.returncode == 1
    result = json.loads(paths["A"].read_text(encoding="utf-8"))
    assert result["owner"] == "CN-BJ" and result["conflicts"]
    paths["B"].write_text("[]", encoding="utf-8")
    before = paths["A"].read_bytes()
    done = _run_in(repo, "git-merge", str(paths["O"]), str(paths["A"]), str(paths["B"]), MAP)
    assert done.returncode == 2 and MAP in done.stderr and paths["A"].read_bytes() == before
    paths["O"].write_text("", encoding="utf-8")  # added on both sides: no base
    shutil.copy(MERGE / "vehicles-CN-TJ.chainmap.json", paths["B"])
    done = _run_in(repo, "git-merge", str(paths["O"]), str(paths["A"]), str(paths["B"]), MAP)
    assert done.returncode == 1


def test_git_diff_shows_meaning_through_textconv(repo: Repo) -> None:
    data = base()
    node(data, "锂矿")["regions"]["CN-HE"]["status"] = "strong"
    repo.write(data)
    diff = repo.git("diff").stdout
    changed = [line for line in diff.splitlines() if line.startswith(("-segment", "+segment"))]
    assert len(changed) == 2 and all("锂矿" in line for line in changed)
    assert "CN-HE=weak" in changed[0] and "CN-HE=strong" in changed[1]
    assert '"status"' not in diff  # not JSON noise
    log = repo.git("log", "-p", "-1", "--format=").stdout
    assert "+segment 上游/锂矿" in log


def test_textconv_is_stable_and_shows_a_bad_file_as_it_is(tmp_path: Path, repo: Repo) -> None:
    first = _run_in(repo, "git-textconv", str(MERGE / "vehicles-CN-TJ.chainmap.json"))
    data = json.loads((MERGE / "vehicles-CN-TJ.chainmap.json").read_text(encoding="utf-8"))
    data["nodes"].reverse()
    data["edges"].reverse()
    shuffled = tmp_path / "shuffled.chainmap.json"
    shuffled.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    second = _run_in(repo, "git-textconv", str(shuffled))
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    lines = first.stdout.splitlines()
    assert sum(line.startswith("segment ") for line in lines) == len(data["nodes"])
    assert sum(line.startswith("link ") for line in lines) == len(data["edges"])
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text("{ broken", encoding="utf-8")
    assert _run_in(repo, "git-textconv", str(bad)).stdout == "{ broken"
