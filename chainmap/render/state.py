"""View state the map's items read while painting, owned by the scene.

Items look here instead of asking the scene through Qt (``item.scene()``), which would
cost a wrapper lookup per paint. Nothing here is stored in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QStaticText

from chainmap.core.model import ChainMap

from . import style


@dataclass(frozen=True)
class RegionLook:
    """How one region is drawn: its code, colour and one-character name."""

    code: str
    name: str
    colour: QColor
    short: str
    short_text: QStaticText
    colour_key: str  # the colour's name, for the cached pens and brushes
    short_width: float  # of ``short`` in the small map font


@dataclass
class RenderState:
    """What every item of one scene shares: regions, view region, marks, export mode."""

    regions: list[RegionLook] = field(default_factory=list)
    view_region: str | None = None
    export_mode: bool = False
    # Painting into a vector file (PDF, SVG): lines keep their widths in scene units.
    vector_output: bool = False
    editable: bool = True
    # (kind, id) -> roles, in ROLE_ORDER then first-marked order.
    marks: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    provenance: dict[str, list[str]] | None = None
    # The editor's analysis overlay marks chokepoints: the legend explains the mark.
    chokepoints_marked: bool = False
    # Derived from ``regions`` (kept in step by refresh_regions): their codes, and the
    # chip layouts boxes share, by (view, firms, per-region status and plan).
    region_codes: list[str] = field(default_factory=list)
    chip_layouts: dict[tuple, tuple] = field(default_factory=dict, repr=False)

    def region_look(self, code: str) -> RegionLook | None:
        for look in self.regions:
            if look.code == code:
                return look
        return None

    def refresh_regions(self, chain_map: ChainMap) -> None:
        """Re-read the map's regions (after a region was added, changed or removed)."""
        looks = []
        for index, region in enumerate(chain_map.regions):
            colour = style.region_colour(region, index)
            short = style.region_short(region)
            looks.append(
                RegionLook(region.code, region.name, colour, short, style.static_text(short),
                           style.name_of(colour), style.metrics(10).horizontalAdvance(short))
            )
        self.regions = looks
        self.region_codes = [look.code for look in looks]
        self.chip_layouts = {}
