"""New maps: a blank map, or one of the six chains' structure taken from the bundled examples.

A template keeps an example's structure (tiers, segments with their parents, kinds,
aliases, descriptions, tags and positions, and the links with their kinds and labels) and
none of its facts: no region entries (statuses, enterprises, plans), no flows, no notes,
no link notes, no lead or owner. Every map and item id is new and random, so a map made
from a template is never mistaken for the example's copies when merging.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from chainmap.core.format.fileio import load_map
from chainmap.core.ids import new_id
from chainmap.core.model import ChainMap, Edge, Node, Region, Tier
from chainmap.core.vocabulary import DEFAULT_REGIONS
from chainmap.examples_path import example_path

# (slug, chain name): the six key chains of the coordination mechanism, in its order.
TEMPLATES = (
    ("vehicles", "新能源和智能网联汽车"),
    ("biomedicine", "生物医药"),
    ("cybersecurity", "网络安全和工业互联网"),
    ("hydrogen", "氢能"),
    ("machine-tools", "高端工业母机"),
    ("robots", "机器人"),
)
BLANK_TITLE = "新产业链图谱"
BLANK_CHAIN = "新产业链"
BLANK_TIERS = (("up", "上游"), ("mid", "中游"), ("down", "下游"))


# The chains' names as the interface says them (translated; the map keeps the Chinese name).
TEMPLATE_LABELS = {
    "vehicles": QT_TRANSLATE_NOOP("templates", "New energy and intelligent connected vehicles"),
    "biomedicine": QT_TRANSLATE_NOOP("templates", "Biomedicine"),
    "cybersecurity": QT_TRANSLATE_NOOP("templates", "Cybersecurity and industrial internet"),
    "hydrogen": QT_TRANSLATE_NOOP("templates", "Hydrogen energy"),
    "machine-tools": QT_TRANSLATE_NOOP("templates", "High-end machine tools"),
    "robots": QT_TRANSLATE_NOOP("templates", "Robots"),
}


def template_label(slug: str) -> str:
    """A template's chain as the interface names it (``"Hydrogen energy"`` / ``"氢能"``)."""
    return QCoreApplication.translate("templates", str(TEMPLATE_LABELS[slug]))


def template_names() -> list[tuple[str, str]]:
    """``(slug, Chinese chain name)`` of each template, e.g. ``("hydrogen", "氢能")``."""
    return list(TEMPLATES)


def _regions(source: ChainMap | None = None) -> list[Region]:
    # The three regions, with the example's names and colours where it has them.
    regions = []
    for code, name, color in DEFAULT_REGIONS:
        if source is not None and source.has_region(code):
            known = source.region(code)
            regions.append(Region(code, known.name, known.color or color))
        else:
            regions.append(Region(code, name, color))
    return regions


def blank_map() -> ChainMap:
    """A new empty map: title "新产业链图谱", the three regions, tiers 上游/中游/下游."""
    return ChainMap(
        new_id("map"),
        BLANK_TITLE,
        BLANK_CHAIN,
        regions=_regions(),
        tiers=[Tier(tier_id, name) for tier_id, name in BLANK_TIERS],
    )


def new_map_from_template(slug: str) -> ChainMap:
    """A new map with the structure of example ``slug`` and none of its facts.

    Raises:
        KeyError: if ``slug`` is not one of :func:`template_names`.
        FileNotFoundError, chainmap.core.format.problems.MapLoadError: if the bundled example is
            missing or broken.
    """
    if slug not in dict(TEMPLATES):
        raise KeyError(f"There is no template '{slug}'; use one of {', '.join(s for s, _ in TEMPLATES)}.")
    source = load_map(example_path(slug)).map
    result = ChainMap(
        new_id("map"),
        source.title,
        source.chain,
        regions=_regions(source),
        tiers=[Tier(tier.id, tier.name) for tier in source.tiers],
    )
    node_ids = {node.id: new_id("n") for node in source.nodes}
    # Parentless first, then parents, so a sub-segment listed before its parent loads too.
    for node in source.nodes:
        result.add_node(
            Node(
                id=node_ids[node.id],
                name=node.name,
                tier=node.tier,
                kind=node.kind,
                aliases=list(node.aliases),
                description=node.description,
                tags=list(node.tags),
                x=node.x,
                y=node.y,
            )
        )
    for node in source.nodes:
        if node.parent is not None:
            result.update_node(node_ids[node.id], parent=node_ids[node.parent])
    for edge in source.edges:
        result.add_edge(
            Edge(
                id=new_id("e"),
                source=node_ids[edge.source],
                target=node_ids[edge.target],
                kind=edge.kind,
                label=edge.label,
            )
        )
    return result
