"""Canvas benchmark: build and paint a 5,000-segment, 8,000-link map (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_canvas.py [SEGMENTS LINKS] [--plain-view]

``--plain-view`` paints through a plain QGraphicsView (no switch to the batched overview when
zoomed out), to see what a view that is not a MapView costs.

Prints the scene build time, the first frame, a full-view redraw and a zoomed-in redraw
(each rendered from a QGraphicsView into a 1600×1000 QImage) and the peak memory. The
editor's targets: first frame < 2 s, full view < 100 ms, zoomed < 16 ms, memory < 600 MB.

Then the link routes (``chainmap.render.routes``): the first frame draws big maps' links as
straight previews; the time the idle slices take to route the whole map (and the longest
slice); drag steps of one segment, one every 1/60 s with the event loop running between
them (moving its item and flushing the scene: its links redrawn, as previews on a big map;
median and worst; target < 16 ms). On a big map (routes in the routing process) also the
event loop's whole work per step (the step plus looking for and drawing the process's answer)
and the latency from a step to its routed links being drawn, median and worst (a step whose
answer comes after the next step is not drawn: the next one is). Then the settling after
the drop.
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
STEP_GAP = 1 / 60  # seconds between two drag steps (a pointer moving at 60 Hz)


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
    drag = _drag_steps(app, scene, chain_map)

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
    big = routes_in_process(scene)
    print(f"drag step, 1 segment:   {_ms(drag.steps)}   target < 16  (the step's own work, wall; CPU "
          f"{_ms(drag.step_cpu).strip()}; {statistics.median(drag.rerouted):.0f} links redrawn per step)")
    if big:
        print(f"  + answers looked for: {_ms(drag.per_step)}   (a step's event-loop work until the next step: "
              f"the step, the looks for the routing process's answer and drawing it; each look "
              f"{_ms(drag.polls).strip()})")
        print(f"  routed links drawn:   {_ms(drag.latency)}   after the step (drags begun with the whole map routed: "
              f"{len(drag.latency)} of 50 steps within {STEP_GAP * 1000:.0f} ms; {drag.superseded} answered after "
              f"the next step, not drawn; pointer resting after the last step: {_ms(drag.rests).strip()})")
        print(f"  drag begun at once:   {_ms(drag.busy_first)}   from its first step to the first routed links drawn "
              f"(the drop before it still being routed afresh: previews until the process notices)")
    print(f"settle after the drop:  {drag.settle * 1000:8.0f} ms   (the dropped box's links routed; "
          f"{drag.settle_slices} event-loop turns)")

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


class DragFigures:
    """What :func:`_drag_steps` measured (seconds)."""

    def __init__(self) -> None:
        self.steps: list[float] = []  # each step's own work on the event loop: item moved, scene flushed
        self.step_cpu: list[float] = []  # the same, main-thread CPU time
        self.polls: list[float] = []  # each look for (and drawing of) the routing process's answer
        self.per_step: list[float] = []  # a step's work plus the looks and drawing until the next step
        self.latency: list[float] = []  # from a step to its routed links drawn (steps answered in time)
        self.superseded = 0  # steps whose answer came after the next step (not drawn; the next one is)
        self.rests: list[float] = []  # from a last step to its routed links drawn, when not within STEP_GAP
        self.busy_first: list[float] = []  # from a drag's first step to its first routed links drawn,
        # the drag begun while the process routed the whole map afresh after the last drop
        self.rerouted: list[int] = []
        self.settle = 0.0
        self.settle_slices = 0


def _drag_steps(app: QApplication, scene: MapScene, chain_map) -> DragFigures:  # type: ignore[no-untyped-def]
    """Ten drags of one segment, ten steps each, one every STEP_GAP seconds with the event
    loop running between them (a pointer at 60 Hz): each step moves the item and flushes the
    scene as the next paint would (its links drawn as previews on a big map), then the
    routing process's answer is drawn when it comes for where the segment is. After the
    last step, the event loop runs until that step's routes are drawn; then the drop (the
    model moves it) and the idle settling. Even drags begin once the process has routed the
    whole map afresh after the last drop; odd ones at once, while it still does (a drag
    stops that route, but the process only notices between two of its steps)."""
    routes = scene.sync.geometry.routes
    figures = DragFigures()
    poll_work: list[float] = []
    timer, poll = routes._drag_timer, routes._poll_drag

    def timed_poll() -> None:
        start = time.perf_counter()
        poll()
        poll_work.append(time.perf_counter() - start)

    timer.timeout.disconnect()
    timer.timeout.connect(timed_poll)
    tops = [n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)]
    for k in range(10):
        steady = k % 2 == 0
        while steady and routes.busy:
            app.processEvents()
        node = tops[(k * 397) % len(tops)]
        item = scene.item_for("node", node.id)
        origin = item.pos()
        began = time.perf_counter()
        first: float | None = None
        for step in range(1, 11):
            poll_work.clear()
            answers = routes.drag_answers
            start, cpu = time.perf_counter(), time.thread_time()
            item.setPos(origin.x() + 7 * step, origin.y() + 5 * step)
            scene.flush()
            own = time.perf_counter() - start
            figures.steps.append(own)
            figures.step_cpu.append(time.thread_time() - cpu)
            figures.rerouted.append(len(routes.redrawn))
            drawn = None
            while time.perf_counter() - start < STEP_GAP or (step == 10 and routes.drag_pending):
                app.processEvents()  # (after the last step: the pointer rests until its routes are drawn)
                if drawn is None and routes.drag_answers > answers:
                    drawn = time.perf_counter() - start
            if drawn is not None and first is None:
                first = start + drawn - began
            if steady:
                if drawn is not None and drawn < STEP_GAP:
                    figures.latency.append(drawn)
                elif step < 10:
                    figures.superseded += 1
                else:
                    figures.rests.append(drawn or 0.0)
            figures.polls.extend(poll_work)
            figures.per_step.append(own + sum(poll_work))
        if not steady and first is not None:
            figures.busy_first.append(first)
        start = time.perf_counter()
        chain_map.update_node(node.id, x=origin.x() + 70, y=origin.y() + 50)
        scene.flush()
        while routes.settling:  # the links round the dropped box routed (the map afresh follows)
            app.processEvents()
            figures.settle_slices += 1
        figures.settle += (time.perf_counter() - start) / 10
    while routes.busy:  # the last drop's fresh route of the whole map
        app.processEvents()
    figures.settle_slices //= 10
    timer.timeout.disconnect()
    timer.timeout.connect(poll)
    return figures


def routes_in_process(scene: MapScene) -> bool:
    """Whether the map's routes are in the routing process (a big map), not held here."""
    return scene.sync.geometry.routes._router is None


def _ms(values: list[float]) -> str:
    if not values:
        return "    none"
    return f"{statistics.median(values) * 1000:8.1f} ms median, {max(values) * 1000:.1f} ms worst"


if __name__ == "__main__":
    main()
