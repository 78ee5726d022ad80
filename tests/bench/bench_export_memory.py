"""Where an export's memory goes, stage by stage (run by hand, not a test).

    python tests/bench/bench_export_memory.py MAP.chainmap.json [png|svg]

Prints the resident memory (RSS) and the peak so far after each stage of ``export_map`` on
one map file: the file loaded into the model; for a big map, the map set aside on disk (as
the command line's export does), the routing (its nudging, the peak of it), the map read
back and the routes kept once the router is let go of; the export's scene built; then
every 100th band (PNG; with the segment and link items alive then) or 20th slice (SVG)
painted, and the end. The whole command's peak is what ``/usr/bin/time -v chainmap export``
reports as its maximum resident set size.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import chainmap.core.routing.router as router_module  # noqa: E402
from chainmap.core.format.fileio import load_map  # noqa: E402
from chainmap.core.format.park import SoleMap  # noqa: E402
from chainmap.render import export, export_parts  # noqa: E402
from chainmap.render.fonts import register_bundled_fonts  # noqa: E402

_START = time.perf_counter()


def _resident_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def report(stage: str, note: str = "") -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{time.perf_counter() - _START:7.1f} s  {stage:<34} RSS {_resident_mb():6,} MB  peak {peak:6,} MB{note}",
          flush=True)


def _items_alive(args: tuple[Any, ...]) -> str:
    """How many segment and link items the scene painted (a band's first argument) holds."""
    sync = getattr(args[0], "sync", None) if args else None
    if sync is None:
        return ""
    return f"  items {len(sync.items.nodes) + len(sync.items.edges):,}"


def _counting(stage: str, paint: Callable[..., Any], first_note: str, every: int) -> Callable[..., Any]:
    count = 0

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        if count == 1:
            report(first_note)
        done = paint(*args, **kwargs)
        if count % every == 0:
            report(f"{stage} {count} painted", _items_alive(args))
        return done

    return counted


def _around(before: str, after: str, work: Callable[..., Any]) -> Callable[..., Any]:
    """``work`` reporting the memory before and after it."""

    def reported(*args: Any, **kwargs: Any) -> Any:
        report(before)
        done = work(*args, **kwargs)
        report(after)
        return done

    return reported


def main() -> None:
    path = Path(sys.argv[1])
    kind = sys.argv[2] if len(sys.argv) > 2 else "png"
    report("start")
    export.ensure_application()  # Qt and its fonts before the map, as the command line does
    register_bundled_fonts()
    sole = SoleMap(load_map(path).map)  # the only reference, as the command line holds it
    report(f"loaded ({len(sole.map.nodes):,} segments)")
    export.paint_band = _counting("band", export.paint_band, "scene built, links routed", 100)
    export.route_for_export = _around("routing (big map, before the scene)", "routed, router let go of",
                                      export.route_for_export)
    router_module.nudge = _around("routing: nudging", "routing: nudged", router_module.nudge)
    SoleMap.set_aside = _around("setting the map aside", "map set aside on disk", SoleMap.set_aside)  # type: ignore[method-assign]
    SoleMap.take_back = _around("reading the map back", "map read back", SoleMap.take_back)  # type: ignore[method-assign]
    real_scene = export.MapScene

    def scene(*args: Any, **kwargs: Any) -> Any:
        made = real_scene(*args, **kwargs)
        report("export's scene built")
        return made

    export.MapScene = scene  # type: ignore[misc,assignment]
    real_passes = export.svg_passes

    def passes(*args: Any, **kwargs: Any) -> list[Callable[..., Any]]:
        report("scene built, links routed")
        return [_counting("slice", one, "first slice", 20) for one in real_passes(*args, **kwargs)]

    export.svg_passes = passes
    with tempfile.TemporaryDirectory() as folder:
        result = export.export_map(sole, Path(folder) / f"map.{kind}")
        report(f"written, {result.width:,} × {result.height:,} px")
    print(f"(bands are {export.BAND_PIXELS:,} pixels; SVG slices {export_parts.SLICE_UNITS:,.0f} units)")


if __name__ == "__main__":
    main()
