"""A big map set aside on disk while its export routes, and read back exactly (issue 14).

The export of a 100,000-segment map would hold the map and its routing at once; given the
only reference to the map, it writes the map to a private temporary folder, lets it go and
reads it back after the routing. These tests check what a user relies on: the map read back
is the one let go of (every field, every coordinate to the last bit), nothing is left on
disk, a map someone else still holds is never let go of, and a file that went missing in
between is said in a sentence, not a traceback.
"""

from __future__ import annotations

import gc
import random
import shutil
import tempfile
import weakref
from pathlib import Path

import pytest

from chainmap.core.format import park
from chainmap.core.format.dump_cache import streamed_text
from chainmap.core.format.park import SetAsideError, SoleMap
from chainmap.core.format.serialize import dumps_map, map_to_data
from chainmap.core.layout.engine import layout_map
from chainmap.core.model import ChainMap
from tests.render.bigmap import make_big_map

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob(park.FOLDER_PREFIX + "*")}


def _exact(chain_map: ChainMap) -> tuple[object, ...]:
    """Everything a map holds, positions as the very floats (a save rounds them to 0.1)."""
    return (map_to_data(chain_map), [(n.id, n.x, n.y) for n in chain_map.nodes],
            [(n.id, n.x, n.y) for n in chain_map.notes])


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.chainmap.json")))
def test_the_streamed_text_is_the_saved_text(example: str) -> None:
    from chainmap.core.format.fileio import load_map

    chain_map = load_map(EXAMPLES / example).map
    assert b"".join(streamed_text(chain_map)) == dumps_map(chain_map)


def test_the_streamed_text_of_a_big_map_with_notes_is_the_saved_text() -> None:
    chain_map = make_big_map(2500, 4000)  # more items than one chunk of each array
    rng = random.Random(7)
    for i in range(30):
        target = rng.choice(chain_map.nodes).id
        chain_map.add_note(_note(f"note{i}", f"批注 {i} \"引号\"\n第二行", rng.uniform(-50, 5000), rng.uniform(0, 9000),
                                 target))
    assert b"".join(streamed_text(chain_map)) == dumps_map(chain_map)


def _note(note_id: str, text: str, x: float, y: float, target: str):  # type: ignore[no-untyped-def]
    from chainmap.core.parts import Note

    return Note(id=note_id, text=text, x=x, y=y, node=target)


def test_a_map_set_aside_comes_back_exactly_and_leaves_nothing_on_disk() -> None:
    chain_map = make_big_map(600, 960)
    layout_map(chain_map, aspect=4 / 3)
    for node in chain_map.nodes[::7]:  # positions off the 0.1 grid a save rounds to (a file's, a drag's)
        assert node.x is not None and node.y is not None
        chain_map.update_node(node.id, x=node.x + 1 / 3, y=node.y - 0.0123456789)
    chain_map.add_note(_note("n-off", "偏离网格的批注", 12.345678, -0.0000001, chain_map.nodes[3].id))
    assert any(n.x != round(n.x, 1) for n in chain_map.nodes if n.x is not None)
    expected = _exact(chain_map)
    before = _folders()
    gone = weakref.ref(chain_map)
    sole = SoleMap(chain_map)
    del chain_map
    assert sole.set_aside()
    assert sole.aside and gone() is None  # the map left memory
    assert len(_folders() - before) == 1  # its text is in one private folder
    with pytest.raises(SetAsideError):
        _ = sole.map  # no silent empty map while it is away
    back = sole.take_back()
    assert not sole.aside and sole.map is back
    assert _exact(back) == expected
    assert not _folders() - before


def test_a_map_someone_else_holds_stays_in_memory_and_nothing_is_left() -> None:
    chain_map = make_big_map(200, 320)
    before = _folders()
    held = SoleMap(chain_map, held_elsewhere=True)
    assert not held.set_aside() and held.map is chain_map and not _folders() - before
    careless = SoleMap(chain_map)  # told it was the only one, but the caller kept its own
    assert not careless.set_aside()
    assert careless.map is chain_map and not careless.aside
    assert not _folders() - before
    assert careless.take_back() is chain_map


def test_a_set_aside_file_that_went_is_said_in_a_sentence() -> None:
    before = _folders()
    sole = SoleMap(make_big_map(200, 320))
    assert sole.set_aside()
    (name,) = _folders() - before
    folder = Path(tempfile.gettempdir()) / name
    (folder / "map.chainmap.json").write_text('{"format": "chainmap", "version": 1, "nodes": [', encoding="utf-8")
    with pytest.raises(SetAsideError) as caught:
        sole.take_back()
    text = str(caught.value)
    assert str(folder) in text and "read back" in text and "line" in text  # where, and what is wrong
    assert "Traceback" not in text
    assert not folder.exists()


def test_a_full_disk_keeps_the_map_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    chain_map = make_big_map(200, 320)
    expected = _exact(chain_map)
    before = _folders()

    def full(_map: ChainMap):  # type: ignore[no-untyped-def]
        yield b"{"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(park, "streamed_text", full)
    sole = SoleMap(chain_map)
    del chain_map
    gc.collect()
    assert not sole.set_aside()
    assert _exact(sole.map) == expected and not _folders() - before


def test_the_folder_of_an_export_killed_halfway_goes_with_the_next_one(tmp_path: Path) -> None:
    """``kill -9`` while the map was set aside leaves its folder; the next export that sets a
    map aside deletes the folders whose process is gone, and no other."""
    import subprocess
    import sys

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(ended.stdout)
    stale = Path(tempfile.mkdtemp(prefix=f"{park.FOLDER_PREFIX}{dead_pid}-"))
    (stale / "map.chainmap.json").write_bytes(b"{}" * 1000)
    living = Path(tempfile.mkdtemp(prefix=f"{park.FOLDER_PREFIX}1-"))  # process 1 always runs
    try:
        sole = SoleMap(make_big_map(100, 150))
        assert sole.set_aside()
        assert not stale.exists() and living.exists()
        sole.take_back()
    finally:
        shutil.rmtree(living, ignore_errors=True)
        shutil.rmtree(stale, ignore_errors=True)


def test_no_temporary_folder_keeps_the_map_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(locked / "gone"))  # TMPDIR names a folder that is not there
    sole = SoleMap(make_big_map(100, 150))
    assert not sole.set_aside()
    assert not sole.aside and len(sole.map.nodes) == 100
