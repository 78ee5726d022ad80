"""Edit-commit benchmark: what confirming one edit costs the event loop on a big map (issue 14:
"nothing O(n) per keystroke"). Run by hand:

    python tests/bench/bench_edit_commit.py MAP [--charts-hidden] [--skip-move]

Opens the real main window offscreen on MAP (e.g. a saved 20,000-segment map), waits until
the docks are filled and the editor is idle (no event-loop gap over 20 ms for a second), shows
the statistics tab (the worst case: a hidden tab counts only when shown; ``--charts-hidden``
leaves the gaps tab in front), then makes 5 edits with the undo commands the inspector pushes
(rename, status change, move, rename, status change) and runs the timed autosave once. After
each it runs the event loop for 3 s with a 5 ms heartbeat timer and prints the command's own time, the longest gap between
beats (the command included) and the time until the loop settled (the end of the last gap
over 20 ms); then the median and the maximum. Wall clock. ``--skip-move`` leaves the move out
(at 100,000 segments its stall outlasts the 3 s, spilling into the next edit's figures).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.model import RegionEntry  # noqa: E402
from chainmap.gui.app import create_application, shutdown  # noqa: E402
from chainmap.gui.commands import change_node, move_items  # noqa: E402

GAP = 0.020  # seconds: a longer gap between 5 ms beats is a stall


def run_loop(seconds: float, action=None) -> tuple[float, float, float]:
    """Run the event loop ``seconds`` with a 5 ms heartbeat, calling ``action`` first; the
    action's own time, the longest gap and the time until the last gap over :data:`GAP` ended."""
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    heart.start()
    start = time.perf_counter()
    if action is not None:
        action()
    own = time.perf_counter() - start
    beats.insert(0, start)
    loop.exec()
    heart.stop()
    gaps = [(b - a, b) for a, b in zip(beats, beats[1:], strict=False)]
    longest = max((g for g, _ in gaps), default=own)
    longest = max(longest, own)
    settled = max([start + own, *(end for g, end in gaps if g > GAP)]) - start
    return own, longest, settled


def wait_idle(limit: float = 90.0) -> float:
    """Run the loop until one second passes with no gap over :data:`GAP`; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        _own, longest, _settled = run_loop(1.0)
        if longest <= GAP:
            break
    return time.perf_counter() - start


def autosave_due(autosaver) -> None:  # type: ignore[no-untyped-def]
    """What the autosave's 30 s timer calls, with work to write (after one the timer may
    have begun meanwhile)."""
    autosaver.wait()
    autosaver._changed(0)
    autosaver._autosave_due()
    assert autosaver._writing is not None


def main() -> None:
    path = Path(sys.argv[1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="chainmap-bench-"))
    app = create_application()
    from chainmap.gui.main_window import MainWindow

    window = MainWindow(restore_settings=False)
    window.files.set_loaded(load_map(path), path)
    window.resize(1600, 1000)
    window.show()
    print(f"settling after open: {wait_idle():.1f} s")
    from chainmap.gui.docks.statistics import install_charts

    charts = install_charts(window)
    if "--charts-hidden" not in sys.argv:
        charts.raise_()
    print(f"settling after the charts: {wait_idle():.1f} s  (statistics tab {'hidden' if '--charts-hidden' in sys.argv else 'shown'})")
    document = window.document
    chain_map = document.chain_map
    nodes = chain_map.nodes
    first, second = nodes[len(nodes) // 3], nodes[2 * len(nodes) // 3]
    code = chain_map.region_codes()[0]

    def status(node):
        regions = dict(node.regions)
        old = regions.get(code)
        regions[code] = RegionEntry("gap" if old is None or old.status != "gap" else "strong")
        return change_node(chain_map, node.id, regions=regions)

    edits = [
        ("rename", lambda: document.push(change_node(chain_map, first.id, name=first.name + "（改）"))),
        ("status change", lambda: document.push(status(first))),
        ("move", lambda: document.push(move_items(chain_map, {("node", first.id): (first.x + 60.0, first.y)}))),
        ("rename", lambda: document.push(change_node(chain_map, second.id, name=second.name + "（改）"))),
        ("status change", lambda: document.push(status(second))),
        ("autosave", lambda: autosave_due(window.autosaver)),
    ]
    if "--skip-move" in sys.argv:
        edits = [edit for edit in edits if edit[0] != "move"]
    print(f"map: {len(nodes)} segments, {len(chain_map.edges)} links")
    longest_all, settled_all = [], []
    for name, action in edits:
        own, longest, settled = run_loop(3.0, action)
        longest_all.append(longest)
        settled_all.append(settled)
        print(f"{name:14s} command {own * 1000:7.1f} ms   longest gap {longest * 1000:7.1f} ms   "
              f"settled after {settled * 1000:7.1f} ms")
    print(f"longest gap: median {statistics.median(longest_all) * 1000:.1f} ms, max {max(longest_all) * 1000:.1f} ms")
    print(f"settled:     median {statistics.median(settled_all) * 1000:.1f} ms, max {max(settled_all) * 1000:.1f} ms")
    document.undo_stack.setClean()
    shutdown(app)


if __name__ == "__main__":
    main()
