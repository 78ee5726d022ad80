"""The core measures text without Qt (``chainmap.core.routing.textsize``); these tests hold its
figures against Qt's for the same bundled font, so the rectangles the router places labels
and callouts in are the ones the painter fills."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from chainmap.core.format.fileio import load_map
from chainmap.core.routing import routing_input
from chainmap.core.routing.textsize import block_size, line_height, text_width

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.chainmap.json"))


def example_texts() -> list[str]:
    texts: set[str] = set()
    for path in EXAMPLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.update(node["name"] for node in data["nodes"])
        texts.update(edge["label"] for edge in data["edges"] if edge.get("label"))
        for note in data.get("notes", []):
            texts.update(note["text"].splitlines())
    rng = random.Random(13)
    alphabet = [chr(c) for c in range(32, 127)] + list("→—“”‘’…·（）：，。、京津冀锂电池")
    texts.update("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(200))
    return sorted(texts)


@pytest.mark.parametrize("pixel_size", [8, 9, 10, 11, 12])
def test_widths_and_heights_match_qt(app, pixel_size: int) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render import style

    metrics = style.metrics(pixel_size)
    assert style.map_families()[0] == "Noto Sans SC Chainmap"
    assert line_height(pixel_size) == metrics.height()
    wrong = {text: (text_width(text, pixel_size), metrics.horizontalAdvance(text)) for text in example_texts()
             if text_width(text, pixel_size) != metrics.horizontalAdvance(text)}
    assert wrong == {}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_label_rectangles_match_the_links_labels(make_scene, path: Path) -> None:  # type: ignore[no-untyped-def]
    chain_map = load_map(path).map
    scene = make_scene(chain_map)
    specs = {link.id: link for link in routing_input(chain_map).links}
    checked = 0
    for edge_id, item in scene.items_of("edge").items():
        if not item.has_label():
            continue
        drawn = item.label_rect()
        # At the size the router chose (smaller where a label had to shrink).
        width, height = specs[edge_id].label.size(item.label_pixel_size())
        assert (width, height) == pytest.approx((drawn.width(), drawn.height()), abs=1e-9), edge_id
        checked += 1
    assert checked == sum(1 for e in chain_map.edges if e.label or e.flows)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_callout_sizes_match_the_notes(make_scene, path: Path) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render.items_note import PAD

    chain_map = load_map(path).map
    scene = make_scene(chain_map)
    specs = {note.id: note for note in routing_input(chain_map).notes}
    for note_id, item in scene.items_of("note").items():
        drawn = item.overview()
        width, height = specs[note_id].size
        # A last Latin glyph may reach a pixel past its advance in Qt's layout.
        assert width == pytest.approx(drawn.width(), abs=1.0), note_id
        assert height == drawn.height(), note_id
    assert scene.items_of("note")
    assert PAD == 7.0


def test_wrapped_text_blocks_match_static_text(app) -> None:  # type: ignore[no-untyped-def]
    from chainmap.render import style

    font = style.map_font(12)
    for text, width in [("产业链" * 30, 200.0), ("a long note in English, " * 6, 200.0), ("短", None)]:
        static = style.static_text(text, width)
        static.prepare(font=font)
        size = static.size()
        assert block_size([text], 12, width) == pytest.approx((size.width(), size.height()), abs=1.0)
