"""``chainmap analyze FILE``: the chain's link graph read off a map (sources, sinks, chokepoints,
coverage per region, fill gains, upstream, downstream, betweenness, loops).

The definitions are in :mod:`chainmap.core.analysis.graph`; ``--json`` prints
:func:`chainmap.core.analysis.analysis_data`. ``--region CODE`` (or ``all``) limits coverage and
fill gains to that one key; ``--segment ID`` (repeatable) limits the per-segment part.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from chainmap.core.analysis import ALL_REGIONS, ChainAnalysis, analysis_data
from chainmap.core.analysis.graph import EXACT_BETWEENNESS_LIMIT
from chainmap.core.messages import msg, word
from chainmap.core.model import ChainMap
from chainmap.core.textsafe import json_safe

from .common import load_or_report, out, say

# Text output shows this many ids per list; --json lists them all.
SHOWN = 20
TOP_BETWEENNESS = 10


def register(subparsers: Any) -> None:
    """Add ``analyze`` to the command line."""
    parser = subparsers.add_parser(
        "analyze",
        help=msg("analyse the chain: sources, sinks, chokepoints, coverage and fill gains per region"),
        description=msg("Analyse a map's chain of links: sources and sinks, the chokepoints (卡点) on every "
            "path to a sink, each region's coverage of the sinks (a sink is covered when the region is "
            "strong or present in every segment of some path to it), the gaps whose filling alone would "
            "raise that coverage (补链 priorities), each segment's upstream, downstream and betweenness, "
            "and loops of links."),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--region", metavar="CODE",
                        help=msg("give coverage and fill gains for this region only (a code, or 'all' for "
                            "the regions together); default: every region, then all"))
    parser.add_argument("--segment", metavar="ID", action="append",
                        help=msg("give upstream, downstream and betweenness for this segment only (repeatable)"))
    parser.add_argument("--json", action="store_true", help=msg("print JSON instead of text"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Analyse ``args.file``; 0 when done, 1 when the map or an asked region or segment is missing."""
    result = load_or_report(args.file)
    if result is None:
        return 1
    chain_map = result.map
    regions = _regions_asked(args.file, chain_map, args.region)
    if regions is None:
        return 1
    if args.segment and not _segments_known(args.file, chain_map, args.segment):
        return 1
    chain = ChainAnalysis(chain_map)
    sample = chain.betweenness.sample
    if args.json:
        segments = sorted(set(args.segment)) if args.segment else None
        out_json(analysis_data(chain, regions=regions, segments=segments))
        if sample is not None:
            say(f"{args.file}: {_sampled_note(sample, chain.graph.number_of_nodes())}")
        return 0
    _print_text(chain_map, chain, regions, args.segment)
    return 0


def out_json(value: Any) -> None:
    """Print ``value`` as JSON laid out for reading: a line per segment, chokepoint, region and
    fill gain (``indent=2`` would put each of a big map's 100,000 ids on a line of its own, and
    take longer than the analysis). Safe on a terminal, like every JSON the commands print."""
    print(json_safe(_layered(value, 0, "")))


def _layered(value: Any, level: int, indent: str) -> str:
    """Dicts of the first two levels, and lists of dicts or lists, one item a line; the rest inline."""
    inner = indent + "  "
    if isinstance(value, dict) and level < 2 and value:
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_layered(item, level + 1, inner)}"
                 for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        items = [inner + _layered(item, level + 1, inner) for item in value]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    return json.dumps(value, ensure_ascii=False)


def _regions_asked(source: str, chain_map: ChainMap, asked: str | None) -> list[str] | None:
    """The coverage keys to give, or ``None`` (reported) when ``asked`` names no region."""
    if asked is None:
        return [*chain_map.region_codes(), ALL_REGIONS]
    if asked.lower() == ALL_REGIONS:
        return [ALL_REGIONS]
    if chain_map.has_region(asked):
        return [asked]
    codes = ", ".join(chain_map.region_codes()) or word("(the map declares none)")
    say(msg("{source}: the map has no region '{asked}'; give --region all or one of {codes}.",
            source=source, asked=asked, codes=codes))
    return None


def _segments_known(source: str, chain_map: ChainMap, asked: Sequence[str]) -> bool:
    """Whether every id in ``asked`` names a segment; reports each that does not."""
    known = True
    for segment in asked:
        if chain_map.has_node(segment):
            continue
        known = False
        named = [node.id for node in chain_map.nodes if node.name == segment]
        hint = msg(" ('{segment}' is the name of {ids}: give the id)", segment=segment, ids=", ".join(named)) if named else ""
        say(msg("{source}: the map has no segment with the id '{segment}'{hint}.", source=source, segment=segment,
                hint=hint))
    return known


