"""Package exports imported on first use, so importing one module of a package stays cheap.

A package lists its public names and the module each lives in; ``from chainmap.gui.docks import
GapsDock`` then imports only ``docks/gaps.py``, not the statistics dock and pyqtgraph beside it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, table: dict[str, str]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` for ``package`` that imports ``name`` from ``table[name]``."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
