"""The inspector summary's count of gaps to fill: counted once, then kept up to date from the
map's events; always the count of a fresh look at every segment."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication

from chainmap.core import analysis
from chainmap.core.model import Node, Region, RegionEntry
from chainmap.gui.inspector.pages import GapTally, gap_count

from ..render.bigmap import make_big_map
from .lazy_window import follow_events


def _following(chain_map) -> GapTally:  # type: ignore[no-untyped-def]
    tally = GapTally()
    follow_events(chain_map, tally.note)
    return tally


def _check(tally, chain_map) -> None:  # type: ignore[no-untyped-def]
    for code in (None, *chain_map.region_codes(), "XX"):
        assert tally.count(chain_map, code) == gap_count(chain_map, code)


def test_random_edits_keep_the_count_of_a_fresh_look() -> None:
    chain_map = make_big_map(150, 100)
    tally = _following(chain_map)
    _check(tally, chain_map)
    rng = random.Random(9)
    statuses = ("gap", "weak", "present", "strong", "unknown")
    added = 0
    for step in range(150):
        codes = chain_map.region_codes()
        node = rng.choice(chain_map.nodes)
        action = rng.random()
        if action < 0.6:
            regions = dict(node.regions)
            code = rng.choice(codes)
            if rng.random() < 0.2:
                regions.pop(code, None)
            else:
                regions[code] = RegionEntry(rng.choice(statuses))
            chain_map.update_node(node.id, regions=regions)
        elif action < 0.7:
            chain_map.update_node(node.id, name=f"环节{step}")
        elif action < 0.8:
            added += 1
            chain_map.add_node(Node(f"new{added}", "新", node.tier, regions={rng.choice(codes): RegionEntry("gap")}))
        elif action < 0.9 and not chain_map.children(node.id):
            chain_map.remove_node(node.id)
        elif action < 0.95:
            chain_map.add_region(Region(f"R{step}", f"地区{step}"))
        else:
            unused = [code for code in codes if not any(code in n.regions for n in chain_map.nodes)]
            if unused:
                chain_map.remove_region(rng.choice(unused))
        _check(tally, chain_map)


def test_the_summary_shows_the_kept_count_after_a_status_change(main_window, qtbot) -> None:
    chain_map = main_window.document.chain_map
    inspector = main_window.inspector
    main_window.document.set_selection([])
    QApplication.processEvents()
    page = inspector.summary_page
    node = chain_map.nodes[0]
    code = chain_map.region_codes()[0]
    old = node.regions.get(code)
    status = "strong" if old is not None and old.status in analysis.GAP_STATUSES else "gap"
    chain_map.update_node(node.id, regions={**node.regions, code: RegionEntry(status)})
    QApplication.processEvents()
    assert page.fields["gaps"].text() == str(len(analysis.gaps_to_fill(chain_map, main_window.document.view_region)))
