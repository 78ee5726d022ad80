"""The command line's status and error lines speak the reader's language: under
``LANG=zh_CN.UTF-8`` every line a command prints on standard error is Chinese (file paths,
option names and commands quoted as they are typed stay as they are), and under
``LANG=C.UTF-8`` the same commands print the English they always did.

Each case runs the real command in a subprocess, as a user would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"
MERGE = ROOT / "examples" / "merge"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Words an English sentence can hardly do without; none may be left in a Chinese line.
ENGLISH_WORDS = re.compile(r"\b(the|is|not|of|segments?|was|were|has|no)\b", re.IGNORECASE)
# What stays as typed in a Chinese line: quoted text ('chainmap format --in-place x', “name”),
# option names, paths and file names, and the command's name before its message.
KEPT_AS_TYPED = (
    re.compile(r"'[^']*'|“[^”]*”"),
    re.compile(r"--[\w-]+"),
    re.compile(r"\S*[/.]\S*"),
    re.compile(r"^chainmap(?: [\w-]+)?"),
)


def _run(*args: str, cwd: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LANG=lang,
               GIT_CEILING_DIRECTORIES=str(cwd.parent))  # tmp_path is no git repository
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def _english_left(line: str) -> list[str]:
    """The English sentence words of ``line`` once what stays as typed is taken out."""
    for kept in KEPT_AS_TYPED:
        line = kept.sub(" ", line)
    return ENGLISH_WORDS.findall(line)


def _write_inputs(folder: Path) -> None:
    """The files the cases read: a map not in canonical form, one of another id, Beijing's copy
    of the vehicles map (to merge Tianjin's into), three CSV files."""
    (folder / "loose.chainmap.json").write_text(
        VEHICLES.read_text(encoding="utf-8").replace("\n  ", "\n   ", 1), encoding="utf-8")
    (folder / "other.chainmap.json").write_text(
        VEHICLES.read_text(encoding="utf-8").replace('"id": "jjj-vehicles"', '"id": "other-map"', 1), encoding="utf-8")
    shutil.copy(MERGE / "vehicles-CN-BJ.chainmap.json", folder / "ours.chainmap.json")
    (folder / "empty.csv").write_text("id,name\n,\n", encoding="utf-8")
    (folder / "bad-cell.csv").write_text("name,tier,CN-BJ status\nSeg,up,strongish\n", encoding="utf-8")
    (folder / "one.csv").write_text("id,name,tier\ns1,Seg,up\n", encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    status: int
    english: str  # a regular expression the English output matches
    chinese: str  # a regular expression the Chinese output matches


V = str(VEHICLES)
CASES = [
    Case("layout", ("layout", V, "-o", "out.json"), 0,
         r"vehicles\.chainmap\.json: placed 35 of 35 segments; \d+ link crossings",
         r"vehicles\.chainmap\.json：已放置 35 个环节中的 35 个；链接交叉 \d+ 处"),
    Case("layout-aspect", ("layout", V, "--aspect", "abc", "-o", "out.json"), 2,
         r"chainmap layout: --aspect: 'abc' is not an aspect ratio; write width:height, for example 16:9",
         r"--aspect：“abc”不是宽高比"),
    Case("export-png", ("export", V, "-o", "map.png"), 0,
         r"map\.png: PNG, \d+ × \d+ px at 150 dpi \(\d+\.\d\d s\)",
         r"map\.png：PNG，\d+ × \d+ 像素，150 dpi（用时 \d+\.\d\d 秒）"),
    Case("export-no-folder", ("export", V, "-o", "nowhere/map.png"), 1,
         r"nowhere/map\.png: the folder nowhere does not exist; nothing was written\.",
         r"nowhere/map\.png：文件夹 nowhere 不存在；未写入任何内容。"),
    Case("format-check", ("format", "--check", "loose.chainmap.json"), 1,
         r"loose\.chainmap\.json: not in canonical form \(run 'chainmap format --in-place loose\.chainmap\.json'\)",
         r"loose\.chainmap\.json：不是规范格式（请运行 'chainmap format --in-place loose\.chainmap\.json'）"),
    Case("merge-one", ("merge", V, "-o", "merged.json"), 2,
         r"chainmap merge: give at least two maps to merge\.",
         r"chainmap merge：请至少给出两个要合并的图谱。"),
    Case("merge-other-id", ("merge", V, "other.chainmap.json", "-o", "merged.json"), 2,
         r"chainmap merge: These maps are not copies of one map: their ids differ \(vehicles\.chainmap\.json has "
         r"'jjj-vehicles', other\.chainmap\.json has 'other-map'\)\. Merge them anyway with --force",
         r"这些图谱不是同一图谱的副本：它们的 id 不同（vehicles\.chainmap\.json 的 id 为“jjj-vehicles”、"
         r"other\.chainmap\.json 的 id 为“other-map”）。如仍要合并，请加上 --force"),
    Case("git-merge-conflicts", ("git-merge", str(MERGE / "vehicles-base.chainmap.json"), "ours.chainmap.json",
                                 str(MERGE / "vehicles-CN-TJ.chainmap.json"), "vehicles.chainmap.json"), 1,
         r"chainmap git-merge: vehicles\.chainmap\.json: conflicts recorded in the file \(\d+ edit.*\); open it in "
         r"chainmap to resolve them, then 'git add' it\.",
         r"chainmap git-merge：vehicles\.chainmap\.json：冲突已记录在文件中（\d+ 个修改冲突.*）；请在 chainmap 中打开"),
    Case("layout-into-folder", ("layout", V, "-o", "."), 1,
         r"\.: The map was not saved: the path is a folder\.",
         r"\.: 图谱未保存：该路径是文件夹。"),
    Case("import-problem", ("import", "empty.csv", "-o", "imported.json"), 1,
         r"chainmap import: 1 problem found; nothing was written\.",
         r"chainmap import：发现 1 个问题；未写入任何内容。"),
    Case("import-bad-cell", ("import", "bad-cell.csv", "-o", "imported.json"), 1,
         r"bad-cell\.csv:C2: unknown status 'strongish' \(expected 优势/有基础/薄弱/缺失/未评估 or "
         r"strong/present/weak/gap/unknown\)\nchainmap import: 1 problem found; nothing was written\.",
         r"bad-cell\.csv:C2: 未知的现状“strongish”（应为 优势/有基础/薄弱/缺失/未评估 或 strong/present/weak/gap/unknown）"),
    Case("import-done", ("import", "one.csv", "-o", "imported.json"), 0,
         r"imported\.json: created 1 tier, 1 segment; placed 1 segment",
         r"imported\.json: 新建 1 个层级、1 个环节；放置 1 个环节"),
    Case("route-fold", ("route", V, "--fold", "unknown"), 1,
         r"vehicles\.chainmap\.json: --fold unknown: the map has no segment 'unknown'",
         r"vehicles\.chainmap\.json：--fold unknown：图谱中没有环节“unknown”"),
    Case("edit-missing", ("edit", "missing.chainmap.json"), 1,
         r"chainmap: missing\.chainmap\.json: there is no such file\.",
         r"chainmap: missing\.chainmap\.json：没有这个文件。"),
    Case("git-setup", ("git-setup", "."), 2,
         r"chainmap git-setup: \. is not inside a git repository\.",
         r"chainmap git-setup：\. 不在 git 仓库中。"),
]


def _needs(case: Case) -> None:
    if case.name == "git-setup" and shutil.which("git") is None:
        pytest.skip("git is not installed")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_line_on_standard_error_is_chinese(case: Case, tmp_path: Path) -> None:
    _needs(case)
    _write_inputs(tmp_path)
    done = _run(*case.args, cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == case.status, done.stderr
    assert re.search(case.chinese, done.stderr), done.stderr
    lines = done.stderr.splitlines()
    assert lines, "the command said nothing"
    for line in lines:
        assert CJK.search(line), f"no Chinese in {line!r}"
        assert not _english_left(line), f"English left in {line!r}: {_english_left(line)}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_same_commands_in_english_are_as_before(case: Case, tmp_path: Path) -> None:
    _needs(case)
    _write_inputs(tmp_path)
    done = _run(*case.args, cwd=tmp_path, lang="C.UTF-8")
    assert done.returncode == case.status, done.stderr
    assert re.search(case.english, done.stderr), done.stderr
    # The words a cell may use are listed in both languages (优势/有基础/…): leave such lists out.
    assert not CJK.search(re.sub(r"\S*/\S*", "", done.stderr)), done.stderr


def test_a_refused_option_after_parsing_has_its_usage_in_chinese_too(tmp_path: Path) -> None:
    done = _run("export", V, "-o", "map.foo", cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == 2
    assert done.stderr.startswith("用法："), done.stderr
    assert "无法判断“map.foo”的格式" in done.stderr


def test_english_left_finds_sentence_words_but_not_paths_options_or_quoted_commands() -> None:
    assert _english_left("x.png: the folder does not exist") == ["the", "not"]
    assert not _english_left("a/b.chainmap.json：不是规范格式（请运行 'chainmap format --in-place a.json'）")
    assert not _english_left("chainmap git-setup：/tmp/no/segments 不在 git 仓库中。")
