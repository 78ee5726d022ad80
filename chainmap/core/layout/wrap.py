"""A layout shaped for a page: tiers whose column would be too tall wrap into several.

With one column per tier a large map is a tall strip (about 1:100 at 10,000 segments). The
layout therefore cuts columns into several, side by side in their tier's band, one cut at a
time and always the column whose parts are tallest, until the whole map's width over height
is as close to the asked aspect as whole columns allow. A map already wider than that keeps
its columns. Without an asked aspect, a map whose one column per tier gives a shape between
1:3 and 3:1 keeps it (wrapping would only add crossings there), and a taller one is wrapped
to :data:`DEFAULT_ASPECT`.

The columns are then ordered and placed (:mod:`.columns`), which moves each block towards its
linked neighbours and spreads the columns apart: by a tenth to a half of their height,
depending on the links, which is known only once they are placed. The plan counts on
:data:`SPREAD`, and the engine takes up the rest by spacing the columns (or the rows) out
evenly (:func:`stretch`): a uniform stretch along one axis, which changes no crossing of
straight links, never squeezes, and goes no further than :data:`MOST_STRETCH`. (Keeping the
columns within the planned height while they are ordered instead cost up to two and a half
times the crossings on maps with sub-segments.)

Which blocks share a wrapped column: blocks linked mostly upstream (to earlier tiers) go to
the tier's first columns and those linked mostly downstream to its last ones, so links stay
short; links within a tier keep pointing to a later column, because each column the links
asked for is wrapped on its own.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..geometry import BAND_MARGIN, COLUMN_GAP, EMPTY_BAND_WIDTH
from ..messages import msg

# The default aspect (width over height) of a laid-out map: a landscape page or screen.
DEFAULT_ASPECT = 4 / 3
# Without an asked aspect, maps whose one column per tier gives a shape at least this wide
# keep it (a wider one keeps it too: wrapping would only widen it).
MIN_ASPECT = 1 / 3
# How much taller than their packed height the placed columns come out, as the plan counts
# (measured 1.03 to 1.24 on the benchmark maps, 1.25 to 1.55 on the sweep maps with
# sub-segments), and how far the placed map may be stretched along one axis to the aspect.
SPREAD = 1.2
MOST_STRETCH = 1.5

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


@dataclass
class Page:
    """What :func:`shape_page` planned: each block's column, each tier's span of columns, and
    the shape the placed map is brought to by :func:`stretch`: ``aspect`` (width over
    height), or with ``at_least`` only a shape at least that wide."""

    column: list[int]
    spans: list[range]
    aspect: float
    at_least: bool = False


def stretch(width: float, height: float, page: Page) -> tuple[float, float]:
    """How much to stretch a placed map of ``width`` by ``height`` across and down (each at
    least 1, one of them 1, at most :data:`MOST_STRETCH`) to bring it to the page's shape."""
    if width <= 0 or height <= 0:
        return 1.0, 1.0
    shape = width / height
    if shape < page.aspect:
        return min(page.aspect / shape, MOST_STRETCH), 1.0
    if shape > page.aspect and not page.at_least:
        return 1.0, min(shape / page.aspect, MOST_STRETCH)
    return 1.0, 1.0


def shape_page(
    column: Sequence[int],
    tier_spans: Sequence[range],
    width: Sequence[float],
    height: Sequence[float],
    gap: float,
    pull: Mapping[int, int],
    aspect: float | None,
) -> Page:
    """``column`` and ``tier_spans`` (as the layered columns give them) with columns cut into
    several as described above, and the shape the placed map is to be brought to; ``pull`` is
    each block's downstream minus upstream links, ``aspect`` the asked width over height
    (``None``: keep one column per tier if that is between 1:3 and 3:1, else 4:3)."""
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
    # The bands from the first tier with segments to the last: the map's width is theirs
    # without the margins outside its first and last column.
    occupied = [t for t, span in enumerate(tier_spans) if span]
    bands = tier_spans[occupied[0] : occupied[-1] + 1] if occupied else []

    def across(parts: Sequence[int]) -> float:
        total = -2 * BAND_MARGIN
        for span in bands:
            if not span:
                total += EMPTY_BAND_WIDTH
                continue
            total += 2 * BAND_MARGIN - COLUMN_GAP
            for c in span:
                total += parts[c] * (wide[c] + COLUMN_GAP)
        return total

    plain = across([1] * count)
    if aspect is None:
        if highest <= 0.0 or plain / highest >= MIN_ASPECT or highest <= lowest:
            # Kept; if placing it spreads it narrower than 1:3, its columns are spaced out.
            return Page(list(column), list(tier_spans), MIN_ASPECT, at_least=True)
        aspect = DEFAULT_ASPECT
    if highest <= lowest or plain / (highest * SPREAD) >= aspect:
        return Page(list(column), list(tier_spans), aspect)

    # Columns are cut one more time each, always the one whose parts are tallest (the fewest
    # columns for each height), until the map is as wide as the aspect asks: the step whose
    # shape is nearest it (on a log scale) is kept. One column more changes the shape by a
    # few hundredths on a large map.
    tallest_block = [0.0] * count
    for b, c in enumerate(column):
        tallest_block[c] = max(tallest_block[c], height[b])

    def can_cut(c: int, p: int) -> bool:
        return p < len(members[c]) and tall[c] / (p + 1) >= tallest_block[c]

    parts = [1] * count
    queue = [(-tall[c], c) for c in range(count) if can_cut(c, 1)]
    heapq.heapify(queue)
    uncut = max((tall[c] for c in range(count) if not can_cut(c, 1)), default=0.0)
    wide_now = plain
    cuts: list[int] = []

    def miss() -> float:
        rows = max(-queue[0][0] if queue else 0.0, uncut)
        return math.log(wide_now / (rows * SPREAD) / aspect)

    best_miss, best_cuts = abs(miss()), 0
    while queue and miss() < 0:
        _, c = heapq.heappop(queue)
        parts[c] += 1
        wide_now += wide[c] + COLUMN_GAP
        cuts.append(c)
        if can_cut(c, parts[c]):
            heapq.heappush(queue, (-tall[c] / parts[c], c))
        else:
            uncut = max(uncut, tall[c] / parts[c])
        if abs(miss()) < best_miss:
            best_miss, best_cuts = abs(miss()), len(cuts)
    parts = [1] * count
    for c in cuts[:best_cuts]:
        parts[c] += 1
    if best_cuts == 0:
        return Page(list(column), list(tier_spans), aspect)

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
    return Page(new_column, spans, aspect)
