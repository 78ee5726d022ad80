"""A big map in the editor is routed in the routing process (chainmap.render.routes): the
window shows straight previews first, then the links exactly as ``chainmap route`` routes
them; an edit meanwhile drops the stale routes; quitting while it routes is clean."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

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
