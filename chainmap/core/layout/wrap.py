"""A layout shaped for a page: tiers whose column would be too tall wrap into several.

With one column per tier a large map is a tall strip (about 1:100 at 10,000 segments). The
layout therefore caps the height of a column: every column taller than the cap is cut into
as many columns as it needs, side by side in its tier's band, so that the whole map's width
over height comes as close to the asked aspect as whole columns allow. A map already wider
than that keeps its columns (a small map keeps one column per tier).

Which blocks share a wrapped column: blocks linked mostly upstream (to earlier tiers) go to
the tier's first columns and those linked mostly downstream to its last ones, so links stay
short; links within a tier keep pointing to a later column, because each column the links
asked for is wrapped on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from ..geometry import BAND_MARGIN, COLUMN_GAP, EMPTY_BAND_WIDTH
from ..messages import msg

# The default aspect (width over height) of a laid-out map: a landscape page or screen.
DEFAULT_ASPECT = 4 / 3
# Where the cap on a column's height is looked for: this many heights between the tallest
# block and the tallest column, spaced evenly on a log scale.
CANDIDATES = 64

_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:/x×]\s*(\d+(?:\.\d+)?)\s*$")


def parse_aspect(text: str) -> float:
    """``W:H`` (also ``W/H`` or ``WxH``) or a single number, as width over height; raises
    ``ValueError`` with a sentence for the user when it is not one."""
    match = _RATIO.match(text)
    if match:
        width, height = float(match.group(1)), float(match.group(2))
    else:
        try:
            width, height = float(text), 1.0
        except ValueError:
            raise ValueError(msg("--aspect: '{text}' is not an aspect ratio; write width:height, for example 16:9",
                                 text=text)) from None
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        raise ValueError(msg("--aspect: '{text}' must have a width and a height above zero, for example 16:9",
                             text=text))
    ratio = width / height
    if not 0.01 <= ratio <= 100:
        raise ValueError(msg("--aspect: '{text}' is outside 1:100 to 100:1; choose a ratio such as 4:3 or 16:9",
                             text=text))
    return ratio


def wrap_columns(
    column: Sequence[int],
    tier_spans: Sequence[range],
    width: Sequence[float],
    height: Sequence[float],
    gap: float,
    pull: Mapping[int, int],
    aspect: float,
) -> tuple[list[int], list[range]]:
    """``column`` and ``tier_spans`` (as the layered columns give them) with every column
    taller than the chosen cap cut into several; ``pull`` is each block's downstream minus
    upstream links. Returns the new column of each block and each tier's new span."""
    count = sum(len(span) for span in tier_spans)
    tall = [0.0] * count
    wide = [0.0] * count
    members: list[list[int]] = [[] for _ in range(count)]
    for b, c in enumerate(column):
        tall[c] += height[b] + (gap if members[c] else 0.0)
        wide[c] = max(wide[c], width[b])
        members[c].append(b)
    highest = max(tall, default=0.0)
    lowest = max(height, default=0.0)
    if highest <= lowest:
        return list(column), list(tier_spans)

    def pieces(cap: float) -> list[int]:
        return [max(1, math.ceil(t / cap - 1e-9)) for t in tall]

    def shape(cap: float) -> float:
        parts = pieces(cap)
        total = 0.0
        for span in tier_spans:
            if not span:
                total += EMPTY_BAND_WIDTH
                continue
            total += 2 * BAND_MARGIN - COLUMN_GAP
            for c in span:
                total += parts[c] * (wide[c] + COLUMN_GAP)
        rows = max(t / p for t, p in zip(tall, parts, strict=True))
        return total / rows

    # The cap whose shape is nearest the aspect asked for (on a log scale), from no wrapping down.
    best_cap, best_miss = highest, abs(math.log(shape(highest) / aspect))
    if shape(highest) < aspect:
        for k in range(1, CANDIDATES + 1):
            cap = highest * (lowest / highest) ** (k / CANDIDATES)
            miss = abs(math.log(shape(cap) / aspect))
            if miss < best_miss:
                best_cap, best_miss = cap, miss
    parts = pieces(best_cap)
    if all(p == 1 for p in parts):
        return list(column), list(tier_spans)

    new_column = list(column)
    spans: list[range] = []
    first = 0
    for span in tier_spans:
        start = first
        for c in span:
            # Upstream-linked blocks first; cut into parts of about equal height.
            ordered = sorted(members[c], key=lambda b: (pull.get(b, 0), b))
            share = tall[c] / parts[c]
            filled, part = 0.0, 0
            for b in ordered:
                if filled >= share * (part + 1) - gap / 2 and part < parts[c] - 1:
                    part += 1
                new_column[b] = first + part
                filled += height[b] + gap
            first += parts[c]
        spans.append(range(start, first))
    return new_column, spans
