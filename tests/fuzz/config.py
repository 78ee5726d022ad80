"""How much the fuzz suite runs, from the environment, and the inputs it mutates.

- ``CHAINMAP_FUZZ_ITERATIONS``: how many mutated maps (default 260, the short run every
  ``pytest`` makes). Merges, commands and exports scale with it (see :class:`Budget`).
- ``CHAINMAP_FUZZ_SEED``: the seed (default 8); each case derives its own random generator from
  the seed, its kind and its number, so a finding names the case that reproduces it.
- ``CHAINMAP_FUZZ_SAVE``: a folder where the inputs of failing cases are written.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))
MERGE_COPIES = sorted((ROOT / "examples" / "merge").glob("*.chainmap.json"))
SHORT_ITERATIONS = 260
DEFAULT_SEED = 8


def _int_from_env(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {text!r}") from None


@dataclass(frozen=True)
class Budget:
    """How many cases of each kind one run makes."""

    maps: int
    seed: int

    @property
    def merges(self) -> int:
        """Merge cases: one for every six mutated maps (each merges its two or three copies in
        every order, with and without the base: 5 to 13 merges a case)."""
        return max(24, self.maps // 6)

    @property
    def commands_every(self) -> int:
        """Run the command line on every n-th mutated map (it reads and writes files)."""
        return 4

    @property
    def routes_every(self) -> int:
        """Route the links of every n-th loaded map (the router is the slowest step)."""
        return 10

    @property
    def exports(self) -> int:
        """Mutated maps exported to PNG and SVG (each needs a scene)."""
        return max(6, self.maps // 100)

    @property
    def is_long(self) -> bool:
        return self.maps > SHORT_ITERATIONS


def budget() -> Budget:
    """The run's budget, from ``CHAINMAP_FUZZ_ITERATIONS`` and ``CHAINMAP_FUZZ_SEED``."""
    return Budget(_int_from_env("CHAINMAP_FUZZ_ITERATIONS", SHORT_ITERATIONS),
                  _int_from_env("CHAINMAP_FUZZ_SEED", DEFAULT_SEED))


def case_random(seed: int, kind: str, index: int) -> random.Random:
    """The random generator of one case: the same seed, kind and number give the same case."""
    return random.Random(f"{seed}:{kind}:{index}")


def save_folder() -> Path | None:
    """Where to keep the inputs of failing cases (``CHAINMAP_FUZZ_SAVE``), if anywhere."""
    text = os.environ.get("CHAINMAP_FUZZ_SAVE", "").strip()
    return Path(text) if text else None
