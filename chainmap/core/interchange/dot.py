"""Graphviz DOT: one cluster per tier, a ``rank=same`` group per column of the canvas.

networkx writes DOT only through pydot or pygraphviz, neither of which chainmap needs for
anything else, and neither writes clusters and rank groups from a plain graph; DOT is a small
text format, so it is written here, every identifier and label quoted and escaped. The
result is for Graphviz (``dot -Tsvg map.gv``): left to right, tiers as boxed clusters, the
segments of one canvas column side by side (``rank=same``), boxes filled with their status
colour, links styled by kind (technology dashed, service dotted, with flows thicker).
"""

from __future__ import annotations

from chainmap.core.analysis import regional_status
from chainmap.core.model import ChainMap

from . import labels

LINE_STYLES = {"supply": "solid", "technology": "dashed", "service": "dotted"}


def quoted(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, line breaks as ``\\n``, other control
    characters left out."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\n").replace("\n", "\\n")
    return '"' + "".join(ch for ch in text if ch >= " " or ch == "\t") + '"'


def dot_text(chain_map: ChainMap) -> str:
    """The map as a DOT digraph."""
    lines = [f"digraph {quoted(chain_map.id)} {{",
             f'  graph [rankdir=LR, newrank=true, compound=true, fontname="sans-serif", labelloc=t, '
             f"label={quoted(chain_map.title)}];",
             '  node [shape=box, style="rounded,filled", fontname="sans-serif", color="#56657A"];',
             '  edge [fontname="sans-serif", color="#56657A"];']
    for index, tier in enumerate(chain_map.tiers):
        members = [n for n in chain_map.nodes if n.tier == tier.id]
        lines.append(f"  subgraph {quoted(f'cluster_{index}')} {{")
        lines.append(f'    label={quoted(tier.name)}; style=filled; color="#C3CEDB"; fillcolor="#F5F7FA";')
        columns: dict[object, list[str]] = {}
        for node in members:
            columns.setdefault(round(node.x) if node.x is not None else None, []).append(node.id)
            fill = "#" + labels.STATUS_FILLS[regional_status(node)]
            lines.append(f"    {quoted(node.id)} [label={quoted(node.name)}, fillcolor={quoted(fill)}];")
        for _, ids in sorted(columns.items(), key=lambda item: (item[0] is None, item[0] or 0)):
            lines.append("    { rank=same; " + " ".join(quoted(i) + ";" for i in ids) + " }")
        lines.append("  }")
    for edge in chain_map.edges:
        attrs = [f"style={LINE_STYLES.get(edge.effective_kind, 'solid')}"]
        if edge.label:
            attrs.append(f"label={quoted(edge.label)}")
        if edge.flows:
            attrs.append("penwidth=2.6")
        lines.append(f"  {quoted(edge.source)} -> {quoted(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
