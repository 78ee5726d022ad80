"""The chain analysis the Analysis dock shows, worked out off the event loop.

On a 5,000-segment map the analysis (chokepoints, coverage and fill gains per region, the 卡点
reasons) takes a few tenths of a second of pure Python. :class:`AnalysisJob` takes a snapshot of
what it reads (segment ids with their region entries, the links' ends, the region codes) on the
event loop, which costs a few milliseconds, and computes in a worker thread; the event loop
polls for the result. A request made while one computes waits for it and then runs once with
the newest snapshot, so a burst of edits costs at most two runs.

The worker also does what would otherwise cost the event loop in proportion to the map: the
chokepoints come sorted as the dock lists them (most sinks first), and a result is compared
with the one the dock shows (``basis``): when nothing changed, :attr:`AnalysisResult.same_as`
says so and the dock rebuilds nothing.

The snapshot shares the segments' region-entry dictionaries with the model: the model never
changes one in place (its mutators set a new copy), so the worker reads a consistent state.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import NamedTuple, cast

from PySide6.QtCore import QObject, Signal

from chainmap.core.analysis.coverage import Coverage, FillGain
from chainmap.core.analysis.graph import ALL_REGIONS, ChainAnalysis
from chainmap.core.analysis.lists import bottlenecks
from chainmap.core.bulk import gc_paused
from chainmap.core.model import ChainMap, Conflict, Edge, Node, Note, Region, RegionEntry, Tier

from ..widgets import single_shot_timer

POLL_MS = 25


class _Link(NamedTuple):
    source: str
    target: str


@dataclass
class Snapshot:
    """What the analysis reads of a map, copied on the event loop (see the module docstring)."""

    segments: list[tuple[str, dict[str, RegionEntry]]]
    links: list[tuple[str, str]]
    codes: list[str]
    structure: object = field(default_factory=object, compare=False, repr=False)
    """The same object in two snapshots when they have the same segments (ids, in order), links
    and region codes, and differ at most in region entries: the analysis of the links then
    holds (:meth:`ChainAnalysis.restated`)."""

    @classmethod
    def of(cls, chain_map: ChainMap) -> Snapshot:
        """The snapshot of ``chain_map`` now."""
        return cls([(node.id, node.regions) for node in chain_map.nodes],
                   [(edge.source, edge.target) for edge in chain_map.edges], chain_map.region_codes())


class SnapshotKeeper:
    """Takes the snapshots of one map, copying again only what changed since the last one:
    copying every segment and link of a 100,000-segment map took 60 ms of the event loop after
    each edit. A status change re-reads that segment's region entries into a copy of the last
    list (a C-level copy, under a millisecond); adding, removing or re-linking segments, or a
    change of the regions, copies everything again. Tell it every event of the map
    (:meth:`note`)."""

    def __init__(self) -> None:
        self._last: Snapshot | None = None
        self._of: ChainMap | None = None
        self._index: dict[str, int] | None = None  # segment id -> its place in the last snapshot
        self._changed: set[str] = set()  # segments whose region entries changed since
        self._links_changed = False

    def forget(self) -> None:
        """Copy everything at the next snapshot."""
        self._last = self._of = self._index = None
        self._changed.clear()
        self._links_changed = False

    def note(self, args: tuple[object, ...]) -> bool:
        """The map emitted an event with ``args``: remember what of the snapshot it changed.
        False when it changed nothing the analysis reads (a rename, a move, a note, a tier,
        a region's name): the last analysis still holds."""
        if self._last is None:
            return True
        if len(args) == 2 and isinstance(args[1], dict):
            item = args[0]
            changes: dict[str, object] = args[1]
            if isinstance(item, Node):
                if "id" in changes:
                    self.forget()
                    return True
                if "regions" in changes:
                    self._changed.add(item.id)
                    return True
                return False  # names, positions, tiers, parents: not in the snapshot
            if isinstance(item, Edge):
                if changes.keys() & {"id", "source", "target"}:
                    self._links_changed = True
                    return True
                return False
            if isinstance(item, Note | Tier):
                return False
            if isinstance(item, Region) and not changes.keys() & {"code"}:
                return False  # a region's name or colour: the codes stay
        elif len(args) == 2 and isinstance(args[0], Note | Tier | Conflict):
            return False  # added, removed or moved: not in the snapshot
        elif len(args) == 3 and isinstance(args[0], Tier):
            return False  # a tier moved
        elif len(args) == 1 and isinstance(args[0], dict):
            return False  # the map's own fields
        self.forget()  # segments or links added or removed, regions, a reset: all again
        return True

    def take(self, chain_map: ChainMap) -> Snapshot:
        """The snapshot of ``chain_map`` now."""
        last = self._last
        if last is None or self._of is not chain_map or len(chain_map.nodes) != len(last.segments):
            return self._keep(chain_map, Snapshot.of(chain_map))
        changed, self._changed = self._changed, set()
        segments = last.segments
        if changed:
            if self._index is None:
                self._index = {node_id: place for place, (node_id, _regions) in enumerate(segments)}
            segments = list(segments)
            nodes = chain_map.nodes
            for node_id in changed:
                place = self._index.get(node_id)
                if place is None or nodes[place].id != node_id:
                    return self._keep(chain_map, Snapshot.of(chain_map))
                segments[place] = (node_id, nodes[place].regions)
        links, structure = last.links, last.structure
        if self._links_changed:
            links, structure = [(edge.source, edge.target) for edge in chain_map.edges], object()
            self._links_changed = False
        snapshot = Snapshot(segments, links, list(last.codes), structure)
        self._last = snapshot
        return snapshot

    def _keep(self, chain_map: ChainMap, snapshot: Snapshot) -> Snapshot:
        self.forget()
        self._last, self._of = snapshot, chain_map
        return snapshot


class _SnapshotMap:
    """A snapshot read like a :class:`ChainMap` by the analysis (nodes, edges, regions)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.nodes = [Node(node_id, "", "", regions=regions) for node_id, regions in snapshot.segments]
        self.edges = [_Link(source, target) for source, target in snapshot.links]
        self.regions = [Region(code, code) for code in snapshot.codes]
        self._codes = list(snapshot.codes)

    def region_codes(self) -> list[str]:
        return list(self._codes)


@dataclass(frozen=True)
class ChokepointRow:
    """A chokepoint: the ``sinks`` it lies on every path to, and why it is a 卡点 to tackle
    (``reasons``: ``(reason, region or None)`` from :func:`~chainmap.core.analysis.bottlenecks`)."""

    segment: str
    sinks: tuple[str, ...]
    reasons: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class AnalysisResult:
    """The analysis of one snapshot: region keys (codes, then ``"all"``), chokepoints (by id),
    coverage and fill gains per key, and the time it took."""

    keys: list[str]
    sources: tuple[str, ...]
    sinks: tuple[str, ...]
    chokepoints: list[ChokepointRow]
    coverage: dict[str, Coverage]
    fill_gains: dict[str, list[FillGain]]
    seconds: float = 0.0
    error: str | None = field(default=None)
    same_as: AnalysisResult | None = field(default=None, compare=False, repr=False)
    """The ``basis`` this result was compared with, when it says exactly the same (else None)."""

    def content(self) -> tuple[object, ...]:
        """Everything the dock shows of this result (not the time it took)."""
        return (self.keys, self.sources, self.sinks, self.chokepoints, self.coverage, self.fill_gains, self.error)


def compute(snapshot: Snapshot, basis: AnalysisResult | None = None) -> AnalysisResult:
    """The analysis of ``snapshot`` (any thread); chokepoints with the most sinks first, then by
    id. ``same_as`` is ``basis`` when the analysis says exactly what ``basis`` does."""
    return analyse(snapshot, basis)[0]


def analyse(snapshot: Snapshot, basis: AnalysisResult | None = None,
            links_read: ChainAnalysis | None = None) -> tuple[AnalysisResult, ChainAnalysis]:
    """:func:`compute`, and the :class:`ChainAnalysis` it used. ``links_read``: that of an
    earlier snapshot with the same :attr:`Snapshot.structure`, whose link graph, sources, sinks
    and chokepoints hold (only statuses changed): they are not worked out again (at 100,000
    segments, 2.4 of 4.5 s)."""
    start = time.perf_counter()
    # The collector held: a full collection started by the worker's many new objects walks
    # every object of the editor (a big map's scene included) while holding the interpreter
    # lock, which stopped the event loop for 0.3-0.6 s on a 5,000-segment map.
    with gc_paused():
        chain_map = cast(ChainMap, _SnapshotMap(snapshot))
        chain = ChainAnalysis(chain_map) if links_read is None else links_read.restated(chain_map)
        reasons: dict[str, list[tuple[str, str | None]]] = {}
        for bottleneck in bottlenecks(chain_map, chain):
            reasons.setdefault(bottleneck.node.id, []).append((bottleneck.reason, bottleneck.region))
        rows = [ChokepointRow(segment, sinks, tuple(reasons.get(segment, ())))
                for segment, sinks in sorted(chain.chokepoints.items(), key=lambda item: (-len(item[1]), item[0]))]
        keys = chain.region_keys()
        result = AnalysisResult(keys, chain.sources, chain.sinks, rows,
                                {key: chain.coverage(key) for key in keys},
                                {key: chain.fill_gains(key) for key in keys},
                                time.perf_counter() - start)
        if basis is not None and basis.content() == result.content():
            result = replace(result, same_as=basis)
        del chain_map  # freed while the collector still waits
    return result, chain


class AnalysisJob(QObject):
    """Runs :func:`compute` in a worker thread. ``request(chain_map, basis)`` asks for a fresh
    analysis (compared with ``basis``, the result shown); ``finished(AnalysisResult)`` brings it
    (on the event loop). :meth:`dispose` drops whatever is running."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chainmap-analysis")
        self._running: Future[AnalysisResult] | None = None
        self._pending: Snapshot | None = None
        self._basis: AnalysisResult | None = None
        self._poll = single_shot_timer(self, self._check, POLL_MS)
        self.runs = 0
        self.last_snapshot_seconds = 0.0
        # The last snapshot's structure and its ChainAnalysis (read and written by the worker
        # thread only, one run at a time): a status change reuses what the links tell.
        self._links_read: tuple[object, ChainAnalysis] | None = None
        self.reused = 0  # runs that reused it (for tests)
        self.snapshots = SnapshotKeeper()  # tell it the map's events (the dock does)

    @property
    def busy(self) -> bool:
        """True while an analysis runs or waits to run."""
        return self._running is not None or self._pending is not None

    def request(self, chain_map: ChainMap, basis: AnalysisResult | None = None) -> None:
        """Analyse ``chain_map`` as it is now (after the one running, if any), comparing the
        result with ``basis``."""
        self._basis = basis
        start = time.perf_counter()
        snapshot = self.snapshots.take(chain_map)
        self.last_snapshot_seconds = time.perf_counter() - start
        if self._running is not None:
            self._pending = snapshot
            return
        self._start(snapshot)

    def _start(self, snapshot: Snapshot) -> None:
        self.runs += 1
        self._running = self._pool.submit(self._analyse, snapshot, self._basis)
        self._poll.start()

    def _analyse(self, snapshot: Snapshot, basis: AnalysisResult | None) -> AnalysisResult:
        """:func:`analyse` in the worker thread, with what the links told last time when the
        snapshot has the same structure."""
        kept = self._links_read
        links_read = kept[1] if kept is not None and kept[0] is snapshot.structure else None
        self._links_read = None  # let go of it while the new one is made
        result, chain = analyse(snapshot, basis, links_read)
        if links_read is not None:
            self.reused += 1
        self._links_read = (snapshot.structure, chain)
        return result

    def _check(self) -> None:
        running = self._running
        if running is None:
            return
        if not running.done():
            self._poll.start()
            return
        self._running = None
        pending, self._pending = self._pending, None
        if pending is not None:  # the map changed meanwhile: this result is stale
            self._start(pending)
            return
        error = running.exception()
        if error is not None:
            self.finished.emit(AnalysisResult([ALL_REGIONS], (), (), [], {}, {},
                                              error=f"{type(error).__name__}: {error}"))
            return
        self.finished.emit(running.result())

    def wait(self, timeout: float = 30.0) -> None:
        """Block until nothing runs or waits (for tests and scripts), delivering the result."""
        deadline = time.monotonic() + timeout
        while self.busy and time.monotonic() < deadline:
            if self._running is not None:
                try:
                    self._running.result(timeout=max(0.0, deadline - time.monotonic()))
                except Exception:  # noqa: BLE001 - reported by _check through ``finished``
                    pass
            self._check()

    def dispose(self) -> None:
        """Stop polling and drop the running analysis (its thread ends on its own)."""
        self._poll.stop()
        self._pending = None
        self._running = None
        self._pool.shutdown(wait=False, cancel_futures=True)
