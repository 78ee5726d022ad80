"""Benchmark: the link router (``chainmap.core.routing``) against straight lines, today's curves
and Graphviz, and its speed on big maps.

Run on demand (not a test): ``python tests/bench/bench_routing.py [--sizes 1000 5000]
[--repeat 3] [--no-neato] [--laid-out]``.

For the six examples, as shipped and as laid out by :func:`chainmap.core.layout.engine.compute_layout`,
it prints a table of

* box hits: (link, box) pairs where a link's drawing passes inside a box other than its two
  ends, for the routed links, for straight lines between box centres, for the curves the
  canvas draws today (``chainmap.render.items_link``: a cubic from frame to frame) and for
  Graphviz ``neato -n2 -Gsplines=true`` on the same positions (fixed-size boxes at
  ``pos="x,y!"``; its splines read from ``-Tdot`` and flattened);
* label overlaps of the routed labels and callouts (with boxes, each other and notes), and
  how many labels had to shrink;
* crossings: routed, straight (:func:`chainmap.core.layout.crossings.count_crossings`) and neato's,
  the polylines counted with :func:`chainmap.core.routing.route_crossings`.

Then, for generated maps (``tests/render/bigmap.py``, 1.6 links per segment), the time to
route the whole map (the font already loaded; its first load is timed apart), and the time
of :meth:`Router.move` for drag steps of one segment and of a group of 50. Before the drags
the routed map's objects are kept from Python's cyclic garbage collector (``gc.freeze()``),
as the editor does for a map it keeps open (``chainmap.render.routes_big``): otherwise a
collection walking the whole map now and then lands in a drag step (``--gc`` to see that).
``--laid-out`` lays each generated map out for a page first (``compute_layout``: tiers wrapped
into columns side by side), the shape whose links need staircases across the columns.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.geometry import SEGMENT_HEIGHT, SEGMENT_WIDTH, frame  # noqa: E402
from chainmap.core.layout.crossings import count_crossings  # noqa: E402
from chainmap.core.layout.engine import apply_positions, compute_layout  # noqa: E402
from chainmap.core.model import ChainMap  # noqa: E402
from chainmap.core.routing import (  # noqa: E402
    Router,
    box_hits,
    label_overlaps,
    route_crossings,
    routing_input,
)
from chainmap.core.routing.textsize import text_width  # noqa: E402
from tests.render.bigmap import make_big_map  # noqa: E402

Point = tuple[float, float]
MIN_GAP = 24.0  # as chainmap.render.items_link
SETTLE_SLICE = 0.012  # seconds


def todays_curve(source: tuple[float, float, float, float], target: tuple[float, float, float, float]) -> list[Point]:
    """The cubic the canvas draws between two frames (left, top, right, bottom), flattened."""
    sx, sy, s_right, s_bottom = source
    tx, ty, t_right, t_bottom = target
    sw, sh, tw, th = s_right - sx, s_bottom - sy, t_right - tx, t_bottom - ty
    scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
    if tx - s_right >= MIN_GAP:
        x0, y0, x3, y3 = s_right, scy, tx, tcy
        bend = (x3 - x0) * 0.5
        x1, y1, x2, y2 = x0 + bend, y0, x3 - bend, y3
    elif sx - t_right >= MIN_GAP:
        x0, y0, x3, y3 = sx, scy, t_right, tcy
        bend = (x0 - x3) * 0.5
        x1, y1, x2, y2 = x0 - bend, y0, x3 + bend, y3
    elif ty >= s_bottom:
        x0, y0, x3, y3 = scx, s_bottom, tcx, ty
        bend = (y3 - y0) * 0.5
        x1, y1, x2, y2 = x0, y0 + bend, x3, y3 - bend
    elif sy >= t_bottom:
        x0, y0, x3, y3 = scx, sy, tcx, t_bottom
        bend = (y0 - y3) * 0.5
        x1, y1, x2, y2 = x0, y0 - bend, x3, y3 + bend
    else:
        return [_clip(scx, scy, sw, sh, tcx, tcy), _clip(tcx, tcy, tw, th, scx, scy)]
    return _cubic((x0, y0), (x1, y1), (x2, y2), (x3, y3))


def _clip(cx: float, cy: float, width: float, height: float, tx: float, ty: float) -> Point:
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min((width / 2) / abs(dx) if dx else float("inf"), (height / 2) / abs(dy) if dy else float("inf"), 1.0)
    return cx + dx * scale, cy + dy * scale


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 48) -> list[Point]:
    points = []
    for k in range(steps + 1):
        t = k / steps
        m = 1 - t
        points.append((m ** 3 * p0[0] + 3 * m * m * t * p1[0] + 3 * m * t * t * p2[0] + t ** 3 * p3[0],
                       m ** 3 * p0[1] + 3 * m * m * t * p1[1] + 3 * m * t * t * p2[1] + t ** 3 * p3[1]))
    return points


def neato_routes(chain_map: ChainMap, links: list[tuple[str, str, str]]) -> tuple[dict[str, list[Point]], float]:
    """Graphviz's splines for ``links`` (id, source, target) on the map's positions, and its
    wall time. Map units are points; y is flipped for Graphviz and back."""
    lines = ["digraph G {", "node [shape=box, fixed=true, label=\"\"];"]
    width, height = SEGMENT_WIDTH / 72, SEGMENT_HEIGHT / 72
    index = {}
    for i, node in enumerate(chain_map.nodes):
        if node.x is None or node.y is None:
            continue
        index[node.id] = f"n{i}"
        lines.append(f'n{i} [pos="{node.x},{-node.y}!", width={width}, height={height}];')
    for k, (_, source, target) in enumerate(links):
        lines.append(f"{index[source]} -> {index[target]} [id=\"e{k}\"];")
    lines.append("}")
    started = time.perf_counter()
    done = subprocess.run(["neato", "-n2", "-Gsplines=true", "-Tdot"], input="\n".join(lines),
                          capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    positions: dict[str, Point] = {}
    for name, x, y in re.findall(r'\b(n\d+)\s+\[[^\]]*?pos="([-\d.e]+),([-\d.e]+)"', done.stdout, re.S):
        positions[name] = (float(x), float(y))
    # -n2 moves the drawing so its bounding box starts at the origin: undo that shift.
    node = next(n for n in chain_map.nodes if n.id in index)
    shift_x = positions[index[node.id]][0] - node.x
    shift_y = positions[index[node.id]][1] + node.y
    routes: dict[str, list[Point]] = {}
    for k, pos in _edge_positions(done.stdout):
        link_id = links[int(k)][0]
        routes[link_id] = [(x - shift_x, -(y - shift_y)) for x, y in _spline(pos)]
    return routes, elapsed


def _edge_positions(text: str) -> list[tuple[str, str]]:
    """(edge number, pos attribute) of every edge in neato's -Tdot output."""
    found = []
    for attributes in re.findall(r"->\s*n\d+\s*\[([^\]]*)\]", text, re.S):
        number = re.search(r'\bid="?e(\d+)"?', attributes)
        pos = re.search(r'\bpos="([^"]+)"', attributes)
        if number and pos:
            found.append((number.group(1), pos.group(1)))
    return found


