"""The package ships every module, the schema, the fonts with their licence, and the examples."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAPPED = {"chainmap.resources": ROOT / "resources", "chainmap.examples": ROOT / "examples"}


def _folders(package: str, folder: Path) -> set[str]:
    found = {package}
    for path in folder.rglob("*"):
        if path.is_dir() and "__pycache__" not in path.parts:
            found.add(package + "." + ".".join(path.relative_to(folder).parts))
    return found


def test_packages_list_covers_every_folder() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    wanted = _folders("chainmap", ROOT / "chainmap")
    for package, folder in MAPPED.items():
        wanted |= _folders(package, folder)
    assert wanted - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


@pytest.mark.slow
def test_wheel_contains_schema_fonts_licence_and_examples(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("chainmap-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "chainmap/resources/schema/chainmap-1.schema.json" in names
    assert "chainmap/resources/fonts/LICENSE-OFL.txt" in names
    assert "chainmap/resources/i18n/chainmap_zh_CN.qm" in names and "chainmap/resources/i18n/chainmap_en.qm" in names
    assert any(n.startswith("chainmap/resources/fonts/") and n.endswith(".otf") for n in names)
    assert "chainmap/examples/vehicles.chainmap.json" in names
    assert "chainmap/examples/merge/vehicles-base.chainmap.json" in names
    assert "chainmap/cli/__init__.py" in names and "chainmap/core/model.py" in names
    code_packages = _folders("chainmap", ROOT / "chainmap")
    missing = {p for p in code_packages if p.replace(".", "/") + "/__init__.py" not in names}
    assert missing == set(), f"the wheel lacks these packages: {sorted(missing)}"
    assert "chainmap/core/merge/engine.py" in names and "chainmap/gui/canvas/view.py" in names
