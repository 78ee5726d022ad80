"""Merges of fuzzed copies: the merge copies of ``examples/merge`` (or copies of any example,
each given an owner), mutated at the JSON level where they still load and edited through the
model, merged in every order with and without the base (``merge_support.merge_findings``:
exceptions, invalid results, lost region facts, order dependence), the result saved and
reloaded, and now and then the ``merge`` command run on the same files."""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chainmap.core.format.fileio import load_map, loads_map
from chainmap.core.format.problems import MapFileError
from chainmap.core.format.serialize import dumps_map
from chainmap.core.merge.engine import MergeError, MergeInput, merge_maps
from chainmap.core.model import ChainMap, ModelError

from ..core.merge_support import merge_findings, mutate_copy
from .cli_checks import run_cli
from .config import EXAMPLES, MERGE_COPIES
from .findings import Findings
from .jsontext import DupDict, encode
from .map_checks import resolve_all
from .model_edits import edit_map
from .mutate_json import GENTLE, mutate_map


@dataclass
class Source:
    """A map to start copies from: its data (to mutate) and its owner (``None`` for a base)."""

    path: Path
    data: dict[str, Any]
    owner: str | None


def read_sources() -> tuple[list[Source], Source, list[Source]]:
    """The six examples, the merge base and the three regions' copies."""
    def read(path: Path) -> Source:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=DupDict)
        return Source(path, data, data.get("owner"))

    copies = [read(p) for p in MERGE_COPIES if "base" not in p.name]
    base = next(read(p) for p in MERGE_COPIES if "base" in p.name)
    return [read(p) for p in EXAMPLES], base, copies


MAP_ID = "fuzz-merge"  # every copy and base of a case: one map (a mutated id would only be refused)


def _load(value: Any, owner: str | None) -> ChainMap | None:
    if isinstance(value, dict):
        value = DupDict(value)
        value["id"] = MAP_ID
        value.pop("owner", None)
        if owner is not None:
            value["owner"] = owner
    try:
        return loads_map(encode(value), "copy.chainmap.json").map
    except MapFileError:
        return None


def _copy(start: Source, owner: str, rng: random.Random, done: list[str]) -> ChainMap:
    """A copy owned by ``owner``: JSON-mutated when that still loads, then edited through the model."""
    chain_map = None
    if rng.random() < 0.45:
        value, steps = mutate_map(start.data, rng, among=GENTLE)
        chain_map = _load(value, owner)
        if chain_map is not None:
            done.append(f"{owner} JSON: {'; '.join(steps)}")
    if chain_map is None:
        chain_map = _load(start.data, owner)
    assert chain_map is not None, f"{start.path} does not load"
    edits = mutate_copy(chain_map, rng, owner.lower(), rng.randint(0, 10))
    if rng.random() < 0.3:
        edits += edit_map(chain_map, rng, owner.lower() + "x", rng.randint(1, 4))
    done.append(f"{owner} edits: {', '.join(edits) or 'none'}")
    return chain_map


def _cross_parents(copies: list[ChainMap], rng: random.Random, done: list[str]) -> None:
    """Two copies each put one segment inside the other: a loop only the merge sees."""
    shared = [n.id for n in copies[0].nodes if all(c.has_node(n.id) for c in copies[1:2])]
    if len(shared) < 2:
        return
    a, b = rng.sample(shared, 2)
    try:
        copies[0].update_node(a, parent=b)
        copies[1].update_node(b, parent=a)
        done.append(f"parent loop across copies: {a} / {b}")
    except ModelError:
        pass


def _deep(depth: int, leaf: object) -> object:
    value: object = leaf
    for _ in range(depth):
        value = [value]
    return value


def _deep_values(copies: list[ChainMap], rng: random.Random, done: list[str]) -> None:
    """Copies give one unknown key values nested to the loader's limit that differ deep down
    (as a newer chainmap's extension data might): on a shared segment, or on the map itself."""
    shared = [n.id for n in copies[0].nodes if all(c.has_node(n.id) for c in copies)]
    on_map = rng.random() < 0.3 or not shared
    node_id = None if on_map else rng.choice(shared)
    depth = rng.choice([60, 90, 96, 97]) + (2 if on_map else 0)  # 3 levels above a segment's key, 1 above the map's
    for number, chain_map in enumerate(copies):
        value = _deep(depth, number if rng.random() < 0.7 else 0)
        if node_id is None:
            chain_map.extra["x-deep"] = value
        else:
            chain_map.update_node(node_id, extra={**chain_map.node(node_id).extra, "x-deep": value})
    done.append(f"values nested {depth} deep under 'x-deep' of {node_id or 'the map'}")


