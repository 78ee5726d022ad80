"""The command line speaks the reader's language: ``LANG=zh_CN.UTF-8 chainmap validate bad.json``
prints Chinese sentences after the same ``file:place`` prefix, and the three lists, ``info``,
``diff`` and ``merge`` say their headings in one language; English stays as it was."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _run(*args: str, cwd: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LANG=lang)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


@pytest.fixture
def bad_map(tmp_path: Path) -> Path:
    data = json.loads(VEHICLES.read_text(encoding="utf-8"))
    data["title"] = ""
    data["nodes"][0]["tier"] = "nowhere"
    data["edges"][0]["to"] = "no-such-segment"
    data["nodes"][1]["regions"]["CN-BJ"]["status"] = "great"
    path = tmp_path / "bad.chainmap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_words_problems_in_chinese_after_the_file_and_place(bad_map: Path, tmp_path: Path) -> None:
    done = _run("validate", str(bad_map), cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == 1
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    problems = [line for line in lines if line.startswith(f"{bad_map}:")]
    assert len(problems) == 4, lines
    for line in problems:
        place, sentence = line[len(str(bad_map)) + 1:].split(": ", 1)
        assert place.startswith("/"), line
        assert CJK.search(sentence) and not re.search(r"\b(is|not|of|the|must)\b", sentence), line
    assert any("/title: 图谱的“title”为空" in line for line in problems)
    assert any("/edges/0/to: 链接的终点“no-such-segment”不是本图谱中任何环节的 id。" in line for line in problems)


def test_validate_in_english_is_as_before(bad_map: Path, tmp_path: Path) -> None:
    done = _run("validate", str(bad_map), cwd=tmp_path, lang="C.UTF-8")
    text = done.stdout + done.stderr
    assert f"{bad_map}:/title: 'title' of the map is empty: it needs some text." in text
    assert f"{bad_map}:/edges/0/to: The link's end 'no-such-segment' names no segment of this map." in text
    assert not CJK.search(text.replace("北京", ""))


def test_unreadable_files_are_worded_in_chinese(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"a": 1,', encoding="utf-8")
    done = _run("validate", str(broken), str(tmp_path / "missing.json"), cwd=tmp_path, lang="zh_CN.UTF-8")
    text = done.stdout + done.stderr
    assert f"{broken}:第 1 行第 9 列: 文件不是有效的 JSON" in text
    assert f"{tmp_path / 'missing.json'}: 没有这个文件。" in text


def test_valid_summary_and_lists_and_info_in_chinese(tmp_path: Path) -> None:
    done = _run("validate", str(VEHICLES), cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == 0 and f"{VEHICLES}: 有效（35 个环节，37 个链接" in done.stdout
    lists = _run("lists", str(VEHICLES), cwd=tmp_path, lang="zh_CN.UTF-8").stdout
    assert "卡点攻关（4）" in lists and "堵点招商（13）" in lists and "重点企业（97）" in lists
    assert not re.search(r"Bottlenecks|investment|Key enterprises|priority", lists)
    info = _run("info", str(VEHICLES), cwd=tmp_path, lang="zh_CN.UTF-8").stdout
    assert "地区（优势/有基础/薄弱/缺失/未评估）：" in info and "锂矿 [缺失] - 无计划" in info
    assert not re.search(r"\b(segments|links|plan|can supply|Regional gaps)\b", info)


def test_lists_and_info_in_english_say_no_chinese_headings(tmp_path: Path) -> None:
    lists = _run("--lang", "en", "lists", str(VEHICLES), cwd=tmp_path, lang="zh_CN.UTF-8").stdout
    assert lists.splitlines()[0] == "Bottlenecks to tackle (4)" and "卡点攻关" not in lists
    info = _run("info", str(VEHICLES), "--lang=en", cwd=tmp_path, lang="zh_CN.UTF-8").stdout
    assert "Regions (strong/present/weak/gap/not assessed):" in info and "锂矿 [gap] - no plan" in info


def test_merge_summary_in_chinese(tmp_path: Path) -> None:
    merge = ROOT / "examples" / "merge"
    copies = sorted(str(p) for p in merge.glob("vehicles-*.chainmap.json") if "base" not in p.name)
    done = _run("merge", *copies, "--base", str(merge / "vehicles-base.chainmap.json"), "-o",
                str(tmp_path / "merged.chainmap.json"), cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode in (0, 1), done.stderr
    assert "按 id 匹配：" in done.stdout and "冲突：" in done.stdout and "已写入" in done.stdout


@pytest.mark.parametrize(("text", "chinese", "english"), [
    ('{"format": "chainmap", "nodes": [1 2]}', "此处应为逗号“,”", "Expecting ',' delimiter"),
    ('{"format": "chainmap", "title": "x\\q"}', "无效的反斜杠转义", "Invalid \\escape"),
    ('{"format": "chainmap"} {}', "JSON 内容结束后还有多余的数据", "Extra data"),
])
def test_broken_json_is_explained_in_the_reader_language_at_its_line_and_column(
        tmp_path: Path, text: str, chinese: str, english: str) -> None:
    broken = tmp_path / "broken.chainmap.json"
    broken.write_text(text, encoding="utf-8")
    zh = _run("validate", str(broken), cwd=tmp_path, lang="zh_CN.UTF-8")
    en = _run("validate", str(broken), cwd=tmp_path, lang="C.UTF-8")
    assert zh.returncode == en.returncode == 1
    assert f"{broken}:第 1 行第 " in zh.stdout + zh.stderr and chinese in zh.stdout + zh.stderr
    assert f"{broken}:line 1, column " in en.stdout + en.stderr and english in en.stdout + en.stderr
    assert broken.read_text(encoding="utf-8") == text
