"""``chainmap import`` says what is wrong with the files in the reader's language: with
``LANG=zh_CN.UTF-8`` the problem lines are Chinese after the same ``file:place`` prefix (sheet,
column and file names as written); with ``LANG=C.UTF-8`` they are the English sentences as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b(is|not|the|of|needs|cannot|was)\b")


def _import(path: Path, lang: str) -> list[str]:
    """The problem lines (those starting with the file's name) of importing ``path``; nothing
    may be written."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LANG=lang)
    out = path.parent / "out.chainmap.json"
    done = subprocess.run([sys.executable, "-m", "chainmap.cli", "import", path.name, "-o", out.name],
                          capture_output=True, text=True, cwd=path.parent, env=env, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert not out.exists()
    return [line for line in (done.stdout + done.stderr).splitlines() if line.startswith(f"{path.name}:")]


@pytest.fixture
def bad_csv(tmp_path: Path) -> Path:
    path = tmp_path / "segments.csv"
    path.write_text("id,name,tier,colour_code,CN-TJ status\n,电池,上游,红,superb\n,,上游,,\n", encoding="utf-8")
    return path


@pytest.fixture
def bad_graphml(tmp_path: Path) -> Path:
    path = tmp_path / "chain.graphml"
    path.write_text("this is not XML at all", encoding="utf-8")
    return path


@pytest.fixture
def bad_workbook(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    stray = workbook.active
    assert stray is not None
    stray.title = "Sheet1"
    stray.append(["foo", "bar"])
    stray.append(["1", "2"])
    tiers = workbook.create_sheet("层级")
    tiers.append(["编号", "名称"])
    tiers.append(["up", "上游"])
    segments = workbook.create_sheet("环节")
    segments.append(["编号", "环节名称", "层级", "层级"])
    segments.append(["", "电池", "天上", ""])
    path = tmp_path / "chain.xlsx"
    workbook.save(path)
    return path


def _chinese(lines: list[str], prefix: str) -> None:
    for line in lines:
        sentence = line[len(prefix):].split(": ", 1)[-1]
        assert CJK.search(sentence) and not ENGLISH.search(sentence), line


def test_csv_problems_are_said_in_chinese(bad_csv: Path) -> None:
    lines = _import(bad_csv, "zh_CN.UTF-8")
    assert "segments.csv:D1: 警告：chainmap 不认识列“colour_code”：其值保存在每个环节的未知键“colour_code”下" in lines
    assert "segments.csv:B3: 环节需要名称" in lines
    assert any(line.startswith("segments.csv:E2: ") and "superb" in line for line in lines), lines
    _chinese(lines, "segments.csv:")


def test_csv_problems_in_english_are_as_before(bad_csv: Path) -> None:
    lines = _import(bad_csv, "C.UTF-8")
    assert ("segments.csv:D1: warning: the column 'colour_code' is not one chainmap knows: its values are kept "
            "under each segment's unknown key 'colour_code'") in lines
    assert "segments.csv:B3: a segment needs a name" in lines
    assert ("segments.csv:E2: unknown status 'superb' (expected 优势/有基础/薄弱/缺失/未评估 or "
            "strong/present/weak/gap/unknown)") in lines


def test_a_graphml_file_that_is_not_xml_is_said_in_either_language(bad_graphml: Path) -> None:
    chinese = _import(bad_graphml, "zh_CN.UTF-8")
    assert len(chinese) == 1 and chinese[0].startswith("chain.graphml: 无法将该文件作为 GraphML 读取："), chinese
    english = _import(bad_graphml, "C.UTF-8")
    assert len(english) == 1 and english[0].startswith("chain.graphml: The file cannot be read as GraphML: "), english


def test_workbook_problems_are_said_in_chinese(bad_workbook: Path) -> None:
    lines = _import(bad_workbook, "zh_CN.UTF-8")
    assert ("chain.xlsx:Sheet1: 警告：未读取工作表“Sheet1”：它的列不是环节、链接、企业、注释、层级或地区的列。"
            in lines), lines
    assert "chain.xlsx:环节!D1: 第二个“层级”列：每列在一张工作表上只能出现一次" in lines
    assert "chain.xlsx:环节!C2: 未知的层级“天上”（应为 上游 或 up）" in lines
    _chinese(lines, "chain.xlsx:")


def test_workbook_problems_in_english_are_as_before(bad_workbook: Path) -> None:
    lines = _import(bad_workbook, "C.UTF-8")
    assert ("chain.xlsx:Sheet1: warning: The sheet 'Sheet1' was not read: its columns are not those of segments, "
            "links, enterprises, notes, tiers or regions.") in lines
    assert "chain.xlsx:环节!D1: a second column '层级': each column may appear once on a sheet" in lines
    assert "chain.xlsx:环节!C2: unknown tier '天上' (expected 上游 or up)" in lines
    assert not any(CJK.search(line.replace("环节", "").replace("层级", "").replace("上游", "").replace("天上", ""))
                   for line in lines), lines
