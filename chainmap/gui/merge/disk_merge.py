"""Merging a change made on disk into the open map, and applying whole versions as one step.

"Merge their changes" is a three-way merge (:func:`chainmap.core.merge.engine.merge_maps`): the base
is the file as this editor last loaded or saved it, "yours" the open document, "on disk" the
file now. The result replaces the document's content as one undo step
(:class:`ReplaceMapCommand`, through :func:`chainmap.core.map_sync.sync_map`); what the merge
could not decide is recorded as conflicts, which the Conflicts dock lists.

The copies are merged as plain copies: their ``owner`` is set aside first (both copies are
the same region's, so region authority has nothing to decide) and put back afterwards, taking
the disk's owner when only the disk changed it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from chainmap.core.diff import diff_maps
from chainmap.core.format.fileio import loads_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import map_from_data, map_to_data
from chainmap.core.map_sync import sync_map
from chainmap.core.merge.engine import MergeError, MergeInput, MergeResult, merge_maps
from chainmap.core.model import ABSENT, ChainMap, ModelError

from ..commands import ModelCommand

# The copies' names in the conflicts: translated when the merge runs (QT_TRANSLATE_NOOP marks them).
YOURS = QT_TRANSLATE_NOOP("DiskMerge", "yours")
ON_DISK = QT_TRANSLATE_NOOP("DiskMerge", "on disk")


def copy_map(chain_map: ChainMap) -> ChainMap:
    """An independent copy of ``chain_map``."""
    return map_from_data(map_to_data(chain_map))


class ReplaceMapCommand(ModelCommand):
    """Make the map equal to ``target`` (a merge result, a recovered copy) as one undo step;
    undo brings back the content it had."""

    def __init__(self, chain_map: ChainMap, target: ChainMap, text: str) -> None:
        super().__init__(chain_map, text)
        self.before = copy_map(chain_map)
        self.after = copy_map(target)

    def apply(self) -> None:
        sync_map(self.chain_map, self.after)

    def revert(self) -> None:
        sync_map(self.chain_map, self.before)


@dataclass
class DiskMerge:
    """The outcome of merging the disk's version: ``result`` or ``problem`` (a sentence)."""

    result: MergeResult | None
    problem: str | None = None

    @property
    def conflicts(self) -> int:
        return len(self.result.conflicts) if self.result is not None else 0


def load_disk_copy(raw: bytes, source: str) -> tuple[ChainMap | None, str | None]:
    """The map in ``raw`` (the file's bytes now), or why it cannot be read."""
    try:
        return loads_map(raw, source).map, None
    except MapLoadError as exc:
        return None, exc.describe()


def changed_lines(before: ChainMap | None, after: ChainMap | None) -> list[str]:
    """What ``after`` has over ``before``, one line each, as ``chainmap diff`` says it."""
    if before is None or after is None:
        return []
    return [change.describe() for change in diff_maps(before, after)]


def _without_owner(chain_map: ChainMap) -> ChainMap:
    copy = copy_map(chain_map)
    copy.update_map(owner=None)
    return copy


def merge_with_disk(ours: ChainMap, base_bytes: bytes | None, raw: bytes, source: str) -> DiskMerge:
    """Three-way merge of ``ours`` with the file's bytes ``raw`` over ``base_bytes``."""
    theirs, problem = load_disk_copy(raw, source)
    if theirs is None:
        return DiskMerge(None, problem)
    base = load_disk_copy(base_bytes, source)[0] if base_bytes is not None else None
    inputs = [MergeInput(_without_owner(ours), QCoreApplication.translate("DiskMerge", str(YOURS))),
              MergeInput(_without_owner(theirs), QCoreApplication.translate("DiskMerge", str(ON_DISK)))]
    try:
        result = merge_maps(inputs, _without_owner(base) if base is not None else None)
    except MergeError as exc:
        return DiskMerge(None, str(exc))
    owner = theirs.owner if base is not None and theirs.owner != base.owner else ours.owner
    merged = result.map
    try:
        merged.update_map(owner=owner if owner is None or merged.has_region(owner) else None)
    except ModelError:
        pass  # the owner region is gone from the merged map: the map has no owner then
    # The two versions of one file are not "copies merged from" anything.
    merged.set_meta("merged_from", ours.meta.get("merged_from", ABSENT))
    return DiskMerge(result)


def merged_text(name: str, conflicts: int) -> str:
    """The status bar's line after a merge with the disk."""
    if conflicts:
        return QCoreApplication.translate(
            "DiskMerge", "Merged the changes made on disk to {name}: %n conflict(s) to resolve in the "
            "Conflicts panel, then save.", None, conflicts).format(name=name)
    return QCoreApplication.translate(
        "DiskMerge", "Merged the changes made on disk to {name}; nothing conflicted. Save to keep both.").format(
        name=name)
