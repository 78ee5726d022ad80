"""The fuzz runs: mutated maps, merges and exports, each case seeded on its own; what they
did and found is kept in a :class:`Findings`."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from chainmap.core.format.fileio import loads_map
from chainmap.core.model import ChainMap

from .cli_checks import check_commands
from .config import EXAMPLES, MERGE_COPIES, Budget, case_random, save_folder
from .export_checks import export_checked
from .findings import Findings
from .jsontext import DupDict
from .map_checks import check_map, load_checked
from .merge_checks import merge_case, read_sources
from .mutate_json import mutated_file


@dataclass
class Example:
    """A file the maps are mutated from: its path, data (to mutate) and map (to compare with)."""

    path: Path
    data: dict[str, object]
    map: ChainMap


def examples() -> list[Example]:
    """The six examples and the four merge copies."""
    out = []
    for path in [*EXAMPLES, *MERGE_COPIES]:
        raw = path.read_bytes()
        out.append(Example(path, json.loads(raw, object_pairs_hook=DupDict), loads_map(raw, str(path)).map))
    return out


def _keep(findings: Findings, before: int, case: str, files: dict[str, bytes]) -> None:
    if len(findings.items) > before:
        findings.inputs[case] = files


def run_maps(plan: Budget, folder: Path) -> Findings:
    """``plan.maps`` mutated maps through every step of :mod:`.map_checks` (and, for some, the
    command line)."""
    findings = Findings()
    sources = examples()
    start = time.perf_counter()
    for index in range(plan.maps):
        rng = case_random(plan.seed, "map", index)
        source = rng.choice(sources)
        raw, done = mutated_file(source.data, rng)
        case = f"map {index} (seed {plan.seed}, {source.path.name}: {'; '.join(done)})"
        before = len(findings.items)
        findings.counts["maps"] += 1
        chain_map = load_checked(raw, findings, case)
        if chain_map is not None:
            findings.counts["loaded"] += 1
            check_map(chain_map, source.map, rng, folder, findings, case, route=index % plan.routes_every == 0)
        if index % plan.commands_every == 0:
            path = folder / "fuzzed.chainmap.json"
            path.write_bytes(raw)
            check_commands(path, source.path, chain_map is not None, rng, findings, case,
                           route=index % (plan.commands_every * plan.routes_every) == 0)
            findings.counts["command runs"] += 1
        _keep(findings, before, case, {"fuzzed.chainmap.json": raw})
    findings.counts["seconds"] = round(time.perf_counter() - start)
    return findings


def run_merges(plan: Budget, folder: Path) -> Findings:
    """``plan.merges`` merge cases (:func:`.merge_checks.merge_case`)."""
    findings = Findings()
    sources = read_sources()
    start = time.perf_counter()
    for index in range(plan.merges):
        rng = case_random(plan.seed, "merge", index)
        findings.counts["merge cases"] += 1
        findings.counts["merges"] += merge_case(index, plan.seed, rng, sources, folder, findings,
                                                command=index % (plan.commands_every * 2) == 0)
    findings.counts["seconds"] = round(time.perf_counter() - start)
    return findings


def run_exports(plan: Budget, folder: Path) -> Findings:
    """``plan.exports`` mutated maps that load, drawn to PNG and SVG."""
    findings = Findings()
    sources = examples()
    index = 0
    while findings.counts["exported maps"] < plan.exports and index < plan.exports * 20:
        rng = case_random(plan.seed, "export", index)
        source = rng.choice(sources)
        raw, done = mutated_file(source.data, rng)
        index += 1
        try:
            chain_map = loads_map(raw).map
        except Exception:  # refusals are the map runs' business
            continue
        findings.counts["exported maps"] += 1
        export_checked(chain_map, folder, findings, f"export {index - 1} (seed {plan.seed}, {source.path.name}: "
                       f"{'; '.join(done)})")
    return findings


def report(findings: Findings, what: str, plan: Budget) -> str:
    """A line of counts (printed by the tests; ``pytest -s`` shows it), and the failing inputs
    saved to ``CHAINMAP_FUZZ_SAVE`` when set."""
    counts = ", ".join(f"{key} {value}" for key, value in findings.counts.items())
    folder = save_folder()
    if folder is not None and findings.inputs:
        for number, (case, files) in enumerate(findings.inputs.items()):
            case_folder = folder / f"{what}-{number:04d}"
            case_folder.mkdir(parents=True, exist_ok=True)
            (case_folder / "case.txt").write_text(case + "\n", encoding="utf-8")
            for name, data in files.items():
                (case_folder / re.sub(r"[^\w.-]", "_", name)).write_bytes(data)
    line = f"fuzz {what} (seed {plan.seed}): {counts}; {len(findings.items)} findings"
    print(line)
    return line
