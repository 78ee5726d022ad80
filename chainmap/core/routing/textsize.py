"""Text sizes in the map font, measured without Qt, so that the core places labels and notes
in rectangles that match what the painter draws.

The painter draws map text with the bundled "Noto Sans SC Chainmap" face at whole pixel sizes,
unhinted (``chainmap.render.style.map_font``). This module reads the same file with fontTools
and reproduces Qt's arithmetic: FreeType's unhinted advances in 26.6 fixed point (the scale
rounded as ``FT_DivFix`` does, each advance truncated to 1/64 pixel), the font's ``ccmp`` and
``liga`` ligatures (``ff`` is one glyph) and its ``kern`` pairs, line heights as
``QFontMetricsF.height()`` (ascent and descent each truncated to 1/64) and a laid-out line as
``QStaticText`` sizes it (the height rounded up to a whole pixel; a last glyph that reaches
past its advance widens the line). Characters the font lacks are drawn by a system font; they
are counted as 0.6 em (Latin-like) or 1 em (wide). Results are cached per text and size.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from chainmap.resources_path import resource_path

FONT_FILE = "NotoSansSC-chainmap-subset.otf"
# Characters from U+2E80 on (CJK radicals, kana, hanzi, full-width forms) are wide.
WIDE_FROM = 0x2E80


class _Face:
    """The bundled regular face: advances, ligatures, kerning pairs and vertical metrics."""

    def __init__(self) -> None:
        from fontTools.ttLib import TTFont

        font = TTFont(str(resource_path("fonts", FONT_FILE)), lazy=True)
        self.font = font
        self.upem: int = font["head"].unitsPerEm
        self.cmap: dict[int, str] = font.getBestCmap()
        self.advances: dict[str, tuple[int, int]] = font["hmtx"].metrics
        hhea = font["hhea"]
        self.ascent: int = hhea.ascent
        self.descent: int = -hhea.descent
        self._ligatures = _ligature_lookups(font)
        self._pairs = _pair_subtables(font)
        self._kerns: dict[tuple[str, str], int] = {}
        self._glyph_set: Any = None
        self._right_edges: dict[str, float] = {}

    def glyphs(self, text: str) -> list[str | int]:
        """Glyph names after the ligatures; an int is a missing character's code point."""
        glyphs: list[str | int] = [self.cmap.get(ord(c), ord(c)) for c in text]
        for lookup in self._ligatures:
            glyphs = _substitute(glyphs, lookup)
        return glyphs

    def kern(self, left: str, right: str) -> int:
        """The ``kern`` adjustment between two glyphs, in font units."""
        key = (left, right)
        found = self._kerns.get(key)
        if found is None:
            found = self._kerns[key] = _pair_value(self._pairs, left, right)
        return found

    def right_edge(self, glyph: str) -> float:
        """The glyph's ink right edge (xMax), in font units."""
        edge = self._right_edges.get(glyph)
        if edge is None:
            from fontTools.pens.boundsPen import BoundsPen

            if self._glyph_set is None:
                self._glyph_set = self.font.getGlyphSet()
            pen = BoundsPen(self._glyph_set)
            self._glyph_set[glyph].draw(pen)
            edge = self._right_edges[glyph] = pen.bounds[2] if pen.bounds else 0.0
        return edge


def _ligature_lookups(font: Any) -> list[dict[str, list[Any]]]:
    """The ligature lookups of the features Qt applies by default (ccmp, liga), in order."""
    if "GSUB" not in font:
        return []
    table = font["GSUB"].table
    indices: list[int] = []
    for record in table.FeatureList.FeatureRecord:
        if record.FeatureTag in ("ccmp", "liga"):
            indices.extend(record.Feature.LookupListIndex)
    lookups = []
    for index in sorted(set(indices)):
        lookup = table.LookupList.Lookup[index]
        if lookup.LookupType == 4:
            merged: dict[str, list[Any]] = {}
            for subtable in lookup.SubTable:
                for first, ligatures in subtable.ligatures.items():
                    merged.setdefault(first, []).extend(ligatures)
            lookups.append(merged)
    return lookups


