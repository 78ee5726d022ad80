"""Figures for the editor's safety work: opening maps whose segments have no position, the
free-spot search on a crowded map, and merging a change made on disk.

Run: ``QT_QPA_PLATFORM=offscreen python tests/bench/bench_trust.py``. Prints figures; asserts
nothing about time.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from chainmap.core.format.fileio import load_map, save_map  # noqa: E402
from chainmap.core.format.serialize import dumps_map  # noqa: E402
from chainmap.core.layout.engine import layout_map  # noqa: E402
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier  # noqa: E402


def generated(count: int) -> ChainMap:
    chain_map = ChainMap("bench", "bench", "bench", regions=[Region("CN-BJ", "北京")],
                         tiers=[Tier(f"t{i}", f"层{i}") for i in range(6)])
    for i in range(count):
        chain_map.add_node(Node(f"n{i}", f"环节{i}", f"t{i * 6 // count}"))
    for i in range(count - 1):
        if i % 3:
            chain_map.add_edge(Edge(f"e{i}", f"n{i}", f"n{i + 1}"))
    return chain_map


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from chainmap.gui.app import install_fonts
    from chainmap.gui.canvas.placement import free_spot_in_tier
    from chainmap.gui.main_window import MainWindow
    from chainmap.gui.merge.disk_merge import merge_with_disk

    install_fonts(app)  # type: ignore[arg-type]
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    for count in (1000, 3000):
        bare = folder / f"bare-{count}.json"
        save_map(generated(count), bare)
        placed = folder / f"placed-{count}.json"
        chain_map = generated(count)
        layout_map(chain_map)
        save_map(chain_map, placed)
        for label, path in (("no positions", bare), ("positioned", placed)):
            window = MainWindow(restore_settings=False, remember=False)
            start = time.perf_counter()
            assert window.files.open_file(path)
            app.processEvents()
            seconds = time.perf_counter() - start
            print(f"open {count} segments, {label}: {seconds:.2f} s "
                  f"(placed {sum(1 for _ in window.scene.items_of('node'))} boxes)")
            if label == "positioned":
                scene, chain_map = window.scene, window.document.chain_map
                node = chain_map.nodes[count // 2]
                times = []
                for _ in range(20):
                    start = time.perf_counter()
                    free_spot_in_tier(scene, chain_map, node.tier, (node.x, node.y))
                    times.append(time.perf_counter() - start)
                print(f"  free spot on a box of a {count}-segment map: {statistics.median(times) * 1000:.1f} ms")
                raw = path.read_bytes()
                theirs = load_map(path).map
                theirs.update_node(theirs.nodes[0].id, name="改名")
                start = time.perf_counter()
                result = merge_with_disk(chain_map, raw, dumps_map(theirs), str(path))
                print(f"  three-way merge with the disk: {time.perf_counter() - start:.2f} s, "
                      f"{result.conflicts} conflicts")
            window.files.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
            window.close()
            window.deleteLater()
            app.processEvents()


if __name__ == "__main__":
    main()
