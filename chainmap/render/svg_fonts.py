"""Finish an exported SVG: make it well-formed XML whatever the map's text holds, and embed
the bundled CJK font, so its Chinese text renders the same in any browser or editor, on
machines without a CJK font.

QSvgGenerator writes text as it is, so a control character in a name or note (U+000B from a
pasted spreadsheet cell, say) would make the file something no XML parser reads;
:func:`xml_safe` takes out what XML 1.0 forbids. QSvgGenerator keeps text as ``<text>``
elements naming the font family but does not embed the font: :func:`embed_fonts` adds an
``@font-face`` rule with the font as a data URL, cut down by fontTools to the glyphs the map
uses (a few hundred kilobytes rather than the whole 1.6 MB face).
"""

from __future__ import annotations

import base64
import html
import io
import re

from chainmap.core.messages import msg
from chainmap.resources_path import resource_path

FAMILY = "Noto Sans SC Chainmap"
FILES = {400: "NotoSansSC-chainmap-subset.otf", 700: "NotoSansSC-chainmap-subset-Bold.otf"}
_TEXT = re.compile(rb"<text\b[^>]*>([^<]*)</text>")
_WEIGHT = re.compile(rb'font-weight="(\d+)"')


# What XML 1.0 forbids (its Char production), as UTF-8 bytes: the C0 controls other than tab,
# line feed and carriage return, and the non-characters U+FFFE and U+FFFF; and character
# references to any of them. (UTF-8 never holds a surrogate.)
_FORBIDDEN = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]"
    rb"|&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|65534|65535)|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]));"
)


def xml_safe(svg: bytes) -> bytes:
    """``svg`` without the characters XML 1.0 forbids, so any XML parser reads it; all
    other text is kept as it is. (They draw nothing in the picture either.)"""
    return _FORBIDDEN.sub(b"", svg)


def _subset(data: bytes, text: str) -> bytes:
    # Imported here: only SVG exports need fontTools, and it takes a while to import.
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(io.BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face_rules(text: str, weights: set[int]) -> tuple[list[str], list[str]]:
    """``@font-face`` rules embedding the bundled font, cut down to the glyphs of ``text``, in
    the ``weights`` (400, 700) the SVG uses; and warnings when a font could not be read."""
    rules = []
    warnings: list[str] = []
    for weight in sorted(weights or {400}):
        try:
            data = resource_path("fonts", FILES[weight]).read_bytes()
        except (FileNotFoundError, OSError) as exc:
            warnings.append(msg("The bundled font could not be embedded in the SVG: {exc}.", exc=exc))
            continue
        data = _subset(data, text + " ")
        encoded = base64.b64encode(data).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: '{FAMILY}'; font-weight: {weight}; font-style: normal; "
            f"src: url(data:font/otf;base64,{encoded}) format('opentype'); }}"
        )
    return rules, warnings


def embed_fonts(svg: bytes) -> tuple[bytes, list[str]]:
    """Return ``svg`` with the bundled font embedded where its text uses it, and warnings."""
    if FAMILY.encode() not in svg:
        return svg, []
    text = "".join(html.unescape(m.decode("utf-8")) for m in _TEXT.findall(svg))
    weights = {700 if int(w) >= 600 else 400 for w in _WEIGHT.findall(svg)} or {400}
    rules, warnings = font_face_rules(text, weights)
    if not rules:
        return svg, warnings
    style = ('<style type="text/css"><![CDATA[\n' + "\n".join(rules) + "\n]]></style>\n").encode("utf-8")
    if b"<defs>" in svg:
        return svg.replace(b"<defs>", b"<defs>\n" + style, 1), warnings
    end = svg.find(b">", svg.find(b"<svg")) + 1
    return svg[:end] + b"\n<defs>" + style + b"</defs>" + svg[end:], warnings
