"""Benchmark: the chain analysis of a 5,000-segment, 8,000-link map (run on demand, never asserted).

Run: ``python tests/bench/bench_analysis.py [--segments 5000] [--links 8000] [--repeat 3]``.

The map is the canvas benchmark's synthetic chain (``tests/render/bigmap.py``: six tiers, links
mostly to the next tier, three regions with random statuses, some sub-segments). Printed, best of
``--repeat`` runs, wall-clock and processor time:

- each part of :class:`~chainmap.core.analysis.ChainAnalysis` on its own (graph, chokepoints,
  coverage and fill gains for every region and ``all``, betweenness, every segment's upstream
  and downstream, the three lists);
- the whole of ``analysis_data`` (what ``chainmap analyze --json`` prints), from a loaded map;
- ``chainmap analyze --json FILE`` in a fresh process, start-up and loading included;
- the editor's Analysis dock with the chokepoint badges on (``--recomputes`` edits, each followed
  by its recompute in the worker): the longest event-loop step from a result's arrival until the
  dock and the badges are updated (a 5 ms timer's largest gap: how long a keystroke could have
  waited), median and max. ``--dock-only`` prints only these (``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.analysis import ChainAnalysis, analysis_data, three_lists  # noqa: E402
from chainmap.core.format.serialize import dumps_map  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402


def _best(repeat: int, work: Callable[[], Any]) -> str:
    """The best wall-clock and processor times of ``repeat`` runs (processor time, of this process
    and its children, says more on a machine shared with other work)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - start_cpu)
    return f"{min(walls) * 1000:.0f} ms ({min(cpus) * 1000:.0f} ms of processor time)"


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _parts(chain_map: Any) -> dict[str, Callable[[], Any]]:
    def graph() -> Any:
        return ChainAnalysis(chain_map)

    def fresh(action: Callable[[ChainAnalysis], Any]) -> Callable[[], Any]:
        def run() -> Any:
            return action(ChainAnalysis(chain_map))
        return run

    return {
        "graph, sources and sinks": graph,
        "+ chokepoints": fresh(lambda c: c.chokepoints),
        "+ coverage and fill gains, 3 regions and all": fresh(
            lambda c: [(c.coverage(k), c.fill_gains(k)) for k in c.region_keys()]),
        "+ betweenness": fresh(lambda c: c.betweenness),
        "+ upstream and downstream of every segment": fresh(
            lambda c: c.every_upstream_and_downstream()),
        "three lists": lambda: three_lists(chain_map),
        "analysis_data, everything": lambda: analysis_data(ChainAnalysis(chain_map)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--links", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--recomputes", type=int, default=9, help="edits for the dock's figures (0: none)")
    parser.add_argument("--dock-only", action="store_true", help="only the Analysis dock's figures")
    args = parser.parse_args()
    if args.dock_only:
        _dock_figures(make_big_map(args.segments, args.links), args.recomputes)
        return
    chain_map = make_big_map(args.segments, args.links)
    chain = ChainAnalysis(chain_map)
    print(f"map: {len(chain_map.nodes):,} segments, {len(chain_map.edges):,} links; "
          f"{len(chain.sources):,} sources, {len(chain.sinks):,} sinks, {len(chain.chokepoints):,} chokepoints, "
          f"betweenness {'exact' if chain.betweenness.sample is None else f'from {chain.betweenness.sample}'}")
    for name, work in _parts(chain_map).items():
        print(f"  {name}: {_best(args.repeat, work)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.chainmap.json"
        path.write_bytes(dumps_map(chain_map))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "chainmap.cli", "analyze", "--json", str(path)]

        def cli() -> None:
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        print(f"  chainmap analyze --json (a fresh process, loading included): "
              f"{_best(args.repeat, cli)}")
    if args.recomputes:
        _dock_figures(chain_map, args.recomputes)


# ------------------------------------------------------------------------------ the dock
@dataclass(frozen=True)
class Probe:
    """One recompute seen from the event loop (ms): ``before``, the longest step from the
    request to the result's arrival; ``wall`` (and ``cpu``, the event loop thread's processor
    time in its longest step), the longest step from the arrival until the dock and the badges
    are updated, over ``steps`` steps and ``settle`` ms in all."""

    before: int
    before_cpu: float
    wall: int
    cpu: float
    steps: int
    settle: int

    def __str__(self) -> str:
        return (f"longest step {self.wall} ms ({self.cpu:.0f} ms of processor time), {self.steps} steps, "
                f"{self.settle} ms to settle")


def _dock_figures(chain_map: Any, recomputes: int) -> None:
    """The Analysis dock and the chokepoint badges on the event loop, at this map's size: the
    longest step between two ticks of a 5 ms timer (how long a keystroke could have waited)
    from a result's arrival to the dock and the badges fully updated, over ``recomputes`` edits
    (links of a chokepoint cut, put back, a segment renamed: the result changes, changes back,
    stays the same)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from chainmap.gui.docks.analysis import AnalysisDock
    from tests.bench.canvas_window import canvas_window

    app = QApplication.instance() or QApplication([])
    shown = canvas_window(chain_map)
    window, document, scene, canvas, overlay = (shown.window, shown.document, shown.scene, shown.canvas,
                                                shown.overlay)
    dock = AnalysisDock(document, overlay, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    clock = QElapsedTimer()
    clock.start()
    arrivals: list[int] = []
    dock.job.finished.connect(lambda _result: arrivals.append(clock.elapsed()))

    def settled() -> bool:  # the old dock had no ``updating``: it filled all in the arrival's step
        return not dock.job.busy and not dock._timer.isActive() and not getattr(dock, "updating", False)

    def scene_busy() -> bool:
        geometry = scene.sync.geometry
        return geometry.pending() or getattr(geometry.routes, "busy", False)

    def probe(edit: Callable[[], None]) -> Probe:
        """Make ``edit``, let the canvas settle (its rerouting is not the dock's), then ask the
        dock at once (no pause) and keep the loop going until it settled."""
        edit()
        dock._timer.stop()
        app.processEvents()
        scene.sync.geometry.routes.finish()  # the links routed now, rather than in idle slices
        deadline = time.monotonic() + 20
        while scene_busy() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)
        ticks: list[tuple[int, float]] = []
        for _ in range(10):
            app.processEvents()
        arrivals.clear()
        ticker = QTimer()
        ticker.setInterval(5)
        ticker.timeout.connect(lambda: ticks.append((clock.elapsed(), time.thread_time() * 1000)))
        ticker.start()
        ticks.append((clock.elapsed(), time.thread_time() * 1000))
        dock._request()
        while not settled():
            app.processEvents()
            time.sleep(0.001)
        done = clock.elapsed()
        for _ in range(3):
            app.processEvents()
        ticker.stop()
        arrival = arrivals[-1] if arrivals else done
        gaps = [(end - begin, cpu_end - cpu_begin, end)
                for (begin, cpu_begin), (end, cpu_end) in zip(ticks, ticks[1:], strict=False)]
        after = [(wall, cpu) for wall, cpu, end in gaps if end >= arrival]
        waiting = [(wall, cpu) for wall, cpu, end in gaps if end < arrival]
        longest_wait = max(waiting, default=(0, 0.0))
        return Probe(longest_wait[0], longest_wait[1],
                     max((wall for wall, _cpu in after), default=0), max((cpu for _wall, cpu in after), default=0.0),
                     len(after), done - arrival)

    def edit_cut() -> None:
        for edge in cut:
            chain_map.remove_edge(edge.id)

    def edit_restore() -> None:
        for edge in cut:
            chain_map.add_edge(edge)

    def edit_rename() -> None:
        node = chain_map.nodes[7]
        chain_map.update_node(node.id, name=node.name + "′")

    # The canvas makes a big map's items in idle batches once it is shown (its own pauses,
    # not the dock's): they are all made first.
    scene.items_of("node")  # (makes every item)
    dock.overlay_action.setChecked(True)
    first = probe(lambda: None)  # the first analysis, asked for when the overlay went on
    result = dock.result
    target = max(result.chokepoints, key=lambda row: len(row.sinks)).segment
    cut = [edge for edge in chain_map.edges if edge.source == target]
    print(f"Analysis dock, {len(result.chokepoints):,} chokepoints (badges), "
          f"{max((len(v) for v in result.fill_gains.values()), default=0):,} fill gains at most; the longest "
          f"event-loop step (ms) after the result arrives, until the dock and the badges are updated:")
    print(f"  first fill (dock shown, overlay on): {first}")
    edits = [("links of a chokepoint cut", edit_cut), ("links put back", edit_restore),
             ("a segment renamed (same result)", edit_rename)]
    rows: dict[str, list[Probe]] = {name: [] for name, _ in edits}
    for i in range(recomputes):
        name, edit = edits[i % len(edits)]
        rows[name].append(probe(edit))
    every = [run for runs in rows.values() for run in runs]
    for name, runs in [*rows.items(), (f"all {recomputes} recomputes", every)]:
        if runs:
            walls, cpus = [run.wall for run in runs], [run.cpu for run in runs]
            print(f"  {name}: longest step median {statistics.median(walls):.0f} ms, max {max(walls)} ms "
                  f"(processor time of the event loop's thread in a step: median {statistics.median(cpus):.0f} ms, "
                  f"max {max(cpus):.0f} ms); {max(run.steps for run in runs)} steps, "
                  f"{max(run.settle for run in runs)} ms to settle; before the result "
                  f"(the snapshot taken, the worker running): median {statistics.median(run.before for run in runs):.0f} ms, "
                  f"max {max(run.before for run in runs)} ms (the event loop's own processor time in that "
                  f"step: max {max(run.before_cpu for run in runs):.0f} ms)")
    dock.dispose()
    overlay.set_scene(None)
    canvas.detach()
    scene.dispose()
    window.close()


if __name__ == "__main__":
    main()
