"""Export benchmark (run by hand): the vehicles example and a synthetic map to PNG, SVG and
PDF at 150 dpi, compared with Graphviz drawing the same graph (``dot -Tpng``).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_export.py [SEGMENTS LINKS]
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.model import ChainMap  # noqa: E402
from chainmap.render.export import export_map  # noqa: E402
from chainmap.render.fonts import register_bundled_fonts  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402


def to_dot(chain_map: ChainMap) -> str:
    """The map's segments and links as a Graphviz graph, tiers as ranks, left to right."""
    lines = ["digraph chain {", "  rankdir=LR; node [shape=box, style=rounded, fontname=\"Noto Sans CJK SC\"];"]
    for tier in chain_map.tiers:
        members = " ".join(f'"{n.id}"' for n in chain_map.nodes if n.tier == tier.id)
        lines.append(f"  {{ rank=same; {members} }}")
    for node in chain_map.nodes:
        lines.append(f'  "{node.id}" [label="{node.name}"];')
    for edge in chain_map.edges:
        label = f' [label="{edge.label}"]' if edge.label else ""
        lines.append(f'  "{edge.source}" -> "{edge.target}"{label};')
    lines.append("}")
    return "\n".join(lines)


def bench(name: str, chain_map: ChainMap, folder: Path) -> None:
    for fmt in ("png", "svg", "pdf"):
        start = time.perf_counter()
        result = export_map(chain_map, folder / f"{name}.{fmt}", dpi=150)
        elapsed = time.perf_counter() - start
        size = (folder / f"{name}.{fmt}").stat().st_size / 1024
        print(f"{name:>14} {fmt}: {elapsed:6.2f} s  {result.width} × {result.height} px  {size:8.0f} KB"
              + (f"  warnings: {result.warnings}" if result.warnings else ""))
    dot = shutil.which("dot")
    if dot is None:
        print(f"{name:>14} dot: not installed")
        return
    (folder / f"{name}.dot").write_text(to_dot(chain_map), encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run([dot, "-Tpng", "-Gdpi=150", str(folder / f"{name}.dot"), "-o", str(folder / f"{name}-dot.png")],
                          capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - start
    print(f"{name:>14} dot -Tpng: {elapsed:6.2f} s (exit {done.returncode})")


def main() -> None:
    segments = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    links = int(sys.argv[2]) if len(sys.argv) > 2 else 1600
    app = QApplication([])
    register_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        bench("vehicles", load_map(ROOT / "examples" / "vehicles.chainmap.json").map, Path(folder))
        bench(f"synthetic-{segments}", make_big_map(segments, links), Path(folder))
    print(f"peak memory (maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    app.shutdown()


if __name__ == "__main__":
    main()
