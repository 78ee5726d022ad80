"""A size sweep of every step a user waits for, with the floors beside it (not a test).

    python tests/bench/bench_sweep.py [--sizes 1000,5000,20000] [--with-100k] [--repeat 3]
                                      [--steps load,validate,...] [--cache DIR] [--markdown]
                                      [--clock wall|cpu]

For each size the inputs are generated once (``sweep_steps.py generate``: the map with 1.6
links per segment, three regions' edited copies, the graph in DOT) and kept in ``--cache``.
Every step then runs ``--repeat`` times, each in a fresh Python process, timing only its work
(the imports happen before the clock); the table shows the median seconds, the peak memory of
the process (VmHWM) and each step's ratio to its floor:

- validate ÷ ``json.load`` of the same file; format ÷ ``json.load`` + ``json.dumps`` + write
  (the ``json_dumps`` row is all three);
- merge (three copies with a base) ÷ loading the four files and dumping one;
- layout (the algorithm alone) ÷ igraph's ``layout_sugiyama`` with the tiers as layers, and
  ÷ Graphviz ``dot -Tplain`` on the same graph (where installed);
- the editor's first frame ÷ ``validate``;
- the SVG's size ÷ Graphviz's SVG of the same positions and labels (``neato -n2 -Tsvg``: Graphviz
  draws the map where it stands, as our export does, rather than laying it out anew, which
  ``dot`` could not do for 100,000 segments within the hour).

``--clock cpu`` reports (and divides) each step's CPU seconds instead of its wall-clock
seconds: on a machine that other work shares, the wall clock of one run can vary threefold,
the CPU time much less. Steps without a CPU time (Graphviz, the editor) keep their wall clock.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STEPS_SCRIPT = HERE / "sweep_steps.py"
DEFAULT_SIZES = (1000, 5000, 20000)
BIG_SIZE = 100_000
STEPS = ("json_load", "json_dumps", "load", "validate", "format", "merge_floor", "merge", "layout_algo",
         "igraph", "dot", "layout", "png", "svg", "dot_svg", "editor")
# The steps that are floors, not chainmap's own work.
FLOORS = ("json_load", "json_dumps", "merge_floor", "igraph", "dot", "dot_svg")


def _step(step: str, folder: Path, size: int | None = None) -> dict[str, Any]:
    """One step in a fresh process; its result as ``sweep_steps.py`` wrote it."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_path = Path(handle.name)
    try:
        command = [sys.executable, str(STEPS_SCRIPT), step, str(folder), str(result_path)]
        if size is not None:
            command.append(str(size))
        finished = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        if finished.returncode != 0:
            tail = (finished.stderr or finished.stdout).strip().splitlines()[-5:]
            return {"error": " | ".join(tail) or f"exit {finished.returncode}"}
        return json.loads(result_path.read_text(encoding="utf-8"))
    finally:
        result_path.unlink(missing_ok=True)


def _graphviz(step: str, folder: Path) -> dict[str, Any]:
    """Graphviz as a floor: ``dot -Tplain`` lays out the tiers' graph; ``neato -n2 -Tsvg`` draws
    the labelled graph at the map's positions (the file size to compare our SVG with). Ten
    minutes at most."""
    if shutil.which("dot") is None or shutil.which("neato") is None:
        return {"error": "Graphviz is not installed"}
    out = folder / "out"
    out.mkdir(exist_ok=True)
    if step == "dot":
        command = ["dot", "-Tplain", str(folder / "tiers.dot"), "-o", str(out / "tiers.plain")]
        target = out / "tiers.plain"
    else:
        if not (folder / "positioned.dot").exists():  # a cache made before it was part of the inputs
            made = _step("positioned", folder)
            if "error" in made:
                return made
        command = ["neato", "-n2", "-Tsvg", str(folder / "positioned.dot"), "-o", str(out / "graphviz.svg")]
        target = out / "graphviz.svg"
    start = time.perf_counter()
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return {"error": "Graphviz took more than 10 minutes"}
    seconds = time.perf_counter() - start
    if finished.returncode != 0:
        return {"error": finished.stderr.strip()[-200:]}
    return {"work": seconds, "bytes": target.stat().st_size}


