"""``chainmap export`` as a user runs it: a subprocess, no display, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from chainmap.core.format.serialize import dumps_map

from .maps import small_map

ROOT = Path(__file__).resolve().parents[2]
VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"


def chainmap(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", "export", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def assert_clean_exit(done: subprocess.CompletedProcess[str]) -> None:
    for bad in ("Traceback", "abort", "Abort", "none_dealloc", "Segmentation", "QObject::"):
        assert bad not in done.stderr, done.stderr


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.chainmap.json"
    path.write_bytes(dumps_map(small_map()))
    return path


def test_export_png_with_no_display_exits_cleanly(small_file, tmp_path):
    done = chainmap(str(small_file), "-o", "out.png", "--dpi", "96", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_clean_exit(done)
    image = QImage(str(tmp_path / "out.png"))
    assert not image.isNull()
    assert "PNG" in done.stderr and f"{image.width()} × {image.height()}" in done.stderr


def test_dpi_view_transparent_and_formats(small_file, tmp_path):
    done = chainmap(str(small_file), "-o", "low.png", "--dpi", "48", "--transparent", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = chainmap(str(small_file), "-o", "high.png", "--dpi", "96", "--view", "CN-TJ", "--no-legend",
                    "-q", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    low, high = QImage(str(tmp_path / "low.png")), QImage(str(tmp_path / "high.png"))
    assert low.hasAlphaChannel() and low.pixelColor(0, 0).alpha() == 0
    assert abs(high.width() - 2 * low.width()) <= 2
    for name in ("map.svg", "map.pdf"):
        done = chainmap(str(small_file), "-o", name, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert_clean_exit(done)
        assert (tmp_path / name).stat().st_size > 1000


def test_bad_input_reports_the_problems_and_exits_1(tmp_path):
    bad = tmp_path / "bad.chainmap.json"
    bad.write_text('{"format": "chainmap", "version": 1, "id": "x", "title": "t", "chain": "c", '
                   '"regions": [], "tiers": [], "nodes": [{"id": "a"}], "edges": []}', encoding="utf-8")
    done = chainmap(str(bad), "-o", "out.png", cwd=tmp_path)
    assert done.returncode == 1
    assert f"{bad}:/nodes/0" in done.stderr
    assert_clean_exit(done)
    assert not (tmp_path / "out.png").exists()
    done = chainmap(str(tmp_path / "missing.json"), "-o", "out.png", cwd=tmp_path)
    assert done.returncode == 1 and "missing.json" in done.stderr
    assert_clean_exit(done)


def test_bad_options_and_outputs(small_file, tmp_path):
    done = chainmap(str(small_file), "-o", "out.png", "--view", "CN-XX", cwd=tmp_path)
    assert done.returncode == 1 and "no region 'CN-XX'" in done.stderr
    done = chainmap(str(small_file), "-o", "out.gif", cwd=tmp_path)
    assert done.returncode == 2 and ".png, .svg or .pdf" in done.stderr
    done = chainmap(str(small_file), "-o", "out.png", "--dpi", "0", cwd=tmp_path)
    assert done.returncode == 2
    done = chainmap(str(small_file), "-o", "out.png", "--background", "nocolour", cwd=tmp_path)
    assert done.returncode == 1 and "not a colour" in done.stderr
    done = chainmap(str(small_file), "-o", str(tmp_path / "no" / "where" / "out.png"), cwd=tmp_path)
    assert done.returncode == 1 and "does not exist" in done.stderr
    # A folder nobody may write to (even root cannot create files in /proc).
    target = "/proc/out.png" if os.geteuid() == 0 else "/out.png"
    done = chainmap(str(small_file), "-o", target, cwd=tmp_path)
    assert done.returncode == 1 and "Nothing was written" in done.stderr, done.stderr
    assert_clean_exit(done)


def test_missing_positions_are_placed_and_said(tmp_path):
    chain_map = small_map()
    chain_map.update_node("service", x=None, y=None)
    path = tmp_path / "unplaced.chainmap.json"
    path.write_bytes(dumps_map(chain_map))
    done = chainmap(str(path), "-o", "out.png", "--dpi", "48", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "placed 1 segment(s) that had no position" in done.stderr
    done = chainmap(str(path), "-o", "all.png", "--dpi", "48", "--layout", cwd=tmp_path)
    assert done.returncode == 0 and "laid out all" in done.stderr


def test_export_the_vehicles_example(tmp_path):
    done = chainmap(str(VEHICLES), "-o", "vehicles.png", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_clean_exit(done)


# ``chainmap export`` with the size above which a map is set aside lowered, telling whether it was.
_SET_ASIDE_LOWERED = """
import sys
import chainmap.render.routes as routes
from chainmap.core.format import park
routes.SET_ASIDE_LINKS = 100
real = park.SoleMap.set_aside
def told(self):
    went = real(self)
    print("set aside:", went, file=sys.stderr)
    return went
park.SoleMap.set_aside = told
from chainmap.cli import main
sys.exit(main(["export", *sys.argv[1:]]))
"""


def test_export_hands_a_big_map_over_so_it_is_set_aside_while_routed(tmp_path):
    """The command line keeps no reference of its own to the map it exports, so a big map
    leaves memory while it is routed; the picture is the one drawn with the map kept."""
    from .bigmap import make_big_map

    source = tmp_path / "big.chainmap.json"
    source.write_bytes(dumps_map(make_big_map(300, 480)))
    kept = chainmap(source.name, "-o", "kept.png", "--dpi", "40", "--layout", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    aside = subprocess.run([sys.executable, "-c", _SET_ASIDE_LOWERED, source.name, "-o", "aside.png", "--dpi", "40",
                            "--layout"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert aside.returncode == 0, aside.stderr
    assert "set aside: True" in aside.stderr
    assert_clean_exit(aside)
    first, second = QImage(str(tmp_path / "kept.png")), QImage(str(tmp_path / "aside.png"))
    assert first.size() == second.size() and first == second


def test_a_fitted_png_of_a_big_map_is_painted_with_the_map_set_aside_too(tmp_path):
    """``--fit`` goes the same way as any PNG: the map set aside while routed, the picture in
    bands, the same picture as with the map kept."""
    from .bigmap import make_big_map

    source = tmp_path / "big.chainmap.json"
    source.write_bytes(dumps_map(make_big_map(300, 480)))
    kept = chainmap(source.name, "-o", "kept.png", "--fit", "900", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    aside = subprocess.run([sys.executable, "-c", _SET_ASIDE_LOWERED, source.name, "-o", "aside.png", "--fit", "900"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert aside.returncode == 0, aside.stderr
    assert "set aside: True" in aside.stderr
    assert_clean_exit(aside)
    first, second = QImage(str(tmp_path / "kept.png")), QImage(str(tmp_path / "aside.png"))
    assert max(first.width(), first.height()) == 900
    assert first.size() == second.size() and first == second
