"""Synthetic maps of any size, for the canvas benchmark and the big-export tests.

Segments stand in tier columns (6 tiers of 5 columns by default), links run mostly to the
next tier a few rows up or down, as in a real chain; some links carry labels and
cross-region flows, some segments have sub-segments inside their frame.
"""

from __future__ import annotations

import random

from chainmap.core.geometry import COLUMN_GAP, PARENT_PADDING, ROW_GAP, SEGMENT_HEIGHT, SEGMENT_WIDTH
from chainmap.core.model import ChainMap, Edge, Enterprise, Flow, Node, Plan, Region, RegionEntry, Tier
from chainmap.core.vocabulary import DEFAULT_REGIONS, STATUSES

TIER_NAMES = ("原材料", "零部件", "系统集成", "整机制造", "应用", "服务")
WORDS = ("锂", "电池", "材料", "芯片", "传感", "系统", "控制", "整车", "驱动", "氢能", "储运", "机床", "机器人",
         "软件", "安全", "检测", "回收", "平台", "模组", "装备")


def make_big_map(segments: int = 5000, links: int = 8000, *, tiers: int = 6, columns: int = 5,
                 seed: int = 7, parents_every: int = 40) -> ChainMap:
    """A map of ``segments`` segments and ``links`` links, positioned in tier columns."""
    rng = random.Random(seed)
    chain_map = ChainMap(
        "bench-map", f"合成产业链图谱（{segments} 个环节）", "合成链",
        regions=[Region(code, name, colour) for code, name, colour in DEFAULT_REGIONS],
        tiers=[Tier(f"t{i}", TIER_NAMES[i % len(TIER_NAMES)]) for i in range(tiers)],
        meta={"modified": "2025-03-17T17:30:00+08:00"},
    )
    column_pitch = SEGMENT_WIDTH + COLUMN_GAP
    tier_pitch = columns * column_pitch + 200
    row_pitch = SEGMENT_HEIGHT + ROW_GAP
    per_column = -(-segments // (tiers * columns))
    cells: list[tuple[int, int, int]] = []  # (tier, column, row)
    for tier in range(tiers):
        for column in range(columns):
            for row in range(per_column):
                cells.append((tier, column, row))
    cells = cells[:segments]
    ids: list[str] = []
    by_cell: dict[tuple[int, int, int], str] = {}
    for i, (tier, column, row) in enumerate(cells):
        node_id = f"n{i:05d}"
        name = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5)))
        regions = {}
        for code, _name, _colour in DEFAULT_REGIONS:
            status = rng.choice(STATUSES)
            firms = [Enterprise(f"企业{j}") for j in range(rng.randint(0, 3))] if status != "gap" else []
            plan = Plan("fill", "high") if status == "gap" and rng.random() < 0.3 else None
            regions[code] = RegionEntry(status, firms, plan)
        x = tier * tier_pitch + column * column_pitch
        y = row * row_pitch
        chain_map.add_node(Node(node_id, name, f"t{tier}", x=x, y=y, regions=regions))
        ids.append(node_id)
        by_cell[(tier, column, row)] = node_id
    # Some segments become sub-segments: a parent box with one child box right below it,
    # moved so the pair does not overlap the next row (the child takes the next row's cell).
    if parents_every:
        for (tier, column, row), node_id in list(by_cell.items()):
            below = by_cell.get((tier, column, row + 1))
            if row % parents_every == 3 and below is not None:
                parent = chain_map.node(node_id)
                chain_map.update_node(below, parent=node_id, x=parent.x,
                                      y=parent.y + row_pitch + PARENT_PADDING)
    count = 0
    attempts = 0
    seen: set[tuple[str, str]] = set()
    while count < links and attempts < links * 20:
        attempts += 1
        tier, column, row = rng.choice(cells)
        if tier == tiers - 1:
            continue
        target_cell = (tier + 1, rng.randrange(columns), max(0, row + rng.randint(-6, 6)))
        source, target = by_cell[(tier, column, row)], by_cell.get(target_cell)
        if target is None or (source, target) in seen:
            continue
        seen.add((source, target))
        label = rng.choice(WORDS) + rng.choice(WORDS) if rng.random() < 0.25 else None
        flows = [Flow("CN-TJ", "CN-BJ")] if rng.random() < 0.1 else []
        kind = rng.choice((None, None, None, "technology", "service"))
        chain_map.add_edge(Edge(f"e{count:05d}", source, target, kind=kind, label=label, flows=flows))
        count += 1
    return chain_map
