"""Where a drag puts what it moves: new positions, and new parents and tiers of the segments
dropped into another segment, out of their parent's frame or into another tier's band.

:func:`drop_command` turns a drop into the one :class:`~chainmap.gui.commands.MoveItemsCommand`
the move interaction pushes (the same command :func:`~chainmap.gui.commands.move_items` makes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from chainmap.core.geometry import ROW_GAP, SEGMENT_HEIGHT
from chainmap.core.model import ChainMap
from chainmap.core.refs import NODE, Ref

from ..commands import MoveItemsCommand, move_items
from .edit_ops import shifted_positions

if TYPE_CHECKING:
    from chainmap.render.scene import MapScene


def drop_command(scene: MapScene, moving: list[Ref], dx: float, dy: float,
                 target_parent: str | None) -> MoveItemsCommand | None:
    """The command moving ``moving`` (what :func:`~.edit_ops.moved_refs` gives for the dragged
    selection) by ``(dx, dy)``, dropped on segment ``target_parent`` (``None``: not on a
    segment); ``None`` when nothing moves."""
    if abs(dx) < 1e-9 and abs(dy) < 1e-9:
        return None
    chain_map = scene.chain_map
    positions = shifted_positions(chain_map, moving, dx, dy)
    parents: dict[str, str | None] = {}
    tiers: dict[str, str] = {}
    moving_nodes = [item_id for kind, item_id in moving if kind == NODE]
    for node_id in moving_nodes:
        node = chain_map.node(node_id)
        if node.parent in moving_nodes or (NODE, node_id) not in positions:
            continue  # a sub-segment goes with its parent
        x, y = positions[(NODE, node_id)]
        parent = node.parent
        if target_parent is not None:
            parent = target_parent
        elif node.parent is not None:
            frame = scene.segment_frame(node.parent)
            if not frame.isEmpty() and not frame.contains(QPointF(x, y)):
                parent = None  # dragged out of its parent's frame
        if parent != node.parent:
            parents[node_id] = parent
            if parent is not None:
                _place_under(chain_map, node_id, parent, positions, parents, moving)
        tier = chain_map.node(parent).tier if parent is not None else scene.tier_at(positions[(NODE, node_id)][0])
        if tier is not None and tier != node.tier:
            tiers[node_id] = tier
            for child in chain_map.descendants(node_id):
                if chain_map.node(child).tier == node.tier and (NODE, child) in positions:
                    tiers[child] = tier
    return move_items(chain_map, positions, tiers, parents)


def _place_under(chain_map: ChainMap, node_id: str, parent_id: str, positions: dict[Ref, tuple[float, float]],
                 parents: dict[str, str | None], moving: list[Ref]) -> None:
    """Put a segment that becomes a sub-segment below its new parent's sub-segments (moving
    its own sub-segments and notes along), as the examples lay them out."""
    parent = chain_map.node(parent_id)
    if parent.x is None or parent.y is None:
        return
    subtree = {node_id, *chain_map.descendants(node_id)}
    lowest = parent.y
    for child in chain_map.descendants(parent_id):
        position = positions.get((NODE, child))
        y = position[1] if position else chain_map.node(child).y
        if child not in subtree and y is not None:
            lowest = max(lowest, y)
    for other, new_parent in parents.items():  # siblings placed under the same parent in this drop
        if other != node_id and new_parent == parent_id:
            lowest = max(lowest, positions[(NODE, other)][1])
    own_x, own_y = positions[(NODE, node_id)]
    shift_x = parent.x - own_x
    shift_y = lowest + SEGMENT_HEIGHT + ROW_GAP - own_y
    for ref in moving:
        if ref not in positions:
            continue
        kind, item_id = ref
        owner = item_id if kind == NODE else chain_map.note(item_id).node
        if owner in subtree:
            x, y = positions[ref]
            positions[ref] = (round(x + shift_x, 1), round(y + shift_y, 1))
