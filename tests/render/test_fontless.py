"""Chinese renders on a machine with no CJK font installed, thanks to the bundled font.

The test hides every system font but DejaVu (a fresh machine of this kind has only DejaVu)
with a private fontconfig file, then lays out Chinese text in a child process and counts
the glyphs that came out as "missing" boxes (glyph index 0).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
TEXT = "京津冀新能源和智能网联汽车产业链图谱 锂矿→正极材料 专精特新“小巨人” 补链强链延链优链"

CHILD = """
import json, sys
from PySide6.QtGui import QGuiApplication, QTextLayout
app = QGuiApplication([])
if sys.argv[1] == "register":
    from chainmap.render.fonts import apply_cjk_fallback, register_bundled_fonts
    register_bundled_fonts()
    apply_cjk_fallback(app)
layout = QTextLayout(sys.argv[2], QGuiApplication.font())
layout.beginLayout(); layout.createLine(); layout.endLayout()
glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
families = sorted({run.rawFont().familyName() for run in layout.glyphRuns()})
print(json.dumps({"glyphs": len(glyphs), "missing": sum(1 for g in glyphs if g == 0), "families": families}))
del layout, app
"""


def _layout(tmp_path: Path, mode: str) -> dict[str, object]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
        '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n',
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", CHILD, mode, TEXT], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="DejaVu fonts are not installed")
def test_chinese_has_real_glyphs_only_with_the_bundled_font(tmp_path: Path) -> None:
    without = _layout(tmp_path, "plain")
    assert without["missing"] > 30, "the test's font hiding did not work: CJK found without our font"
    with_font = _layout(tmp_path, "register")
    assert with_font["missing"] == 0
    assert "Noto Sans SC Chainmap" in with_font["families"]
