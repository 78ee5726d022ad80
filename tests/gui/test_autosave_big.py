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


def test_the_timed_autosave_is_written_by_a_worker_and_an_edit_meanwhile_comes_next(main_window, qtbot) -> None:
    """The 30 s autosave makes the text on the event loop and writes it from a worker
    thread (joining and writing 80 MB stalled a 100,000-segment map for over a second)."""
    from chainmap.gui.files import recovery

    window = main_window
    document = window.document
    chain_map = document.chain_map
    autosaver = window.autosaver
    node_id = node_named(window, "锂矿").id
    document.push(change_node(chain_map, node_id, name="锂资源"))
    expected = dumps_map(chain_map)
    autosaver._autosave_due()  # what the timer calls
    assert autosaver._writing is not None
    document.push(change_node(chain_map, node_id, name="锂资源二"))  # while it is being written
    qtbot.waitUntil(lambda: autosaver._writing is None, timeout=10000)
    assert autosaver.background_writes == 1 and autosaver.last_error is None
    written = recovery.recovery_dir() / f"{document.recovery_key}{recovery.MAP_SUFFIX}"
    assert written.read_bytes() == expected  # the map as it was when the autosave began
    autosaver._autosave_due()  # the edit made meanwhile is written at the next tick
    autosaver.wait()
    assert autosaver.background_writes == 2
    assert written.read_bytes() == dumps_map(chain_map)
    autosaver._autosave_due()
    assert autosaver._writing is None  # nothing new: nothing written


def test_removing_the_entry_while_the_worker_writes_it_leaves_nothing_behind(main_window) -> None:
    from chainmap.gui.files import recovery

    window = main_window
    document = window.document
    document.push(change_node(document.chain_map, node_named(window, "锂矿").id, name="锂资源"))
    window.autosaver._autosave_due()
    recovery.remove_recovery(document.recovery_key)  # e.g. saved at that moment
    window.autosaver.wait()
    assert not list(recovery.recovery_dir().glob(f"{document.recovery_key}*"))
