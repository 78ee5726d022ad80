"""What a merge did, for people: counts, matches by name, near-match suggestions, and the
summary in words that the command line and the editor both show (:func:`summary_sections`).

A **suggestion** pairs two segments of the result in the same tier that no input holds both
of (so they may be one segment under two names) and whose names or aliases, in the result or
in any input holding them, are alike (:func:`chainmap.core.merge.matching.best_similarity` at least
:data:`~chainmap.core.merge.matching.NEAR_MATCH_THRESHOLD`). Suggestions are never merged by the
merge; the editor offers each pair (:func:`chainmap.core.merge.segment_merge.merge_segments`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..format.serialize import node_to_data
from ..messages import msg
from ..model import ChainMap
from ..vocabulary import CONFLICT_KINDS
from .ids import RenamedId
from .items import DELETED, ItemSet
from .matching import NEAR_MATCH_THRESHOLD, best_similarity, node_names

if TYPE_CHECKING:
    from .values import MergeContext


@dataclass
class NameMatch:
    """Items of several inputs found to be one by name (segments, tiers) or by ends (links)."""

    kind: str  # "segment", "tier" or "link"
    id: str  # the id in the result
    name: str
    members: list[dict[str, str]]  # {"source", "id", "name"} per input holding it


@dataclass
class Suggestion:
    """Two segments that may be one: alike names, same tier, never in the same input."""

    tier: str
    a: str
    b: str
    name_a: str
    name_b: str
    score: float
    sources_a: list[str]
    sources_b: list[str]


@dataclass
class DroppedEntry:
    """A ``regions[R]`` entry a copy not owned by R held, dropped because R's own copy has none."""

    path: str  # e.g. /nodes/n-ore/regions/CN-HE
    node: str  # the segment's id in the result
    name: str  # the segment's name in the result
    region: str  # R
    source: str  # the copy that held it


@dataclass
class MergeReport:
    """Counts and lists for the summary; ``conflicts`` counts every kind, zeros included."""

    segments_matched_by_id: int = 0
    links_matched_by_id: int = 0
    matched_by_name: list[NameMatch] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, name) of segments
    deleted: list[tuple[str, str]] = field(default_factory=list)
    links_added: int = 0
    links_deleted: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)
    suggestions: list[Suggestion] = field(default_factory=list)
    renamed: list[RenamedId] = field(default_factory=list)  # ids that named items of different kinds
    dropped_entries: list[DroppedEntry] = field(default_factory=list)  # merge.md, "Region authority"

    @property
    def conflict_count(self) -> int:
        return sum(self.conflicts.values())

    def summary_lines(self, conflict_rows: Sequence[str] = ()) -> list[str]:
        """The summary ``chainmap merge`` prints, one fact a line: each heading of
        :func:`summary_sections`, then its rows indented."""
        lines = []
        for section in summary_sections(self, conflict_rows=conflict_rows):
            lines.append(section.heading)
            lines.extend(f"  {row}" for row in section.rows)
        return lines

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["added"] = [{"id": i, "name": n} for i, n in self.added]
        out["deleted"] = [{"id": i, "name": n} for i, n in self.deleted]
        return out


@dataclass
class SummarySection:
    """One heading of a merge's summary (``key`` says which: ``matched_by_id``, ``conflicts``…)
    and the rows under it."""

    key: str
    heading: str
    rows: list[str]


def summary_sections(
    report: MergeReport,
    *,
    with_ids: bool = True,
    kind_name: Callable[[str], str] = str,
    conflict_rows: Sequence[str] = (),
) -> list[SummarySection]:
    """The summary of a merge in words, for ``chainmap merge`` and the editor's merge dialog
    alike (so the two never say different things). ``with_ids`` adds the segments' ids where a
    name says enough to people; ids renamed and entries dropped always show theirs (they are
    what those lines are about). ``kind_name`` names a kind of conflict; ``conflict_rows`` go
    under the conflicts heading, one per conflict (the command line and the editor describe a
    conflict each in their way)."""
    r = report
    by_name = Counter(m.kind for m in r.matched_by_name)

    def named(name: str, item_id: str) -> str:
        return f"{name} ({item_id})" if with_ids else name

    def member(m: dict[str, str]) -> str:
        text = " ".join(part for part in (m["source"], m["name"]) if part)  # links have no name
        return f"{text} ({m['id']})" if with_ids else text

    sections = [
        SummarySection("matched_by_id", msg("matched by id: {segments} segments, {links} links",
                                                segments=r.segments_matched_by_id, links=r.links_matched_by_id), []),
        SummarySection(
            "matched_by_name",
            msg("matched by name: {segments} segments, {links} links, {tiers} tiers",
                segments=by_name["segment"], links=by_name["link"], tiers=by_name["tier"]),
            [f"{m.kind} {m.name}{f' [{m.id}]' if with_ids else ''} ← " + ", ".join(member(x) for x in m.members)
             for m in r.matched_by_name],
        ),
        SummarySection("added", msg("added: {segments} segments, {links} links", segments=len(r.added), links=r.links_added),
                       [named(name, node_id) for node_id, name in r.added]),
        SummarySection("deleted", msg("deleted: {segments} segments, {links} links", segments=len(r.deleted),
                                                   links=r.links_deleted),
                       [named(name, node_id) for node_id, name in r.deleted]),
    ]
    if r.renamed:
        sections.append(SummarySection(
            "renamed", msg("ids renamed: {count} (an id naming another kind of item in another copy)", count=len(r.renamed)),
            [f"{x.kind}{f' {x.name}' if x.name else ''} ({', '.join(x.sources) or 'base'}) {x.id} -> "
             f"{x.new_id}: {x.id} is a {x.kept_by} in {', '.join(x.kept_sources) or 'the base'}"
             for x in r.renamed],
        ))
    if r.dropped_entries:
        sections.append(SummarySection(
            "dropped_entries", msg("region entries dropped: {count} (written by another region's copy; the region's "
                                   "own copy has none)", count=len(r.dropped_entries)),
            [f"{d.region} entry of {d.name} ({d.node}) from {d.source}" for d in r.dropped_entries],
        ))
    kinds = ", ".join(f"{r.conflicts.get(k, 0)} {kind_name(k)}" for k in CONFLICT_KINDS)
    sections.append(SummarySection("conflicts", msg("conflicts: {count} ({kinds})", count=r.conflict_count, kinds=kinds),
                                   list(conflict_rows)))
    sections.append(SummarySection(
        "suggestions", msg("suggestions (alike names, not merged): {count}", count=len(r.suggestions)),
        [f"{s.score:.2f}  {s.name_a} ({', '.join(s.sources_a)}{f'; {s.a}' if with_ids else ''}) ~ "
         f"{s.name_b} ({', '.join(s.sources_b)}{f'; {s.b}' if with_ids else ''})" for s in r.suggestions],
    ))
    return sections


