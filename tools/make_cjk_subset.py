#!/usr/bin/env python3
"""Build the bundled Simplified Chinese subset font(s) for chainmap.

chainmap must render Chinese on machines that have no CJK font installed, so
we ship a subset of Noto Sans CJK SC (SIL OFL 1.1) in ``resources/fonts/``.

What this script does, reproducibly:

* finds the "Noto Sans CJK SC" face inside Debian's ``NotoSansCJK-*.ttc``
  collections (by its name table, not by a hard-coded index);
* subsets it with ``fontTools.subset`` to:
    - ASCII and Latin-1 (U+0020-007E, U+00A0-00FF),
    - General Punctuation (U+2000-206F), currency symbols (U+20A0-20CF),
      letterlike symbols and number forms (U+2100-218F), arrows
      (U+2190-21FF), enclosed alphanumerics (U+2460-24FF), box drawing,
      block elements and geometric shapes (U+2500-25FF), and a few common
      symbols (star, check mark, ...),
    - CJK Symbols and Punctuation (U+3000-303F),
    - Halfwidth and Fullwidth Forms (U+FF00-FFEF),
    - every character of GB2312 (all 6,763 hanzi plus its symbol rows),
      enumerated by decoding each two-byte code 0xA1A1..0xF7FE with Python's
      ``gb2312`` codec,
    - every other character found in ``examples/*.json`` and
      ``chainmap/**/*.py`` at the time the script runs, so rerunning it after
      the examples change keeps them covered;
* drops hinting, vertical metrics and all layout features that horizontal
  Simplified Chinese text does not need;
* renames the family to "Noto Sans SC Chainmap" so the subset never shadows
  (or is confused with) a full Noto Sans CJK SC installed on the system;
* writes OpenType/CFF files:
    resources/fonts/NotoSansSC-chainmap-subset.otf
    resources/fonts/NotoSansSC-chainmap-subset-Bold.otf  (only if regular +
    bold stay under the size budget, 12 MB by default; otherwise a stale bold
    file is removed and only the regular face is shipped).

The output is byte-for-byte reproducible for a given source font, fontTools
version and set of example/source files: timestamps are taken from the source
font rather than the clock.

Usage:  python tools/make_cjk_subset.py [--noto-dir DIR] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUT_DIR = REPO_ROOT / "resources" / "fonts"

SOURCE_FAMILY = "Noto Sans CJK SC"  # name ID 1 of the face we want in the TTC
NEW_FAMILY = "Noto Sans SC Chainmap"
NEW_PS_FAMILY = "NotoSansSCChainmap"

# style -> (source collection, output file name)
FACES = {
    "Regular": ("NotoSansCJK-Regular.ttc", "NotoSansSC-chainmap-subset.otf"),
    "Bold": ("NotoSansCJK-Bold.ttc", "NotoSansSC-chainmap-subset-Bold.otf"),
}

# Regular + Bold must together stay below this, otherwise ship Regular only.
DEFAULT_BUDGET_BYTES = 12 * 1000 * 1000

# Unicode blocks (inclusive ranges) always included.
RANGES = [
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (euro etc.; yen is in Latin-1)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ™ ...)
    (0x2150, 0x218F),  # Number Forms (Roman numerals Ⅰ Ⅱ ...)
    (0x2190, 0x21FF),  # Arrows (→ ← ↑ ↓ ⇒ ...)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ② ... for numbered steps)
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes (● ○ ■ □ ▲ △ ◆ ◇ ...)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

# Individual symbols commonly used in chain-map labels and legends.
EXTRA_SYMBOLS = "★☆✓✔✕✖✗✘♀♂☐☑☒※〇·•…—–‘’“”"

# Horizontal-text features only.  Deliberately dropped:
#  * locl: the SC face's cmap already maps to Simplified Chinese glyph forms;
#    locl would switch to JP/KR/TC forms (and drag those glyphs in) whenever
#    Qt tags text with another language;
#  * vert/vrt2/vkrn/vpal/vhal/valt: vertical text, which Qt does not lay out;
#  * aalt/dlig/hist/ruby/fwid/hwid/pwid/palt/halt: optional features never
#    enabled by default by HarfBuzz, each would add alternate glyphs;
#  * ljmo/vjmo/tjmo: Hangul jamo composition (Korean).
LAYOUT_FEATURES = ["ccmp", "calt", "liga", "kern", "mark"]

# Vertical metrics / origin tables are useless without vertical layout.
DROP_TABLES = ["vhea", "vmtx", "VORG"]


# --------------------------------------------------------------------------
# character set
# --------------------------------------------------------------------------


def gb2312_chars() -> tuple[set[int], int]:
    """Return (all GB2312 code points, number of hanzi among them)."""
    cps: set[int] = set()
    hanzi = 0
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue  # unassigned code in GB2312
            cps.add(ord(ch))
            if lead >= 0xB0:  # rows 16-87 hold the 6,763 hanzi
                hanzi += 1
    return cps, hanzi


def project_text_files(repo_root: Path) -> list[Path]:
    """Files whose characters must be covered: examples and package source."""
    files = sorted(repo_root.glob("examples/*.json"))
    files += sorted(repo_root.glob("chainmap/**/*.py"))
    return [f for f in files if f.is_file()]


def chars_from_files(files: list[Path]) -> set[int]:
    """Every printable non-ASCII character used in *files*."""
    cps: set[int] = set()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for ch in text:
            if ord(ch) < 0x80:
                continue  # ASCII is always included
            # Control, surrogate, private-use, unassigned and U+FFFD (decode
            # errors) are not worth a glyph.
            if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") or ch == "\ufffd":
                continue
            cps.add(ord(ch))
    return cps


@dataclass
class Coverage:
    """What was requested, for the build log."""

    gb2312: int = 0
    gb2312_hanzi: int = 0
    files_scanned: int = 0
    chars_in_files: int = 0
    extra_from_files: set[int] = field(default_factory=set)


def wanted_codepoints(repo_root: Path) -> tuple[set[int], Coverage]:
    """The full set of code points to keep, plus a breakdown for the log."""
    cps: set[int] = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(ord(c) for c in EXTRA_SYMBOLS)
    gb, hanzi = gb2312_chars()
    if hanzi != 6763:
        raise SystemExit(f"expected 6763 GB2312 hanzi, codec gave {hanzi}")
    files = project_text_files(repo_root)
    from_files = chars_from_files(files)
    extra = from_files - cps - gb
    cps |= gb | from_files
    return cps, Coverage(len(gb), hanzi, len(files), len(from_files), extra)


# --------------------------------------------------------------------------
# font handling
# --------------------------------------------------------------------------


def find_face_index(ttc_path: Path, family: str) -> int:
    """Index of the face whose English name ID 1 is *family* in a TTC."""
    coll = TTCollection(str(ttc_path), lazy=True)
    try:
        for i, face in enumerate(coll.fonts):
            if face["name"].getDebugName(1) == family:
                return i
    finally:
        coll.close()
    raise SystemExit(f"{family!r} not found in {ttc_path}")


def subset_options() -> subset.Options:
    opts = subset.Options()
    opts.layout_features = list(LAYOUT_FEATURES)
    opts.drop_tables = list(opts.drop_tables) + DROP_TABLES
    opts.hinting = False  # CFF stem hints: large, and Qt/FreeType autohint fine
    opts.desubroutinize = False  # keeping subroutines makes the CFF smaller
    opts.notdef_outline = True  # a visible .notdef if something ever maps there
    opts.glyph_names = False  # CID-keyed CFF has no glyph names anyway
    opts.name_IDs = ["*"]  # keep copyright/licence/trademark records
    opts.name_languages = [0x0409]  # English only; we rewrite the names below
    opts.name_legacy = False
    opts.recalc_timestamp = False  # reproducible output
    return opts


def set_name(name_table, name_id: int, value: str) -> None:
    """Set a Windows/English (3,1,0x409) name record."""
    name_table.setName(value, name_id, 3, 1, 0x409)


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name (see module docstring for why)."""
    name = font["name"]
    ps_name = f"{NEW_PS_FAMILY}-{style}"
    full = NEW_FAMILY if style == "Regular" else f"{NEW_FAMILY} {style}"
    version = name.getDebugName(5) or ""
    # Typographic family/subfamily (16/17) would duplicate 1/2 for a plain
    # Regular/Bold pair; drop them so that nothing still says "CJK SC".
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    set_name(name, 1, NEW_FAMILY)
    set_name(name, 2, style)
    set_name(name, 3, f"{font['head'].fontRevision:.3f};chainmap;{ps_name}")
    set_name(name, 4, full)
    set_name(name, 5, f"{version}; chainmap subset")
    set_name(name, 6, ps_name)
    original_desc = name.getDebugName(10) or ""
    set_name(
        name,
        10,
        "Modified Version (subset) of Noto Sans CJK SC, made by chainmap's "
        "tools/make_cjk_subset.py; licensed under the SIL Open Font License 1.1. " + original_desc,
    )

    # The CFF table carries its own PostScript/family names.
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    if hasattr(top, "FullName"):
        top.FullName = full
    if hasattr(top, "FamilyName"):
        top.FamilyName = NEW_FAMILY
    # Font DICTs are named like "NotoSansCJKjp-Regular-Alphabetic" (shared by
    # all faces of the TTC); keep the suffix, swap the prefix.
    for fd in getattr(top, "FDArray", None) or []:
        fd_name = getattr(fd, "FontName", None)
        if fd_name and fd_name.startswith("NotoSans"):
            parts = fd_name.split("-", 2)
            fd.FontName = ps_name + (f"-{parts[2]}" if len(parts) == 3 else "")


