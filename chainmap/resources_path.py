"""Locate chainmap's bundled, read-only resources (fonts, schemas, ...).

Qt-free on purpose: the CLI and core code may need resources too, and must not
pull in PySide6 just to find a file.

Two layouts are supported:

* installed package: resources shipped as package data in
  ``<site-packages>/chainmap/resources/...``;
* source checkout: resources at the repository root, ``<repo>/resources/...``,
  next to the ``chainmap/`` package directory.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_roots", "resource_path"]

_PACKAGE_DIR = Path(__file__).parent

# Order matters: package data wins, so an installed copy never picks up a
# stray ``resources/`` directory that happens to sit next to it (for example
# one in site-packages belonging to some other distribution) when its own
# copy has the file.
_ROOTS = (
    _PACKAGE_DIR / "resources",  # installed as package data
    _PACKAGE_DIR.parent / "resources",  # source checkout (repo root)
)


def resource_roots() -> list[Path]:
    """Return the candidate ``resources`` directories, most preferred first.

    Only directories that exist are returned; the list may be empty.
    """
    return [root for root in _ROOTS if root.is_dir()]


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource_path("fonts")``.

    Tries ``chainmap/resources/<parts>`` (installed package data) first, then
    ``<repo root>/resources/<parts>`` (source checkout), and returns the first
    one that exists.  With no *parts* the resources directory itself is
    returned.

    Raises:
        FileNotFoundError: if the resource exists in neither location.  The
            message lists every path that was tried, which is what you need
            when packaging forgot to include the data files.
    """
    candidates = [root.joinpath(*parts) for root in _ROOTS]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"chainmap resource {'/'.join(parts) or '.'!r} not found; tried {tried}")
