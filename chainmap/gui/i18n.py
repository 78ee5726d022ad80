"""The editor's language: which one it speaks, Qt's and chainmap's translators, and the
View ▸ Language menu.

The language comes from, in order: the command line's ``--lang``, the editor's setting
(View ▸ Language, saved under :data:`LANGUAGE_KEY`), the system locale
(:func:`chainmap.core.language.current_language`). Chinese loads Qt's own ``qtbase_zh_CN.qm``
(the file and message-box buttons, colour dialogs) from PySide6's translations folder and
chainmap's ``chainmap_zh_CN.qm``; English loads ``chainmap_en.qm`` (its plural forms). A
change in the menu is saved and applies when chainmap next starts (widgets built in one
language are not rebuilt), and the menu says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from chainmap.core.language import CHINESE, ENGLISH, LANGUAGES, current_language, override, set_language
from chainmap.resources_path import resource_path

from .settings import open_settings, set_setting

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
_installed: list[QTranslator] = []


def saved_language() -> str:
    """The setting: ``system``, ``zh_CN`` or ``en`` (``system`` when unset or unknown)."""
    value = open_settings().value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def editor_language() -> str:
    """The language the editor speaks: ``--lang``, else the setting, else the system's."""
    chosen = override()
    if chosen is not None:
        return chosen
    saved = saved_language()
    return saved if saved != SYSTEM else current_language()


def catalogue_files(language: str) -> list[str]:
    """The ``.qm`` files for ``language``, Qt's first, those that exist."""
    files = []
    if language == CHINESE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append(f"{qt_folder}/qtbase_zh_CN.qm")
    try:
        files.append(str(resource_path("i18n", f"chainmap_{language}.qm")))
    except FileNotFoundError:
        pass  # a broken install: the editor still runs, in its English source text
    return files


def install_language(app: QCoreApplication, language: str | None = None) -> list[str]:
    """Speak ``language`` (default :func:`editor_language`): set it for the vocabulary labels
    and exports, and install its translators (replacing those installed before). Returns the
    catalogues loaded."""
    language = language or editor_language()
    set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    for path in catalogue_files(language):
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    return loaded


def add_language_menu(menu: QMenu, parent: QWidget) -> QMenu:
    """View ▸ Language: System / 中文 / English, the saved choice ticked; choosing saves it
    and says it applies when chainmap restarts."""
    sub = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    sub.setObjectName("language_menu")
    group = QActionGroup(sub)
    saved = saved_language()
    # Each language is named in itself, so a reader finds theirs whatever the interface says.
    for value, text in ((SYSTEM, QCoreApplication.translate("Language", "System")),
                        (CHINESE, "中文"), (ENGLISH, "English")):
        action = QAction(text, sub)
        action.setCheckable(True)
        action.setChecked(value == saved)
        action.setData(value)
        action.setObjectName(f"language_{value}")
        group.addAction(action)
        sub.addAction(action)
        action.triggered.connect(lambda _checked=False, v=value: choose_language(v, parent))
    return sub


def choose_language(value: str, parent: QWidget | None = None, ask: bool = True) -> None:
    """Save ``value`` (``system``, ``zh_CN`` or ``en``) and tell the user it applies at restart."""
    if value == saved_language():
        return
    set_setting(LANGUAGE_KEY, value)
    if ask:
        QMessageBox.information(
            parent, QCoreApplication.translate("Language", "Language"),
            QCoreApplication.translate("Language", "The new language applies when you restart chainmap."))
