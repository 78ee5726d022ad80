"""Routing a big map in the editor: what it costs the first frame and the event loop (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_route_stalls.py [SEGMENTS ...]

For each size (default 5,000, 20,000 and 100,000 segments, 1.6 links per segment; maps from
``tests/render/bigmap.py``), the links get items in a plain scene (with a rectangle where the boxes are) and
:class:`~chainmap.render.routes.SceneRoutes` routes them as the editor does: ``apply()`` (on
the first-frame path), then the event loop runs while the map is gathered and previewed in
idle slices, routed in the routing process and drawn from its answers. A 5 ms heartbeat timer
measures the event loop: the longest gap between two beats is the longest stall (target
< 100 ms); beside it, the most CPU time the editor's thread spent in one gap (on a busy
machine a gap also holds the time other processes had the CPU). Printed: apply(), time to all previews, time to all routes, the longest gap, the
number of gaps over 50 ms, and whether the links drawn equal ``route_map`` (at 5,000 only:
routing in-process for the check takes a while).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene  # noqa: E402

from chainmap.core.routing import route_map  # noqa: E402
from chainmap.render.items_link import LinkItem  # noqa: E402
from chainmap.render.items_note import NoteItem  # noqa: E402
from chainmap.render.routes import SceneRoutes, straight_preview  # noqa: E402
from chainmap.render.state import RenderState  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402

CHECK_UP_TO = 5000  # segments: compare with route_map up to this size


def run(app: QApplication, segments: int) -> None:
    chain_map = make_big_map(segments, segments * 16 // 10)
    scene = QGraphicsScene()
    state = RenderState(editable=False)
    state.refresh_regions(chain_map)
    links, notes = {}, {}
    boxes = {n.id: (n.x - 84, n.y - 32, n.x + 84, n.y + 32) for n in chain_map.nodes if n.x is not None}
    for edge in chain_map.edges:
        item = links[edge.id] = LinkItem(edge.id, state)
        item.set_edge(edge)
        # Made straight between its boxes, as a map scene makes a big map's link items.
        item.set_route(straight_preview(boxes[edge.source], boxes[edge.target]))
        scene.addItem(item)
    for note in chain_map.notes:
        note_item = notes[note.id] = NoteItem(note.id, state)
        note_item.set_note(note)
        scene.addItem(note_item)
    # The boxes' extent, as the segment items of a map scene cover it: previews between boxes
    # do not grow the scene (which makes Qt index every item again).
    xs = [n.x for n in chain_map.nodes if n.x is not None]
    ys = [n.y for n in chain_map.nodes if n.y is not None]
    scene.addRect(min(xs) - 100, min(ys) - 100, max(xs) - min(xs) + 200, max(ys) - min(ys) + 200)
    routes = SceneRoutes(chain_map, links, notes, lambda: (), scene)

    gaps: list[float] = []
    cpus: list[float] = []  # the editor thread's CPU time in each gap (the machine may be busy)
    marks = {"beat": 0.0, "cpu": 0.0, "previewed": 0.0}
    loop = QEventLoop()

    def beat() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(now - marks["beat"])
        cpus.append(cpu - marks["cpu"])
        marks["beat"], marks["cpu"] = now, cpu
        if not marks["previewed"] and routes.in_process:
            marks["previewed"] = now
        if not routes.busy:
            loop.quit()

    for _ in range(3):  # as a shown scene: its items indexed, its first frame drawn
        app.processEvents()
    start = time.perf_counter()
    routes.apply()
    applied = time.perf_counter() - start
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    marks["beat"], marks["cpu"] = time.perf_counter(), time.thread_time()
    heart.start()
    loop.exec()
    heart.stop()
    done = time.perf_counter() - start
    previewed = (marks["previewed"] or done) - start
    longest = max(gaps) if gaps else 0.0
    longest_cpu = max(cpus) if cpus else 0.0
    over = sum(1 for gap in gaps if gap > 0.05)
    check = ""
    if segments <= CHECK_UP_TO:
        expected = route_map(chain_map).links
        same = all(item.route_points() == expected[link_id].points for link_id, item in links.items()
                   if link_id in expected)
        check = f", drawn == route_map: {same}"
    print(f"{segments:>7} segments, {len(chain_map.edges):>7} links: apply() {applied * 1000:6.1f} ms, "
          f"previews in {previewed:6.2f} s, routed in {done:7.2f} s, longest event-loop gap "
          f"{longest * 1000:5.0f} ms (target < 100; most CPU in a gap {longest_cpu * 1000:.0f} ms), "
          f"gaps > 50 ms: {over}{check}")
    routes.dispose()
    scene.clear()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5000, 20000, 100000]
    app = QApplication([])
    for segments in sizes:
        run(app, segments)
    del app


if __name__ == "__main__":
    main()
