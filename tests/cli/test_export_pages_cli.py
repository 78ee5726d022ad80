"""``chainmap export`` to a slide deck, to paper, and to a fitted PNG, run as a user runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VEHICLES = ROOT / "examples" / "vehicles.chainmap.json"
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils (pdfinfo, pdftoppm) is not installed")


def chainmap(*args: str, cwd: Path, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LANG=lang)
    return subprocess.run([sys.executable, "-m", "chainmap.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    for bad in ("Traceback", "Abort", "Segmentation", "QObject::", "QPainter::"):
        assert bad not in done.stderr, done.stderr


def test_pptx_holds_the_map_pictures_and_the_three_lists_as_tables(tmp_path):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    done = chainmap("export", str(VEHICLES), "-o", "report.pptx", cwd=tmp_path, lang="zh_CN.UTF-8")
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    deck = Presentation(str(tmp_path / "report.pptx"))
    slides = list(deck.slides)
    assert f"PPTX，{len(slides)} 张幻灯片：4 张图片" in done.stderr  # the done line in the reader's language
    kinds = [{shape.shape_type for shape in slide.shapes} for slide in slides]
    assert sum(MSO_SHAPE_TYPE.PICTURE in k for k in kinds) == 4  # the whole map and three gaps views
    cells = [[cell.text for cell in row.cells] for slide in slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows]
    lists = json.loads(chainmap("lists", str(VEHICLES), "--json", cwd=tmp_path).stdout)
    for gap in lists["investment"]:
        assert any(row[0] == gap["segment"] and row[2] == "缺失" for row in cells), gap
    firms = [row[0] for row in cells if row[0] != "企业"]
    assert all(firm["name"] in firms for firm in lists["enterprises"])
    headings = [shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame]
    assert "卡点攻关" in headings and "堵点招商" in headings
    assert any(re.fullmatch(r"重点企业（1/\d）", heading) for heading in headings)  # ~100 firms: several slides


def test_pptx_headings_follow_the_language_setting(tmp_path):
    from pptx import Presentation

    done = chainmap("export", str(VEHICLES), "-o", "report.pptx", "-q", cwd=tmp_path, lang="en_US.UTF-8")
    assert done.returncode == 0 and done.stderr == ""
    headings = [shape.text_frame.text for slide in Presentation(str(tmp_path / "report.pptx")).slides
                for shape in slide.shapes if shape.has_text_frame]
    assert "The whole chain" in headings and "Bottlenecks to tackle" in headings


@needs_poppler
def test_pdf_tiled_on_a3_gives_a3_pages_each_with_part_of_the_map(tmp_path):
    done = chainmap("export", str(VEHICLES), "-o", "poster.pdf", "--paper", "A3", "--landscape", "--tile",
                    "--scale", "1.5", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    reported = re.search(r"PDF, (\d+) pages of A3 landscape, a poster of (\d+) row\(s\) × (\d+) column\(s\)", done.stderr)
    assert reported is not None, done.stderr
    info = subprocess.run(["pdfinfo", str(tmp_path / "poster.pdf")], capture_output=True, text=True).stdout
    pages = int(reported.group(1))
    assert pages == int(reported.group(2)) * int(reported.group(3)) >= 4
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M) and re.search(r"1191 x 842 pts \(A3\)", info)
    subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", str(pages), "-l", str(pages), "-singlefile",
                    str(tmp_path / "poster.pdf"), str(tmp_path / "last")], check=True)
    from PIL import Image

    last = Image.open(tmp_path / "last.png").convert("L")
    assert sum(last.histogram()[:230]) > 0.02 * last.width * last.height  # not blank


@needs_poppler
def test_pdf_fitted_to_one_letter_page(tmp_path):
    done = chainmap("export", str(VEHICLES), "-o", "page.pdf", "--paper", "Letter", "--portrait", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    info = subprocess.run(["pdfinfo", str(tmp_path / "page.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "612 x 792 pts (letter)" in info


def test_fit_gives_a_png_with_that_long_edge(tmp_path):
    from PIL import Image

    done = chainmap("export", str(VEHICLES), "-o", "chat.png", "--fit", "1920", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with Image.open(tmp_path / "chat.png") as image:
        assert max(image.size) == 1920
        assert f"{image.width} × {image.height} px" in done.stderr


@pytest.mark.parametrize(("args", "named"), [
    (["-o", "out.pdf", "--paper", "B5"], "--paper: 'B5' is not a paper size"),
    (["-o", "out.png", "--tile"], "--tile lays out PDF pages"),
    (["-o", "out.svg", "--paper", "A4"], "--paper lays out PDF pages"),
    (["-o", "out.svg", "--fit", "1920"], "--fit sets a PNG's long edge"),
    (["-o", "out.png", "--fit", "wide"], "--fit: 'wide' is not a whole number"),
    (["-o", "out.png", "--fit", "1920", "--scale", "2"], "--fit and --scale exclude each other"),
    (["-o", "out.pdf", "--paper", "A4", "--scale", "2"], "--scale applies to a poster (--tile)"),
    (["-o", "out.pptx", "--view", "CN-TJ"], "--view does not apply to PPTX"),
])
def test_bad_options_are_one_sentence_exit_2_and_write_nothing(tmp_path, args, named):
    done = chainmap("export", str(VEHICLES), *args, cwd=tmp_path)
    assert done.returncode == 2
    assert_clean(done)
    assert named in done.stderr
    assert list(tmp_path.iterdir()) == []
