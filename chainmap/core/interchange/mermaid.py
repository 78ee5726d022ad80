"""Mermaid flowcharts (``.mmd``) for wikis: tiers as subgraphs left to right, segments as
boxes coloured by status, links with their labels (technology dotted, service thick).

Mermaid has no reader or writer in networkx; its syntax is written here. Ids are Mermaid's
own (``s0``, ``t0``: map ids hold characters Mermaid reads as arrows), text is quoted with
Mermaid's entity codes for the characters its parser would take as syntax.
"""

from __future__ import annotations

from chainmap.core.analysis import regional_status
from chainmap.core.model import ChainMap

from . import labels

ARROWS = {"supply": "-->", "technology": "-.->", "service": "==>"}
_ENTITIES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "|": "#124;", "`": "#96;"}


def mermaid_label(text: str) -> str:
    """Text inside Mermaid's quotes: syntax characters as entity codes, lines as ``<br>``."""
    out = "".join(_ENTITIES.get(ch, ch) for ch in text if ch >= " " or ch == "\n")
    return '"' + out.replace("\n", "<br>") + '"'


def mermaid_text(chain_map: ChainMap) -> str:
    """The map as a Mermaid flowchart."""
    ids = {node.id: f"s{index}" for index, node in enumerate(chain_map.nodes)}
    lines = ["---", f"title: {mermaid_label(chain_map.title)}", "---", "flowchart LR"]
    statuses: dict[str, list[str]] = {}
    for index, tier in enumerate(chain_map.tiers):
        lines.append(f"  subgraph t{index}[{mermaid_label(tier.name)}]")
        lines.append("    direction TB")
        for node in chain_map.nodes:
            if node.tier == tier.id:
                lines.append(f"    {ids[node.id]}[{mermaid_label(node.name)}]")
                statuses.setdefault(regional_status(node), []).append(ids[node.id])
        lines.append("  end")
    for edge in chain_map.edges:
        arrow = ARROWS.get(edge.effective_kind, "-->")
        label = f"|{mermaid_label(edge.label)}|" if edge.label else ""
        lines.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    for status, members in statuses.items():
        lines.append(f"  classDef {status} fill:#{labels.STATUS_FILLS[status]},stroke:#56657A")
        lines.append(f"  class {','.join(members)} {status}")
    return "\n".join(lines) + "\n"
