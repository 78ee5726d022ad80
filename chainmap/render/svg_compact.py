"""Make QSvgGenerator's SVG several times smaller, streaming, without changing the picture.

QSvgGenerator opens a new ``<g>`` with every style attribute (fill, stroke, its opacity, width,
cap, join, the four font attributes and a transform matrix) at each change of the painter's
state, repeats them on every ``<text>``, and writes six significant digits. :func:`compact`
reads that output in pieces and writes: one CSS class per distinct style in a ``<style>`` (each
element carries ``class``, the styles its groups gave it merged with its own), a
``<g transform="translate(..)">`` around each run of elements painted at the same place, no
empty groups, no default values, and coordinates to 1/100 of a pixel. Groups it does not
understand are kept as they are. It also gathers the text and font weights the font subset
needs, and takes out the characters XML forbids.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from .svg_fonts import xml_safe

# Inherited presentation attributes that QSvgGenerator writes; they go into the classes.
STYLE = frozenset({
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-opacity", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "font-family",
    "font-size", "font-weight", "font-style",
})
FONT = frozenset({"font-family", "font-size", "font-weight", "font-style"})
DEFAULTS = {"fill-opacity": "1", "stroke-opacity": "1", "stroke-dashoffset": "0", "font-style": "normal"}
DROPPED = {("vector-effect", "none"), ("xml:space", "preserve")}
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")
_TRANSLATE = re.compile(r"matrix\(1,0,0,1,([^,]+),([^)]+)\)")
_TOKEN = re.compile(
    r"\s*(?:(?P<open><g\b(?P<gattrs>[^>]*)>)|(?P<close></g>)"
    r"|(?P<leaf><(?P<tag>[a-zA-Z]+)\b(?P<attrs>[^>]*?)(?:/>|>(?P<content>[^<]*)</(?P=tag)>))|(?P<end></svg>))"
)
CHUNK = 1 << 22


def _short(match: re.Match[str]) -> str:
    text = f"{float(match.group()):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def shorten(value: str) -> str:
    """``value`` with every decimal number rounded to two places, trailing zeros dropped."""
    return _NUMBER.sub(_short, value)


def _css_value(name: str, value: str) -> str:
    if name == "font-family":
        return ",".join("'" + part.strip().replace("\\", "\\\\").replace("'", "\\'") + "'"
                        for part in value.split(","))
    if name in ("font-size", "stroke-width") and re.fullmatch(r"[\d.]+", value):
        return shorten(value) + "px"
    return value


@dataclass
class Compacted:
    """What :func:`compact` found: the style classes, the text and the bold/regular weights."""

    classes: dict[tuple[tuple[str, str], ...], str] = field(default_factory=dict)
    text: set[str] = field(default_factory=set)
    weights: set[int] = field(default_factory=set)

    def css(self) -> str:
        """The classes as CSS rules, one a line."""
        return "\n".join(f".{name}{{" + ";".join(f"{k}:{_css_value(k, v)}" for k, v in style) + "}"
                         for style, name in self.classes.items())


def _pieces(stream: BinaryIO) -> Iterator[str]:
    while True:
        lines = stream.readlines(CHUNK)
        if not lines:
            return
        yield xml_safe(b"".join(lines)).decode("utf-8")


def split_header(stream: BinaryIO) -> tuple[str, str, str, Iterator[str]]:
    """Read QSvgGenerator's output up to its body: the ``<svg ...>`` start with title and
    description, the inside of its ``<defs>``, the root ``<g ...>`` tag, and the rest in pieces."""
    pieces = _pieces(stream)
    buffer = ""
    for piece in pieces:
        buffer += piece
        end = buffer.find(">", buffer.find("<g", buffer.find("</defs>")))
        if "</defs>" in buffer and end > 0:
            break
    defs_at, defs_end = buffer.find("<defs>"), buffer.find("</defs>")
    root_at = buffer.find("<g", defs_end)
    root_end = buffer.find(">", root_at) + 1
    head = buffer[:defs_at]
    rest = buffer[root_end:]
    return head, buffer[defs_at + len("<defs>"):defs_end], buffer[root_at:root_end], _chain(rest, pieces)


def _chain_end(pieces: Iterable[str]) -> Iterator[str | None]:
    yield from pieces
    yield None


def _chain(first: str, pieces: Iterable[str]) -> Iterator[str]:
    yield first
    yield from pieces


class Compactor:
    """Rewrites the body of QSvgGenerator documents (after their root ``<g>``) into ``out``."""

    def __init__(self, out: TextIO, root_style: dict[str, str]) -> None:
        self.out, self.root = out, root_style
        self.found = Compacted()
        self._run: str | None = None

    def _class(self, style: dict[str, str]) -> str:
        key = tuple(sorted(style.items()))
        name = self.found.classes.get(key)
        if name is None:
            name = self.found.classes[key] = f"c{len(self.found.classes):x}"
        return name

    def _place(self, transform: str | None) -> None:
        if transform == self._run:
            return
        if self._run is not None:
            self.out.write("</g>\n")
        if transform is not None:
            self.out.write(f'<g transform="{transform}">\n')
        self._run = transform

    def feed(self, pieces: Iterable[str]) -> None:
        """Rewrite one document's body, given in pieces; stops at its closing root group."""
        stack: list[tuple[dict[str, str], str | None] | None] = []  # None: a group kept as it is
        buffer, at = "", 0
        for piece in _chain_end(pieces):
            final = piece is None
            buffer = buffer[at:] + (piece or "")
            at = 0
            while True:
                match = _TOKEN.match(buffer, at)
                if match is None or (not final and match.end() == len(buffer)):
                    break
                at = match.end()
                if match.group("open"):
                    self._open(dict(_ATTR.findall(match.group("gattrs"))), match.group("open"), stack)
                elif match.group("close"):
                    if not stack:
                        self._place(None)
                        return
                    if stack.pop() is None:
                        self._place(None)
                        self.out.write("</g>\n")
                elif match.group("leaf"):
                    self._leaf(match, stack)
                else:
                    break
        rest = buffer[at:].strip()
        if rest and rest != "</svg>":
            raise ValueError(f"unexpected SVG near {rest[:80]!r}")
        self._place(None)

    def _open(self, attrs: dict[str, str], tag: str, stack: list[tuple[dict[str, str], str | None] | None]) -> None:
        transform = attrs.pop("transform", None)
        placed = any(entry is not None and entry[1] is not None for entry in stack)
        if set(attrs) <= STYLE and not (transform and placed) and None not in stack:
            if transform is not None:
                moved = _TRANSLATE.fullmatch(transform)
                if moved and float(moved.group(1)) == 0 and float(moved.group(2)) == 0:
                    transform = None
                else:
                    transform = shorten(f"translate({moved.group(1)},{moved.group(2)})" if moved else transform)
            stack.append((attrs, transform))
            return
        self._place(None)
        self.out.write(shorten(tag) + "\n")
        stack.append(None)

    def _leaf(self, match: re.Match[str], stack: list[tuple[dict[str, str], str | None] | None]) -> None:
        tag = match.group("tag")
        style: dict[str, str] = {}
        transform = None
        for entry in stack:
            if entry is not None:
                style.update(entry[0])
                transform = entry[1] or transform
        geometry = []
        for name, value in _ATTR.findall(match.group("attrs")):
            if name in STYLE:
                style[name] = value
            elif (name, value) not in DROPPED:
                geometry.append(f' {name}="{shorten(value)}"')
        plain = None not in stack
        if plain:
            style = {k: v for k, v in style.items() if self.root.get(k, DEFAULTS.get(k)) != v}
        if tag != "text":
            style = {k: v for k, v in style.items() if k not in FONT}
        content = match.group("content")
        if tag == "text" and content:
            self.found.text.update(html.unescape(content))
            weight = style.get("font-weight", self.root.get("font-weight", "400"))
            self.found.weights.add(700 if weight.isdigit() and int(weight) >= 600 else 400)
        self._place(transform if plain else None)
        attrs = (f' class="{self._class(style)}"' if style else "") + "".join(geometry)
        self.out.write(f"<{tag}{attrs}/>\n" if content is None else f"<{tag}{attrs}>{content}</{tag}>\n")


def root_style(root_tag: str) -> dict[str, str]:
    """The style attributes of the root ``<g ...>`` tag."""
    return {k: v for k, v in _ATTR.findall(root_tag) if k in STYLE}