def _substitute(glyphs: list[str | int], lookup: dict[str, list[Any]]) -> list[str | int]:
    result: list[str | int] = []
    i = 0
    while i < len(glyphs):
        glyph = glyphs[i]
        for ligature in lookup.get(glyph, ()) if isinstance(glyph, str) else ():
            parts = ligature.Component
            if glyphs[i + 1:i + 1 + len(parts)] == parts:
                result.append(ligature.LigGlyph)
                i += 1 + len(parts)
                break
        else:
            result.append(glyph)
            i += 1
    return result


def _pair_subtables(font: Any) -> list[Any]:
    if "GPOS" not in font:
        return []
    table = font["GPOS"].table
    subtables = []
    for record in table.FeatureList.FeatureRecord:
        if record.FeatureTag == "kern":
            for index in record.Feature.LookupListIndex:
                lookup = table.LookupList.Lookup[index]
                if lookup.LookupType == 2:
                    subtables.extend(lookup.SubTable)
    return subtables


def _pair_value(subtables: list[Any], left: str, right: str) -> int:
    """The first matching pair's x-advance adjustment, as a shaper applies a pair lookup."""
    for subtable in subtables:
        coverage = subtable.Coverage.glyphs
        if left not in coverage:
            continue
        if subtable.Format == 1:
            pair_set = subtable.PairSet[coverage.index(left)]
            for record in pair_set.PairValueRecord:
                if record.SecondGlyph == right:
                    return getattr(record.Value1, "XAdvance", 0) or 0
            continue
        first = subtable.ClassDef1.classDefs.get(left, 0)
        second = subtable.ClassDef2.classDefs.get(right, 0)
        value = subtable.Class1Record[first].Class2Record[second].Value1
        return getattr(value, "XAdvance", 0) or 0
    return 0


@lru_cache(maxsize=1)
def _face() -> _Face:
    return _Face()


