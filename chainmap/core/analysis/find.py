"""Find segments by what a user remembers of them: a name, an alias, a tag, a description, an
enterprise's name or credit code, or the pinyin of a Chinese name ("dldc" or "dongli" finds
动力电池).

Matching is case-insensitive and ignores spaces. The pinyin of a text (full, and initials) is
worked out once per distinct text with ``pypinyin`` (phrase-aware: 重庆 is "chongqing") and
kept, so a search over a 5,000-segment map after the first is a pass of substring tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import ChainMap, Node

# The fields a search looks in, best first: results are ordered by the best field that matched.
_KEPT = "\x00"
FIELDS = ("name", "alias", "pinyin", "tag", "enterprise", "credit code", "description")


def _kept(run: str) -> list[str]:
    return [_KEPT + run]


@lru_cache(maxsize=200_000)
def pinyin_keys(text: str) -> tuple[str, str]:
    """The full pinyin of ``text``'s Chinese characters run together and their initials, both
    lowercase without tones (``动力电池`` → ``("donglidianchi", "dldc")``); other characters are
    kept as they are (lowercased) in both."""
    from pypinyin import lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    # Runs of non-Chinese characters come back marked, and are kept whole in both keys.
    # pypinyin's stubs say the callback returns text; a list of one is what it really takes.
    for part in lazy_pinyin(text, errors=_kept):  # type: ignore[arg-type]
        if part.startswith(_KEPT):
            kept = _fold(part[len(_KEPT):])
            full.append(kept)
            initials.append(kept)
        else:
            full.append(part.lower())
            initials.append(part[:1].lower())
    return "".join(full), "".join(initials)


def _has_chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass(frozen=True)
class Hit:
    """Segment ``node_id`` matched in ``field`` (one of :data:`FIELDS`), where ``text`` says it."""

    node_id: str
    field: str
    text: str


def _fields(node: Node) -> Iterable[tuple[str, str]]:
    yield "name", node.name
    for alias in node.aliases:
        yield "alias", alias
    for tag in node.tags:
        yield "tag", tag
    for entry in node.regions.values():
        for enterprise in entry.enterprises:
            yield "enterprise", enterprise.name
            if enterprise.uscc:
                yield "credit code", enterprise.uscc
    if node.description:
        yield "description", node.description


def _pinyin_match(query: str, texts: Sequence[str]) -> str | None:
    """The first text whose pinyin (full or initials) contains ``query``."""
    if not query.isascii():
        return None
    for text in texts:
        if _has_chinese(text):
            full, initials = pinyin_keys(text)
            if query in full or query in initials:
                return text
    return None


def match(node: Node, query: str) -> Hit | None:
    """The best place ``query`` matches in ``node``, or None. ``query`` is folded already
    (:func:`fold_query`)."""
    best: Hit | None = None
    for field, text in _fields(node):
        if query in _fold(text) and (best is None or FIELDS.index(field) < FIELDS.index(best.field)):
            best = Hit(node.id, field, text)
    if best is not None and best.field in ("name", "alias"):
        return best
    names = [node.name, *node.aliases]
    by_pinyin = _pinyin_match(query, names)
    if by_pinyin is not None:
        return Hit(node.id, "pinyin", by_pinyin)
    return best


def fold_query(query: str) -> str:
    """The query as matching compares it: no spaces, case folded."""
    return _fold(query)


def find(chain_map: ChainMap, query: str) -> list[Hit]:
    """Every segment ``query`` matches, best first: by the field that matched (:data:`FIELDS`),
    then a name that starts with the query before one that only contains it, then map order.
    An empty query finds nothing."""
    folded = fold_query(query)
    if not folded:
        return []
    hits = []
    for position, node in enumerate(chain_map.nodes):
        hit = match(node, folded)
        if hit is not None:
            starts = not _fold(hit.text).startswith(folded)
            hits.append((FIELDS.index(hit.field), starts, position, hit))
    hits.sort(key=lambda item: item[:3])
    return [item[3] for item in hits]
