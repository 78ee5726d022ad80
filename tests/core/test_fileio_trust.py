"""Saving never replaces what is not a map file, keeps owners, and cleans up after a kill -9."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chainmap.core.format.fileio import save_map, write_atomic
from chainmap.core.format.problems import MapSaveError
from chainmap.core.format.savetarget import ReadOnlyTargetError, remove_stale_temporaries
from chainmap.core.format.serialize import dumps_map, map_from_data
from chainmap.core.model import ChainMap

from .mapdata import sample_map

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def a_map(description: str = "") -> ChainMap:
    data = sample_map()
    if description:
        data["nodes"][0]["description"] = description
    return map_from_data(data)


def temporaries(folder: Path, name: str) -> list[str]:
    """Temporary files of a save of ``name`` (whatever the pattern after the name)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".tmp"))


def refused(path: Path, *words: str) -> MapSaveError:
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(description="changed"), path)
    message = caught.value.describe()
    assert message.startswith(str(path)), message  # the sentence names the file
    for word in words:
        assert word in message, message
    return caught.value


# ------------------------------------------------------------------ special files
def test_a_named_pipe_is_refused_and_kept(tmp_path: Path) -> None:
    fifo = tmp_path / "out.chainmap.json"
    os.mkfifo(fifo)
    refused(fifo, "named pipe", "not saved")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert temporaries(tmp_path, fifo.name) == []


def test_a_link_to_a_named_pipe_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.chainmap.json"
    link.symlink_to(fifo)
    refused(link, "named pipe")
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not IS_ROOT, reason="only root may make a device node")
def test_a_device_node_is_refused_and_kept(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    refused(device, "a device")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.fixture
def short_folder() -> Iterator[Path]:
    """A folder with a short path: a socket's path must fit in about 100 bytes."""
    with tempfile.TemporaryDirectory(prefix="cm") as folder:
        yield Path(folder)


def test_a_socket_is_refused_and_kept(short_folder: Path) -> None:
    path = short_folder / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        refused(path, "a socket")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_a_loop_of_links_is_said_in_a_sentence(tmp_path: Path) -> None:
    loop = tmp_path / "loop.chainmap.json"
    loop.symlink_to(loop.name)
    refused(loop, "loop of symbolic links")
    other = tmp_path / "a.chainmap.json"
    (tmp_path / "b.chainmap.json").symlink_to(other.name)
    other.symlink_to("b.chainmap.json")
    refused(other, "loop of symbolic links")


# ------------------------------------------------------------------ read-only files, owners
def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "ev.chainmap.json"
    save_map(a_map(), path)
    path.chmod(0o444)
    before = path.read_bytes()
    error = refused(path, "read-only", "r--r--r--")
    assert isinstance(error, ReadOnlyTargetError)
    assert path.read_bytes() == before
    save_map(a_map(description="forced"), path, force=True)
    assert "forced" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # still read-only
    assert temporaries(tmp_path, path.name) == []


@pytest.mark.skipif(not IS_ROOT, reason="only root may give a file to another user")
def test_owner_group_and_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ev.chainmap.json"
    save_map(a_map(), path)
    os.chown(path, 4321, 1234)
    path.chmod(0o640)
    save_map(a_map(description="changed"), path)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 1234)
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert "changed" in path.read_text(encoding="utf-8")


def test_a_group_we_belong_to_is_kept(tmp_path: Path) -> None:
    others = [g for g in os.getgroups() if g != os.getegid()]
    if not others and not IS_ROOT:
        pytest.skip("this user belongs to no second group")
    group = others[0] if others else 1234
    path = tmp_path / "ev.chainmap.json"
    save_map(a_map(), path)
    os.chown(path, -1, group)
    save_map(a_map(description="changed"), path)
    assert path.stat().st_gid == group


# ------------------------------------------------------------------ interrupted saves
CHILD = """
import os, sys, time
real_fsync = os.fsync
def stuck_fsync(fd):
    real_fsync(fd)
    print("written", flush=True)
    time.sleep(600)  # killed here, half-way through the save
os.fsync = stuck_fsync
from chainmap.core.format.fileio import write_atomic
write_atomic(sys.argv[1], b"{}" * 100000)
"""


def _kill_mid_save(path: Path) -> None:
    """Run a real save in a child process and kill -9 it once its temporary file is written."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, env=env,
                          text=True) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "written"
            assert temporaries(path.parent, path.name)  # the temporary file is there, the rename not done
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_save_killed_half_way_is_cleaned_up_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "ev.chainmap.json"
    save_map(a_map(), path)
    before = path.read_bytes()
    _kill_mid_save(path)
    assert path.read_bytes() == before  # the old file is whole
    [left] = temporaries(tmp_path, path.name)
    _age(tmp_path / left, 120)
    # Not ours, or too young to be left over: kept.
    (tmp_path / ".notes.txt.abcdefgh.tmp").write_text("another program's")
    _age(tmp_path / ".notes.txt.abcdefgh.tmp", 3600)
    young = tmp_path / f".other.chainmap.json.chainmap-{'a' * 8}.tmp"
    young.write_text("a save running now")

    save_map(a_map(description="next"), tmp_path / "other.chainmap.json")  # a save into the folder
    assert not (tmp_path / left).exists()
    assert (tmp_path / ".notes.txt.abcdefgh.tmp").exists() and young.exists()
    assert path.read_bytes() == before


def test_only_regular_files_of_our_pattern_a_minute_old_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".a.json.chainmap-abcd_123.tmp"
    stale.write_text("left")
    _age(stale, 61)
    fresh = tmp_path / ".b.json.chainmap-abcd_124.tmp"
    fresh.write_text("running")
    _age(fresh, 30)
    folder = tmp_path / ".c.json.chainmap-abcd_125.tmp"
    folder.mkdir()
    link = tmp_path / ".d.json.chainmap-abcd_126.tmp"
    link.symlink_to(stale.name)
    other = tmp_path / "a.json.chainmap-abcd_127.tmp"  # no leading dot: not our name
    other.write_text("x")
    _age(other, 600)
    assert remove_stale_temporaries(tmp_path) == [stale.name]
    assert fresh.exists() and folder.is_dir() and link.is_symlink() and other.exists()


def test_write_atomic_keeps_a_new_files_folder_clean(tmp_path: Path) -> None:
    path = tmp_path / "new.chainmap.json"
    write_atomic(path, dumps_map(a_map()))
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