def _scale(pixel_size: int) -> int:
    """FreeType's x scale (16.16) for ``pixel_size``: 26.6 pixels per font unit."""
    upem = _face().upem
    return (pixel_size * 64 * 65536 + upem // 2) // upem


def _advance_64(glyph: str | int, pixel_size: int, scale: int) -> int:
    """A glyph's advance in 1/64 pixel."""
    face = _face()
    if isinstance(glyph, int):  # drawn by a fallback font
        return round(pixel_size * 64 * (1.0 if glyph >= WIDE_FROM else 0.6))
    linear = (face.advances[glyph][0] * scale + 32) // 64  # 16.16 pixels, FT_MulDiv rounding
    return linear >> 10


@lru_cache(maxsize=8192)
def text_width(text: str, pixel_size: int) -> float:
    """The advance of ``text`` on one line, as ``QFontMetricsF.horizontalAdvance``."""
    return _width_64(text, pixel_size)[0] / 64


def _width_64(text: str, pixel_size: int) -> tuple[int, str | int | None]:
    """The advance in 1/64 pixel, and the last glyph."""
    total = 0
    last: str | int | None = None
    for run in _script_runs(text):
        run_total, last = _run_width_64(run, pixel_size)
        total += run_total
    return total, last


def _run_width_64(text: str, pixel_size: int) -> tuple[int, str | int | None]:
    """The advance of one run of one script: ligatures and kerning apply inside a run only,
    as the shaper sees it."""
    face = _face()
    scale = _scale(pixel_size)
    glyphs = face.glyphs(text)
    total = sum(_advance_64(g, pixel_size, scale) for g in glyphs)
    for left, right in zip(glyphs, glyphs[1:], strict=False):
        if isinstance(left, str) and isinstance(right, str):
            value = face.kern(left, right)
            if value:
                total += (value * scale + 0x8000) >> 16
    return total, (glyphs[-1] if glyphs else None)


# Scripts that split a line into separately shaped runs; other characters (digits,
# punctuation, symbols, spaces) belong to the run they are in.
_SCRIPTS = (
    (0x0041, 0x005A, "latn"), (0x0061, 0x007A, "latn"), (0x00AA, 0x00AA, "latn"), (0x00BA, 0x00BA, "latn"),
    (0x00C0, 0x00D6, "latn"), (0x00D8, 0x00F6, "latn"), (0x00F8, 0x024F, "latn"), (0x0370, 0x03FF, "grek"),
    (0x0400, 0x04FF, "cyrl"), (0x1100, 0x11FF, "hang"), (0x2E80, 0x2FDF, "hani"), (0x3005, 0x3005, "hani"),
    (0x3007, 0x3007, "hani"), (0x3021, 0x3029, "hani"), (0x3038, 0x303B, "hani"), (0x3041, 0x309F, "kana"),
    (0x30A1, 0x30FA, "kana"), (0x3105, 0x312F, "bopo"), (0x3131, 0x318E, "hang"), (0x3400, 0x4DBF, "hani"),
    (0x4E00, 0x9FFF, "hani"), (0xAC00, 0xD7AF, "hang"), (0xF900, 0xFAFF, "hani"), (0xFF21, 0xFF3A, "latn"),
    (0xFF41, 0xFF5A, "latn"), (0xFF66, 0xFF9D, "kana"), (0x20000, 0x3FFFF, "hani"),
)


def _script(char: str) -> str | None:
    code = ord(char)
    if code < 0x41:
        return None
    for low, high, script in _SCRIPTS:
        if low <= code <= high:
            return script
    return None


def _script_runs(text: str) -> list[str]:
    """``text`` cut where the script changes; a character of no script joins the run before
    it (at the start, the one after it)."""
    runs: list[str] = []
    current = ""
    current_script: str | None = None
    for char in text:
        script = _script(char)
        if script is None or current_script is None or script == current_script:
            current += char
            if script is not None:
                current_script = script
        else:
            runs.append(current)
            current, current_script = char, script
    runs.append(current)
    return runs


@lru_cache(maxsize=32)
def line_height(pixel_size: int) -> float:
    """``QFontMetricsF.height()``: ascent plus descent, each truncated to 1/64 pixel."""
    face = _face()
    ascent = face.ascent * pixel_size * 64 // face.upem
    descent = face.descent * pixel_size * 64 // face.upem
    return (ascent + descent) / 64


def laid_out_line_height(pixel_size: int) -> float:
    """The height of one line of a laid-out text (``QStaticText``): :func:`line_height`
    rounded up to a whole pixel."""
    return float(math.ceil(line_height(pixel_size)))


@lru_cache(maxsize=4096)
def natural_line_width(text: str, pixel_size: int) -> float:
    """The width ``QStaticText`` gives one unwrapped line: its advance, widened when the last
    glyph's ink reaches past its (rounded) advance."""
    total, last = _width_64(text, pixel_size)
    if not isinstance(last, str):
        return total / 64
    scale = _scale(pixel_size)
    advance = (_advance_64(last, pixel_size, scale) + 32) >> 6
    ink_right = math.ceil(_face().right_edge(last) * pixel_size / _face().upem)
    overhang = ink_right - advance
    return total / 64 + max(0, overhang)


def wrap_anywhere(text: str, pixel_size: int, width: float) -> list[str]:
    """``text`` (one line) broken anywhere into lines no wider than ``width``, as Qt's
    WrapAnywhere mode does; a space at a line's end does not count."""
    lines: list[str] = []
    current = ""
    for char in text:
        candidate = current + char
        if current and char != " " and text_width(candidate.rstrip(" "), pixel_size) > width:
            lines.append(current)
            current = char
        else:
            current = candidate
    lines.append(current)
    return lines


def block_size(lines: list[str], pixel_size: int, wrap_width: float | None = None) -> tuple[float, float]:
    """Width and height of a text block as ``QStaticText`` lays it out: unwrapped, the widest
    line's natural width; wrapped at ``wrap_width``, that width."""
    if wrap_width is not None:
        count = sum(len(wrap_anywhere(line, pixel_size, wrap_width)) for line in lines)
        return wrap_width, count * laid_out_line_height(pixel_size)
    width = max((natural_line_width(line, pixel_size) for line in lines), default=0.0)
    return width, len(lines) * laid_out_line_height(pixel_size)
