"""Identifiers: the spec's id and region-code patterns, random new ids, and the JSON-pointer
tokens that name an item's place (``/nodes/<id>/regions/CN-TJ``)."""

from __future__ import annotations

import re
import secrets

# \Z, not $: "$" also matches before a final newline, which would let "n1\n" through.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}\Z")
REGION_CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9-]{1,15}\Z")
COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}\Z")


def new_id(prefix: str = "n") -> str:
    """Return a fresh random id, e.g. ``n-5f0c1e2a9b7d4c3e8a1f6b2d``.

    96 random bits, so copies of a map edited apart never mint the same id (the spec
    asks for at least 64), and never sequential.
    """
    return f"{prefix}-{secrets.token_hex(12)}"


def is_valid_id(value: object) -> bool:
    """True when ``value`` is a string of the spec's id form."""
    return isinstance(value, str) and ID_PATTERN.match(value) is not None


def is_valid_region_code(value: object) -> bool:
    """True when ``value`` is a string of the spec's region-code form (e.g. ``CN-BJ``)."""
    return isinstance(value, str) and REGION_CODE_PATTERN.match(value) is not None


def pointer_token(key: str) -> str:
    """``key`` escaped for a JSON pointer (``~`` → ``~0``, ``/`` → ``~1``)."""
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key


def pointer_tokens(path: str) -> list[str]:
    """A JSON pointer's tokens, unescaped: ``/nodes/a~1b`` gives ``["nodes", "a/b"]``."""
    return [token.replace("~1", "/").replace("~0", "~") for token in path.split("/")[1:]]
