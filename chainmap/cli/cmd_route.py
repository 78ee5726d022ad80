"""``chainmap route FILE``: the geometry every drawing of a map uses, routed links and all."""

from __future__ import annotations

import argparse
import json
from typing import Any

from chainmap.core.messages import N_, msg
from chainmap.core.model import ChainMap

from .common import load_or_report, out, say


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "route",
        help=msg("print the boxes, routed links, labels and note callouts every drawing uses"),
        description=msg("Route a map's links around its boxes and place their labels and the notes' "
            "callouts, as the canvas and the exports draw them, and print the result in map units. "
            "With --json: {{\"boxes\": {{ID: [x, y, w, h]}}, \"links\": {{ID: {{\"points\": [[x, y], ...], "
            "\"label\": [x, y, w, h] or null}}}}, \"notes\": {{ID: {{\"box\": [x, y, w, h], \"leader\": "
            "[[x, y], ...] or null}}}}}}, curves flattened to polylines. Without it, a summary: counts, "
            "links through boxes, overlapping labels. Segments without a position are placed first, as "
            "'chainmap export' places them."),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help=msg("print the geometry as JSON"))
    parser.add_argument("--layout", action="store_true", help=msg("lay the whole map out afresh first"))
    parser.add_argument("--fold", action="append", default=[], metavar="SEGMENT-ID",
                        help=msg("show this segment folded, its sub-segments hidden (repeatable)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = load_or_report(args.file, quiet_warnings=args.json)
    if result is None:
        return 1
    chain_map = result.map
    folded = _folded(chain_map, args)
    if folded is None:
        return 1
    _place(chain_map, args)

    from chainmap.core.routing import box_hits, label_overlaps, route_map

    routes = route_map(chain_map, folded)
    if args.json:
        print(_compact_json(routes.to_json()))
        return 0
    hits = box_hits(((i, r.source, r.target, r.points) for i, r in routes.links.items()), routes.boxes)
    overlaps = label_overlaps(routes)
    labels = [r for r in routes.links.values() if r.label is not None]
    shrunk = sum(1 for r in labels if r.label_pixel_size < 11)
    moved = sum(1 for n in routes.notes.values() if n.moved)
    hidden = len(chain_map.edges) - len(routes.links)
    counts = dict(source=args.file, boxes=len(routes.boxes), links=len(routes.links), labels=len(labels),
                  shrunk=shrunk, notes=len(routes.notes), moved=moved)
    if hidden:
        out(msg("{source}: {boxes} boxes, {links} links routed ({hidden} not drawn: folded away or without a "
                "position), {labels} labels ({shrunk} shrunk), {notes} notes ({moved} moved off boxes)",
                hidden=hidden, **counts))
    else:
        out(msg("{source}: {boxes} boxes, {links} links routed, {labels} labels ({shrunk} shrunk), {notes} notes "
                "({moved} moved off boxes)", **counts))
    out(msg("{source}: {hits} links through boxes, {overlaps} overlapping labels or notes", source=args.file,
            hits=len(hits), overlaps=len(overlaps)))
    for link_id, box_id in hits:
        out(msg("{source}: link '{link}' passes through the box of '{name}' (no free path around it)",
                source=args.file, link=link_id, name=chain_map.node(box_id).name))
    for first, second in overlaps:
        out(msg("{source}: {first} overlaps {second}", source=args.file, first=_thing(first), second=_thing(second)))
    return 0


# What label_overlaps names (``kind:ID``), each a whole phrase in the reader's language.
_THINGS = {"box": N_("box {id}"), "label": N_("label {id}"), "note": N_("note {id}")}


def _thing(name: str) -> str:
    kind, _, item = name.partition(":")
    return msg(_THINGS[kind], id=item) if kind in _THINGS else name.replace(":", " ", 1)


def _folded(chain_map: ChainMap, args: argparse.Namespace) -> set[str] | None:
    """The segments to fold; None (after saying why) when one is not a segment of the map."""
    folded = set()
    for node_id in args.fold:
        if not chain_map.has_node(node_id):
            say(msg("{source}: --fold {segment}: the map has no segment '{segment}'", source=args.file, segment=node_id))
            return None
        folded.add(node_id)
    return folded


def _place(chain_map: ChainMap, args: argparse.Namespace) -> None:
    """Give every segment a position, as the export does: all afresh with --layout, else only
    those without one."""
    missing = [n.id for n in chain_map.nodes if n.x is None or n.y is None]
    if not args.layout and not missing:
        return
    from chainmap.core.layout.engine import layout_map

    done = layout_map(chain_map, only_new=not args.layout)
    if args.layout:
        say(msg("{source}: laid out all {placed} segments", source=args.file, placed=done.placed))
    else:
        say(msg("{source}: placed {placed} segment(s) that had no position", source=args.file, placed=done.placed))


def _compact_json(value: dict[str, dict[str, Any]]) -> str:
    """The geometry as JSON with one line per box, link and note."""
    parts = []
    for section, items in value.items():
        lines = [f"    {json.dumps(key, ensure_ascii=False)}: {json.dumps(item, ensure_ascii=False)}"
                 for key, item in items.items()]
        body = "{\n" + ",\n".join(lines) + "\n  }" if lines else "{}"
        parts.append(f"  {json.dumps(section)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}"
