"""``chainmap export`` to the interchange formats and ``chainmap import``, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from ..cli.helpers import ROOT, run_chainmap

VEHICLES = str(ROOT / "examples" / "vehicles.chainmap.json")


def _chainmap(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), LANG=lang)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_export_then_import_into_the_same_map_is_no_difference(tmp_path: Path) -> None:
    workbook = tmp_path / "vehicles.xlsx"
    done = _chainmap("export", VEHICLES, "-o", str(workbook), lang="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert CalamineWorkbook.from_path(str(workbook)).sheet_names[0] == "环节"
    out = tmp_path / "back.chainmap.json"
    done = run_chainmap("import", str(workbook), "--into", VEHICLES, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{out}: no change\n"
    diff = run_chainmap("diff", VEHICLES, str(out))
    assert (diff.returncode, diff.stdout) == (0, "")
    assert out.read_bytes() == Path(VEHICLES).read_bytes()


def test_sheet_names_follow_the_language(tmp_path: Path) -> None:
    workbook = tmp_path / "vehicles.xlsx"
    assert _chainmap("export", VEHICLES, "-o", str(workbook), "-q", lang="C").returncode == 0
    assert CalamineWorkbook.from_path(str(workbook)).sheet_names[:2] == ["Segments", "Links"]


def test_a_bad_cell_writes_nothing_and_says_where(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "环节"
    sheet.append(["环节名称", "层级", "北京 现状"])
    sheet.append(["固态电池", "中游", "强"])
    path = tmp_path / "ledger.xlsx"
    workbook.save(path)
    out = tmp_path / "out.chainmap.json"
    out.write_text("keep me", encoding="utf-8")
    done = run_chainmap("import", str(path), "--into", VEHICLES, "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{path}:环节!C2: unknown status '强' (expected 优势/有基础/薄弱/缺失/未评估 or strong/present/weak/gap/unknown)",
        "chainmap import: 1 problem found; nothing was written."]
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "Traceback" not in done.stderr


def test_csv_files_make_a_new_map(tmp_path: Path) -> None:
    (tmp_path / "segments.csv").write_bytes("编号,环节名称,层级\n,锂矿,上游\n,电池,中游\n".encode("gb18030"))
    (tmp_path / "links.csv").write_text("\ufefffrom,to,kind,label\n锂矿,电池,supply,锂盐\n", encoding="utf-8")
    out = tmp_path / "new.chainmap.json"
    done = run_chainmap("import", str(tmp_path / "segments.csv"), str(tmp_path / "links.csv"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{out}: created 2 tiers, 2 segments, 1 link; placed 2 segments\n"
    info = run_chainmap("validate", str(out))
    assert info.returncode == 0, info.stderr


@pytest.mark.parametrize(("name", "options", "start"), [
    ("map.graphml", (), b"<?xml"), ("yed.graphml", ("--yed",), b"<?xml"), ("map.gexf", (), b"<?xml"),
    ("map.cyjs", (), b"{"), ("map.gv", (), b"digraph"), ("map.dot", (), b"digraph"), ("map.mmd", (), b"---"),
    ("links.csv", ("--table", "links"), b"\xef\xbb\xbf"),
])
def test_every_format_is_written(tmp_path: Path, name: str, options: tuple[str, ...], start: bytes) -> None:
    done = run_chainmap("export", VEHICLES, "-o", str(tmp_path / name), *options)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes().startswith(start)


def test_graph_formats_import_back_on_the_command_line(tmp_path: Path) -> None:
    for name in ("map.graphml", "map.cyjs", "map.gexf"):
        assert run_chainmap("export", VEHICLES, "-o", str(tmp_path / name), "-q").returncode == 0
        out = tmp_path / f"{name}.chainmap.json"
        done = run_chainmap("import", str(tmp_path / name), "--into", VEHICLES, "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert run_chainmap("diff", VEHICLES, str(out)).returncode == 0


def test_standard_output_and_usage_errors(tmp_path: Path) -> None:
    done = run_chainmap("export", VEHICLES, "-o", "-", "--format", "csv", "--table", "tiers")
    assert done.returncode == 0 and done.stdout.splitlines()[1:] == ["up,上游", "mid,中游", "down,下游"]
    wrong = run_chainmap("export", VEHICLES, "-o", str(tmp_path / "a.xlsx"), "--yed")
    assert wrong.returncode == 2 and "--yed goes with a .graphml output" in wrong.stderr
    alone = run_chainmap("import", str(tmp_path / "a.xlsx"), "--delete-missing", "-o", str(tmp_path / "b.json"))
    assert alone.returncode == 2 and "--delete-missing needs --into MAP" in alone.stderr
    missing = run_chainmap("import", str(tmp_path / "absent.xlsx"), "-o", str(tmp_path / "c.json"))
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0] == f"{tmp_path / 'absent.xlsx'}: There is no such file."
    assert not (tmp_path / "c.json").exists()


def test_yed_and_gephi_get_every_segment_placed_the_workbook_as_it_is(tmp_path: Path) -> None:
    import json

    data = json.loads(Path(VEHICLES).read_text(encoding="utf-8"))
    del data["nodes"][0]["x"], data["nodes"][0]["y"]
    source = tmp_path / "unplaced.chainmap.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_chainmap("export", str(source), "-o", str(tmp_path / "map.graphml"), "--yed")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == f"{source}: placed 1 segment(s) that had no position"
    done = run_chainmap("export", str(source), "-o", str(tmp_path / "map.xlsx"))
    assert done.returncode == 0 and "placed" not in done.stderr
    sheet = CalamineWorkbook.from_path(str(tmp_path / "map.xlsx")).get_sheet_by_index(0).to_python()
    assert sheet[1][-2:] == ["", ""]  # no position, as in the map
