"""Which regions' copies contributed each segment of a merged map, for View > Provenance.

A merge made in this editor knows it exactly (``MergeResult.provenance``). For a merged map
opened from a file, the copies named in ``meta.merged_from`` are looked for beside it and
each segment is matched to theirs as the merge matches: by id, else by normalised name or
alias within the same tier. Qt-free.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from chainmap.core.format.fileio import load_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.format.serialize import node_to_data
from chainmap.core.merge.matching import node_names
from chainmap.core.model import ChainMap

Provenance = dict[str, list[str]]


def provenance_from_sources(chain_map: ChainMap, folder: Path | None) -> tuple[Provenance | None, str]:
    """``(provenance, note)``: the segments' sources, read from the copies ``meta.merged_from``
    names in ``folder``; or ``(None, why not)``. ``note`` names copies that were not found."""
    entries = chain_map.meta.get("merged_from")
    if not isinstance(entries, list) or not entries:
        return None, QCoreApplication.translate("Provenance", "This map is not the result of a merge (it has no meta.merged_from).")
    files = [e.get("file") for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)]
    if not files:
        return None, QCoreApplication.translate("Provenance", "meta.merged_from names no files, so the copies cannot be read.")
    if folder is None:
        return None, QCoreApplication.translate("Provenance", "The copies it was merged from cannot be found: the map has no file yet. "
                                                    "Provenance is known for a merge made here, until the window opens "
                                                    "another map.")
    sources: list[tuple[str, ChainMap]] = []
    missing: list[str] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            continue
        try:
            copy = load_map(folder / Path(entry["file"]).name).map
        except MapLoadError:
            missing.append(entry["file"])
            continue
        sources.append((str(entry.get("owner") or entry["file"]), copy))
    if not sources:
        return None, QCoreApplication.translate("Provenance", "The copies it was merged from ({files}) are not beside it in {folder}.").format(
            files=", ".join(missing), folder=folder)
    indexes = [(label, _index(copy)) for label, copy in sources]
    provenance: Provenance = {}
    for node in chain_map.nodes:
        keys = {(node.tier, name) for name in node_names(node_to_data(node))}
        provenance[node.id] = [label for label, (ids, named) in indexes
                               if node.id in ids or not keys.isdisjoint(named)]
    note = QCoreApplication.translate("Provenance", "Not found beside the map: {files}.").format(files=", ".join(missing)) if missing else ""
    return provenance, note


def _index(copy: ChainMap) -> tuple[set[str], set[tuple[str, str]]]:
    """A copy's segment ids, and its (tier, normalised name or alias) pairs."""
    named = {(node.tier, name) for node in copy.nodes for name in node_names(node_to_data(node))}
    return {node.id for node in copy.nodes}, named
