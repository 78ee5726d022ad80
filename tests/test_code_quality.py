"""ruff (lint) over the project and mypy over the whole package, as the tests' own judges."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed")
    return str(path)


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([_tool("ruff"), "check", "chainmap", "tests", "tools"], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_on_the_whole_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["chainmap"], "mypy checks every module of chainmap, not a part of it"
    result = subprocess.run([_tool("mypy")], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = int(result.stdout.split(" source file")[0].rsplit(" ", 1)[-1])
    assert checked >= sum(1 for _ in (ROOT / "chainmap").rglob("*.py")), result.stdout
