"""Random edits through the model's mutators, as the editor makes them: those of
``merge_support.mutate_copy`` and more (odd texts in every text field, extreme positions,
enterprises and plans, tiers, regions, notes, meta, undoing a removal). An edit the model
refuses (:class:`ModelError`) is skipped, as the editor would refuse it."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable

from chainmap.core.model import ChainMap, Enterprise, ModelError, Note, Plan, RegionEntry, Tier
from chainmap.core.vocabulary import ACTIONS, PRIORITIES, STATUSES

from ..core.merge_support import mutate_copy
from .values import weird_number, weird_text


def _text(rng: random.Random) -> str:
    # The editor's widgets hand the model Qt strings: no lone surrogates, rarely anything odd.
    return weird_text(rng, surrogates=False) if rng.random() < 0.7 else rng.choice(["锂矿", "电芯", "注"])


def _node_text(chain_map: ChainMap, rng: random.Random) -> str:
    node = rng.choice(list(chain_map.nodes))
    field = rng.choice(["name", "description", "kind", "aliases", "tags"])
    value: object = [_text(rng)] if field in ("aliases", "tags") else _text(rng)
    chain_map.update_node(node.id, **{field: value})
    return f"segment {field}"


def _position(chain_map: ChainMap, rng: random.Random) -> str:
    node = rng.choice(list(chain_map.nodes))
    chain_map.update_node(node.id, x=weird_number(rng), y=rng.choice([None, 0.0, -1e300, 1e300]))
    return "segment position"


def _entry(chain_map: ChainMap, rng: random.Random) -> str:
    node = rng.choice(list(chain_map.nodes))
    code = rng.choice(chain_map.region_codes())
    regions = copy.deepcopy(node.regions)
    entry = regions.setdefault(code, RegionEntry())
    entry.status = rng.choice(STATUSES)
    entry.note = _text(rng) if rng.random() < 0.5 else None
    if rng.random() < 0.5:
        entry.enterprises.append(Enterprise(_text(rng), uscc=rng.choice([None, "91110000MA01ABCD2X", _text(rng)]),
                                            marks=[_text(rng)], city=_text(rng), note=_text(rng)))
    if rng.random() < 0.5:
        entry.plan = Plan(rng.choice(ACTIONS), rng.choice(PRIORITIES), targets=[_text(rng)], owner=_text(rng),
                          due=rng.choice([None, "2027-06", "2027-02-30", "2027", _text(rng)]), note=_text(rng))
    chain_map.update_node(node.id, regions=regions)
    return "region entry"


def _link(chain_map: ChainMap, rng: random.Random) -> str:
    edge = rng.choice(list(chain_map.edges))
    field = rng.choice(["label", "kind", "note"])
    chain_map.update_edge(edge.id, **{field: _text(rng)})
    return f"link {field}"


def _note(chain_map: ChainMap, rng: random.Random) -> str:
    if chain_map.notes and rng.random() < 0.5:
        note = rng.choice(list(chain_map.notes))
        if rng.random() < 0.3:
            chain_map.remove_note(note.id)
            return "note removed"
        chain_map.update_note(note.id, text=_text(rng), x=weird_number(rng))
        return "note text"
    chain_map.add_note(Note(f"note-fz-{rng.randrange(10**6)}", _text(rng), 0.0, 0.0))
    return "note added"


def _map_fields(chain_map: ChainMap, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        chain_map.update_map(**{rng.choice(["title", "chain"]): _text(rng)})
        return "map title or chain"
    if roll < 0.6:
        chain_map.update_map(lead=rng.choice([None, *chain_map.region_codes()]))
        return "map lead"
    if roll < 0.8:
        code = rng.choice(chain_map.region_codes())
        chain_map.update_region(code, **rng.choice([{"name": _text(rng)}, {"color": rng.choice(["#ff0000", "red", None])}]))
        return "region renamed"
    # The editor stamps only ``modified`` and ``generator``, with valid values; other keys are kept.
    chain_map.set_meta(rng.choice(["note", "x-tool"]), rng.choice([_text(rng), 1, None, {"a": [1]}]))
    return "meta"


def _tiers(chain_map: ChainMap, rng: random.Random) -> str:
    tier = rng.choice(list(chain_map.tiers))
    roll = rng.random()
    if roll < 0.3:
        chain_map.update_tier(tier.id, name=_text(rng))
        return "tier renamed"
    if roll < 0.6:
        chain_map.move_tier(tier.id, rng.randrange(len(chain_map.tiers) + 1))
        return "tier moved"
    if roll < 0.8:
        chain_map.remove_tier(tier.id)
        return "tier removed"
    chain_map.add_tier(Tier(f"t-fz-{rng.randrange(10**6)}", _text(rng)), rng.randrange(len(chain_map.tiers) + 1))
    return "tier added"


def _remove_and_restore(chain_map: ChainMap, rng: random.Random) -> str:
    node = rng.choice(list(chain_map.nodes))
    removal = chain_map.remove_node(node.id)
    if rng.random() < 0.6:
        chain_map.restore(removal)
        return "segment removed and restored"
    return "segment removed with its sub-segments"


def _remove_region(chain_map: ChainMap, rng: random.Random) -> str:
    chain_map.remove_region(rng.choice(chain_map.region_codes()))
    return "region removed"


EDITS: list[Callable[[ChainMap, random.Random], str]] = [
    _node_text, _node_text, _position, _entry, _entry, _link, _note, _map_fields, _tiers,
    _remove_and_restore, _remove_region,
]


def edit_map(chain_map: ChainMap, rng: random.Random, tag: str, count: int) -> list[str]:
    """Make ``count`` random edits to ``chain_map`` through its mutators; returns what was done."""
    done: list[str] = []
    for index in range(count):
        if rng.random() < 0.4:
            done += mutate_copy(chain_map, rng, f"{tag}{index}", 1)
            continue
        edit = rng.choice(EDITS)
        if not chain_map.nodes or not chain_map.regions or not chain_map.tiers:
            continue
        if edit is _link and not chain_map.edges:
            continue
        try:
            done.append(edit(chain_map, rng))
        except ModelError:
            continue  # refused, as the editor would refuse it
    return done