def find_suggestions(
    chain_map: ChainMap, provenance: dict[str, list[str]], input_count: int,
    input_names: dict[str, list[str]] | None = None,
) -> list[Suggestion]:
    """Near matches among the segments not held by every input (see the module docstring).

    ``input_names`` gives each segment's names in the inputs holding it: where they disagree,
    the result's name depends on the order of the inputs, the suggestions do not."""
    by_tier: dict[str, list[tuple[str, str, list[str], frozenset[str]]]] = {}
    for node in chain_map.nodes:
        sources = provenance.get(node.id, [])
        if len(sources) >= input_count:
            continue
        names = node_names(node_to_data(node))
        if input_names:
            names = list(dict.fromkeys([*names, *sorted(input_names.get(node.id, ()))]))
        by_tier.setdefault(node.tier, []).append((node.id, node.name, names, frozenset(sources)))
    found = []
    for tier, candidates in by_tier.items():
        for i, (id_a, name_a, names_a, src_a) in enumerate(candidates):
            for id_b, name_b, names_b, src_b in candidates[i + 1:]:
                if not src_a.isdisjoint(src_b) or not set(names_a).isdisjoint(names_b):
                    continue
                score = best_similarity(names_a, names_b)
                if score >= NEAR_MATCH_THRESHOLD:
                    (a, na, sa), (b, nb, sb) = sorted([(id_a, name_a, src_a), (id_b, name_b, src_b)])
                    found.append(Suggestion(tier, a, b, na, nb, round(score, 3), sorted(sa), sorted(sb)))
    found.sort(key=lambda s: (-s.score, s.a, s.b))
    return found


def build_report(
    ctx: MergeContext, chain_map: ChainMap, tiers: ItemSet, nodes: ItemSet, edges: ItemSet,
    dropped_edges: list[str],
) -> MergeReport:
    """The report of a finished merge."""
    has_base = ctx.base is not None
    count = len(ctx.inputs)
    report = MergeReport()
    names = {node.id: node.name for node in chain_map.nodes}
    for kind, item_set in (("tier", tiers), ("segment", nodes), ("link", edges)):
        for item in item_set.kept():
            if item.by_name:
                if kind == "link":
                    name = f"{names.get(item.present[0][1]['from'], '?')} → {names.get(item.present[0][1]['to'], '?')}"
                else:
                    name = names.get(item.id) or item.present[0][1].get("name", "")
                members = [
                    {"source": s.label, "id": str(item.cluster.members[s.key]["id"]),
                     "name": str(item.cluster.members[s.key].get("name", ""))}
                    for s, _ in item.present
                ]
                report.matched_by_name.append(NameMatch(kind, item.id, name, members))
            elif len(item.present) >= 2:
                if kind == "segment":
                    report.segments_matched_by_id += 1
                elif kind == "link":
                    report.links_matched_by_id += 1
    for item in nodes.items:
        if item.state == DELETED:
            if item.base is not None:
                report.deleted.append((item.id, str(item.base["name"])))
        elif (item.base is None) if has_base else len(item.present) < count:
            report.added.append((item.id, names.get(item.id, "")))
    for item in edges.items:
        if item.state == DELETED:
            report.links_deleted += item.base is not None
        elif (item.base is None) if has_base else len(item.present) < count:
            report.links_added += item.id not in dropped_edges
    report.links_deleted += len(dropped_edges)
    kinds = Counter(c.kind for c in chain_map.conflicts)
    report.conflicts = {k: kinds.get(k, 0) for k in CONFLICT_KINDS}
    provenance = {item.id: [s.label for s, _ in item.present] for item in nodes.kept()}
    input_names = {
        item.id: [name for _, data in item.present for name in node_names(data)] for item in nodes.kept()
    }
    report.suggestions = find_suggestions(chain_map, provenance, count, input_names)
    return report