def build_face(ttc_path: Path, style: str, codepoints: set[int]) -> tuple[TTFont, set[int]]:
    """Subset one face; return the font and the requested code points it lacks."""
    index = find_face_index(ttc_path, SOURCE_FAMILY)
    print(f"  {ttc_path.name}: {SOURCE_FAMILY!r} is face #{index}")
    font = TTFont(str(ttc_path), fontNumber=index, recalcTimestamp=False)
    available = set(font.getBestCmap())
    missing = codepoints - available

    opts = subset_options()
    subsetter = subset.Subsetter(options=opts)
    subsetter.populate(unicodes=sorted(codepoints & available))
    subsetter.subset(font)
    rename(font, style)

    # Qt (via fontconfig / OS/2 bits) uses the Simplified Chinese code page
    # bit to decide that the font supports Chinese; the subsetter recomputes
    # code page bits from the cmap, so make sure it survived.
    if 18 not in font["OS/2"].getCodePageRanges():
        raise SystemExit("OS/2 code page bit 18 (GB2312) got lost while subsetting")
    return font, missing


def save(font: TTFont, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False
    tmp = path.with_suffix(path.suffix + ".tmp")
    font.save(str(tmp))
    tmp.replace(path)


def describe(path: Path, expected: set[int]) -> None:
    """Reload the written file and print size, glyph count and coverage."""
    font = TTFont(str(path))
    cmap = set(font.getBestCmap())
    lost = expected - cmap
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(
        f"  wrote {path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}: "
        f"{path.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs, "
        f"{len(cmap):,} mapped code points, sha256 {digest}"
    )
    if lost:
        raise SystemExit(f"  {len(lost)} code points went missing: {_fmt(lost)}")


def _fmt(cps: set[int], limit: int = 40) -> str:
    items = sorted(cps)
    shown = " ".join(f"{chr(c)}(U+{c:04X})" for c in items[:limit])
    return shown + (f" ... (+{len(items) - limit})" if len(items) > limit else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--noto-dir",
        type=Path,
        default=DEFAULT_NOTO_DIR,
        help="directory holding NotoSansCJK-{Regular,Bold}.ttc",
    )
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    ap.add_argument(
        "--repo-root",
        type=Path,
        default=REPO_ROOT,
        help="where to look for examples/*.json and chainmap/**/*.py",
    )
    ap.add_argument(
        "--budget-bytes",
        type=int,
        default=DEFAULT_BUDGET_BYTES,
        help="ship Bold only if Regular+Bold stay below this",
    )
    args = ap.parse_args(argv)

    codepoints, info = wanted_codepoints(args.repo_root)
    print(
        f"requested {len(codepoints):,} code points: GB2312 {info.gb2312:,} "
        f"({info.gb2312_hanzi:,} hanzi), {info.files_scanned} project files "
        f"scanned, {len(info.extra_from_files)} extra characters from them"
    )
    if info.extra_from_files:
        print(f"  extra: {_fmt(info.extra_from_files)}")

    built: dict[str, tuple[TTFont, set[int]]] = {}
    for style, (ttc_name, _) in FACES.items():
        ttc = args.noto_dir / ttc_name
        if not ttc.exists():
            if style == "Regular":
                raise SystemExit(f"missing {ttc} (Debian package fonts-noto-cjk)")
            print(f"  {ttc} not found; skipping {style}")
            continue
        built[style] = build_face(ttc, style, codepoints)

    regular, missing = built["Regular"]
    # Characters the source font simply does not have (e.g. rare symbols in
    # the examples) are left to Qt's system font fallback at run time.
    if missing:
        print(
            f"  not in {SOURCE_FAMILY} (left to system fallback): {len(missing)} "
            f"code points, of which project chars: "
            f"{_fmt(missing & info.extra_from_files) or 'none'}"
        )

    reg_path = args.out_dir / FACES["Regular"][1]
    save(regular, reg_path)
    describe(reg_path, codepoints - missing)

    bold_path = args.out_dir / FACES["Bold"][1]
    if "Bold" in built:
        bold, bold_missing = built["Bold"]
        tmp = bold_path.with_suffix(".otf.candidate")
        save(bold, tmp)
        total = reg_path.stat().st_size + tmp.stat().st_size
        if total < args.budget_bytes:
            tmp.replace(bold_path)
            describe(bold_path, codepoints - bold_missing)
            print(f"  regular + bold = {total:,} bytes (< {args.budget_bytes:,}): bold shipped")
            return 0
        tmp.unlink()
        print(f"  regular + bold would be {total:,} bytes (>= {args.budget_bytes:,}): regular only")
    if bold_path.exists():
        bold_path.unlink()  # never leave a stale bold from an earlier run
        print(f"  removed stale {bold_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