def _spline(pos: str) -> list[Point]:
    """A Graphviz spline (``e,x,y`` arrow tip, then cubic Bézier control points) flattened."""
    tip = None
    points: list[Point] = []
    for part in pos.replace("\\\n", "").split():
        if part.startswith("e,"):
            x, y = part[2:].split(",")
            tip = (float(x), float(y))
        elif part.startswith("s,"):
            continue
        else:
            x, y = part.split(",")
            points.append((float(x), float(y)))
    flat = [points[0]]
    for i in range(0, len(points) - 3, 3):
        flat.extend(_cubic(points[i], points[i + 1], points[i + 2], points[i + 3], 16)[1:])
    if tip is not None:
        flat.append(tip)
    return flat


def example_row(path: Path, laid_out: bool, use_neato: bool) -> dict[str, object]:
    chain_map = load_map(path).map
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    data = routing_input(chain_map)
    routes = Router(data).route_all()
    ends = {link.id: (link.source, link.target) for link in data.links}
    routed = [(i, r.source, r.target, r.points) for i, r in routes.links.items()]
    centres = {box_id: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for box_id, b in data.boxes.items()}
    straight = [(i, s, t, [centres[s], centres[t]]) for i, (s, t) in ends.items()]
    today = []
    for i, (s, t) in ends.items():
        fs, ft = frame(chain_map, s), frame(chain_map, t)
        assert fs is not None and ft is not None
        today.append((i, s, t, todays_curve((fs.left, fs.top, fs.right, fs.bottom),
                                            (ft.left, ft.top, ft.right, ft.bottom))))
    row: dict[str, object] = {
        "map": path.name.split(".")[0], "positions": "laid out" if laid_out else "shipped",
        "links": len(routed),
        "hits": len(box_hits(routed, data.boxes)),
        "hits straight": len(box_hits(straight, data.boxes)),
        "hits today": len(box_hits(today, data.boxes)),
        "overlaps": len(label_overlaps(routes)),
        "shrunk": sum(1 for r in routes.links.values() if r.label is not None and r.label_pixel_size < 11),
        "crossings": route_crossings({i: p for i, _, _, p in routed}),
        "crossings straight": count_crossings(centres, ends.values()),
    }
    if use_neato:
        splines, elapsed = neato_routes(chain_map, [(i, s, t) for i, (s, t) in ends.items()])
        neato = [(i, s, t, splines[i]) for i, (s, t) in ends.items() if i in splines]
        row["hits neato"] = len(box_hits(neato, data.boxes))
        row["crossings neato"] = route_crossings({i: p for i, _, _, p in neato})
        row["neato ms"] = round(elapsed * 1000)
    return row


