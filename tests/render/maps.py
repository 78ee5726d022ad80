"""A small map built in code for the render tests: every kind of object the painter draws."""

from __future__ import annotations

from chainmap.core.geometry import PARENT_PADDING, ROW_GAP, SEGMENT_HEIGHT
from chainmap.core.model import (
    ChainMap,
    Edge,
    Enterprise,
    Flow,
    Node,
    Note,
    Plan,
    Region,
    RegionEntry,
    Tier,
)

TITLE = "京津冀测试产业链图谱"
ROW = SEGMENT_HEIGHT + ROW_GAP


def entry(status: str, firms: int = 0, plan: str | None = None) -> RegionEntry:
    return RegionEntry(status, [Enterprise(f"示例企业{i}") for i in range(firms)],
                       Plan(plan, "high") if plan else None)


def small_map() -> ChainMap:
    """Three tiers, three regions, a parent with two sub-segments, links with a label and a
    cross-region flow, a note pointing at a segment."""
    chain_map = ChainMap(
        "render-test", TITLE, "测试链", lead="CN-BJ",
        regions=[Region("CN-BJ", "北京", "#D9412B"), Region("CN-TJ", "天津", "#2B6CD9"),
                 Region("CN-HE", "河北", "#2E9E5B")],
        tiers=[Tier("up", "上游"), Tier("mid", "中游"), Tier("down", "下游")],
        meta={"created": "2025-01-02T09:00:00+08:00", "modified": "2025-03-17T17:30:00+08:00"},
    )
    add = chain_map.add_node
    add(Node("ore", "锂矿", "up", x=0, y=100,
             regions={"CN-BJ": entry("gap", plan="fill"), "CN-TJ": entry("weak"), "CN-HE": entry("strong", 2)}))
    add(Node("cathode", "正极材料和一个很长很长很长很长的名字需要折行显示", "up", x=0, y=100 + ROW,
             regions={"CN-BJ": entry("present", 1), "CN-TJ": entry("strong", 3), "CN-HE": entry("unknown")}))
    add(Node("battery", "动力电池", "mid", x=320, y=100,
             regions={"CN-BJ": entry("strong", 2), "CN-TJ": entry("present", 1), "CN-HE": entry("weak")}))
    add(Node("cell", "电芯", "mid", parent="battery", x=320, y=100 + ROW + PARENT_PADDING,
             regions={"CN-BJ": entry("strong"), "CN-TJ": entry("gap", plan="strengthen")}))
    add(Node("bms", "电池管理系统", "mid", parent="battery", x=320, y=100 + 2 * ROW + PARENT_PADDING,
             regions={"CN-TJ": entry("present")}))
    add(Node("car", "整车制造", "down", x=640, y=100,
             regions={"CN-BJ": entry("strong", 5), "CN-TJ": entry("strong", 1), "CN-HE": entry("present")}))
    add(Node("service", "充换电服务", "down", x=640, y=100 + ROW))
    chain_map.add_edge(Edge("e1", "ore", "cathode", label="锂盐"))
    chain_map.add_edge(Edge("e2", "cathode", "cell", flows=[Flow("CN-TJ", "CN-BJ")]))
    chain_map.add_edge(Edge("e3", "battery", "car", label="电池包", kind="technology"))
    chain_map.add_edge(Edge("e4", "bms", "service", kind="service"))
    chain_map.add_note(Note("note1", "天津正极材料\n就近配套北京整车", x=660, y=330, node="car"))
    return chain_map
