"""The child side of ``bench_sweep.py``: one measured step in a fresh process (not a test).

    python tests/bench/sweep_steps.py STEP FOLDER RESULT.json [SIZE]

``generate`` writes FOLDER's inputs for SIZE segments (the map, three regions' edited copies,
the graph in DOT twice); ``positioned`` writes only the DOT with the map's positions (for
a cache made before it existed); every other step imports what it needs, then times only its work
(``time.perf_counter`` around it) and writes ``{"work": seconds, "cpu": seconds, "hwm_kb": peak,
...}`` to RESULT.json: ``cpu`` is the process's CPU time over the same work, steadier than the
wall clock on a shared machine. The peak is this process's own VmHWM (``ru_maxrss`` would
carry the parent's).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

MAP = "map.chainmap.json"
OWNERS = ("CN-BJ", "CN-TJ", "CN-HE")
COPIES = tuple(f"{owner}.chainmap.json" for owner in OWNERS)
TIERS_DOT = "tiers.dot"  # tiers as rank=same groups, fixed boxes (bench_layout.to_dot)
POSITIONED_DOT = "positioned.dot"  # labelled, at the map's own positions, for ``neato -n2``
LINKS_PER_SEGMENT = 1.6


def _peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def generate(folder: Path, size: int) -> dict[str, Any]:
    """The sweep's inputs: tests/render/bigmap's map (three regions, 1.6 links per segment,
    positioned in tier columns), bench_merge's three regions' copies (~5% edited each), DOT
    (the tiers' graph for ``dot``, the positioned one for ``neato -n2``)."""
    from bench_layout import to_dot as tiers_dot
    from bench_merge import region_copy

    from chainmap.core.format.fileio import save_map
    from chainmap.core.format.serialize import map_to_data
    from tests.render.bigmap import make_big_map

    base = make_big_map(size, round(size * LINKS_PER_SEGMENT))
    save_map(base, folder / MAP)
    for seed, (owner, name) in enumerate(zip(OWNERS, COPIES, strict=True), 1):
        save_map(region_copy(base, owner, seed), folder / name)
    (folder / TIERS_DOT).write_text(tiers_dot(map_to_data(base)), encoding="utf-8")
    write_positioned(folder)
    return {"segments": len(base.nodes), "links": len(base.edges), "bytes": (folder / MAP).stat().st_size}


def positioned_dot(data: dict[str, Any]) -> str:
    """The map (as plain data) for Graphviz at its own positions: ``neato -n2`` draws it as it
    is, with the segments' names as labels, boxes of the segments' size and the links' labels,
    so its SVG holds the same things as ours, placed the same (map units taken as points)."""
    from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph chain {",
             f'  node [shape=box, style=rounded, fontname="Noto Sans CJK SC", fixedsize=true, '
             f"width={SEGMENT_WIDTH / 72:.4g}, height={SEGMENT_HEIGHT / 72:.4g}];"]
    for node in data["nodes"]:
        if "x" in node and "y" in node:
            lines.append(f'  {quoted(node["id"])} [label={quoted(node["name"])}, pos="{node["x"]},{-node["y"]}!"];')
    for edge in data["edges"]:
        label = f" [label={quoted(edge['label'])}]" if edge.get("label") else ""
        lines.append(f"  {quoted(edge['from'])} -> {quoted(edge['to'])}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_positioned(folder: Path) -> dict[str, Any]:
    """Write FOLDER's map as :func:`positioned_dot`."""
    data = json.loads((folder / MAP).read_bytes())
    (folder / POSITIONED_DOT).write_text(positioned_dot(data), encoding="utf-8")
    return {"bytes": (folder / POSITIONED_DOT).stat().st_size}


_CPU: list[float] = []  # the CPU seconds of each timed work, for the result's "cpu"


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    cpu = time.process_time()
    start = time.perf_counter()
    value = work()
    seconds = time.perf_counter() - start
    _CPU.append(time.process_time() - cpu)
    return seconds, value


def _cli(arguments: list[str], modules: tuple[str, ...] = (), ok: tuple[int, ...] = (0,)) -> dict[str, Any]:
    """``chainmap ARGUMENTS`` run in this process; the command's modules imported before the clock."""
    import chainmap.cli as cli

    for name in (cli.COMMANDS[arguments[0]], *modules):
        importlib.import_module(name)
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        work, code = _timed(lambda: cli.main(arguments))
    if code not in ok:
        raise SystemExit(f"chainmap {' '.join(arguments)} exited {code}:\n{said.getvalue()}")
    return {"work": work, "exit": code}


def _aspect(path: Path) -> float:
    """Width / height of the laid-out segments' bounding box (their own boxes)."""
    from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH

    nodes = [n for n in json.loads(path.read_bytes())["nodes"] if "x" in n and "y" in n]
    xs = [float(n["x"]) for n in nodes]
    ys = [float(n["y"]) for n in nodes]
    return (max(xs) - min(xs) + SEGMENT_WIDTH) / (max(ys) - min(ys) + SEGMENT_HEIGHT)


def _json_floor(inputs: list[Path], out: Path | None) -> dict[str, Any]:
    """``json.load`` of each input, then (given ``out``) the first one dumped and written as
    chainmap writes a map (indent 2, UTF-8 as is, final newline; no fsync)."""

    def work() -> None:
        loaded = []
        for path in inputs:
            with open(path, "rb") as handle:
                loaded.append(json.load(handle))
        if out is None:
            return
        text = json.dumps(loaded[0], ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        out.write_bytes(text.encode("utf-8"))

    return {"work": _timed(work)[0]}


def _editor(folder: Path) -> dict[str, Any]:
    """As bench_editor.py: from the start of loading the file to the canvas's first paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from chainmap.core.format.fileio import load_map
    from chainmap.gui.app import create_application, shutdown

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = create_application()
    from chainmap.gui.main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(restore_settings=False)
    window.files.set_loaded(load_map(folder / MAP), folder / MAP)
    painted: list[float] = []
    loop = QEventLoop()
    window.canvas.first_painted.connect(lambda: painted.append(time.perf_counter()))
    window.canvas.first_painted.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)
    window.resize(1600, 1000)
    window.show()
    loop.exec()
    if not painted:
        raise SystemExit("the editor never painted its first frame")
    first_kb = _peak_kb()
    settle = time.perf_counter()
    docks = [panel for panel in window.panels if hasattr(panel, "document")]
    while any(dock.document is not window.document for dock in docks) and time.perf_counter() - settle < 300:
        app.processEvents()
    docks_filled = time.perf_counter() - settle
    window.document.undo_stack.setClean()
    shutdown(app)
    return {"work": painted[0] - start, "first_frame_kb": first_kb, "docks": docks_filled}


def _layout_algorithm(folder: Path) -> dict[str, Any]:
    """``compute_layout`` alone on the loaded map (load and save not timed)."""
    from chainmap.core.format.fileio import load_map
    from chainmap.core.layout.engine import compute_layout

    chain_map = load_map(folder / MAP).map
    return {"work": _timed(lambda: compute_layout(chain_map))[0]}


def _igraph(folder: Path) -> dict[str, Any]:
    """python-igraph's ``layout_sugiyama`` with the tiers as layers (building the graph not timed)."""
    import igraph

    data = json.loads((folder / MAP).read_bytes())
    tier_index = {tier["id"]: i for i, tier in enumerate(data["tiers"])}
    index = {node["id"]: i for i, node in enumerate(data["nodes"])}
    graph = igraph.Graph(n=len(index), edges=[(index[e["from"]], index[e["to"]]) for e in data["edges"]],
                         directed=True)
    layers = [tier_index[node["tier"]] for node in data["nodes"]]
    return {"work": _timed(lambda: graph.layout_sugiyama(layers=layers))[0]}


def run_step(step: str, folder: Path) -> dict[str, Any]:
    """Run one step on FOLDER's inputs; see bench_sweep.STEPS for what each one is."""
    out = folder / "out"
    out.mkdir(exist_ok=True)
    the_map = str(folder / MAP)
    export_modules = ("PySide6.QtWidgets", "chainmap.render.export", "chainmap.render.fonts")
    if step == "load":
        from chainmap.core.format.fileio import load_map

        return {"work": _timed(lambda: load_map(the_map))[0]}
    if step == "validate":
        return _cli(["validate", "-q", the_map])
    if step == "format":
        return _cli(["format", the_map, "-o", str(out / "formatted.chainmap.json")])
    if step == "layout":
        laid_out = out / "laid-out.chainmap.json"
        result = _cli(["layout", the_map, "-o", str(laid_out)])
        return {**result, "aspect": _aspect(laid_out)}
    if step == "layout_algo":
        return _layout_algorithm(folder)
    if step == "merge":
        copies = [str(folder / name) for name in COPIES]
        # Exit 1 says conflicts were recorded in the result: a merge that worked.
        return _cli(["merge", "--base", the_map, *copies, "-o", str(out / "merged.chainmap.json")], ok=(0, 1))
    if step in ("png", "svg"):
        target = out / f"export.{step}"
        result = _cli(["export", the_map, "-o", str(target), "-q"], modules=export_modules)
        return {**result, "bytes": target.stat().st_size}
    if step == "editor":
        return _editor(folder)
    if step == "json_load":
        return _json_floor([Path(the_map)], None)
    if step == "json_dumps":
        return _json_floor([Path(the_map)], out / "dumped.json")
    if step == "merge_floor":
        return _json_floor([Path(the_map), *(folder / name for name in COPIES)], out / "dumped.json")
    if step == "igraph":
        return _igraph(folder)
    raise SystemExit(f"sweep_steps.py: unknown step {step!r}")


def main(argv: list[str]) -> int:
    """Run ``STEP FOLDER RESULT.json [SIZE]`` and write the result as JSON."""
    step, folder, result_path = argv[0], Path(argv[1]), Path(argv[2])
    if step == "generate":
        result = generate(folder, int(argv[3]))
    elif step == "positioned":
        result = write_positioned(folder)
    else:
        result = run_step(step, folder)
    if step not in ("generate", "positioned") and len(_CPU) == 1:
        result["cpu"] = _CPU[0]
    result["hwm_kb"] = _peak_kb()
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
