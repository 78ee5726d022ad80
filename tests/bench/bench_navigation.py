"""Benchmark: finding your way on a 5,000-segment map in the editor (run on demand, never asserted).

Run: ``QT_QPA_PLATFORM=offscreen python tests/bench/bench_navigation.py [--segments 5000] [--links 8000]``.

Printed:

- the Analysis dock's recompute: the snapshot taken on the event loop, the analysis in the
  worker thread, and how long the event loop went without running meanwhile (a 5 ms timer's
  largest gap: how long a keystroke could have waited), next to the same analysis run on the
  event loop itself;
- Find: the pinyin warm-up's steps (largest), and searches once warm;
- the filter, a trace, and a repaint of the navigator.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from chainmap.core.analysis.filters import SegmentFilter  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402


def _stalls_while(app: QApplication, busy, start) -> tuple[int, int]:
    """Run ``start()`` and keep the event loop going until ``busy()`` is false: the largest gap
    between the ticks of a 5 ms timer (how long a keystroke could have waited), and how many
    gaps were longer than 50 ms."""
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    for _ in range(10):  # whatever was pending (a repaint of the canvas) is not counted
        app.processEvents()
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    last[0] = clock.elapsed()
    start()
    while busy():
        app.processEvents()
        time.sleep(0.001)
    for _ in range(5):
        app.processEvents()
    ticker.stop()
    return max(gaps or [0]), sum(1 for gap in gaps if gap > 50)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--links", type=int, default=8000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])

    from chainmap.gui.docks.analysis import AnalysisDock
    from chainmap.gui.docks.analysis_job import Snapshot, compute
    from chainmap.gui.docks.filter import FilterDock
    from chainmap.gui.docks.navigator import NavigatorDock
    from chainmap.gui.find_bar import FindBar
    from chainmap.gui.trace import Trace
    from tests.bench.canvas_window import canvas_window

    chain_map = make_big_map(args.segments, args.links)
    print(f"map: {len(chain_map.nodes):,} segments, {len(chain_map.edges):,} links")
    shown = canvas_window(chain_map)
    window, document, scene, canvas, overlay = (shown.window, shown.document, shown.scene, shown.canvas,
                                                shown.overlay)
    app.processEvents()

    dock = AnalysisDock(document, overlay, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    app.processEvents()
    dock.job.wait()
    dock.overlay_action.setChecked(True)
    dock.job.wait()
    start = time.perf_counter()
    compute(Snapshot.of(chain_map))
    inline = time.perf_counter() - start
    gap, long_gaps = _stalls_while(app, lambda: dock.job.busy or dock._timer.isActive(), dock._request)
    result = dock.result
    print(f"Analysis dock: snapshot on the event loop {dock.job.last_snapshot_seconds * 1000:.0f} ms; "
          f"analysis in the worker {result.seconds:.2f} s ({len(result.chokepoints)} chokepoints)")
    print(f"  meanwhile the event loop's largest gap: {gap} ms ({long_gaps} gaps over 50 ms; the lists and "
          f"the chart shown when the result comes included)")
    ran: list[bool] = []

    def inline_run() -> None:
        compute(Snapshot.of(chain_map))
        ran.append(True)

    gap, long_gaps = _stalls_while(app, lambda: not ran, lambda: QTimer.singleShot(20, inline_run))
    print(f"  the same analysis on the event loop ({inline:.2f} s) would stall it: largest gap {gap} ms")

    bar = FindBar(canvas, overlay)
    start = time.perf_counter()
    bar.set_document(document)
    steps: list[float] = []
    step = bar.warmer._step

    def timed_step() -> None:
        begin = time.perf_counter()
        step()
        steps.append(time.perf_counter() - begin)

    bar.warmer._timer.timeout.disconnect()
    bar.warmer._timer.timeout.connect(timed_step)
    bar.warmer.start(chain_map)  # at once, rather than a moment after the map is shown
    while not bar.warmer.done:
        app.processEvents()
        time.sleep(0.002)
    print(f"Find: pinyin warm-up {time.perf_counter() - start:.1f} s in {len(steps)} steps, the largest "
          f"{max(steps) * 1000:.0f} ms")
    for query in ("dldc", "电池", "zzqq"):
        bar.field.setText(query)
        begin = time.perf_counter()
        bar.search()
        print(f"  search {query!r}: {len(bar.hits)} hits in {(time.perf_counter() - begin) * 1000:.0f} ms "
              f"(outlines included)")
    bar.close_bar()

    filters = FilterDock(document, overlay, window)
    begin = time.perf_counter()
    filters.set_filter(SegmentFilter(region="CN-TJ", statuses=frozenset({"weak", "gap"})))
    print(f"Filter weak or gap in CN-TJ: {len(overlay.faded_ids()):,} faded in "
          f"{(time.perf_counter() - begin) * 1000:.0f} ms")
    begin = time.perf_counter()
    filters.clear()
    print(f"  cleared in {(time.perf_counter() - begin) * 1000:.0f} ms")

    trace = Trace(overlay, window)
    trace.set_document(document)
    target = chain_map.nodes[-1].id  # in the last tier: much of the map is upstream
    begin = time.perf_counter()
    trace.trace("upstream", target)
    print(f"Trace upstream: {len(trace.kept) - 1:,} segments in {(time.perf_counter() - begin) * 1000:.0f} ms")
    trace.clear()

    navigator = NavigatorDock(canvas, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, navigator)
    navigator.set_document(document)
    app.processEvents()
    times = []
    for _ in range(5):
        navigator.view.viewport().repaint()  # the overview's batches gathered again on the first
        begin = time.perf_counter()
        navigator.view.viewport().repaint()
        times.append(time.perf_counter() - begin)
        scene.select_refs([("node", chain_map.nodes[len(times)].id)])
        app.processEvents()
    print(f"Navigator repaint: {min(times) * 1000:.1f} ms (batches kept), after a selection change "
          f"gathered again within the first repaint")
    dock.dispose()
    overlay.set_scene(None)
    canvas.detach()
    scene.dispose()


if __name__ == "__main__":
    main()