def _unrelated_maps(index: int, seed: int, rng: random.Random, examples: list[Source], findings: Findings) -> int:
    """Maps of different chains: refused with a sentence, then merged anyway (``force``): the
    result must validate and reload, whatever the order."""
    chosen = rng.sample(examples, rng.choice([2, 3]))
    maps = []
    for number, source in enumerate(chosen):
        value = DupDict(source.data)
        codes = [r["code"] for r in value.get("regions", ()) if isinstance(r, dict)]
        if codes and rng.random() < 0.7:
            value["owner"] = rng.choice(codes)
        chain_map = loads_map(encode(value), source.path.name).map
        mutate_copy(chain_map, rng, f"u{number}", rng.randint(0, 6))
        maps.append(chain_map)
    case = f"merge {index} (seed {seed}, unrelated maps: {', '.join(s.path.name for s in chosen)})"
    given = [MergeInput(m, f"copy-{i}.chainmap.json") for i, m in enumerate(maps)]
    with findings.guard(case, "merge unrelated maps"):
        try:
            merge_maps(given)
            findings.add(case, "merge unrelated maps", "maps with different ids merged without force")
        except MergeError as exc:
            if "ids differ" not in str(exc):
                findings.add(case, "merge unrelated maps", f"refused for another reason: {exc}"[:300])
        for order in (given, given[::-1]):
            result = merge_maps(order, base=maps[0] if rng.random() < 0.3 else None, force=True)
            saved = dumps_map(result.map)
            if dumps_map(loads_map(saved).map) != saved:
                findings.add(case, "merge unrelated maps", "the result saves to other bytes once reloaded")
    return 3


def merge_case(index: int, seed: int, rng: random.Random, sources: tuple[list[Source], Source, list[Source]],
               folder: Path, findings: Findings, *, command: bool) -> int:
    """One merge case; returns how many merges it made."""
    examples, merge_base, region_copies = sources
    if rng.random() < 0.08:
        return _unrelated_maps(index, seed, rng, examples, findings)
    done: list[str] = []
    if rng.random() < 0.5:
        base_source, starts = merge_base, {c.owner: c for c in region_copies if c.owner}
    else:
        base_source = rng.choice(examples)
        codes = [r["code"] for r in base_source.data.get("regions", ()) if isinstance(r, dict)]
        starts = {code: base_source for code in codes}
    base = _load(base_source.data, None)
    if base is not None and rng.random() < 0.25:
        value, steps = mutate_map(base_source.data, rng, among=GENTLE)
        mutated = _load(value, None)
        if mutated is not None:
            base, done = mutated, [f"base JSON: {'; '.join(steps)}"]
            base_source = Source(base_source.path, value, None)
            starts = {code: (start if start is not merge_base and start.owner else base_source)
                      for code, start in starts.items()}
    assert base is not None
    owners = rng.sample(sorted(starts), min(len(starts), rng.choice([2, 2, 3])))
    copies = [_copy(starts[owner], owner, rng, done) for owner in owners]
    if rng.random() < 0.2:
        _cross_parents(copies, rng, done)
    if rng.random() < 0.15:
        _deep_values(copies, rng, done)
    case = f"merge {index} (seed {seed}, {base_source.path.name}: {' | '.join(done)})"
    found = merge_findings(base, copies)
    for problem in found:
        findings.add(case, "merge", problem, "merge: " + problem.split(": ", 1)[-1][:100])
    with findings.guard(case, "merge: save and reload"):
        result = merge_maps([MergeInput(c, f"{c.owner}.chainmap.json") for c in copies], base=base)
        saved = dumps_map(result.map)
        resolve_all(loads_map(saved).map, rng, findings, case)
        try:
            if dumps_map(loads_map(saved).map) != saved:
                findings.add(case, "merge", "the merged map saves to other bytes once reloaded")
        except MapFileError as exc:
            findings.add(case, "merge", f"the merged map does not load: {exc}"[:400], "merge: result does not load")
    if command:
        _merge_command(copies, base, folder, rng, findings, case)
    return 2 * math.factorial(len(copies)) + 1


def _merge_command(copies: list[ChainMap], base: ChainMap, folder: Path, rng: random.Random, findings: Findings,
                   case: str) -> None:
    names = []
    for chain_map in copies:
        path = folder / f"{chain_map.owner}.chainmap.json"
        path.write_bytes(dumps_map(chain_map))
        names.append(str(path))
    base_path = folder / "base.chainmap.json"
    base_path.write_bytes(dumps_map(base))
    target = folder / "merged.chainmap.json"
    target.unlink(missing_ok=True)
    options = ["--base", str(base_path)] if rng.random() < 0.7 else []
    from .cli_checks import UNSAFE

    with findings.guard(case, "chainmap merge"):
        status, out, err = run_cli(["merge", *options, "-o", str(target), *names], tty=rng.random() < 0.5)
        if status not in (0, 1):
            findings.add(case, "chainmap merge", f"exit status {status}: {err[:300]!r}")
        for text in (out, err):
            if "Traceback" in text or UNSAFE.search(text):
                findings.add(case, "chainmap merge", "a traceback or a control character in its output")
        if status in (0, 1):
            try:
                load_map(target)
            except (MapFileError, MergeError) as exc:
                findings.add(case, "chainmap merge", f"wrote a map that does not load: {exc}"[:300])
