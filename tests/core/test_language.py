"""The language follows the system locale unless the user chose one."""

from __future__ import annotations

import pytest

from chainmap.core import language


@pytest.fixture(autouse=True)
def _clean_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    language.set_language(None)
    yield
    language.set_language(None)


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("LANG", "zh_CN.UTF-8", "zh_CN"),
    ("LANG", "en_US.UTF-8", "en"),
    ("LC_ALL", "zh_TW.UTF-8", "zh_CN"),
    ("LANGUAGE", "zh_CN:en", "zh_CN"),
    ("LANG", "C.UTF-8", "en"),
    ("LANG", "de_DE.UTF-8", "en"),
])
def test_the_system_locale_decides(monkeypatch: pytest.MonkeyPatch, variable: str, value: str,
                                   expected: str) -> None:
    monkeypatch.setenv(variable, value)
    assert language.current_language() == expected


def test_lc_all_wins_over_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert language.is_chinese()


def test_a_choice_overrides_the_system_and_can_be_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    language.set_language("en")
    assert language.current_language() == "en"
    language.set_language(None)
    assert language.current_language() == "zh_CN"


def test_an_unknown_choice_is_refused_in_a_sentence() -> None:
    with pytest.raises(ValueError, match="not a language chainmap speaks"):
        language.set_language("fr")
