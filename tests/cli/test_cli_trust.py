"""The command line never replaces what it must not, never hands map text to the terminal raw,
writes CSV a spreadsheet cannot be tricked by, and works with git's awkward names and files."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ..core.mapdata import sample_map
from .helpers import ROOT, run_chainmap

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
DANGEROUS = ("\x1b", "\x07", "\x9b", "\u202e")  # ESC, BEL, the C1 CSI, RIGHT-TO-LEFT OVERRIDE
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e"


def write_map(path: Path, data: dict[str, Any]) -> Path:
    # Not canonical (no indent): a rewrite changes the bytes, so an untouched file shows.
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    return write_map(tmp_path / "ev.chainmap.json", sample_map())


def run_bytes(*args: str, cwd: Path, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    """``chainmap ARGS`` with standard output as bytes (or onto the file descriptor ``stdout``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], cwd=cwd, env=env, timeout=300,
                          stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE)


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, bytes, str]:
    """Run ``chainmap ARGS`` with standard output on a pseudo-terminal; (status, output, errors)."""
    leader, follower = pty.openpty()
    try:
        done = run_bytes(*args, cwd=cwd, stdout=follower)
        os.close(follower)
        follower = -1
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            output += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    return done.returncode, output, done.stderr.decode("utf-8")


# ------------------------------------------------------------------ what -o may replace
def _commands_writing(out: Path, map_file: Path, *extra: str) -> dict[str, list[str]]:
    copy = map_file.with_name("copy.chainmap.json")
    shutil.copy(map_file, copy)
    return {
        "format": ["format", str(map_file), "-o", str(out), *extra],
        "layout": ["layout", str(map_file), "-o", str(out), *extra],
        "merge": ["merge", str(map_file), str(copy), "-o", str(out), *extra],
        "export": ["export", str(map_file), "-o", str(out), "--format", "svg", "-q", *extra],
        "export-png": ["export", str(map_file), "-o", str(out), "--format", "png", "-q", *extra],
        "export-pdf": ["export", str(map_file), "-o", str(out), "--format", "pdf", "-q", *extra],
    }


@pytest.mark.parametrize("command", ["format", "layout", "merge", "export"])
def test_a_named_pipe_is_never_replaced(tmp_path: Path, map_file: Path, command: str) -> None:
    fifo = tmp_path / "out.chainmap.json"
    os.mkfifo(fifo)
    done = run_chainmap(*_commands_writing(fifo, map_file)[command])
    assert done.returncode != 0
    assert f"{fifo}: " in done.stderr and "named pipe" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not IS_ROOT, reason="only root may make a device node")
