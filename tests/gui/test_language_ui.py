"""One language at a time: the main window, its menus, toolbar, docks and dialogs say
everything in Chinese when the editor speaks Chinese, and in English when it speaks English
(the map's own content, in Chinese, is never translated). View ▸ Language saves the choice;
layouts keep the canvas and the daily toolbar actions in view at 1024×700."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabBar,
    QTableWidget,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from chainmap.core.language import set_language
from chainmap.gui.i18n import LANGUAGE_KEY, choose_language, install_language, saved_language
from chainmap.gui.settings import open_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "vehicles.chainmap.json"
CJK = re.compile(r"[\u3400-\u9fff]")
# Names that stay as they are in a Chinese interface: formats, region codes, keys, units.
KEPT = re.compile(r"\b(PNG|SVG|PDF|JSON|CN-[A-Z]+|Ctrl|Shift|Alt|Esc|Enter|Insert|Delete|F\d+|chainmap|"
                  r"YYYY-MM-DD|YYYY-MM|dldc|dpi|px|MP|id|USCC|meta|merged_from|analyze|json|Qt|CSV|GraphML|GEXF|Cytoscape\.js|Cytoscape|"
                  r"Gephi|Excel|PowerPoint|Mermaid|Graphviz|DOT|WPS|Wiki|Markdown|networkx|yEd|dot)\b"
                  r"|#[0-9A-Fa-f]{6}|\S*\.chainmap\.json")
# Each language names itself in View ▸ Language, whatever the interface speaks.
LANGUAGE_NAMES = ("中文", "English")


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")
    set_language(None)


def _strip(text: str) -> str:
    return text.replace("&&", "§").replace("&", "").replace("§", "&")


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield from _action_texts(action)
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _action_texts(action: QAction) -> Iterator[str]:
    for text in (action.text(), action.iconText(), action.toolTip(), action.statusTip()):
        if text:
            yield text


def _widget_texts(root: QWidget) -> Iterator[str]:
    """Every piece of interface text under ``root`` a user can read."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QToolButton) and widget.objectName() == "qt_toolbar_ext_button":
            continue
        if _inside_pyqtgraph(widget):
            continue  # the charts' own menus, which the docks switch off (setMenuEnabled(False))
        if widget.toolTip():
            yield widget.toolTip()
        if isinstance(widget, QDockWidget | QGroupBox):
            yield widget.windowTitle() if isinstance(widget, QDockWidget) else widget.title()
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            yield widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield widget.placeholderText()
        if isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            yield from (header.text(i) for i in range(header.columnCount()))
        if isinstance(widget, QTableWidget):
            yield from (widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())
                        if widget.horizontalHeaderItem(i) is not None)
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            yield from (widget.item(i).text() for i in range(widget.count()))
    for action in root.findChildren(QAction):
        if not _inside_pyqtgraph(action):
            yield from _action_texts(action)
    for menu in root.findChildren(QMenu):
        if not _inside_pyqtgraph(menu):
            yield from _menu_texts(menu)


def _inside_pyqtgraph(item) -> bool:  # type: ignore[no-untyped-def]
    while item is not None:
        if type(item).__module__.startswith("pyqtgraph"):
            return True
        item = item.parent()
    return False


