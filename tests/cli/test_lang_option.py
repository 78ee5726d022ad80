"""``chainmap --lang zh_CN|en`` overrides the system's language, before or after the command."""

from __future__ import annotations

import os
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
