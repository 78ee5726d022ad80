"""Canvas benchmark: build and paint a 5,000-segment, 8,000-link map (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_canvas.py [SEGMENTS LINKS] [--plain-view]

``--plain-view`` paints through a plain QGraphicsView (no switch to the batched overview when
zoomed out), to see what a view that is not a MapView costs.

Prints the scene build time, the first frame, a full-view redraw and a zoomed-in redraw
(each rendered from a QGraphicsView into a 1600×1000 QImage) and the peak memory. The
editor's targets: first frame < 2 s, full view < 100 ms, zoomed < 16 ms, memory < 600 MB.

Then the link routes (``chainmap.render.routes``): the first frame draws big maps' links as
straight previews; the time the idle slices take to route the whole map (and the longest
slice); drag steps of one segment (moving its item and flushing the scene: its links
re-routed, median and worst; target < 16 ms) and the settling after the drop.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsView  # noqa: E402

from chainmap.render.fonts import apply_cjk_fallback  # noqa: E402
from chainmap.render.scene import MapScene  # noqa: E402
from chainmap.render.view import MapView, configure_view  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402

WIDTH, HEIGHT = 1600, 1000


def _render(view: QGraphicsView, image: QImage) -> float:
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    start = time.perf_counter()
    view.render(painter, QRectF(0, 0, WIDTH, HEIGHT), view.viewport().rect())
    elapsed = time.perf_counter() - start
    painter.end()
    return elapsed


def main() -> None:
    plain = "--plain-view" in sys.argv
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    segments = int(numbers[0]) if numbers else 5000
    links = int(numbers[1]) if len(numbers) > 1 else 8000
    app = QApplication([])
    apply_cjk_fallback(app)
    start = time.perf_counter()
    chain_map = make_big_map(segments, links)
    print(f"map generated: {len(chain_map.nodes)} segments, {len(chain_map.edges)} links "
          f"({time.perf_counter() - start:.2f} s, not counted)")

    start = time.perf_counter()
    scene = MapScene(chain_map)
    build = time.perf_counter() - start
    if plain:
        view = QGraphicsView(scene)
        configure_view(view)
    else:
        view = MapView(scene)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    view.fitInView(scene.content_rect(), Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    first = _render(view, image)
    full = [_render(view, image) for _ in range(5)]
    image.save(str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench_canvas_full.png"))

    view.resetTransform()
    view.centerOn(scene.item_for("node", chain_map.nodes[len(chain_map.nodes) // 2].id))
    zoom_first = _render(view, image)
    zoomed = [_render(view, image) for _ in range(10)]
    image.save(str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench_canvas_zoomed.png"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    routed, slices = _idle_routing(app, scene)
    steps, settle, settle_slices, rerouted = _drag_steps(app, scene, chain_map)

    print(f"scene build:            {build * 1000:8.0f} ms")
    print(f"first frame (build+1):  {(build + first) * 1000:8.0f} ms   target < 2000")
    print(f"full-view redraw:       {statistics.median(full) * 1000:8.1f} ms   target < 100  "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in full)})")
    print(f"zoomed-in first:        {zoom_first * 1000:8.1f} ms")
    print(f"zoomed-in redraw:       {statistics.median(zoomed) * 1000:8.1f} ms   target < 16  "
          f"(runs: {', '.join(f'{t * 1000:.1f}' for t in zoomed)})")
    print(f"peak memory (maxrss):   {peak:8.0f} MB   target < 600")
    print(f"routes after the frame: {routed * 1000:8.0f} ms   ({len(slices)} event-loop turns, longest "
          f"{max(slices) * 1000:.0f} ms   target < 100)")
    print(f"drag step, 1 segment:   {statistics.median(steps) * 1000:8.1f} ms median, {max(steps) * 1000:.1f} ms worst"
          f"   target < 16  ({statistics.median(rerouted):.0f} links re-routed per step)")
    print(f"settle after the drop:  {settle * 1000:8.0f} ms   (the dropped box's links routed; "
          f"{settle_slices} event-loop turns)")

    view.setScene(None)
    view.close()
    del view
    scene.dispose()
    del scene
    del app


def _idle_routing(app: QApplication, scene: MapScene) -> tuple[float, list[float]]:
    """Let the event loop route the map (in idle slices and in the routing process); total
    time and each turn's time (the longest is the longest stall of the event loop)."""
    routes = scene.sync.geometry.routes
    slices = []
    start = time.perf_counter()
    while routes.busy:
        turn = time.perf_counter()
        app.processEvents()
        slices.append(time.perf_counter() - turn)
    return time.perf_counter() - start, slices or [0.0]


def _drag_steps(app: QApplication, scene: MapScene, chain_map) -> tuple[list[float], float, int, list[int]]:  # type: ignore[no-untyped-def]
    """Ten drags of one segment, ten steps each (the item moved, the scene flushed as the
    next paint would), then the drop (the model moves it) and the idle settling."""
    routes = scene.sync.geometry.routes
    tops = [n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)]
    steps: list[float] = []
    rerouted: list[int] = []
    settle_total, settle_slices = 0.0, 0
    for k in range(10):
        node = tops[(k * 397) % len(tops)]
        item = scene.item_for("node", node.id)
        origin = item.pos()
        for step in range(1, 11):
            start = time.perf_counter()
            item.setPos(origin.x() + 7 * step, origin.y() + 5 * step)
            scene.flush()
            steps.append(time.perf_counter() - start)
            rerouted.append(len(routes.redrawn))
        start = time.perf_counter()
        chain_map.update_node(node.id, x=origin.x() + 70, y=origin.y() + 50)
        scene.flush()
        while routes.settling:  # the links round the dropped box routed (the map afresh may follow)
            app.processEvents()
            settle_slices += 1
        settle_total += time.perf_counter() - start
    while routes.busy:  # the last drop's fresh route of the whole map
        app.processEvents()
    return steps, settle_total / 10, settle_slices // 10, rerouted


if __name__ == "__main__":
    main()