def test_a_device_node_is_never_replaced(tmp_path: Path, map_file: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    for args in _commands_writing(device, map_file).values():
        done = run_chainmap(*args)
        assert done.returncode != 0 and "a device" in done.stderr, done.stderr
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_loop_of_links_as_output_is_said_without_a_traceback(tmp_path: Path, map_file: Path) -> None:
    loop = tmp_path / "loop.svg"
    loop.symlink_to(loop.name)
    for name, args in _commands_writing(loop, map_file).items():
        done = run_chainmap(*args)
        assert done.returncode != 0, name
        assert "Traceback" not in done.stderr, done.stderr
        assert f"{loop}: " in done.stderr and "loop of symbolic links" in done.stderr, done.stderr


@pytest.mark.parametrize("command", ["format", "layout", "merge", "export", "export-png", "export-pdf"])
def test_a_read_only_output_needs_force(tmp_path: Path, map_file: Path, command: str) -> None:
    out = tmp_path / "out.svg"
    out.write_text("read-only, keep me")
    out.chmod(0o444)
    done = run_chainmap(*_commands_writing(out, map_file)[command])
    assert done.returncode != 0
    assert f"{out}: " in done.stderr and "read-only" in done.stderr and "--force" in done.stderr, done.stderr
    assert out.read_text() == "read-only, keep me"
    forced = run_chainmap(*_commands_writing(out, map_file, "--force")[command])
    assert forced.returncode in (0, 1), forced.stderr  # merge: 1 when conflicts are recorded
    assert out.read_bytes() != b"read-only, keep me" and out.stat().st_size > 100
    if command.startswith("export-"):  # written straight into the file, a whole picture
        assert out.read_bytes().startswith({"export-png": b"\x89PNG", "export-pdf": b"%PDF"}[command])
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


@pytest.mark.parametrize("command", ["format", "layout"])
def test_in_place_keeps_a_read_only_file_and_its_owner(map_file: Path, command: str) -> None:
    before = map_file.read_bytes()
    map_file.chmod(0o444)
    done = run_chainmap(command, str(map_file), "--in-place")
    assert done.returncode == 1
    assert "read-only" in done.stderr and "--force" in done.stderr
    assert map_file.read_bytes() == before
    if IS_ROOT:
        os.chown(map_file, 4321, 1234)
    done = run_chainmap(command, str(map_file), "--in-place", "--force")
    assert done.returncode == 0, done.stderr
    assert map_file.read_bytes() != before
    info = map_file.stat()
    assert stat.S_IMODE(info.st_mode) == 0o444
    if IS_ROOT:
        assert (info.st_uid, info.st_gid) == (4321, 1234)


# ------------------------------------------------------------------ -o - (standard output)
@pytest.mark.parametrize("command", ["format", "layout", "merge"])
def test_dash_writes_the_map_to_standard_output(tmp_path: Path, map_file: Path, command: str) -> None:
    args = _commands_writing(tmp_path / "unused", map_file)[command]
    args[args.index("-o") + 1] = "-"
    done = run_chainmap(*args, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["id"] == sample_map()["id"]
    assert not (tmp_path / "-").exists()


def test_export_to_standard_output(tmp_path: Path, map_file: Path) -> None:
    svg = run_bytes("export", str(map_file), "-o", "-", "--format", "svg", "-q", cwd=tmp_path)
    assert svg.returncode == 0, svg.stderr
    assert b"<svg" in svg.stdout and svg.stdout.rstrip().endswith(b"</svg>")
    png = run_bytes("export", str(map_file), "-o", "-", "--format", "png", "-q", cwd=tmp_path)
    assert png.returncode == 0, png.stderr
    assert png.stdout.startswith(b"\x89PNG\r\n\x1a\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [map_file.name]  # no file named '-'


def test_a_picture_is_not_poured_onto_a_terminal(tmp_path: Path, map_file: Path) -> None:
    status, output, errors = on_a_terminal("export", str(map_file), "-o", "-", "--format", "png", cwd=tmp_path)
    assert status == 1
    assert "terminal" in errors and "redirect" in errors
    assert b"PNG" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == [map_file.name]


def test_export_to_standard_output_needs_a_format(tmp_path: Path, map_file: Path) -> None:
    done = run_chainmap("export", str(map_file), "-o", "-", cwd=tmp_path)
    assert done.returncode == 2 and "--format" in done.stderr


# ------------------------------------------------------------------ terminal escapes
def hostile_map() -> dict[str, Any]:
    data = sample_map()
    data["title"] = "图谱" + HOSTILE
    nodes = {n["id"]: n for n in data["nodes"]}
    nodes["n-battery"]["name"] = "动力电池" + HOSTILE
    nodes["n-battery"]["regions"]["CN-BJ"]["enterprises"][0]["name"] = "某电池公司" + HOSTILE
    nodes["n-battery"]["regions"]["CN-HE"]["plan"]["targets"] = ["某电芯厂" + HOSTILE]
    del data["conflicts"]
    return data


def assert_escaped(done: subprocess.CompletedProcess[str]) -> None:
    text = done.stdout + done.stderr
    assert "Traceback" not in text
    for char in DANGEROUS:
        assert char not in text, f"{char!r} printed raw:\n{text}"
    assert "\\x1b[2J" in text and "\\u202e" in text  # the text is shown, as escapes


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_map(tmp_path / "hostile.chainmap.json", hostile_map())


@pytest.mark.parametrize("args", [["info"], ["lists"], ["validate"], ["git-textconv"]], ids=lambda a: a[0])
def test_map_text_reaches_the_terminal_escaped(hostile: Path, args: list[str]) -> None:
    if args == ["validate"]:
        data = hostile_map()
        data["nodes"][0]["tier"] = "up" + HOSTILE  # an error that quotes the text
        write_map(hostile, data)
    done = run_chainmap(*args, str(hostile))
    assert_escaped(done)


def test_diff_and_merge_print_map_text_escaped(tmp_path: Path, hostile: Path) -> None:
    plain = write_map(tmp_path / "plain.chainmap.json", sample_map())
    assert_escaped(run_chainmap("diff", str(plain), str(hostile)))
    other = hostile_map()
    next(n for n in other["nodes"] if n["id"] == "n-battery")["name"] = "电池" + HOSTILE
    other_file = write_map(tmp_path / "other.chainmap.json", other)
    done = run_chainmap("merge", "--base", str(plain), str(hostile), str(other_file),
                        "-o", str(tmp_path / "merged.chainmap.json"))
    assert done.returncode == 1  # a conflict on the name: its values are printed
    assert_escaped(done)


def strings(value: Any) -> list[str]:
    """Every text inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in strings(item)] if isinstance(value, list) else []


@pytest.mark.parametrize("command", ["info", "lists", "diff", "validate", "merge"])
def test_json_output_escapes_what_a_terminal_would_act_on(tmp_path: Path, hostile: Path, command: str) -> None:
    plain = str(write_map(tmp_path / "plain.chainmap.json", sample_map()))
    args = [command, "--json", str(hostile)]
    if command == "diff":
        args.insert(2, plain)
    elif command == "merge":
        args += [plain, "-o", str(tmp_path / "merged.chainmap.json")]
    elif command == "validate":
        data = hostile_map()
        data["nodes"][0]["tier"] = "up" + HOSTILE
        write_map(hostile, data)
    done = run_chainmap(*args)
    assert done.stdout, done.stderr
    for char in DANGEROUS:
        assert char not in done.stdout
    if command != "merge":  # merge reports counts and ids, no names
        assert any(HOSTILE in s for s in strings(json.loads(done.stdout)))  # the same values


def test_a_map_written_to_a_terminal_is_escaped_json(tmp_path: Path, hostile: Path) -> None:
    status, output, _ = on_a_terminal("format", str(hostile), cwd=tmp_path)
    assert status == 0
    text = output.decode("utf-8").replace("\r\n", "\n")  # the terminal's own line ends
    for char in DANGEROUS:
        assert char not in text
    assert json.loads(text)["title"] == "图谱" + HOSTILE


# ------------------------------------------------------------------ CSV
def test_csv_has_a_bom_and_no_formulas(tmp_path: Path) -> None:
    data = sample_map()
    battery = next(n for n in data["nodes"] if n["id"] == "n-battery")
    battery["name"] = "=HYPERLINK(\"http://evil\",\"电池\")"
    battery["regions"]["CN-HE"]["plan"].update(targets=["+cmd|' /C calc'!A0", "-2+3", "普通企业"], owner="@SUM(A1)")
    path = write_map(tmp_path / "f.chainmap.json", data)
    done = run_bytes("lists", str(path), "--list", "investment", "--csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese right
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert rows[0][:3] == ["segment", "region", "status"]
    row = next(r for r in rows[1:] if r[1] == "CN-HE")
    cells = dict(zip(rows[0], row, strict=True))
    assert cells["segment"] == "'=HYPERLINK(\"http://evil\",\"电池\")"
    assert cells["owner"] == "'@SUM(A1)"
    assert cells["targets"] == "'+cmd|' /C calc'!A0; -2+3; 普通企业"
    for r in rows:
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# ------------------------------------------------------------------ git
class GitRepo:
    """A temporary repository whose git reads only its own config."""

    def __init__(self, tmp_path: Path) -> None:
        home = tmp_path / "home"
        home.mkdir()
        self.path = tmp_path / "repo"
        self.path.mkdir()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true", "PYTHONPATH": str(ROOT),
        }
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "测试")
        self.git("config", "user.email", "test@example.com")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True,
                              timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def chainmap(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], cwd=self.path, env=self.env,
                              capture_output=True, text=True, timeout=120)

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)


@pytest.fixture
def git_repo(tmp_path: Path) -> GitRepo:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return GitRepo(tmp_path)


DASHED = "-notes.chainmap.json"


def _set_name(path: Path, node_id: str, name: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    next(n for n in data["nodes"] if n["id"] == node_id)["name"] = name
    write_map(path, data)


@pytest.fixture
def dashed(git_repo: GitRepo) -> Path:
    """A map named with a leading dash, committed in a repository set up for chainmap."""
    assert git_repo.chainmap("git-setup").returncode == 0
    target = git_repo.path / DASHED
    data = sample_map()
    del data["conflicts"]
    write_map(target, data)
    git_repo.commit("base")
    return target


def test_git_diff_takes_a_file_named_with_a_dash(git_repo: GitRepo, dashed: Path) -> None:
    _set_name(dashed, "n-vehicle", "整车制造")
    diff = git_repo.git("diff").stdout
    assert "-segment 下游/整车 " in diff and "+segment 下游/整车制造 " in diff  # through textconv


def test_the_merge_driver_takes_a_file_named_with_a_dash(git_repo: GitRepo, dashed: Path) -> None:
    target = dashed
    git_repo.git("checkout", "-q", "-b", "other")
    _set_name(target, "n-lithium", "锂矿石")
    git_repo.commit("other renames lithium")
    git_repo.git("checkout", "-q", "main")
    _set_name(target, "n-vehicle", "整车制造")
    git_repo.commit("main renames vehicle")
    done = git_repo.git("merge", "--no-edit", "other", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"chainmap git-merge: {DASHED}: merged cleanly" in done.stderr
    names = {n["id"]: n["name"] for n in json.loads(target.read_text(encoding="utf-8"))["nodes"]}
    assert names["n-lithium"] == "锂矿石" and names["n-vehicle"] == "整车制造"


def test_setup_refuses_a_gitattributes_link_out_of_the_repository(git_repo: GitRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not the repository's\n")
    (git_repo.path / ".gitattributes").symlink_to(outside)
    git_repo.commit("a committed link")
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert ".gitattributes" in done.stderr and "symbolic link" in done.stderr
    assert outside.read_text() == "not the repository's\n"
    assert (git_repo.path / ".gitattributes").is_symlink()
    assert git_repo.git("config", "--get", "merge.chainmap.driver", check=False).stdout == ""


def test_setup_refuses_a_gitattributes_folder(git_repo: GitRepo) -> None:
    (git_repo.path / ".gitattributes").mkdir()
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert ".gitattributes" in done.stderr and "is a folder" in done.stderr


def test_setup_keeps_a_gbk_gitattributes_and_adds_its_line(git_repo: GitRepo) -> None:
    attributes = git_repo.path / ".gitattributes"
    original = "# 文本文件\r\n*.txt text".encode("gbk")
    attributes.write_bytes(original)
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 0, done.stderr
    assert attributes.read_bytes() == original + b"\r\n*.chainmap.json merge=chainmap diff=chainmap\r\n"
    again = git_repo.chainmap("git-setup")
    assert again.returncode == 0 and "already has" in again.stdout
    assert attributes.read_bytes().count(b"merge=chainmap") == 1
