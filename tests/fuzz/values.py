"""Odd values for the mutators: texts with controls, bidi marks, surrogates and formulas,
numbers JSON allows and some it does not, and containers of the wrong kind."""

from __future__ import annotations

import random
from typing import Any

from .jsontext import Raw, nested

TEXTS = [
    "", " ", "\u3000", "\t", "\n", "a\nb", "a\r\nb", "\x00", "\x07", "\x1b[2J\x1b[H", "\x1b]0;owned\x07",
    "\x1b[31m红\x1b[0m", "\x7f", "\x85", "\x9b31m", "\u202etxt.exe", "\u2066隔离\u2069", "\u200f", "\u2028",
    "\u2029", "\u200b\u200d\ufeff", "e\u0301", "\u0300" * 40, "😀🚗", "👩‍👩‍👧", "\ufffe", "\uffff", "\U0010ffff",
    "\ue000私用", "=HYPERLINK(\"http://x\",\"点\")", "+1", "-2", "@SUM(A1)", "\t=cmd|' /c calc'!A0",
    "\r=1", "'quoted", "-rf", "--help", "../../etc/passwd", "<b>x</b>&amp;<script>", "]]>", "&#x0;",
    "%s {0} {name}", "\\", "\"", "null", "0", "CN-BJ", "n-1", "锂电池正极材料", "固 态 电池", "ＡＢＣ",
    "\x0b\x0c", "a\x00b", "\u061c", "\u00ad", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0001f1e8\U0001f1f3",
]
SURROGATES = ["\ud800", "\udfff", "a\udc00", "\ud83d", "\ud83d\ude00"]
HUGE_SIZES = [201, 300, 5_000, 60_000]


def random_char(rng: random.Random) -> str:
    """One code point of any plane, surrogates aside."""
    while True:
        code = rng.choice([
            rng.randrange(0x20, 0x7f), rng.randrange(0, 0x20), rng.randrange(0x80, 0x100),
            rng.randrange(0x4e00, 0xa000), rng.randrange(0x0590, 0x0700), rng.randrange(0x2000, 0x2070),
            rng.randrange(0x1f300, 0x1fa00), rng.randrange(0x110000),
        ])
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


def weird_text(rng: random.Random, *, surrogates: bool = True) -> str:
    """A text a careful program must carry, escape or refuse, never choke on."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(TEXTS)
    if roll < 0.65:
        return "".join(random_char(rng) for _ in range(rng.randrange(1, 24)))
    if roll < 0.75:
        return rng.choice("长x\x1b\u202e") * rng.choice(HUGE_SIZES)
    if roll < 0.79 and surrogates:
        return rng.choice(SURROGATES)
    return rng.choice(TEXTS) + rng.choice(["锂矿", "x", ""]) + rng.choice(TEXTS)


NUMBERS: list[Any] = [
    0, -0.0, 1, -1, 0.5, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 2**53 + 1, 10**20, -(10**30),
    10**300, 1e16, 123456789.123456789, True, False,
    Raw("1e999"), Raw("-1e999"), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"), Raw("9" * 5000),
    Raw("1" + "0" * 400 + ".5"), Raw("1E400"), Raw("-0"), Raw("0.0000000000000000000001e-330"),
]


def weird_number(rng: random.Random) -> Any:
    """A number JSON allows (or not), or a boolean where a number is expected."""
    if rng.random() < 0.3:
        return rng.uniform(-1e6, 1e6)
    return rng.choice(NUMBERS)


def weird_value(rng: random.Random, ids: list[str]) -> Any:
    """Any value of any kind: text, number, null, list, object, another item's id, deep nesting."""
    roll = rng.random()
    if roll < 0.3:
        return weird_text(rng)
    if roll < 0.45:
        return weird_number(rng)
    if roll < 0.5:
        return None
    if roll < 0.6 and ids:
        return rng.choice(ids)
    if roll < 0.7:
        return rng.choice([[], [None], ["a", "a"], [1, 2], [[]], [{}], ids[:3], [weird_text(rng)]])
    if roll < 0.8:
        return rng.choice([{}, {"a": 1}, {"id": rng.choice(ids) if ids else "x"}, {"": None},
                           {weird_text(rng, surrogates=False): weird_text(rng)}])
    if roll < 0.85:
        return nested(rng.choice([2, 20, 60, 98, 99, 100, 101, 120, 400, 990, 1500]),
                      rng.choice(["list", "object", "mixed"]))
    return rng.choice([True, False, "", 0])
