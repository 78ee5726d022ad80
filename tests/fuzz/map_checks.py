"""One fuzzed map file through everything that reads a map, in-process: load (parse, check,
build), validate, save (twice, to memory and to a file), diff, text conversion, info, lists,
analysis, layout (all and only new), routing, and random edits through the model."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

from chainmap.cli.cmd_info import summarise
from chainmap.cli.cmd_lists import lists_as_data
from chainmap.core.analysis import ALL_REGIONS, ChainAnalysis, analysis_data
from chainmap.core.diff import diff_maps
from chainmap.core.format.fileio import check_data, load_map, loads_map, parse_bytes, save_map
from chainmap.core.format.problems import MapFileError, MapLoadError, NewerVersionError
from chainmap.core.format.serialize import dumps_map
from chainmap.core.format.validate import validate_data
from chainmap.core.layout.engine import layout_map
from chainmap.core.merge.resolve import apply_resolution
from chainmap.core.model import ABSENT, ChainMap, ModelError
from chainmap.core.routing import route_map
from chainmap.core.textconv import map_lines

from .cli_checks import UNSAFE
from .findings import Findings
from .model_edits import edit_map


def load_checked(raw: bytes, findings: Findings, case: str) -> ChainMap | None:
    """Load ``raw`` step by step and as a whole; the two must agree, and a refusal must be clean."""
    source = "fuzzed.chainmap.json"
    data: Any = None
    parsed = False
    with findings.guard(case, "parse"):
        try:
            data = parse_bytes(raw, source)
            parsed = True
        except MapLoadError as exc:
            findings.check_clean_error(case, "parse", exc)
    if parsed:
        with findings.guard(case, "validate"):
            problems = validate_data(data)
            for problem in problems:
                if not problem.message.strip():
                    findings.add(case, "validate", f"an empty message at {problem.path!r}")
        with findings.guard(case, "check"):
            try:
                check_data(data, source)
            except (MapLoadError, NewerVersionError) as exc:
                findings.check_clean_error(case, "check", exc)
    with findings.guard(case, "load"):
        try:
            return loads_map(raw, source).map
        except MapLoadError as exc:
            findings.check_clean_error(case, "load", exc)
            findings.counts["refused"] += 1
            if parsed and "could not be built" in str(exc):
                findings.add(case, "load", f"validated but could not be built: {exc}"[:300], "load: validated, not built")
    return None


def check_map(chain_map: ChainMap, original: ChainMap, rng: random.Random, folder: Path, findings: Findings,
              case: str, *, route: bool) -> bytes | None:
    """Everything a loaded map must bear; returns its saved bytes."""
    saved: bytes | None = None
    with findings.guard(case, "save"):
        saved = dumps_map(chain_map)
        again = _reload(saved, findings, case, "save")
        if again is not None:
            if dumps_map(again) != saved:
                findings.add(case, "save", "saving the reloaded map gives other bytes")
            changes = diff_maps(chain_map, again)
            if changes:
                findings.add(case, "save", f"saving changed the map: {changes[0].describe()[:160]}", "save: changed")
        target = folder / "saved.chainmap.json"
        save_map(chain_map, target)
        if target.read_bytes() != saved:
            findings.add(case, "save", "the file saved differs from the bytes serialised")
        save_map(load_map(target).map, target)
        if target.read_bytes() != saved:
            findings.add(case, "save", "a second save writes other bytes")
    if saved is None:
        return None
    with findings.guard(case, "textconv"):
        for line in map_lines(chain_map):
            if "\n" in line or UNSAFE.search(line):
                findings.add(case, "textconv", f"a line a terminal would act on: {line[:80]!r}", "textconv: unsafe line")
    with findings.guard(case, "info"):
        json.dumps(summarise(chain_map), ensure_ascii=False)
    with findings.guard(case, "lists"):
        json.dumps(lists_as_data(chain_map), ensure_ascii=False)
    with findings.guard(case, "diff"):
        for a, b in ((original, chain_map), (chain_map, original)):
            for change in diff_maps(a, b):
                change.describe()
                json.dumps(change.to_json(), ensure_ascii=False)
    with findings.guard(case, "analyze"):
        analysis = ChainAnalysis(chain_map)
        json.dumps(analysis_data(analysis, regions=[*chain_map.region_codes(), ALL_REGIONS], segments=None))
    _check_layout(saved, findings, case, route=route)
    if chain_map.conflicts:
        resolve_all(loads_map(saved).map, rng, findings, case)
    with findings.guard(case, "model edits"):
        edited = loads_map(saved).map
        done = edit_map(edited, rng, "fz", rng.randint(1, 12))
        findings.counts["model edits"] += len(done)
        written = dumps_map(edited)
        reloaded = _reload(written, findings, case, f"model edits {done}")
        if reloaded is not None and dumps_map(reloaded) != written:
            findings.add(case, "model edits", f"after {done}: saving the reloaded map gives other bytes")
    return saved


def _reload(raw: bytes, findings: Findings, case: str, step: str) -> ChainMap | None:
    try:
        return loads_map(raw, "saved.chainmap.json").map
    except MapFileError as exc:
        findings.add(case, step, f"what was saved does not load: {exc}"[:400], f"{step.split(' [')[0]}: saved, not loaded")
        return None


def _check_layout(saved: bytes, findings: Findings, case: str, *, route: bool) -> None:
    for only_new in (True, False):
        step = "layout --only-new" if only_new else "layout"
        with findings.guard(case, step):
            chain_map = loads_map(saved).map
            before = {n.id: (n.x, n.y) for n in chain_map.nodes if n.x is not None and n.y is not None}
            layout_map(chain_map, only_new=only_new)
            for node in chain_map.nodes:
                if not (isinstance(node.x, (int, float)) and isinstance(node.y, (int, float))
                        and math.isfinite(node.x) and math.isfinite(node.y)):
                    findings.add(case, step, f"segment {node.id!r} left at ({node.x}, {node.y})", f"{step}: unplaced")
                elif only_new and node.id in before and before[node.id] != (node.x, node.y):
                    findings.add(case, step, f"segment {node.id!r} moved", f"{step}: moved a placed segment")
            _reload(dumps_map(chain_map), findings, case, step)
            if only_new and route:
                findings.counts["routed"] += 1
                with findings.guard(case, "route"):
                    route_map(chain_map)


def resolve_all(chain_map: ChainMap, rng: random.Random, findings: Findings, case: str) -> None:
    """Resolve every conflict with one of its values (or none), as a user picking in the
    Conflicts dock would; a refusal must be a :class:`ModelError`, and the map must then save
    and load."""
    with findings.guard(case, "resolve"):
        for conflict in list(chain_map.conflicts):
            if not any(c.id == conflict.id for c in chain_map.conflicts):
                continue  # made moot by an earlier choice
            choices = [v.value for v in conflict.values] + [ABSENT]
            try:
                apply_resolution(chain_map, conflict.id, rng.choice(choices))
                findings.counts["resolved"] += 1
            except ModelError as exc:
                findings.counts["resolution refused"] += 1
                if not str(exc).strip():
                    findings.add(case, "resolve", "refused with an empty message")
        _reload(dumps_map(chain_map), findings, case, "resolve")
