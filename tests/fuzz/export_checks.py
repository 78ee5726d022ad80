"""Fuzzed maps drawn in-process by ``chainmap.render.export`` into a tiny PNG and SVG: the
PNG must be a PNG, the SVG well-formed XML, and a refusal an :class:`ExportError` saying why."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from chainmap.core.layout.engine import layout_map
from chainmap.core.model import ChainMap

from .findings import Findings

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def export_checked(chain_map: ChainMap, folder: Path, findings: Findings, case: str) -> None:
    """Place what has no position (as ``chainmap export`` does), then export to PNG and SVG."""
    from chainmap.render.export import ExportError, export_map

    with findings.guard(case, "export: place"):
        layout_map(chain_map, only_new=True)
    for fmt in ("png", "svg"):
        path = folder / f"fuzzed.{fmt}"
        path.unlink(missing_ok=True)
        with findings.guard(case, f"export {fmt}"):
            try:
                export_map(chain_map, path, dpi=24, scale=0.2, legend=fmt == "svg")
            except ExportError as exc:
                findings.counts["export refused"] += 1
                if not str(exc).strip():
                    findings.add(case, f"export {fmt}", "refused with an empty message")
                continue
            findings.counts[f"exported {fmt}"] += 1
            data = path.read_bytes()
            if fmt == "png" and not data.startswith(PNG_SIGNATURE):
                findings.add(case, "export png", "the file is not a PNG")
            if fmt == "svg":
                try:
                    ElementTree.fromstring(data)
                except ElementTree.ParseError as exc:
                    findings.add(case, "export svg", f"the SVG is not XML: {exc}", "export svg: not XML")
