"""Shared, read-only empty lists and dicts for the parts of a loaded map.

Most segments of a big map have no aliases, tags or unknown keys, most firms no marks, most
links no flows; a fresh ``[]`` or ``{}`` for each costs 70–80 bytes, about 140 MB at 100,000
segments. The loader gives them these two shared empties instead. Nothing may change them:
every way of changing one raises ``TypeError`` (a loud failure, never a change seen by every
item), and a copy (``copy.copy``, ``copy.deepcopy``, ``list(...)``, ``dict(...)``) is an
ordinary, changeable list or dict. The model's mutators replace an item's lists and dicts,
they never change them in place.
"""

from __future__ import annotations

from typing import Any, NoReturn


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise TypeError("a loaded map's shared empty list or dict cannot be changed; assign a new one")


class _EmptyList(list[Any]):
    """An empty list that refuses to grow (see the module's text)."""

    __slots__ = ()
    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __copy__(self) -> list[Any]:
        return []

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Any]:
        return []

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return (list, ())


class _EmptyDict(dict[str, Any]):
    """An empty dict that refuses keys (see the module's text)."""

    __slots__ = ()
    setdefault = update = pop = popitem = clear = _refuse
    __setitem__ = __delitem__ = __ior__ = _refuse

    def __copy__(self) -> dict[str, Any]:
        return {}

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return {}

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return (dict, ())


NO_ITEMS: list[Any] = _EmptyList()
NO_KEYS: dict[str, Any] = _EmptyDict()


def items_or_shared(values: Any) -> list[Any]:
    """``list(values)``, or the shared empty list when there are none."""
    return list(values) if values else NO_ITEMS
