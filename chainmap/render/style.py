"""Colours, pens, fonts and text helpers shared by every painted map item.

Everything here is created once and reused, so ``paint()`` allocates nothing: the canvas
repaints thousands of items per frame. Fonts are pixel-sized, so one scene unit is one
pixel at 100 % zoom, whatever the screen's or the exported file's resolution.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPen,
    QStaticText,
    QTextLayout,
    QTextOption,
)

from chainmap.core.model import Region

# Below this zoom (levelOfDetailFromTransform) items draw simplified: no text, no chips.
LOD_DETAIL = 0.35

# Enum members looked up once: PySide6's enum attribute access is slow in paint code.
PLAIN_TEXT = Qt.TextFormat.PlainText
AGGRESSIVE_CACHING = QStaticText.PerformanceHint.AggressiveCaching
WRAP_ANYWHERE = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
SOLID = Qt.PenStyle.SolidLine
DASH = Qt.PenStyle.DashLine
DOT = Qt.PenStyle.DotLine
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = Qt.BrushStyle.NoBrush
ROUND_JOIN = Qt.PenJoinStyle.RoundJoin
FLAT_CAP = Qt.PenCapStyle.FlatCap
ELIDE_RIGHT = Qt.TextElideMode.ElideRight

# ------------------------------------------------------------------ colours
INK = QColor("#1F2933")
MUTED_INK = QColor("#52606D")
BOX_BORDER = QColor("#7B8794")
CONTAINER_FILL = QColor(236, 240, 246, 190)
CONTAINER_BORDER = QColor("#8896A8")
SELECTION = QColor("#1E88E5")
BAND_FILLS = (QColor("#F5F7FA"), QColor("#EAEFF5"))
BAND_HEADER_FILL = QColor("#DDE4EE")
BAND_LINE = QColor("#C3CEDB")
NOTE_FILL = QColor("#FFF7D1")
NOTE_BORDER = QColor("#C2A83E")
GAP_RED = QColor("#D32F2F")
WEAK_ORANGE = QColor("#EF6C00")
PLAN_BADGE = QColor("#8E24AA")
UNKNOWN_GREY = QColor("#9AA5B1")

# Box fill per status (light, so the name stays readable) and the stronger colour used
# when zoomed far out, where the fill is all a box shows.
STATUS_FILLS = {
    "strong": QColor("#BFE3B4"),
    "present": QColor("#E2F0D0"),
    "weak": QColor("#FFE2A8"),
    "gap": QColor("#F8C0B8"),
    "unknown": QColor("#E4E7EB"),
}
STATUS_LOD_FILLS = {
    "strong": QColor("#5AAE61"),
    "present": QColor("#A6D96A"),
    "weak": QColor("#FDAE61"),
    "gap": QColor("#E0473C"),
    "unknown": QColor("#B8C0C8"),
}

# Link styles per kind; a link with cross-region flows is drawn thicker.
LINK_COLOURS = {
    "supply": QColor("#56657A"),
    "technology": QColor("#6A4FB3"),
    "service": QColor("#00897B"),
}
LINK_OTHER_COLOUR = QColor("#8A6D3B")
LINK_STYLES = {"supply": SOLID, "technology": DASH, "service": DOT}
LINK_WIDTH = 1.2
FLOW_LINK_WIDTH = 2.6
# Raster painting draws a hairline (cosmetic 1 px) far faster than a stroked 1.2-unit line;
# below this width in device pixels the two look the same, so raster output uses the hairline.
HAIRLINE_MAX = 1.3

# Overlay roles the GUI marks items with (conflicts, diff results).
ROLE_COLOURS = {
    "conflict": QColor("#E91E63"),
    "added": QColor("#2E7D32"),
    "removed": QColor("#C62828"),
    "changed": QColor("#F57C00"),
}
ROLE_OTHER_COLOUR = QColor("#00838F")
ROLE_ORDER = ("conflict", "removed", "added", "changed")

# Regions without a colour in the file get one of these, in order.
FALLBACK_REGION_COLOURS = ("#D9412B", "#2B6CD9", "#2E9E5B", "#8E44AD", "#C77C02", "#16A2B8", "#6D4C41")

# The usual one-character names of the Beijing–Tianjin–Hebei regions (京津冀).
_SHORT_NAMES = {"CN-BJ": "京", "CN-TJ": "津", "CN-HE": "冀"}

DIM_OPACITY = 0.35


def region_colour(region: Region, index: int) -> QColor:
    """The region's colour from the file, or a fallback from a fixed palette."""
    colour = QColor(region.color) if region.color else QColor()
    if not colour.isValid():
        colour = QColor(FALLBACK_REGION_COLOURS[index % len(FALLBACK_REGION_COLOURS)])
    return colour


