"""Loading and saving files: atomic saves that fail cleanly, permissions, links, load errors."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chainmap.core.format import fileio
from chainmap.core.format.fileio import load_map, loads_map, save_map, write_atomic
from chainmap.core.format.problems import MapLoadError, MapSaveError, NewerVersionError
from chainmap.core.format.serialize import dumps_data, dumps_map, map_from_data
from chainmap.core.model import ChainMap

from .mapdata import sample_map


def a_map(description: str = "") -> ChainMap:
    data = sample_map()
    if description:
        data["nodes"][0]["description"] = description
    return map_from_data(data)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a save may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "ev.chainmap.json"
    save_map(a_map(), path)
    return path


# ------------------------------------------------------------------ mounts (real failures)
def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    try:
        result = subprocess.run(["mount", *args], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 64 KB tmpfs, or None where this machine does not let the tests mount one."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(folder)):
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


# ------------------------------------------------------------------ saving
def test_save_writes_canonical_bytes_and_leaves_nothing_behind(saved: Path) -> None:
    assert saved.read_bytes() == dumps_data(sample_map())
    assert leftovers(saved.parent) == []


def test_failed_save_when_the_parent_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(), blocker / "map.chainmap.json")
    assert "not saved" in caught.value.problems[0].message
    assert "not a folder" in caught.value.problems[0].message
    assert blocker.read_text() == "I am a file"
    assert leftovers(tmp_path) == []


def test_failed_save_when_the_path_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ev.chainmap.json"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept")
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(), folder)
    assert "is a folder" in caught.value.problems[0].message
    assert folder.is_dir() and (folder / "inside.txt").read_text() == "kept"
    assert leftovers(tmp_path) == []


def test_failed_save_when_the_folder_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(), tmp_path / "missing" / "ev.chainmap.json")
    assert "folder does not exist" in caught.value.problems[0].message


def test_failed_save_on_a_full_disk(
    tiny_disk: Path | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk or tmp_path
    path = folder / "ev.chainmap.json"
    save_map(a_map(), path)
    before = path.read_bytes()
    big = a_map(description="长" * 60_000)  # ~180 KB: more than the whole 64 KB disk
    if tiny_disk is None:
        # No mount here: make the write fail the way a full disk does.
        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(fileio.os, "fsync", full)
    with pytest.raises(MapSaveError) as caught:
        save_map(big, path)
    message = caught.value.problems[0].message
    assert "disk is full" in message and "unchanged" in message
    assert path.read_bytes() == before
    assert leftovers(folder) == []


def test_failed_save_on_a_read_only_disk(
    tiny_disk: Path | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tiny_disk or tmp_path
    path = folder / "ev.chainmap.json"
    save_map(a_map(), path)
    before = path.read_bytes()
    if tiny_disk is not None and _mount("-o", "remount,ro", str(tiny_disk)):
        pass
    else:

        def read_only(*args: Any, **kwargs: Any) -> Any:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(fileio.tempfile, "mkstemp", read_only)
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(description="changed"), path)
    assert "read-only" in caught.value.problems[0].message
    assert path.read_bytes() == before
    assert leftovers(folder) == []


@pytest.mark.parametrize(
    ("where", "code", "words"),
    [
        ("replace", errno.EACCES, "no permission"),
        ("fsync", errno.EIO, os.strerror(errno.EIO)),
        ("fchmod", errno.EPERM, "no permission"),
    ],
)
def test_failed_save_at_each_step_leaves_the_old_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, words: str
) -> None:
    before = saved.read_bytes()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fileio.os, where, fail)
    with pytest.raises(MapSaveError) as caught:
        save_map(a_map(description="changed"), saved)
    assert words in caught.value.problems[0].message
    assert str(saved) in caught.value.describe()
    assert saved.read_bytes() == before
    assert leftovers(saved.parent) == []


def test_permissions_are_kept(saved: Path) -> None:
    saved.chmod(0o640)
    save_map(a_map(description="changed"), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640
    assert "changed" in saved.read_text(encoding="utf-8")


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.chainmap.json"
        save_map(a_map(), path)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_saving_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "maps" / "ev.chainmap.json"
    real.parent.mkdir()
    save_map(a_map(), real)
    real.chmod(0o600)
    link = tmp_path / "link.chainmap.json"
    link.symlink_to(real)
    save_map(a_map(description="through the link"), link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "through the link" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_write_atomic_replaces_the_whole_file(saved: Path) -> None:
    write_atomic(saved, b"short\n")
    assert saved.read_bytes() == b"short\n"


# ------------------------------------------------------------------ loading
def test_load_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MapLoadError) as caught:
        load_map(tmp_path / "nothing.chainmap.json")
    assert "no such file" in caught.value.problems[0].message


def test_load_a_folder(tmp_path: Path) -> None:
    with pytest.raises(MapLoadError) as caught:
        load_map(tmp_path)
    assert "folder" in caught.value.problems[0].message


def test_load_a_newer_version_refuses_and_writes_nothing(tmp_path: Path) -> None:
    data = sample_map()
    data["version"] = 3
    data["nodes"] = [{"a shape": "of version 3"}]
    path = tmp_path / "future.chainmap.json"
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    with pytest.raises(NewerVersionError) as caught:
        load_map(path)
    assert isinstance(caught.value, MapLoadError)
    assert caught.value.version == 3
    assert len(caught.value.problems) == 1
    message = caught.value.problems[0].message
    assert "version 3" in message and "newer chainmap" in message
    assert path.read_bytes() == raw


def test_newer_version_without_the_format_key_is_still_refused(tmp_path: Path) -> None:
    data = sample_map()
    data["version"] = 2
    del data["format"]
    with pytest.raises(MapLoadError) as caught:
        loads_map(json.dumps(data).encode())
    assert any("version 2" in p.message for p in caught.value.problems)


def test_bom_is_tolerated_on_read_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "bom.chainmap.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_data(sample_map()))
    loaded = load_map(path)
    assert loaded.map.title == sample_map()["title"]
    save_map(loaded.map, path)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_bytes() == dumps_data(sample_map())


def test_load_returns_the_warnings(tmp_path: Path) -> None:
    data = sample_map()
    data["nodes"][1]["regions"]["CN-TJ"]["status"] = "present"  # it has a plan
    data["nodes"][1]["regions"]["CN-BJ"]["enterprises"][0]["uscc"] = "123"
    path = tmp_path / "warned.chainmap.json"
    path.write_bytes(dumps_data(data))
    result = load_map(path)
    assert result.source == str(path)
    assert sorted(w.path for w in result.warnings) == [
        "/nodes/1/regions/CN-BJ/enterprises/0/uscc",
        "/nodes/1/regions/CN-TJ/plan",
    ]
    assert all(not w.is_error for w in result.warnings)
    assert "warning:" in result.warnings[0].format(str(path))


def test_load_reports_every_error_at_once(tmp_path: Path) -> None:
    data = sample_map()
    data["nodes"][0]["tier"] = "nowhere"
    data["edges"][0]["to"] = "n-lithium"
    data["regions"][0]["color"] = "red"
    path = tmp_path / "bad.chainmap.json"
    path.write_bytes(dumps_data(data))
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert {p.path for p in caught.value.problems} == {"/nodes/0/tier", "/edges/0/to", "/regions/0/color"}
    lines = caught.value.describe().splitlines()
    assert len(lines) == 3 and all(line.startswith(f"{path}:/") for line in lines)


def test_save_then_load_is_the_same_map(saved: Path) -> None:
    again = load_map(saved).map
    assert dumps_map(again) == saved.read_bytes()