def measure(step: str, folder: Path, repeat: int, clock: str = "wall") -> dict[str, Any]:
    """The median of ``repeat`` runs of one step (and the largest peak memory); with ``clock``
    "cpu", of its CPU seconds where the step has them."""
    runs = []
    for _ in range(repeat):
        result = _graphviz(step, folder) if step in ("dot", "dot_svg") else _step(step, folder)
        if "error" in result:
            return result
        runs.append(result)
    summary: dict[str, Any] = dict(runs[-1])
    key = "cpu" if clock == "cpu" and all("cpu" in run for run in runs) else "work"
    summary["work"] = statistics.median(run[key] for run in runs)
    summary["hwm_kb"] = max(run.get("hwm_kb", 0) for run in runs)
    return summary


def _ratio(results: dict[str, dict[str, Any]], over: str, *under: str, key: str = "work") -> str:
    try:
        floor = sum(results[name][key] for name in under)
        return f"{results[over][key] / floor:.1f}×"
    except (KeyError, ZeroDivisionError, TypeError):
        return "–"


def table_rows(size: int, results: dict[str, dict[str, Any]]) -> list[list[str]]:
    """The table's rows for one size: step, seconds, peak MB, ratio to its floor."""
    ratios = {
        "validate": _ratio(results, "validate", "json_load"),
        "format": _ratio(results, "format", "json_dumps"),
        "merge": _ratio(results, "merge", "merge_floor"),
        "layout_algo": (f"{_ratio(results, 'layout_algo', 'igraph')} igraph, "
                        f"{_ratio(results, 'layout_algo', 'dot')} dot"),
        "editor": _ratio(results, "editor", "validate"),
        "svg": _ratio(results, "svg", "dot_svg", key="bytes") + " Graphviz's size",
    }
    rows = []
    for step, result in results.items():
        if "error" in result:
            rows.append([f"{size:,}", step, "failed", "", result["error"][:80]])
            continue
        extra = []
        if "bytes" in result and step in ("png", "svg", "dot_svg"):
            extra.append(f"{result['bytes'] / 1e6:.1f} MB file")
        if "aspect" in result:
            extra.append(f"aspect {result['aspect']:.2f}")
        if "docks" in result:
            extra.append(f"docks +{result['docks']:.1f} s")
        if "first_frame_kb" in result:
            extra.append(f"{result['first_frame_kb'] / 1024:.0f} MB at first frame")
        ratio = ratios.get(step, "floor" if step in FLOORS else "")
        peak = f"{result['hwm_kb'] / 1024:.0f}" if result.get("hwm_kb") else "–"
        rows.append([f"{size:,}", step, f"{result['work']:.2f}", peak,
                     "; ".join(filter(None, [ratio, *extra]))])
    return rows


def _print(rows: list[list[str]], markdown: bool) -> None:
    header = ["segments", "step", "seconds", "peak MB", "vs floor / notes"]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    """Generate the inputs, run the sweep and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--with-100k", action="store_true", help="add the 100,000-segment row")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "chainmap-sweep")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="time each step by the wall clock or by its CPU time (steadier when the machine is shared)")
    options = parser.parse_args(argv)
    sizes = [int(text) for text in options.sizes.split(",") if text]
    if options.with_100k and BIG_SIZE not in sizes:
        sizes.append(BIG_SIZE)
    steps = [step for step in options.steps.split(",") if step]
    unknown = sorted(set(steps) - set(STEPS))
    if unknown:
        parser.error(f"unknown steps: {', '.join(unknown)} (known: {', '.join(STEPS)})")
    everything: dict[str, Any] = {}
    rows: list[list[str]] = []
    for size in sizes:
        folder = options.cache / str(size)
        if not (folder / "map.chainmap.json").exists():
            folder.mkdir(parents=True, exist_ok=True)
            made = _step("generate", folder, size)
            if "error" in made:
                print(f"generating {size:,} segments failed: {made['error']}", file=sys.stderr)
                return 1
        results = {}
        for step in steps:
            # The editor and exports at 100k take minutes each: run them once.
            repeat = 1 if size >= BIG_SIZE or step == "editor" else options.repeat
            results[step] = measure(step, folder, repeat, options.clock)
            print(f"  {size:,} {step}: {results[step].get('work', results[step].get('error'))}",
                  file=sys.stderr, flush=True)
        everything[str(size)] = results
        rows.extend(table_rows(size, results))
    _print(rows, options.markdown)
    if options.json:
        options.json.write_text(json.dumps(everything, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
