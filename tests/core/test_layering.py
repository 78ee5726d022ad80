"""The core never imports Qt, and the command line's Qt-free commands run without it."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import chainmap.core

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "vehicles.chainmap.json"

# A meta-path finder that makes every Qt binding unimportable in the child process.
BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'pyqtgraph'):
            raise ImportError(f'{name} is blocked in this test')
        return None
sys.meta_path.insert(0, _NoQt())
"""


def _run_without_qt(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", BLOCK_QT + code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_every_core_module_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(chainmap.core.__path__, "chainmap.core.")]
    assert "chainmap.core.model" in modules and "chainmap.core.format.fileio" in modules
    assert "chainmap.core.merge.engine" in modules and "chainmap.core.layout.place_new" in modules
    code = "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "assert not any(k.startswith('PySide6') for k in sys.modules)\nprint('ok')"
    result = _run_without_qt(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", str(EXAMPLE)],
        ["info", str(EXAMPLE)],
        ["lists", str(EXAMPLE)],
        ["format", str(EXAMPLE), "-o", "-"],
        ["--help"],
    ],
)
def test_qt_free_commands_run_where_qt_cannot_be_imported(argv: list[str]) -> None:
    if not EXAMPLE.exists():
        pytest.skip("examples not generated")
    result = _run_without_qt(f"from chainmap.cli import main\nraise SystemExit(main({argv!r}))")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_import_linter_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint_imports).exists():
        pytest.skip("import-linter is not installed")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([lint_imports], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken" in result.stdout
