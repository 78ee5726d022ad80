#!/usr/bin/env python3
"""Refresh the editor's translation catalogue and compile it.

Runs PySide6's ``lupdate`` over every module of ``chainmap/`` (the strings marked with
``QCoreApplication.translate("Context", "…")``, ``self.tr`` and ``QT_TRANSLATE_NOOP``) into
``resources/i18n/chainmap_zh_CN.ts`` (existing translations are kept; messages no longer in
the code are dropped). It writes ``chainmap_en.ts`` itself: the English plural forms of every
``%n`` message (``"%n item(s)"`` → ``1 item`` / ``2 items``), which Python's lupdate does not
mark as plural. Then ``lrelease`` compiles both into the ``.qm`` files the package installs.
Translate new messages with ``pyside6-linguist resources/i18n/chainmap_zh_CN.ts`` (or by
editing the XML), then run this script again; ``tests/test_translations.py`` fails while a
message is unfinished or the ``.qm`` is stale.

Usage: python tools/update_translations.py [--check]   (--check: only compile, no lupdate)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
PLURAL = re.compile(r"\((s|es)\)")


def tool(name: str) -> Path:
    """``lupdate`` / ``lrelease`` as shipped inside the PySide6 wheel of this Python."""
    import PySide6

    found = Path(PySide6.__file__).parent / name
    if not found.exists():
        found = Path(PySide6.__file__).parent / f"{name}.exe"
    if not found.exists():
        raise SystemExit(f"{name} is not in the PySide6 installation at {found.parent}: reinstall PySide6.")
    return found


def sources() -> list[str]:
    """Every Python module of the package, relative to the repository (sorted: stable output)."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "chainmap").rglob("*.py"))


def ts_path(language: str) -> Path:
    return I18N / f"chainmap_{language}.ts"


def update(language: str) -> None:
    """lupdate: the catalogue gains new messages and drops vanished ones."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(sources()) + "\n")
    try:
        subprocess.run([str(tool("lupdate")), "-locations", "none", "-no-obsolete",
                        "-target-language", language, f"@{listing.name}", "-ts", str(ts_path(language))],
                       cwd=ROOT, check=True)
    finally:
        Path(listing.name).unlink()


def english_plurals() -> None:
    """``chainmap_en.ts``: each ``%n`` message of the Chinese catalogue with its English singular
    and plural (``(s)`` dropped, or kept as ``s``)."""
    root = ET.Element("TS", version="2.1", language="en")
    for context in ET.parse(ts_path("zh_CN")).getroot().iter("context"):
        messages = [m for m in context.iter("message") if "%n" in (m.findtext("source") or "")]
        if not messages:
            continue
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = context.findtext("name")
        for message in messages:
            source = message.findtext("source") or ""
            entry = ET.SubElement(out, "message", numerus="yes")
            ET.SubElement(entry, "source").text = source
            translation = ET.SubElement(entry, "translation")
            ET.SubElement(translation, "numerusform").text = PLURAL.sub("", source)
            ET.SubElement(translation, "numerusform").text = PLURAL.sub(r"\1", source)
    ET.indent(root, "    ")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
    ts_path("en").write_text(text + "\n", encoding="utf-8")


def release(ts: Path, qm: Path) -> None:
    """lrelease ``ts`` into ``qm``."""
    subprocess.run([str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    """Update and compile every catalogue."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compile the .ts files, no lupdate")
    arguments = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if not arguments.check:
        update("zh_CN")
        english_plurals()
    for language in LANGUAGES:
        release(ts_path(language), ts_path(language).with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
