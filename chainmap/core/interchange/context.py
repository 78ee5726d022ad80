"""What an import works on: the map's plain data as it is being changed, and how cells name
its regions, tiers and segments.

The importer changes plain data (what :func:`chainmap.core.format.map_to_data` gives), the
validator checks the result and :func:`chainmap.core.format.map_from_data` builds the new
map: the map imported into is never touched, so a failed import changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chainmap.core.ids import new_id
from chainmap.core.messages import msg
from chainmap.core.vocabulary import DEFAULT_REGIONS

from .tables import Table
from .values import Problems, name_key

KNOWN_TIERS = {"上游": "up", "upstream": "up", "中游": "mid", "midstream": "mid", "下游": "down",
               "downstream": "down"}


@dataclass
class Counts:
    """How many items an import created, updated and deleted, by kind."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    placed: int = 0

    def add(self, counter: dict[str, int], kind: str, count: int = 1) -> None:
        counter[kind] = counter.get(kind, 0) + count


@dataclass
class Origin:
    """Where an item of the result came from: a table and its row (for messages)."""

    table: Table
    row: int
    columns: dict[str, int]


class Context:
    """The data being built, the problems found, and the look-ups cells go through.

    Attributes: ``data`` (the map's plain data), ``new_map`` (no map imported into),
    ``problems``, ``counts``, ``origins`` (``(kind, id)`` → :class:`Origin`),
    ``delete_missing``.
    """

    def __init__(self, data: dict[str, Any], *, new_map: bool, delete_missing: bool = False) -> None:
        self.data = data
        self.new_map = new_map
        self.delete_missing = delete_missing
        self.problems = Problems()
        self.counts = Counts()
        self.origins: dict[tuple[str, str], Origin] = {}
        self.tiers_from_cells = new_map  # a new map without a tiers sheet makes tiers as named
        self.extras_warned: set[tuple[str, str]] = set()
        self.created_ids: set[str] = set()  # items this import made (a tombstone of theirs goes)

    # ------------------------------------------------------------------ regions
    def region_pairs(self) -> list[tuple[str, str]]:
        """(code, name) of the map's regions and, for a new map, the default ones too."""
        pairs = [(r["code"], r["name"]) for r in self.data["regions"]]
        if self.new_map:
            codes = {code for code, _ in pairs}
            pairs += [(code, name) for code, name, _ in DEFAULT_REGIONS if code not in codes]
        return pairs

    def use_region(self, code: str) -> None:
        """Make sure a region named by a cell is one of the map's (a default one, for a new map)."""
        if any(r["code"] == code for r in self.data["regions"]):
            return
        for default_code, name, colour in DEFAULT_REGIONS:
            if default_code == code:
                self.data["regions"].append({"code": code, "name": name, "color": colour})

    def region_code(self, text: str) -> str | None:
        """The region a cell names by code or name, or None."""
        wanted = name_key(text)
        for code, name in self.region_pairs():
            if name_key(code) == wanted or name_key(name) == wanted:
                return code
        return None

    def unknown_region(self, text: str) -> str:
        """The problem of a cell naming no region of the map: ``text`` and the regions it may name."""
        pairs = self.region_pairs()
        return msg("unknown region '{region}' (expected {names} or {codes})", region=text,
                   names="/".join(name for _, name in pairs), codes="/".join(code for code, _ in pairs))

    # -------------------------------------------------------------------- tiers
    def tier_id(self, text: str) -> str | None:
        """The tier a cell names by id or name; for a new map without a tiers sheet, a new tier."""
        wanted = name_key(text)
        tiers = self.data["tiers"]
        for tier in tiers:
            if tier["id"] == text.strip():
                return str(tier["id"])
        for tier in tiers:
            if name_key(tier["name"]) == wanted:
                return str(tier["id"])
        if not self.tiers_from_cells:
            return None
        tier_id = KNOWN_TIERS.get(wanted, "")
        if not tier_id or any(t["id"] == tier_id for t in tiers):
            tier_id = new_id("t")
        tiers.append({"id": tier_id, "name": text.strip()})
        self.created_ids.add(tier_id)
        self.counts.add(self.counts.created, "tier")
        return tier_id

    def unknown_tier(self, text: str) -> str:
        """The problem of a cell naming no tier of the map: ``text`` and the tiers it may name."""
        tiers = self.data["tiers"]
        if not tiers:
            return msg("unknown tier '{tier}' (expected the map has no tiers yet: list them on a tiers sheet)",
                       tier=text)
        return msg("unknown tier '{tier}' (expected {names} or {ids})", tier=text,
                   names="/".join(t["name"] for t in tiers), ids="/".join(t["id"] for t in tiers))


class SegmentIndex:
    """Segments by id and by name, for cells that name one (a link's end, a parent)."""

    def __init__(self, nodes: list[dict[str, Any]]) -> None:
        self.ids = {node["id"] for node in nodes}
        self.by_name: dict[str, list[str]] = {}
        for node in nodes:
            self.by_name.setdefault(name_key(str(node.get("name") or "")), []).append(node["id"])

    def resolve(self, text: str) -> tuple[str | None, str | None]:
        """(segment id, None) or (None, why not)."""
        if text.strip() in self.ids:
            return text.strip(), None
        found = self.by_name.get(name_key(text), [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, msg("'{text}' names {count} segments ({ids}): give the segment's id instead",
                             text=text, count=len(found), ids=", ".join(found[:3]))
        return None, msg("there is no segment '{text}' (give a segment's id or name)", text=text)
