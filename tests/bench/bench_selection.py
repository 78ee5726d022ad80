"""Benchmark: what selecting costs on a big map in the real main window (run by hand).

    python tests/bench/bench_selection.py --file MAP [--settle SECONDS]

Offscreen. Opens MAP in the main window, waits until the docks are filled and the event loop
is quiet, shows the map at 100 % around a segment, then, one after the other: clicks a segment,
clicks another, clicks a link, selects 100 segments at once (``canvas.select_refs``, as a rubber
band ends), and clicks empty canvas (nothing selected). For each it prints the time the action
itself took on the event loop (the click's press and release handlers, or the call) and the
longest stall of the event loop within the next 1.5 s (a 5 ms heartbeat; the action's own time
is inside it): how long a key press or a pan would have waited after the selection changed.
Wall-clock milliseconds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QPointF, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.gui.app import create_application, shutdown  # noqa: E402

WIDTH, HEIGHT = 1600, 1000
AFTER_MS = 1500


def _heartbeat_gaps(app, action, after_ms: int = AFTER_MS) -> tuple[float, float]:
    """Run ``action()`` from the event loop while a 5 ms timer beats; the action's own time
    and the longest gap between beats until ``after_ms`` later (ms)."""
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    took: list[float] = []
    loop = QEventLoop()

    def run() -> None:
        start = time.perf_counter()
        try:
            action()
        finally:
            took.append(time.perf_counter() - start)
            QTimer.singleShot(after_ms, loop.quit)

    heart.start()
    QTimer.singleShot(50, run)
    loop.exec()
    heart.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
    return took[0] * 1000, (max(gaps) * 1000 if gaps else float("nan"))


def _settle(app, seconds: float) -> float:
    """Let the event loop run until it has been quiet (no gap over 30 ms) for a second, at most
    ``seconds``; returns how long that took."""
    start = time.perf_counter()
    clock = QElapsedTimer()
    clock.start()
    last = quiet_since = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
        now = time.perf_counter()
        if now - last > 0.03:
            quiet_since = now
        last = now
        if now - quiet_since > 1.0:
            break
        time.sleep(0.002)
    return time.perf_counter() - start


def main() -> None:
    path = Path(sys.argv[sys.argv.index("--file") + 1])
    settle = float(sys.argv[sys.argv.index("--settle") + 1]) if "--settle" in sys.argv else 60.0
    folder = Path(tempfile.mkdtemp(prefix="chainmap-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application()
    from chainmap.gui.main_window import MainWindow

    window = MainWindow(restore_settings=False)
    window.files.set_loaded(load_map(path), path)
    loop = QEventLoop()
    window.canvas.first_painted.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    window.resize(WIDTH, HEIGHT)
    window.show()
    loop.exec()
    chain_map = window.document.chain_map
    docks = [panel for panel in window.panels if hasattr(panel, "document")]
    while any(dock.document is not window.document for dock in docks):
        app.processEvents()
    print(f"map: {len(chain_map.nodes)} segments, {len(chain_map.edges)} links")
    print(f"settled in {_settle(app, settle):.1f} s ({window.scene.items_pending} items still to make)")

    canvas = window.canvas
    viewport = canvas.viewport()
    leaves = [n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)]
    middle = leaves[len(leaves) // 2]
    canvas.zoom_actual()
    canvas.centerOn(QPointF(middle.x, middle.y))
    print(f"zoom to 100 % settled in {_settle(app, settle):.1f} s")
    visible = canvas.mapToScene(viewport.rect()).boundingRect()
    shown = sorted((n for n in leaves if visible.contains(QPointF(n.x, n.y))),
                   key=lambda n: (n.x - middle.x) ** 2 + (n.y - middle.y) ** 2)
    first, second = shown[0], shown[1]

    def click(scene_point: QPointF) -> None:
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         canvas.mapFromScene(scene_point))

    def centre(node) -> QPointF:
        item = window.scene.item_for("node", node.id)
        return item.sceneBoundingRect().center()

    link = next(e for e in chain_map.edges
                if e.source in {n.id for n in shown[:40]} and e.target in {n.id for n in shown[:200]})

    def link_point() -> QPointF:
        # The middle of the route's longest piece (routes may be made after the map is shown).
        points = window.scene.item_for("edge", link.id)._points
        (x1, y1), (x2, y2) = max(zip(points, points[1:], strict=False),
                                 key=lambda p: abs(p[1][0] - p[0][0]) + abs(p[1][1] - p[0][1]))
        return QPointF((x1 + x2) / 2, (y1 + y2) / 2)

    hundred = [("node", n.id) for n in leaves[:100]]
    rows = [
        ("click a segment", lambda: click(centre(first)), lambda: [("node", first.id)]),
        ("click another segment", lambda: click(centre(second)), lambda: [("node", second.id)]),
        ("click a link", lambda: click(link_point()), lambda: [("edge", link.id)]),
        ("select 100 segments", lambda: canvas.select_refs(hundred), lambda: hundred),
        ("click a segment again", lambda: click(centre(first)), lambda: [("node", first.id)]),
        ("click empty canvas", lambda: click(visible.topLeft() + QPointF(3, 3)), lambda: []),
    ]
    for label, action, expected in rows:
        took, stall = _heartbeat_gaps(app, action)
        got = sorted(window.document.selection)
        meant = sorted(expected())
        kinds_right = [kind for kind, _ in got] == [kind for kind, _ in meant]
        note = "" if got == meant else f"  (selected {got[:2]}{'' if kinds_right else ': not as meant'})"
        print(f"{label:24s} action {took:7.1f} ms   longest stall in the next {AFTER_MS / 1000:.1f} s "
              f"{stall:7.1f} ms{note}")
    window.document.undo_stack.setClean()
    shutdown(app)


if __name__ == "__main__":
    main()