def print_table(rows: list[dict[str, object]]) -> None:
    columns = list(rows[0])
    totals = {c: sum(r[c] for r in rows) if isinstance(rows[0][c], int) else "" for c in columns}  # type: ignore[misc]
    totals["map"], totals["positions"] = "total", ""
    print("| " + " | ".join(columns) + " |")
    print("| " + " | ".join("---" for _ in columns) + " |")
    for row in [*rows, totals]:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


def time_big(size: int, repeat: int, freeze: bool = True, laid_out: bool = False) -> None:
    chain_map = make_big_map(size, int(size * 1.6))
    if laid_out:
        apply_positions(chain_map, compute_layout(chain_map))
    data = routing_input(chain_map)
    times, cpu = [], []
    for _ in range(repeat):
        router = Router(routing_input(chain_map))
        started, started_cpu = time.perf_counter(), time.process_time()
        routes = router.route_all()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    hits = box_hits([(i, r.source, r.target, r.points) for i, r in routes.links.items()], routes.boxes)
    if freeze:
        gc.collect()
        gc.freeze()
    drags = f"{_drag(router, data.boxes, 1)} | {_drag(router, data.boxes, 50)}"
    if freeze:
        gc.unfreeze()
    print(f"| {size:,} / {len(data.links):,} | {statistics.median(times):.2f} s "
          f"(CPU {statistics.median(cpu):.2f} s) | {len(hits)} | "
          f"{len(label_overlaps(routes))} | {drags} |")


def _drag(router: Router, boxes: dict[str, tuple[float, float, float, float]], group: int) -> str:
    """10 drags of ``group`` neighbouring segments, 10 steps each: the median and worst
    step (:meth:`Router.move`), how many links a step left as previews, and the median
    time to settle at the drag's end, in slices of :data:`SETTLE_SLICE` (and the longest)."""
    rng = random.Random(group)
    ids = sorted(boxes)
    steps, settles, pending, slices = [], [], [], []
    for _ in range(10):
        first = rng.randrange(len(ids) - group)
        chosen = ids[first:first + group]
        centres = {i: ((boxes[i][0] + boxes[i][2]) / 2, (boxes[i][1] + boxes[i][3]) / 2) for i in chosen}
        for step in range(1, 11):
            moved = {i: (x + step * 7, y + step * 5) for i, (x, y) in centres.items()}
            started = time.perf_counter()
            changes = router.move(moved)
            steps.append(time.perf_counter() - started)
            pending.append(len(changes.pending))
        total = 0.0
        while True:  # as an editor would: slices of SETTLE_SLICE while idle
            started = time.perf_counter()
            changes = router.settle(budget=SETTLE_SLICE)
            spent = time.perf_counter() - started
            total += spent
            slices.append(spent)
            if not changes.pending:
                break
        settles.append(total)
    return (f"{statistics.median(steps) * 1000:.1f} / {max(steps) * 1000:.1f} ms "
            f"({statistics.median(pending):.0f} previews) | {statistics.median(settles) * 1000:.0f} ms "
            f"(slices ≤ {max(slices) * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-neato", action="store_true")
    parser.add_argument("--gc", action="store_true", help="leave the garbage collector on during the drags")
    parser.add_argument("--laid-out", action="store_true", help="lay the generated maps out for a page first")
    args = parser.parse_args()
    use_neato = not args.no_neato and shutil.which("neato") is not None
    started = time.perf_counter()
    text_width("字", 11)
    print(f"loading the bundled font for text sizes: {(time.perf_counter() - started) * 1000:.0f} ms")
    # Times are wall clock; on a shared machine the CPU time beside them says what routing costs.
    print(f"load average when started: {' / '.join(f'{v:.1f}' for v in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs\n")
    rows = [example_row(path, laid_out, use_neato)
            for laid_out in (False, True) for path in sorted((ROOT / "examples").glob("*.chainmap.json"))]
    print_table(rows)
    print("\n| segments / links | route all (wall, CPU) | box hits | label overlaps | drag step, 1 box (median / worst) "
          "| settle, 1 box (slices of 12 ms) | drag step, 50 boxes | settle, 50 boxes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        time_big(size, args.repeat, freeze=not args.gc, laid_out=args.laid_out)


if __name__ == "__main__":
    main()