def _sampled_note(sample: int, count: int) -> str:
    return msg("betweenness estimated from {sample:,} of {count:,} segments drawn with a fixed seed (exact "
               "only on maps of up to {limit:,} segments without large loops of links).",
               sample=sample, count=count, limit=EXACT_BETWEENNESS_LIMIT)


def _print_text(chain_map: ChainMap, chain: ChainAnalysis, regions: list[str],
                segments: Sequence[str] | None) -> None:
    names = {node.id: node.name for node in chain_map.nodes}

    def label(segment: str) -> str:
        return f"{names[segment]} ({segment})"

    def listed(ids: Iterable[str]) -> str:
        ids = list(ids)
        if not ids:
            return word("none")
        text = ", ".join(label(i) for i in ids[:SHOWN])
        return text + (msg(", … and {more} more (--json lists all)", more=len(ids) - SHOWN) if len(ids) > SHOWN else "")

    def region_label(key: str) -> str:
        return word("all regions together (all)") if key == ALL_REGIONS else f"{chain_map.region(key).name} ({key})"

    graph = chain.graph
    isolated = sum(1 for n in graph if graph.degree(n) == 0)
    out(msg("{title}: chain analysis", title=chain_map.title))
    out(msg("  {segments} segments, {links} links; {isolated} without any link", segments=len(chain_map.nodes),
            links=len(chain_map.edges), isolated=isolated))
    out(msg("Sources ({count}): {names}", count=len(chain.sources), names=listed(chain.sources)))
    out(msg("Sinks ({count}): {names}", count=len(chain.sinks), names=listed(chain.sinks)))
    out(msg("Chokepoints ({count}), each on every path from the sources to the sinks named:",
            count=len(chain.chokepoints)))
    shown = list(chain.chokepoints.items())
    for segment, sinks in shown[:SHOWN]:
        out(f"  {label(segment)} -> {listed(sinks)}")
    if len(shown) > SHOWN:
        out(msg("  … and {more} more (--json lists all)", more=len(shown) - SHOWN))
    out(msg("Coverage: the sinks a region reaches through segments it is strong or present in"))
    for key in regions:
        cover = chain.coverage(key)
        out(msg("  {region}: {share:.1%}, {covered} of {sinks} sinks: {names}", region=region_label(key),
                share=cover.share, covered=len(cover.covered_sinks), sinks=len(chain.sinks),
                names=listed(cover.covered_sinks)))
    out(msg("Fill gains: the coverage if this one lacking segment became present, best first"))
    for key in regions:
        gains = chain.fill_gains(key)
        share = chain.coverage(key).share
        out(f"  {region_label(key)}: " + (word("nothing to gain from one segment") if not gains else f"{len(gains)}"))
        for gain in gains[:SHOWN]:
            more = round((gain.share_after - share) * len(chain.sinks))
            out(f"    {label(gain.segment)}: {share:.1%} -> {gain.share_after:.1%} "
                + (msg("(+{more} sinks)", more=more) if more > 1 else msg("(+{more} sink)", more=more)))
        if len(gains) > SHOWN:
            out("  " + msg("  … and {more} more (--json lists all)", more=len(gains) - SHOWN))
    _print_segments(chain, segments, label, listed)
    if chain.loops:
        out(msg("Loops of links ({count}):", count=len(chain.loops)))
        for loop in chain.loops:
            out("  " + " -> ".join(label(s) for s in (*loop.cycle, loop.cycle[0])))


def _print_segments(chain: ChainAnalysis, segments: Sequence[str] | None, label: Callable[[str], str],
                    listed: Callable[[Iterable[str]], str]) -> None:
    betweenness = chain.betweenness
    note = "" if betweenness.sample is None else (
        f"; {_sampled_note(betweenness.sample, chain.graph.number_of_nodes()).rstrip('.')}")
    if segments:
        for segment in dict.fromkeys(segments):
            out(msg("Segment {segment}: betweenness {value:.4g}{note}", segment=label(segment),
                    value=betweenness.values[segment], note=note))
            upstream, downstream = chain.upstream(segment), chain.downstream(segment)
            out(msg("  Upstream ({count}): {names}", count=len(upstream), names=listed(upstream)))
            out(msg("  Downstream ({count}): {names}", count=len(downstream), names=listed(downstream)))
        return
    ranked = sorted(betweenness.values.items(), key=lambda item: (-item[1], item[0]))
    ranked = [item for item in ranked if item[1] > 0][:TOP_BETWEENNESS]
    out(msg("Betweenness, highest first{note}:", note=note) + ("" if ranked else word(" none above 0")))
    for segment, value in ranked:
        out(f"  {label(segment)}: {value:.4g}")
    out(word("  (--segment ID gives a segment's upstream and downstream; --json gives every segment's)"))
