"""The parts of a chain map: value objects and items, as plain dataclasses.

:class:`~chainmap.core.model.ChainMap` owns the items and changes them through its mutators;
everything here is re-exported by :mod:`chainmap.core.model`, which is where callers import
them from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ModelError(ValueError):
    """An edit the model refuses; the message says why, in a sentence."""


class _Absent:
    """The value of a field that is not there (distinct from JSON ``null``)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Absent:
        return self

    def __copy__(self) -> _Absent:
        return self


ABSENT: Any = _Absent()


@dataclass(slots=True)
class Region:
    """A participating region, e.g. ``Region("CN-TJ", "天津", "#2B6CD9")``."""

    code: str
    name: str
    color: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Tier:
    """A band of the chain, upstream to downstream, e.g. ``Tier("up", "上游")``."""

    id: str
    name: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Enterprise:
    """A key firm of one region in one segment."""

    name: str
    uscc: str | None = None
    marks: list[str] = field(default_factory=list)
    city: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Plan:
    """What a region will do about a weak or missing segment (补链, 强链, 延链, 优链)."""

    action: str
    priority: str
    targets: list[str] = field(default_factory=list)
    owner: str | None = None
    due: str | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RegionEntry:
    """One region's facts about one segment."""

    status: str = "unknown"
    enterprises: list[Enterprise] = field(default_factory=list)
    plan: Plan | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Node:
    """A segment (环节). ``x``/``y`` of ``None`` mean "lay me out"."""

    id: str
    name: str
    tier: str
    parent: str | None = None
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    x: float | None = None
    y: float | None = None
    regions: dict[str, RegionEntry] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Flow:
    """Cross-region supply along a link: region ``source`` supplies region ``target``."""

    source: str
    target: str
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Edge:
    """A link, upstream ``source`` → downstream ``target``. ``kind`` ``None`` means supply."""

    id: str
    source: str
    target: str
    kind: str | None = None
    label: str | None = None
    flows: list[Flow] = field(default_factory=list)
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_kind(self) -> str:
        """The kind, with the format's default ``supply`` when none is set."""
        return self.kind if self.kind is not None else "supply"


@dataclass(slots=True)
class Note:
    """A free annotation on the canvas, optionally pointing at a segment."""

    id: str
    text: str
    x: float
    y: float
    node: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ConflictValue:
    """One source's value in a conflict; ``value`` is :data:`ABSENT` where the source has none."""

    source: str
    value: Any = ABSENT
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Conflict:
    """What a merge could not decide (see merge.md)."""

    id: str
    kind: str
    path: str
    values: list[ConflictValue] = field(default_factory=list)
    base: Any = ABSENT
    extra: dict[str, Any] = field(default_factory=dict)
