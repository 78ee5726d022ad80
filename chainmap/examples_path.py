"""Locate the bundled example maps (``examples/<name>.chainmap.json``).

Qt-free, like :mod:`chainmap.resources_path`: the command line and the templates both
need the examples. An installed package carries them as package data in
``chainmap/examples``; a source checkout has them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXAMPLE_SUFFIX", "examples_dir", "example_path"]

EXAMPLE_SUFFIX = ".chainmap.json"
_PACKAGE_DIR = Path(__file__).parent

# Package data first, so an installed copy never reads a stray examples/ beside it.
_ROOTS = (
    _PACKAGE_DIR / "examples",  # installed as package data
    _PACKAGE_DIR.parent / "examples",  # source checkout (repo root)
)


def examples_dir() -> Path:
    """The directory holding the bundled examples.

    Raises:
        FileNotFoundError: if neither the installed nor the checkout location exists;
            the message lists both.
    """
    for root in _ROOTS:
        if root.is_dir():
            return root
    tried = ", ".join(str(root) for root in _ROOTS)
    raise FileNotFoundError(f"chainmap's examples directory not found; tried {tried}")


def example_path(name: str) -> Path:
    """The path of example ``name``: a slug (``vehicles``), a file name
    (``vehicles.chainmap.json``) or a relative path (``merge/base.chainmap.json``).

    Raises:
        FileNotFoundError: if there is no such example; the message says where it looked.
    """
    file_name = name if name.endswith(".json") else name + EXAMPLE_SUFFIX
    path = examples_dir() / file_name
    if not path.is_file():
        raise FileNotFoundError(f"chainmap has no example '{name}' (looked for {path})")
    return path