def _content_words(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The map's own words (never translated), longest first."""
    m = window.document.chain_map
    words = {m.title, m.chain, *(r.name for r in m.regions), *(t.name for t in m.tiers)}
    for node in m.nodes:
        words |= {node.name, *node.aliases, *node.tags}
        for entry in node.regions.values():
            words |= {e.name for e in entry.enterprises}
    words |= {n.text for n in m.notes} | {"新环节", "新注释", *LANGUAGE_NAMES}
    return sorted((w for w in words if w), key=len, reverse=True)


def _leftovers(texts: Iterator[str], language: str, content: list[str]) -> set[str]:
    found = set()
    for raw in texts:
        text = _strip(raw)
        for word in content:
            text = text.replace(word, "")
        if language == "zh_CN":
            english = re.findall(r"[A-Za-z]{2,}", KEPT.sub("", text))
            if english:
                found.add(raw)
        elif CJK.search(text):
            found.add(raw)
    return found


def _open_dialogs(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    dialogs = [window.open_export_dialog(), window.open_properties(), window.merge_ui.show_merge_dialog()]
    QApplication.processEvents()
    return [d for d in dialogs if d is not None]


def test_every_interface_text_is_in_one_language(language, make_main_window) -> None:
    window = make_main_window(EXAMPLE, size=(1600, 1000))
    window.canvas.scene().clearSelection()
    dialogs = _open_dialogs(window)
    texts = list(_widget_texts(window))
    for dialog in dialogs:
        texts += list(_widget_texts(dialog))
    assert len(texts) > 200
    left = _leftovers(iter(texts), language, _content_words(window))
    for dialog in dialogs:
        dialog.close()
    assert left == set(), f"{language}: " + "\n".join(sorted(left))
    if language == "zh_CN":
        assert window.file_menu.title() == "文件(&F)" and window.gaps_dock.windowTitle() == "缺口"
    else:
        assert window.file_menu.title() == "&File" and window.gaps_dock.windowTitle() == "Gaps"


def test_qt_own_buttons_follow_the_language(language) -> None:
    # qtbase_zh_CN.qm: the message boxes' and file dialogs' own words.
    text = QCoreApplication.translate("QPlatformTheme", "&Yes")
    assert text == ("是(&Y)" if language == "zh_CN" else "&Yes")


def test_language_menu_saves_the_choice_for_the_next_start(make_main_window) -> None:
    window = make_main_window()
    actions = {a.objectName(): a for a in window.language_menu.actions()}
    assert set(actions) == {"language_system", "language_zh_CN", "language_en"}
    assert actions["language_system"].isChecked() and saved_language() == "system"
    choose_language("zh_CN", window, ask=False)
    assert open_settings().value(LANGUAGE_KEY) == "zh_CN" and saved_language() == "zh_CN"


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_small_and_large_windows_keep_the_canvas_and_the_toolbar(language, make_main_window, size) -> None:
    window = make_main_window(EXAMPLE, size=size)
    QApplication.processEvents()
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible(), "daily actions went behind the toolbar's »"
    for action in (window.action_add_segment, window.action_link, window.action_layout, window.action_save):
        button = window.toolbar.widgetForAction(action)
        assert button is not None and button.isVisible()
        assert button.geometry().right() <= window.toolbar.width()
    canvas = window.canvas.viewport()
    assert canvas.width() >= size[0] * 0.6 and canvas.height() >= size[1] * 0.5, (canvas.width(), canvas.height())


def test_statistics_legend_is_in_one_language(language, make_main_window) -> None:
    from chainmap.gui.docks.statistics import install_charts

    window = make_main_window(EXAMPLE, size=(1024, 700))
    dock = install_charts(window)
    dock.refresh()
    for legend in (dock._status_legend, dock._gaps_legend):
        labels = [label.text for _sample, label in legend.items]
        assert labels and _leftovers(iter(labels), language, _content_words(window)) == set(), labels
    first = [label.text for _sample, label in dock._status_legend.items][0]
    assert first == ("优势" if language == "zh_CN" else "strong")


def test_find_bar_context_menu_print_preview_and_document_exports_in_one_language(language, make_main_window) -> None:
    # The parts the walk of the window does not open: the find bar's hits and count, the
    # canvas's context menu, the print preview's own choices, each document format's line in
    # the export dialog.
    from PySide6.QtCore import QPoint

    window = make_main_window(EXAMPLE, size=(1600, 1000))
    bar = window.navigation.find_bar
    window.navigation.find()
    texts: list[str] = []
    for query in ("dldc", "电池", "zzzz-no-such-segment"):
        bar.field.setText(query)
        bar.search()
        texts += list(_widget_texts(bar)) + [bar.count.text()]
    bar.field.setText("dldc")
    bar.search()
    window.navigation.find_next()
    texts += list(_widget_texts(bar)) + [bar.count.text()]
    assert any(("拼音" if language == "zh_CN" else "pinyin") in text for text in texts), texts
    bar.close_bar()
    window.navigation._context_menu(QPoint(5, 5))
    texts += list(_menu_texts(window.navigation.context_menu))
    window.navigation.context_menu.close()
    preview = window.open_print_preview()
    QApplication.processEvents()
    texts += list(_widget_texts(preview))
    assert preview.status_label.text().strip() == ("页数：1" if language == "zh_CN" else "Pages: 1")
    preview.close()
    export = window.open_export_dialog()
    for index in range(export.format_combo.count()):
        export.format_combo.setCurrentIndex(index)
        texts += [export.format_combo.currentText(), export.size_label.text(), export.warning_label.text()]
    export.close()
    texts = [text for text in texts if text]
    left = _leftovers(iter(texts), language, _content_words(window))
    assert left == set(), f"{language}: " + "\n".join(sorted(left))
