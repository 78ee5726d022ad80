"""``chainmap --lang zh_CN|en`` overrides the system's language, before or after the command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chainmap.cli import take_language

ROOT = Path(__file__).resolve().parents[2]
VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"


def _run(*args: str, cwd: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LANG=lang)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def _headings(path: Path) -> list[str]:
    from pptx import Presentation

    return [shape.text_frame.text for slide in Presentation(str(path)).slides for shape in slide.shapes
            if shape.has_text_frame]


@pytest.mark.parametrize("where", ["before", "after"])
def test_lang_overrides_the_system_language_of_an_export(tmp_path: Path, where: str) -> None:
    args = ["export", str(VEHICLES), "-o", "deck.pptx", "-q"]
    args = ["--lang", "en", *args] if where == "before" else [*args, "--lang=en"]
    done = _run(*args, cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    headings = _headings(tmp_path / "deck.pptx")
    assert "Bottlenecks to tackle" in headings and "卡点攻关" not in headings


def test_an_unknown_language_is_refused_in_a_sentence_and_nothing_is_written(tmp_path: Path) -> None:
    done = _run("--lang", "fr", "export", str(VEHICLES), "-o", "deck.pptx", cwd=tmp_path, lang="C.UTF-8")
    assert done.returncode == 2
    assert "--lang: 'fr' is not a language chainmap speaks; use zh_CN or en" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "deck.pptx").exists()


def test_files_of_git_commands_and_after_a_double_dash_are_left_alone() -> None:
    assert take_language(["git-merge", "--lang", "x"]) == (["git-merge", "--lang", "x"], None)
    assert take_language(["validate", "--", "--lang", "x"]) == (["validate", "--", "--lang", "x"], None)
    assert take_language(["--lang", "zh_CN", "validate", "a"]) == (["validate", "a"], "zh_CN")


# ------------------------------------------------------------------ --help in the reader's language
CJK = re.compile(r"[\u3400-\u9fff]+")
# What stays as it is in a Chinese help: option names, metavars, choices, file suffixes, formats,
# commands to type, JSON of `route --json`, and the help's own leading whitespace.
HELP_KEPT = re.compile(r"[\w*-]*\.[a-z]+\b|--?[a-z][a-z-]*|\b[A-Z][A-Z0-9_.-]*\b|\{[^}]*\}|\.[a-z]+\b|\b(chainmap|git)( [a-z-]+)*|"
                       r"\b(yEd|networkx|null|dpi|scale|pt|mm|all|tier|segments(\.csv)?|links\.csv|zh_CN|en|"
                       r"merge\.chainmap\.\*|diff\.chainmap\.textconv|letter|x|y|w|h|ID|Cytoscape\.js|"
                       r"GraphML|GEXF|Excel|Sheet!C12|boxes|points|label|notes|box|leader|links)\b")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from chainmap.cli import main

    try:
        with pytest.raises(SystemExit) as stop:
            main(list(argv))
        assert stop.value.code == 0
    finally:
        from chainmap.core.language import set_language

        set_language(None)
    return capsys.readouterr().out


def _english_left(text: str) -> list[str]:
    """Lines of a Chinese help, usage block left out, that still hold two English words in a row."""
    body = text.split("\n\n", 1)[1]
    return [line for line in body.splitlines() if re.search(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}", HELP_KEPT.sub(" ", line))]


def _glossary_terms() -> set[str]:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    return {term for line in glossary.splitlines() if line.startswith("|") for term in CJK.findall(line.split("|")[1])}


def test_chinese_help_of_the_command_line_and_of_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from chainmap.cli import COMMANDS

    top = _help(capsys, "--lang", "zh_CN", "--help")
    assert top.startswith("用法：chainmap") and "绘制、标注与合并产业链图谱" in top
    assert "位置参数" in top and "选项" in top and "显示此帮助信息并退出" in top
    for command in COMMANDS:  # each command's line in the list is Chinese
        line = next(line for line in top.splitlines() if line.split()[:1] == [command])
        assert CJK.search(line), line
    assert _english_left(top) == []
    for command in COMMANDS:
        text = _help(capsys, "--lang", "zh_CN", command, "--help")
        description = text.split("\n\n")[1]
        assert CJK.search(description), f"{command}: {description}"
        assert _english_left(text) == [], f"{command} --help left in English: {_english_left(text)}"


def test_english_help_speaks_english(capsys: pytest.CaptureFixture[str]) -> None:
    # Only the Chinese names users know may stand in it, in brackets: (三张清单), (卡点攻关).
    from chainmap.cli import COMMANDS

    terms = _glossary_terms()
    for argv in (["--help"], *([command, "--help"] for command in COMMANDS)):
        text = _help(capsys, "--lang", "en", *argv)
        assert text.startswith("usage: chainmap") and "options:" in text
        assert set(CJK.findall(text)) <= terms, (argv, set(CJK.findall(text)) - terms)


def test_the_system_language_decides_the_help_and_argparse_is_left_as_it_was() -> None:
    import argparse
    import gettext

    done = _run("validate", "--help", cwd=ROOT, lang="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：chainmap validate") and "要检查的图谱文件" in done.stdout
    done = _run("validate", cwd=ROOT, lang="zh_CN.UTF-8")
    assert done.returncode == 2
    assert "chainmap validate：错误：缺少以下必需参数：FILE" in done.stderr
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # main() restored it


def test_a_usage_error_in_chinese_leaves_argparse_english_for_others(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from chainmap.cli import main
    from chainmap.core.language import set_language

    try:
        with pytest.raises(SystemExit):
            main(["--lang", "zh_CN", "export", "--format", "zz", "x.json"])
    finally:
        set_language(None)
    assert "无效的选择：'zz'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="other").parse_args(["--bogus"])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_chinese_help_fits_the_terminal_by_columns(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # argparse counts a Chinese character as one column; a terminal gives it two.
    from chainmap.cli.help_language import columns

    monkeypatch.setenv("COLUMNS", "80")
    for command in ("export", "import", "layout", "merge"):
        text = _help(capsys, "--lang", "zh_CN", command, "--help")
        wide = [line for line in text.splitlines() if CJK.search(line) and columns(line) > 80]
        assert wide == [], wide
