"""Helpers for the interchange tests: the six examples, and export → import in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from chainmap.core.format import load_map
from chainmap.core.interchange import ImportResult, export_bytes, import_files
from chainmap.core.model import ChainMap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))
EXAMPLE_IDS = [path.name.split(".")[0] for path in EXAMPLES]


def example(name: str = "vehicles") -> ChainMap:
    """A bundled example map, loaded afresh."""
    return load_map(ROOT / "examples" / f"{name}.chainmap.json").map


def exported(chain_map: ChainMap, folder: Path, suffix: str, *, lang: str = "zh_CN", yed: bool = False,
             table: str = "segments", name: str = "map") -> Path:
    """Write ``chain_map`` as ``suffix`` into ``folder``; returns the file."""
    fmt = {"gv": "dot"}.get(suffix, suffix)
    path = folder / f"{name}.{suffix}"
    path.write_bytes(export_bytes(chain_map, fmt, lang=lang, yed=yed, table=table).data)
    return path


def imported(paths: list[Path], into: ChainMap | None = None, **options: object) -> ImportResult:
    """Import files (as strings, as the command line passes them)."""
    return import_files([str(p) for p in paths], into=into, **options)  # type: ignore[arg-type]


def messages(result: ImportResult) -> list[str]:
    """Every problem of an import as the user reads it."""
    return [problem.describe() for problem in result.problems]
