"""Which items of several maps are "the same": name normalisation, clustering, near matches.

Used by the merge (merge.md, "Matching") and by the diff. Everything here works on plain data
(the dicts :func:`chainmap.core.format.serialize.map_to_data` writes), never on the model.

Name normalisation: Unicode NFKC (so full-width ``ＡＢＣ`` is ``ABC`` and ``（`` is ``(``),
case-folded, then every white-space, punctuation (categories ``P*``, half- and full-width alike)
and invisible format character (``Cf``, e.g. a zero-width space) removed. ``"固 态 电池"``,
``"固态电池"`` and ``"固态·电池"`` all normalise to ``"固态电池"``.

Near-match score: the larger of :class:`difflib.SequenceMatcher`'s ratio on the normalised names,
and, when one normalised name contains the other (at least two characters),
``0.6 + 0.4 * len(shorter) / len(longer)``; :data:`NEAR_MATCH_THRESHOLD` is 0.6.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

NEAR_MATCH_THRESHOLD = 0.6

# Punctuation (all P* categories), separators and invisible format characters.
_DROPPED = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp", "Cf"})


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The form two names are compared in: NFKC, case-folded, no space or punctuation."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    kept = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _DROPPED)
    # Removing a space can leave a combining mark next to a letter: compose them again.
    return unicodedata.normalize("NFC", kept)


def node_names(node: dict[str, Any]) -> list[str]:
    """A node's name and aliases, normalised, without empty or repeated ones."""
    names = [normalise_name(node["name"])]
    names.extend(normalise_name(alias) for alias in node.get("aliases", ()))
    return [n for n in dict.fromkeys(names) if n]


def similarity(a: str, b: str) -> float:
    """How alike two normalised names are, from 0 to 1 (see the module docstring)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if set(a).isdisjoint(b):
        return 0.0  # no character in common: nothing alike (and no containment)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    contained = 0.0
    if len(shorter) >= 2 and shorter in longer:
        contained = 0.6 + 0.4 * len(shorter) / len(longer)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs of a large map are far apart.
    if max(contained, matcher.real_quick_ratio()) < NEAR_MATCH_THRESHOLD:
        return contained
    if max(contained, matcher.quick_ratio()) < NEAR_MATCH_THRESHOLD:
        return contained
    return max(contained, matcher.ratio())


def best_similarity(names_a: Iterable[str], names_b: Iterable[str]) -> float:
    """The best :func:`similarity` over two lists of normalised names (name and aliases)."""
    names_b = list(names_b)
    return max((similarity(a, b) for a in names_a for b in names_b), default=0.0)


@dataclass(eq=False)
class Cluster:
    """Items of several sources that are one item. ``members`` maps source key → item data.

    Source keys are small integers (the merge uses ``-1`` for the base and ``0..n-1`` for
    the inputs); a cluster holds at most one item per source.
    """

    members: dict[int, dict[str, Any]] = field(default_factory=dict)
    keys: set[Hashable] = field(default_factory=set)
    by_name: bool = False  # joined to another cluster by a key, not only by id
    merged_id: str = ""

    @property
    def ids(self) -> list[str]:
        """The members' ids, sorted and without repeats."""
        return sorted({item["id"] for item in self.members.values()})

    def first_id(self) -> str:
        return min(item["id"] for item in self.members.values())


def cluster_by_id(sources: Iterable[tuple[int, Iterable[dict[str, Any]]]]) -> list[Cluster]:
    """One cluster per id, holding each source's item of that id; in order of first sight."""
    clusters: dict[str, Cluster] = {}
    for source, items in sources:
        for item in items:
            cluster = clusters.get(item["id"])
            if cluster is None:
                cluster = clusters[item["id"]] = Cluster()
            if source not in cluster.members:
                cluster.members[source] = item
    return list(clusters.values())


@dataclass
class KeyMatchOutcome:
    """What :func:`match_by_keys` did: the clusters left, and the ambiguous groups."""

    clusters: list[Cluster]
    # Each ambiguous group: clusters that share a key where one source has several candidates.
    ambiguous: list[list[Cluster]]


def match_by_keys(
    clusters: list[Cluster],
    keys_of: Callable[[int, dict[str, Any]], Iterable[Hashable]],
    eligible: Callable[[Cluster], bool] = lambda cluster: True,
) -> KeyMatchOutcome:
    """Join clusters that share a key and have no source in common (merge.md, matching 2–3).

    A cluster joins its candidates (the clusters sharing a key with it, disjoint from it in
    sources) when no source offers more than one of them; otherwise it is ambiguous: it
    joins nothing, and the group is reported (a ``duplicate`` conflict for segments).
    Clusters are visited in the order of their smallest id, so the outcome does not depend on
    the order the inputs were given in. Clusters not ``eligible`` take no part.
    """
    for cluster in clusters:
        cluster.keys = (
            {k for source, item in cluster.members.items() for k in keys_of(source, item)}
            if eligible(cluster) else set()
        )
    index: dict[Hashable, list[Cluster]] = {}
    for cluster in clusters:
        for key in cluster.keys:
            index.setdefault(key, []).append(cluster)

    dead: set[int] = set()  # id() of clusters absorbed into another
    ambiguous_ids: set[int] = set()

    def candidates(cluster: Cluster) -> list[Cluster]:
        sources = cluster.members.keys()
        found: dict[int, Cluster] = {}
        for key in cluster.keys:
            for other in index.get(key, ()):
                if other is cluster or id(other) in dead or id(other) in ambiguous_ids:
                    continue
                if sources.isdisjoint(other.members.keys()):
                    found[id(other)] = other
        return sorted(found.values(), key=Cluster.first_id)

    def pairwise_disjoint(group: list[Cluster]) -> bool:
        seen: set[int] = set()
        for cluster in group:
            if not seen.isdisjoint(cluster.members.keys()):
                return False
            seen.update(cluster.members.keys())
        return True

    # A cluster whose candidates collide is ambiguous from the start, so that no later cluster
    # joins it by the back door (which would make the outcome depend on the visiting order).
    order = sorted((c for c in clusters if c.keys), key=Cluster.first_id)
    groups: list[list[Cluster]] = []
    for cluster in order:
        found = candidates(cluster)
        if found and not pairwise_disjoint(found):
            groups.append([cluster, *found])
    for group in groups:
        ambiguous_ids.add(id(group[0]))

    for cluster in order:
        if id(cluster) in dead or id(cluster) in ambiguous_ids:
            continue
        while True:
            found = candidates(cluster)
            if not found:
                break
            if not pairwise_disjoint(found):
                ambiguous_ids.add(id(cluster))
                groups.append([cluster, *found])
                break
            for other in found:
                cluster.members.update(other.members)
                dead.add(id(other))
                for key in other.keys - cluster.keys:
                    index.setdefault(key, []).append(cluster)
                cluster.keys |= other.keys
            cluster.by_name = True

    # One group per set of clusters (two ambiguous clusters often see the same group).
    unique: dict[frozenset[int], list[Cluster]] = {}
    for group in groups:
        alive = [c for c in group if id(c) not in dead]
        if len(alive) > 1:
            unique.setdefault(frozenset(id(c) for c in alive), sorted(alive, key=Cluster.first_id))
    return KeyMatchOutcome([c for c in clusters if id(c) not in dead], list(unique.values()))
