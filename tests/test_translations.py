"""The translation catalogues are complete and compiled: the editor's Qt catalogue
(``resources/i18n/chainmap_zh_CN.ts`` → ``.qm``, and the English plural forms) and the core's
message table (``chainmap/core/messages_zh.py``)."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}|%n|%\d")


def _messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N / f"chainmap_{language}.ts").getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _placeholders(text: str) -> set[str]:
    return {m.group(1) or m.group(0) for m in PLACEHOLDER.finditer(text.replace("{{", "").replace("}}", ""))}


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def _code_messages() -> set[tuple[str, str]]:
    """(context, text) of every ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP`` with
    literal arguments in the package, as lupdate should find them."""
    found = set()
    for path in sorted((ROOT / "chainmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_message_of_the_code_is_in_the_catalogue_under_its_context() -> None:
    catalogue = {(context, source) for context, source, _ in _messages("zh_CN")}
    missing = _code_messages() - catalogue
    assert not missing, f"run tools/update_translations.py, then translate: {sorted(missing)[:10]}"
    assert not {source for context, source, _ in _messages("zh_CN") if not context}, \
        "messages under the empty context: a wrapper around translate() hides the real context"


def test_plural_counts_are_plain_names_lupdate_can_read() -> None:
    # pyside6-lupdate silently skips translate(ctx, text, None, len(x)): the count must be a name.
    bad = []
    for path in sorted((ROOT / "chainmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "translate" and len(node.args) == 4 \
                    and not isinstance(node.args[3], (ast.Name, ast.Constant)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad


def test_every_chinese_message_is_finished_and_keeps_its_placeholders() -> None:
    messages = _messages("zh_CN")
    assert len(messages) > 300
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, f"unfinished: {context} {source!r}"
        for text in _translations(message):
            assert text.strip(), f"empty translation: {context} {source!r}"
            assert _placeholders(text) == _placeholders(source), f"{context} {source!r} → {text!r}"


def test_translated_file_dialog_filters_keep_their_patterns_in_ascii_brackets() -> None:
    # Qt finds a filter's patterns between ASCII brackets: "图谱（*.json）" would match no file.
    patterns = re.compile(r"\(([^()]*[*{][^()]*)\)")
    filters = [(c, s, m) for c, s, m in _messages("zh_CN") if "(*" in s]
    assert filters
    for context, source, message in filters:
        for text in _translations(message):
            assert patterns.findall(text) == patterns.findall(source), f"{context} {source!r} → {text!r}"


def test_every_plural_message_has_english_singular_and_plural() -> None:
    english = {(context, source): message for context, source, message in _messages("en")}
    plurals = [(c, s) for c, s, _ in _messages("zh_CN") if "%n" in s]
    assert plurals
    for key in plurals:
        forms = _translations(english[key])
        assert len(forms) == 2 and all("%n" in form and "(s)" not in form for form in forms), key


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_catalogue_is_the_catalogue_compiled(language: str, tmp_path: Path) -> None:
    # By content, not by date: a git checkout sets every file's date.
    import PySide6

    fresh = tmp_path / "fresh.qm"
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    subprocess.run([str(lrelease), "-silent", str(I18N / f"chainmap_{language}.ts"), "-qm", str(fresh)],
                   check=True, timeout=120)
    shipped = I18N / f"chainmap_{language}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run tools/update_translations.py"


def _message_keys() -> set[str]:
    keys = set()
    for path in sorted((ROOT / "chainmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "msg", "N_", "word") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                keys.add(node.args[0].value)
    return keys


def test_core_message_table_has_every_key_with_its_placeholders() -> None:
    from chainmap.core.messages_zh import ZH

    keys = _message_keys()
    assert len(keys) > 100
    assert sorted(keys - ZH.keys()) == [], "add these to chainmap/core/messages_zh.py"
    assert sorted(ZH.keys() - keys) == [], "these keys are no longer in the code"
    for key in keys:
        assert _placeholders(ZH[key]) == _placeholders(key), key
        words = PLACEHOLDER.sub("", key)
        translated = ZH[key] != key and re.search(r"[\u4e00-\u9fff“”]", ZH[key])
        assert translated or not re.search(r"[a-z]{3}", words), f"not translated: {key!r}"


def test_no_module_hides_translate_behind_another_name() -> None:
    # lupdate extracts only calls spelled translate(...) / QT_TRANSLATE_NOOP(...): a call through
    # an alias (t = QCoreApplication.translate) or a wrapper (def tr(text)) is never extracted.
    hidden = []
    for path in sorted((ROOT / "chainmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Assign) else None
            if isinstance(value, ast.Attribute) and value.attr == "translate":
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr", "_t", "t", "_"):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} def {node.name}")
            if isinstance(node, ast.FunctionDef):  # a wrapper by any name: translate(ctx, its parameter)
                parameters = {argument.arg for argument in node.args.args}
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" \
                            and len(call.args) >= 2 and isinstance(call.args[1], ast.Name) \
                            and call.args[1].id in parameters:
                        hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} def {node.name}")
    assert hidden == [], "call QCoreApplication.translate(\"Context\", \"text\") directly"


def test_the_shipped_font_draws_every_chinese_character_of_the_catalogues() -> None:
    """A machine without CJK fonts draws the interface with the bundled subset font: every
    Han character and Chinese punctuation mark the translations use must be in it."""
    from fontTools.ttLib import TTFont

    from chainmap.core.messages_zh import ZH

    cmap = TTFont(ROOT / "resources" / "fonts" / "NotoSansSC-chainmap-subset.otf").getBestCmap()
    texts = [form for _, _, message in _messages("zh_CN") for form in _translations(message)]
    texts += list(ZH.values())
    chinese = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d]")
    missing = sorted({char for text in texts for char in chinese.findall(text) if ord(char) not in cmap})
    assert missing == [], f"run tools/make_cjk_subset.py: the subset font lacks {''.join(missing)}"
