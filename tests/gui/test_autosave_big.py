"""Autosave through the kept item texts: after each edit, undo and redo, the recovery file holds
exactly ``dumps_map`` of the map open in the editor."""

from __future__ import annotations

import pytest

from chainmap.core.format.dump_cache import dump_cache_for
from chainmap.core.format.serialize import dumps_map
from chainmap.gui.commands import change_node

from .editor_helpers import node_named

pytestmark = pytest.mark.gui


def test_each_autosave_writes_dumps_map_of_the_open_map(main_window) -> None:
    window = main_window
    document = window.document
    chain_map = document.chain_map
    node_id = node_named(window, "锂矿").id
    steps = [
        lambda: document.push(change_node(chain_map, node_id, name="锂资源")),
        lambda: document.push(change_node(chain_map, node_id, x=(chain_map.node(node_id).x or 0) + 40.25)),
        window.action_undo.trigger,
        lambda: document.push(change_node(chain_map, chain_map.nodes[-1].id, name="最后 \"一个\"")),
        lambda: window.canvas.select_refs([("node", node_id)]) or window.action_delete.trigger(),
        window.action_undo.trigger,
        window.action_redo.trigger,
    ]
    deleted_before = len(chain_map.nodes)
    for step in steps:
        step()
        assert document.is_modified  # the first rename stays: each step leaves work to save
        written = window.autosaver.autosave_now()
        assert written is not None
        assert written.read_bytes() == dumps_map(document.chain_map)
    assert len(chain_map.nodes) < deleted_before  # the deletion was redone


def test_texts_are_made_in_idle_slices_so_the_first_autosave_remakes_only_the_edit(main_window, qtbot) -> None:
    window = main_window
    document = window.document
    chain_map = document.chain_map
    cache = dump_cache_for(chain_map)
    total = len(chain_map.nodes) + len(chain_map.edges) + len(chain_map.notes)
    qtbot.waitUntil(lambda: cache.built >= total)
    built = cache.built
    document.push(change_node(chain_map, node_named(window, "锂矿").id, name="锂资源"))
    written = window.autosaver.autosave_now()
    assert written is not None and written.read_bytes() == dumps_map(chain_map)
    assert cache.built == built + 1