def region_short(region: Region) -> str:
    """One character for a region: 京/津/冀 for the three, else the name's first character."""
    return _SHORT_NAMES.get(region.code) or (region.name.strip()[:1] or region.code[-1:])


def tinted(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with white: 0 keeps it, 1 is white."""
    return QColor(
        round(colour.red() + (255 - colour.red()) * amount),
        round(colour.green() + (255 - colour.green()) * amount),
        round(colour.blue() + (255 - colour.blue()) * amount),
    )


# -------------------------------------------------------------------- pens
@lru_cache(maxsize=512)
def pen(colour: str, width: float = 1.0, style: Qt.PenStyle = SOLID, cosmetic: bool = False) -> QPen:
    """A cached pen; ``colour`` is a name (``#RRGGBB`` or ``#AARRGGBB``)."""
    result = QPen(QColor(colour), width, style)
    if style == DOT:
        # Qt's dotted line has round or square caps, which makes stroking a long link 4-7×
        # slower than flat dots of the same look.
        result.setDashPattern([1.0, 2.0])
    result.setCosmetic(cosmetic)
    result.setJoinStyle(ROUND_JOIN)
    result.setCapStyle(FLAT_CAP)
    return result


@lru_cache(maxsize=256)
def brush(colour: str) -> QBrush:
    """A cached solid brush."""
    return QBrush(QColor(colour))


def name_of(colour: QColor) -> str:
    """The cache key of a colour for :func:`pen` / :func:`brush`."""
    return colour.name(QColor.NameFormat.HexArgb)


# ------------------------------------------------------------------- fonts
_FAMILIES: list[str] | None = None


def map_families() -> list[str]:
    """Font families for map text: the bundled CJK font first, so a map looks the same on
    every machine and in every exported file, then the platform's default as a fallback."""
    global _FAMILIES
    if _FAMILIES is None:
        from PySide6.QtGui import QGuiApplication

        from .fonts import register_bundled_fonts

        default = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
        if QGuiApplication.instance() is None:  # too early: fonts cannot be registered yet
            return [default]
        bundled = register_bundled_fonts()
        _FAMILIES = [f for f in dict.fromkeys([*bundled, default]) if f]
    return _FAMILIES


@lru_cache(maxsize=32)
def map_font(pixel_size: int, bold: bool = False) -> QFont:
    """A map font of ``pixel_size`` scene units."""
    font = QFont()
    font.setFamilies(map_families())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    # Hinting snaps glyphs to the screen grid, which makes text widths depend on the zoom.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@lru_cache(maxsize=32)
def metrics(pixel_size: int, bold: bool = False) -> QFontMetricsF:
    """Metrics of :func:`map_font`."""
    return QFontMetricsF(map_font(pixel_size, bold))


def static_text(text: str, width: float | None = None) -> QStaticText:
    """A plain-text static text (never rich text), wrapped at ``width`` when given."""
    result = QStaticText(text)
    result.setTextFormat(PLAIN_TEXT)
    result.setPerformanceHint(AGGRESSIVE_CACHING)
    if width is not None:
        result.setTextWidth(width)
        option = QTextOption()
        option.setWrapMode(WRAP_ANYWHERE)
        result.setTextOption(option)
    return result


def _utf16_slice(text: str, start: int, length: int) -> str:
    # QTextLayout counts UTF-16 code units; Python counts code points (they differ only
    # beyond the Basic Multilingual Plane, e.g. for emoji).
    if max(text) < "\U00010000":
        return text[start : start + length]
    data = text.encode("utf-16-le")
    return data[2 * start : 2 * (start + length)].decode("utf-16-le", errors="ignore")


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width`` (at spaces, or anywhere for Chinese), at most
    ``max_lines`` lines, the last one elided with … when the text does not fit."""
    text = " ".join(text.split())
    if not text:
        return []
    fm = QFontMetricsF(font)
    if fm.horizontalAdvance(text) <= width:
        return [text]
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(WRAP_ANYWHERE)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [_utf16_slice(text, start, length).strip() for start, length in spans[:max_lines]]
    if len(spans) > max_lines:
        start = spans[max_lines - 1][0]
        rest = _utf16_slice(text, start, len(text.encode("utf-16-le")) // 2 - start)
        lines[-1] = fm.elidedText(rest, ELIDE_RIGHT, width)
    return lines
