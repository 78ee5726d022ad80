"""``chainmap git-setup`` keeps the editor's lock files (``.NAME.lock`` beside an open map) out
of git: it adds ``.*.chainmap.json.lock`` to ``.gitignore``, once, keeping what the file holds,
and never writes through a link or onto something that is not a plain file."""

from __future__ import annotations

from pathlib import Path

from chainmap.gui.files.lock import lock_path

from .test_cli_trust import GitRepo, git_repo  # noqa: F401 (git_repo is a fixture)

LINE = ".*.chainmap.json.lock"


def test_setup_makes_git_ignore_the_editors_lock_files(git_repo: GitRepo) -> None:  # noqa: F811
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 0, done.stderr
    assert (git_repo.path / ".gitignore").read_text(encoding="utf-8") == LINE + "\n"
    assert ".gitignore: added '.*.chainmap.json.lock'" in done.stdout
    (git_repo.path / "maps").mkdir()
    for map_path in (git_repo.path / "vehicles.chainmap.json", git_repo.path / "maps" / "芯片.chainmap.json"):
        map_path.write_text("{}", encoding="utf-8")
        lock = lock_path(map_path)  # the name the editor gives its lock
        lock.write_text("12345\nhost\nchainmap\n", encoding="utf-8")
    status = git_repo.git("status", "--porcelain", "--untracked-files=all").stdout
    assert ".lock" not in status
    assert "vehicles.chainmap.json" in status and "maps/" in status  # the maps themselves are not ignored

    again = git_repo.chainmap("git-setup")
    assert again.returncode == 0 and ".gitignore: already has" in again.stdout
    assert (git_repo.path / ".gitignore").read_text(encoding="utf-8") == LINE + "\n"


def test_setup_keeps_a_gitignore_in_another_encoding_and_its_line_endings(git_repo: GitRepo) -> None:  # noqa: F811
    ignore = git_repo.path / ".gitignore"
    original = "# 临时文件\r\n*.tmp\r\n构建/".encode("gbk")  # no UTF-8, no newline at the end
    ignore.write_bytes(original)
    assert git_repo.chainmap("git-setup").returncode == 0
    assert ignore.read_bytes() == original + b"\r\n" + LINE.encode() + b"\r\n"
    assert git_repo.chainmap("git-setup").returncode == 0
    assert ignore.read_bytes().count(LINE.encode()) == 1


def test_setup_refuses_a_gitignore_link_and_changes_nothing(git_repo: GitRepo, tmp_path: Path) -> None:  # noqa: F811
    outside = tmp_path / "outside.txt"
    outside.write_text("not the repository's\n", encoding="utf-8")
    (git_repo.path / ".gitignore").symlink_to(outside)
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert ".gitignore is a symbolic link" in done.stderr and LINE in done.stderr
    assert outside.read_text(encoding="utf-8") == "not the repository's\n"
    assert not (git_repo.path / ".gitattributes").exists()
    assert git_repo.git("config", "--get", "merge.chainmap.driver", check=False).stdout == ""


def test_setup_refuses_a_gitignore_folder(git_repo: GitRepo) -> None:  # noqa: F811
    (git_repo.path / ".gitignore").mkdir()
    done = git_repo.chainmap("git-setup")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert ".gitignore is a folder" in done.stderr
    assert not (git_repo.path / ".gitattributes").exists()
