"""A big map in the editor is routed in the routing process (chainmap.render.routes): the
window shows straight previews first, then the links exactly as ``chainmap route`` routes
them; an edit meanwhile drops the stale routes; quitting while it routes is clean."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from chainmap.core.format.fileio import save_map
from chainmap.core.routing import route_map
from tests.render.bigmap import make_big_map

ROOT = Path(__file__).resolve().parents[2]


def _drawn(scene) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {link_id: item.route_points() for link_id, item in scene.items_of("edge").items()
            if item.isVisible() and item.route_points()}


def test_the_window_shows_previews_then_the_routes_route_json_prints(make_main_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render import routes

    monkeypatch.setattr(routes, "SYNC_LINKS", 50)
    chain_map = make_big_map(200, 320)
    window = make_main_window(chain_map=chain_map)
    scene = window.scene
    state = scene.sync.geometry.routes
    qtbot.waitUntil(lambda: state.in_process, timeout=30_000)
    previews = _drawn(scene)
    assert len(previews) == len(chain_map.edges)
    assert all(len(points) == 2 for points in previews.values())  # straight, before the routes
    qtbot.waitUntil(lambda: not state.busy, timeout=120_000)
    expected = {link_id: route.points for link_id, route in route_map(chain_map).links.items()}
    assert _drawn(scene) == expected
    assert any(len(points) > 2 for points in expected.values())


def test_an_edit_while_the_process_routes_drops_its_answer(make_main_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render import routes

    monkeypatch.setattr(routes, "SYNC_LINKS", 50)
    chain_map = make_big_map(200, 320)
    window = make_main_window(chain_map=chain_map)
    scene = window.scene
    state = scene.sync.geometry.routes
    qtbot.waitUntil(lambda: state.in_process and state._worker is not None and state._worker.ready,
                    timeout=30_000)
    edge = chain_map.edges[0]
    chain_map.update_edge(edge.id, label="改过的标签")  # a new label: every link routed again
    qtbot.waitUntil(lambda: not state.busy, timeout=120_000)
    fresh = route_map(chain_map)
    assert _drawn(scene) == {link_id: route.points for link_id, route in fresh.links.items()}
    assert scene.items_of("edge")[edge.id].label_box() == fresh.links[edge.id].label


def test_a_drag_on_a_big_map_routes_the_moved_links_in_the_process_before_the_drop(  # type: ignore[no-untyped-def]
        make_main_window, qtbot) -> None:
    """A map above the in-editor threshold: dragging a segment with the mouse, the event loop
    running between the steps, its links are drawn as routes round the other boxes for
    where it is (not as the straight previews, which would cross boxes) before the drop,
    and no other link is drawn again; the drop ends with what route_map gives."""
    from PySide6.QtCore import QPoint

    from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH
    from chainmap.core.routing import box_hits, routing_input
    from chainmap.render.routes import SYNC_LINKS, straight_preview

    from .editor_helpers import _move, press, release, view_point

    chain_map = make_big_map(300, 480)
    assert len(chain_map.edges) > SYNC_LINKS
    window = make_main_window(chain_map=chain_map)
    scene, canvas = window.scene, window.canvas
    routes = scene.sync.geometry.routes
    qtbot.waitUntil(lambda: not routes.busy, timeout=120_000)
    assert routes._router is None  # routed in the routing process, not here
    dx, dy = 30, 14  # into the gaps round the box: it overlaps nothing there
    boxes = dict(routing_input(chain_map).boxes)

    def at(centre: tuple[float, float]) -> tuple[float, float, float, float]:
        x, y = centre
        return (x - SEGMENT_WIDTH / 2, y - SEGMENT_HEIGHT / 2, x + SEGMENT_WIDTH / 2, y + SEGMENT_HEIGHT / 2)

    def previews(node_id: str, centre: tuple[float, float]) -> list:  # type: ignore[type-arg]
        live = dict(boxes, **{node_id: at(centre)})
        return [(e.id, e.source, e.target, straight_preview(live[e.source], live[e.target]))
                for e in chain_map.edges if node_id in (e.source, e.target)]

    node = next(n for n in chain_map.nodes if n.parent is None and not chain_map.children(n.id)
                and n.x is not None and n.y is not None
                and sum(1 for e in chain_map.edges if n.id in (e.source, e.target)) >= 2
                and box_hits(previews(n.id, (n.x + dx, n.y + dy)), dict(boxes, **{n.id: at((n.x + dx, n.y + dy))})))
    assert node.x is not None and node.y is not None
    own = {e.id for e in chain_map.edges if node.id in (e.source, e.target)}
    canvas.zoom_actual()
    canvas.centerOn(node.x, node.y)
    QApplication.processEvents()
    canvas.ensure_shown_items()
    before = _drawn(scene)
    assert own <= before.keys()
    answers = routes.drag_answers
    x0, y0 = node.x, node.y
    start = view_point(window, node.x, node.y)
    press(window, start)
    steps = 6
    for i in range(1, steps + 1):
        _move(canvas.viewport(), start + QPoint(dx * i // steps, dy * i // steps), Qt.MouseButton.LeftButton,
              Qt.KeyboardModifier.NoModifier)
        qtbot.wait(25)  # the event loop runs between the steps
    item = scene.item_for("node", node.id)
    centre = (item.scenePos().x(), item.scenePos().y())
    assert (node.x, node.y) != centre  # dragged, not dropped: the model has not moved it
    qtbot.waitUntil(lambda: not routes.drag_pending and routes.drag_answers > answers, timeout=30_000)
    live = dict(boxes, **{node.id: at(centre)})
    assert box_hits(previews(node.id, centre), live)  # straight previews would cross boxes ...
    drawn = _drawn(scene)
    routed = [(e.id, e.source, e.target, drawn[e.id]) for e in chain_map.edges if e.id in own]
    assert box_hits(routed, live) == []  # ... the links drawn go round them
    box = live[node.id]
    for _, source, _target, points in routed:  # and start or end on the box where it is now
        end = points[0] if source == node.id else points[-1]
        assert box[0] - 0.5 <= end[0] <= box[2] + 0.5 and box[1] - 0.5 <= end[1] <= box[3] + 0.5
        assert min(abs(end[0] - box[0]), abs(end[0] - box[2]), abs(end[1] - box[1]), abs(end[1] - box[3])) < 0.5
    assert {i: p for i, p in drawn.items() if i not in own} == {i: p for i, p in before.items() if i not in own}
    release(window, start + QPoint(dx, dy))
    assert abs(node.x - x0 - dx) < 2 and abs(node.y - y0 - dy) < 2  # dropped: the model moved it
    qtbot.waitUntil(lambda: not routes.busy, timeout=120_000)
    expected = {link_id: route.points for link_id, route in route_map(chain_map).links.items()}
    assert _drawn(scene) == expected


SCRIPT = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from chainmap.gui.app import create_application, run_editor
from chainmap.gui.main_window import MainWindow


def main():
    app = create_application()

    def quit_while_routing():
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.scene is not None:
                routes = window.scene.sync.geometry.routes
                worker = routes._worker
                if routes.in_process and worker is not None and worker.ready:
                    print("worker", worker._process.pid, flush=True)
                    app.quit()
                    return
        QTimer.singleShot(20, quit_while_routing)

    QTimer.singleShot(20, quit_while_routing)
    return run_editor(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
"""


def test_quitting_while_the_process_routes_exits_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "big.chainmap.json"
    save_map(make_big_map(1500, 2400), path)
    script = tmp_path / "quit_while_routing.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Abort" not in done.stderr, done.stderr
    pid = int(done.stdout.split("worker")[1].split()[0])  # it was routing when the editor quit
    status = Path(f"/proc/{pid}/status")
    assert not status.exists() or "zombie" in status.read_text(), "the routing process outlived the editor"
