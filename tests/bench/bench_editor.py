"""Editor benchmark: the real main window on a 5,000-segment, 8,000-link map (run by hand).

    python tests/bench/bench_editor.py [SEGMENTS LINKS] [--file MAP] [--no-drag]

``--file`` opens an existing map (e.g. one saved earlier: generating 100,000 segments takes
minutes) instead of generating one. Sizes of issue 14: 5000 8000, 20000 32000, 100000 160000.

Offscreen. Prints the time to the first shown frame (from the start of loading the file to
the canvas's first paint), the time the docks then take to fill (right after that frame), a
full-view redraw and a zoomed-in redraw of the canvas (the view rendered into an image,
median of several), the longest stall of the event loop while the view pans and zooms
(``scale``/``centerOn`` steps 30 ms apart, across the overview's zoom threshold, measured by
a 5 ms heartbeat timer), a drag of 100 selected segments (building and pushing the move command
and the scene catching up, on release) and the peak memory.
Also ``chainmap validate`` on the same file, the floor the first frame is compared with.
Targets (issue 14): first frame within 4× validate and under 600 MB at 20,000 segments; under
25 s and 3 GB at 100,000; no stall over 100 ms while panning and zooming.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QPointF, QRectF, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from chainmap.core.format.fileio import load_map, save_map  # noqa: E402
from chainmap.gui.app import create_application, shutdown  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402

WIDTH, HEIGHT = 1600, 1000


def _redraw(canvas, image: QImage) -> float:
    image.fill(QColor("white"))
    painter = QPainter(image)
    start = time.perf_counter()
    canvas.render(painter, QRectF(image.rect()), canvas.viewport().rect())
    elapsed = time.perf_counter() - start
    painter.end()
    return elapsed


def _move(viewport, pos: QPoint) -> None:
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def _validate_seconds(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "chainmap.cli", "validate", str(path)], check=True,
                   capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pan_and_zoom(app, canvas, chain_map) -> tuple[float, int]:
    """Pan and zoom by script, 30 ms apart; the longest gap (ms) between beats of a 5 ms
    heartbeat, and how many steps ran. Prints the longest gap of each kind of step (the step
    last started before the gap ended)."""
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    nodes = chain_map.nodes
    middle = nodes[len(nodes) // 2]
    steps: list = []
    centre = QPointF(middle.x, middle.y)
    kinds: list[str] = []
    steps.append(lambda: (canvas.zoom_actual(), canvas.centerOn(centre)))
    kinds.append("zoom to 100 %")
    for i in range(1, 25):  # pan right and down at 100 %
        steps.append(lambda i=i: canvas.centerOn(centre + QPointF(i * 250.0, i * 120.0)))
        kinds.append("pan at 100 %")
    for _ in range(12):  # zoom out past the overview threshold, then back in
        steps.append(lambda: canvas.scale(0.8, 0.8))
        kinds.append("zoom out")
    for i in range(12):  # pan while far out
        steps.append(lambda i=i: canvas.centerOn(centre + QPointF(-i * 2000.0, i * 1500.0)))
        kinds.append("pan far out")
    for _ in range(12):
        steps.append(lambda: canvas.scale(1.25, 1.25))
        kinds.append("zoom in")
    for i in range(24):  # pan at 100 % somewhere else
        steps.append(lambda i=i: canvas.centerOn(centre + QPointF(-24000.0 + i * 300.0, 18000.0 - i * 150.0)))
        kinds.append("pan at 100 % elsewhere")
    loop = QEventLoop()
    queue = list(zip(steps, kinds, strict=True))
    started: list[tuple[float, str]] = []

    def next_step() -> None:
        if not queue:
            loop.quit()
            return
        step, kind = queue.pop(0)
        started.append((time.perf_counter(), kind))
        step()
        QTimer.singleShot(30, next_step)

    heart.start()
    QTimer.singleShot(30, next_step)
    loop.exec()
    heart.stop()
    gaps = [(b - a, b) for a, b in zip(beats, beats[1:], strict=False)]
    longest: dict[str, float] = {}
    for gap, end in gaps:
        kind = next((k for t, k in reversed(started) if t < end), "before the first step")
        longest[kind] = max(longest.get(kind, 0.0), gap)
    print("  longest gap by step: " + ", ".join(f"{kind} {gap * 1000:.0f} ms" for kind, gap in longest.items()))
    return (max(gap for gap, _end in gaps) * 1000 if gaps else float("nan")), len(steps)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    given = sys.argv[sys.argv.index("--file") + 1] if "--file" in sys.argv else None
    if given is not None:
        args.remove(given)
    segments = int(args[0]) if args else 5000
    links = int(args[1]) if len(args) > 1 else 8000
    folder = Path(tempfile.mkdtemp(prefix="chainmap-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    if given is not None:
        path = Path(given)
    else:
        path = folder / "big.chainmap.json"
        save_map(make_big_map(segments, links), path)
    validate = _validate_seconds(path)
    app = create_application()
    from chainmap.gui.main_window import MainWindow

    # ---------------------------------------------------------- first frame
    start = time.perf_counter()
    result = load_map(path)
    loaded = time.perf_counter()
    window = MainWindow(restore_settings=False)
    window.files.set_loaded(result, path)
    built = time.perf_counter()
    painted: list[float] = []
    # A local loop: QApplication.quit() would close the window too.
    loop = QEventLoop()
    window.canvas.first_painted.connect(lambda: painted.append(time.perf_counter()))
    window.canvas.first_painted.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    window.resize(WIDTH, HEIGHT)
    window.show()
    loop.exec()
    first = (painted[0] if painted else float("nan")) - start
    chain_map = window.document.chain_map
    print(f"map: {len(chain_map.nodes)} segments, {len(chain_map.edges)} links ({path.stat().st_size // 1024} KB)")
    print(f"load file:                {(loaded - start) * 1000:8.0f} ms")
    print(f"window + scene:           {(built - loaded) * 1000:8.0f} ms")
    print(f"first shown frame:        {first * 1000:8.0f} ms   ({first / validate:.1f}× validate; target ≤ 4×)")
    print(f"chainmap validate:        {validate * 1000:8.0f} ms   (same file, own process)")
    print(f"peak memory at it:        {_peak_mb():8.0f} MB")
    # A big map's docks (lists of every segment) are filled right after the first frame:
    # let that happen here, so it is neither hidden nor counted in what follows.
    settle_start = time.perf_counter()
    docks = [panel for panel in window.panels if hasattr(panel, "document")]
    while (any(dock.document is not window.document for dock in docks)
           and time.perf_counter() - settle_start < 30):
        app.processEvents()
    app.processEvents()
    print(f"docks filled after it:    {(time.perf_counter() - settle_start) * 1000:8.0f} ms")
    stall, steps = pan_and_zoom(app, window.canvas, chain_map)
    print(f"pan and zoom:             {stall:8.1f} ms longest event-loop stall over {steps} steps   target < 100"
          f"  ({window.scene.items_pending} items still to make)")
    if "--no-drag" in sys.argv:
        print(f"peak memory (maxrss):     {_peak_mb():8.0f} MB")
        window.document.undo_stack.setClean()
        shutdown(app)
        return

    # ------------------------------------------------------------- redraws
    canvas = window.canvas
    viewport = canvas.viewport().size()
    image = QImage(viewport.width(), viewport.height(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fit_to_window()
    _redraw(canvas, image)
    full = statistics.median(_redraw(canvas, image) for _ in range(7))
    print(f"full-view redraw:         {full * 1000:8.1f} ms   target < 100  ({viewport.width()}x{viewport.height()})")
    canvas.zoom_actual()
    middle = chain_map.nodes[len(chain_map.nodes) // 2]
    canvas.centerOn(QPointF(middle.x, middle.y))
    _redraw(canvas, image)
    zoomed = statistics.median(_redraw(canvas, image) for _ in range(15))
    print(f"zoomed-in redraw (100 %): {zoomed * 1000:8.1f} ms   target < 16")

    # ---------------------------------------------------------- drag of 100
    top = [n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)]
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    near = sorted(top, key=lambda n: (n.x - visible.center().x()) ** 2 + (n.y - visible.center().y()) ** 2)
    chosen = near[:100]
    canvas.select_refs([("node", n.id) for n in chosen])
    grab = canvas.mapFromScene(QPointF(chosen[0].x, chosen[0].y))
    steps_before = window.document.undo_stack.count()
    press_start = time.perf_counter()
    QTest.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    for i in range(1, 11):
        _move(canvas.viewport(), grab + QPoint(i * 3, 0))
        app.processEvents()
    preview = time.perf_counter() - press_start
    release_start = time.perf_counter()
    QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       grab + QPoint(30, 0))
    window.scene.flush()
    app.processEvents()
    release = time.perf_counter() - release_start
    moved = window.document.undo_stack.count() - steps_before
    print(f"drag 100 segments:        {release * 1000:8.1f} ms on release (command + scene), "
          f"{preview * 1000:.0f} ms for press and 10 preview moves; {moved} undo step")
    undo_start = time.perf_counter()
    window.document.undo_stack.undo()
    window.scene.flush()
    print(f"undo that drag:           {(time.perf_counter() - undo_start) * 1000:8.1f} ms")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (maxrss):     {peak:8.0f} MB   target < 600")
    window.document.undo_stack.setClean()
    shutdown(app)


if __name__ == "__main__":
    main()
