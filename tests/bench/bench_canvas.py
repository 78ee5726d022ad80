"""Canvas benchmark: build and paint a 5,000-segment, 8,000-link map (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_canvas.py [SEGMENTS LINKS] [--plain-view]

``--plain-view`` paints through a plain QGraphicsView (no switch to the batched overview when
zoomed out), to see what a view that is not a MapView costs.

Prints the scene build time, the first frame, a full-view redraw and a zoomed-in redraw
(each rendered from a QGraphicsView into a 1600×1000 QImage) and the peak memory. The
editor's targets: first frame < 2 s, full view < 100 ms, zoomed < 16 ms, memory < 600 MB.
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

    print(f"scene build:            {build * 1000:8.0f} ms")
    print(f"first frame (build+1):  {(build + first) * 1000:8.0f} ms   target < 2000")
    print(f"full-view redraw:       {statistics.median(full) * 1000:8.1f} ms   target < 100  "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in full)})")
    print(f"zoomed-in first:        {zoom_first * 1000:8.1f} ms")
    print(f"zoomed-in redraw:       {statistics.median(zoomed) * 1000:8.1f} ms   target < 16  "
          f"(runs: {', '.join(f'{t * 1000:.1f}' for t in zoomed)})")
    print(f"peak memory (maxrss):   {peak:8.0f} MB   target < 600")

    view.setScene(None)
    view.close()
    del view
    scene.dispose()
    del scene
    del app


if __name__ == "__main__":
    main()
