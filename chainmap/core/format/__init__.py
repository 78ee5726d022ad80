"""The file format (version 1): plain data ↔ model, validation, reading and writing files.

- :mod:`.keys`: the format's key lists (top level, items, value objects), one home for
  serialize, validate and resolve.
- :mod:`.serialize`: plain data (what ``json`` reads and writes) ↔ :class:`~chainmap.core.model.ChainMap`,
  in the canonical key order.
- :mod:`.validate` (with :mod:`.validate_items`): every check of format version 1 on parsed data.
- :mod:`.fileio`: loading and saving map files (atomic saves, the loader's refusals);
  :mod:`.savetarget` what a save may replace; :mod:`.json_keys` keys a JSON object holds twice.
- :mod:`.problems` and :mod:`.problem_wording`: what a check found, and how it is worded.

The public names are re-exported here: ``from chainmap.core.format import load_map``.
"""

from __future__ import annotations

from .fileio import LoadResult, load_map, loads_map, save_map, write_atomic
from .problems import MapFileError, MapLoadError, MapSaveError, NewerVersionError, Problem
from .serialize import dumps_map, map_from_data, map_to_data
from .validate import validate_data

__all__ = [
    "LoadResult",
    "MapFileError",
    "MapLoadError",
    "MapSaveError",
    "NewerVersionError",
    "Problem",
    "dumps_map",
    "load_map",
    "loads_map",
    "map_from_data",
    "map_to_data",
    "save_map",
    "validate_data",
    "write_atomic",
]
