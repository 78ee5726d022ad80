"""Shared set-up for the merge UI's tests: the vehicles merge scenario (examples/merge)."""

from __future__ import annotations

from pathlib import Path

from chainmap.core.format.fileio import load_map
from chainmap.core.merge.engine import MergeInput, MergeResult, merge_maps

ROOT = Path(__file__).resolve().parents[2]
MERGE_DIR = ROOT / "examples" / "merge"
BASE = MERGE_DIR / "vehicles-base.chainmap.json"
COPIES = [MERGE_DIR / f"vehicles-{code}.chainmap.json" for code in ("CN-BJ", "CN-TJ", "CN-HE")]

# Ids from examples/merge/README.md.
AUTOPILOT = "n-07d819bfa0eaf133"  # 自动驾驶系统: description edited by CN-BJ and CN-TJ
TELEMATICS = "n-048d84a2f2039852"  # 车联网服务: deleted by CN-HE, changed by CN-TJ
TELEMATICS_LINK = "e-d1a177579b3316db"  # 智能座舱 → 车联网服务: deleted by CN-HE, changed by CN-TJ
SOLID_STATE = "n-2fc065ce469a51a8"  # 固态电池
ROADSIDE = "n-0c7d723c53544232"  # 车路协同路侧设备 / 路侧单元
FINANCE = "n-3e9d76fde8d52968"  # 汽车金融与保险: deleted cleanly
POWER_CHIPS_BJ = "n-4d9c02454b4b485e"  # 车用功率半导体 (CN-BJ)
POWER_CHIPS_TJ = "n-bba0da9a1380f5d4"  # 功率半导体 (CN-TJ)


def vehicles_merge() -> MergeResult:
    """The three-way merge of the three copies against the base."""
    inputs = [MergeInput(load_map(p).map, p.name) for p in COPIES]
    return merge_maps(inputs, load_map(BASE).map)


def merged_window(make_main_window):
    """A window showing the vehicles merge result (as the merge dialog opens it)."""
    window = make_main_window()
    window.merge_ui.open_merge_result(vehicles_merge())
    return window


def conflict_on(window, path: str):
    return next(c for c in window.document.chain_map.conflicts if c.path == path)
