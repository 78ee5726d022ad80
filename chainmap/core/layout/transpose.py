"""Adjacent transpositions for :func:`chainmap.core.layout.columns.order_and_place`: swap
neighbours in a column while that removes crossings of their links, counted exactly for the
links of the two blocks swapped (not the whole map)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .columns import Columns, Near

TRANSPOSE_ROUNDS = 1
TRANSPOSE_PASSES = 3

# Per item, its links on the left and on the right: (far item, distance, far offset, own
# offset, far member).
Side = list[tuple[int, float, float, float, int]]


def link_sides(graph: Columns, neighbours: list[Near], member_offset: list[float]) -> list[tuple[Side, Side]]:
    """Each item's links to the left and to the right, as :func:`transpose` compares them."""
    x, column = graph.x, graph.column
    sides: list[tuple[Side, Side]] = [([], []) for _ in column]
    for item, near in enumerate(neighbours):
        own_x = x[column[item]]
        for n, _, far_member, own_member in near:
            distance = x[column[n]] - own_x
            entry = (n, abs(distance), member_offset[far_member], member_offset[own_member], far_member)
            sides[item][1 if distance > 0 else 0].append(entry)
    return sides


def transpose(
    graph: Columns,
    order: list[list[int]],
    y: list[float],
    neighbours: list[Near],
    member_offset: list[float],
    sides: list[tuple[Side, Side]] | None = None,
) -> None:
    """Swap neighbours in a column while that removes crossings between their links.

    Two blocks next to each other in a column start their links at the same x, the upper
    block's all above the lower one's, so their links cross exactly when the order of their
    heights at the nearer far end is the reverse; swapping the blocks (the upper one's top and
    the lower one's bottom stay) is kept when it lowers that count."""
    column, height = graph.column, graph.height
    if sides is None:
        sides = link_sides(graph, neighbours, member_offset)
    dirty = [True] * len(order)
    for _ in range(TRANSPOSE_ROUNDS):
        if True not in dirty:
            break
        for c, items in enumerate(order):
            if not dirty[c]:
                continue
            dirty[c] = False
            moved: list[int] = []
            for _ in range(TRANSPOSE_PASSES):
                improved = False
                for k in range(len(items) - 1):
                    u, v = items[k], items[k + 1]
                    sides_u, sides_v = sides[u], sides[v]
                    yu, yv = y[u], y[v]
                    shift = (height[v] - height[u]) / 2
                    new_yv, new_yu = yu + shift, yv + shift
                    before = after = 0
                    for near_u, near_v in zip(sides_u, sides_v, strict=True):
                        if not near_u or not near_v:
                            continue
                        for a, da, fa, oa, ma in near_u:
                            ya = y[a] + fa
                            su, nsu = yu + oa, new_yu + oa
                            for b, db, fb, ob, mb in near_v:
                                if ma == mb:
                                    continue
                                yb = y[b] + fb
                                sv, nsv = yv + ob, new_yv + ob
                                # Compare the two links at the x of the nearer far end.
                                if da <= db:
                                    t = da / db
                                    before += ya > sv + (yb - sv) * t
                                    after += ya < nsv + (yb - nsv) * t
                                else:
                                    t = db / da
                                    before += su + (ya - su) * t > yb
                                    after += nsu + (ya - nsu) * t < yb
                    if after < before:
                        items[k], items[k + 1] = v, u
                        y[u], y[v] = new_yu, new_yv
                        moved += (u, v)
                        improved = True
                if not improved:
                    break
            for item in moved:
                for linked in sides[item]:
                    for n, _, _, _, _ in linked:
                        dirty[column[n]] = True
