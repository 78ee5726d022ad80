"""File ▸ Autosave and File ▸ Reload Changed Maps Without Asking: the safety settings.

Autosave writes unsaved work to the recovery folder every 10 s, 30 s (the default), minute or
five minutes, or never (:mod:`chainmap.gui.files.recovery`); "reload without asking" reloads a map
changed on disk at once when it has no unsaved changes (:mod:`chainmap.gui.files.external_changes`).
Both are remembered in the settings (:mod:`chainmap.gui.settings`). The main window builds its
File menu with them (:func:`autosave_menu`, :func:`reload_action`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from .. import settings

if TYPE_CHECKING:
    from ..main_window import MainWindow

AUTOSAVE_CHOICES = (0, 10, 30, 60, 300)



def _label(seconds: int) -> str:
    if seconds == 0:
        return QCoreApplication.translate("SafetyMenu", "&Off")
    if seconds < 60:
        return QCoreApplication.translate("SafetyMenu", "Every {n} seconds").format(n=seconds)
    if seconds == 60:
        return QCoreApplication.translate("SafetyMenu", "Every minute")
    return QCoreApplication.translate("SafetyMenu", "Every {n} minutes").format(n=seconds // 60)


def autosave_menu(window: MainWindow) -> QMenu:
    """File ▸ Autosave for ``window``: one checkable choice per interval, the current one
    checked; choosing one sets it (:func:`set_autosave`)."""
    menu = QMenu(QCoreApplication.translate("SafetyMenu", "A&utosave"), window)
    menu.setObjectName("autosave_menu")
    group = QActionGroup(menu)
    current = settings.autosave_seconds()
    for seconds in sorted(set(AUTOSAVE_CHOICES) | {current}):
        action = menu.addAction(_label(seconds))
        action.setCheckable(True)
        action.setChecked(seconds == current)
        action.setData(seconds)
        action.setActionGroup(group)
        action.triggered.connect(lambda _checked=False, s=seconds: set_autosave(window, s))
    return menu


def reload_action(window: MainWindow) -> QAction:
    """File ▸ Reload Changed Maps Without Asking (checkable, remembered in the settings)."""
    action = QAction(QCoreApplication.translate("SafetyMenu", "Reload Changed Maps &Without Asking"), window)
    action.setObjectName("action_always_reload")
    action.setCheckable(True)
    action.setChecked(settings.bool_setting(settings.ALWAYS_RELOAD_KEY, False))
    action.setStatusTip(QCoreApplication.translate("SafetyMenu", "When the open map is changed on disk and you have no unsaved changes, "
                           "reload it without asking"))
    action.toggled.connect(lambda on: settings.set_setting(settings.ALWAYS_RELOAD_KEY, on))
    return action


def set_autosave(window: MainWindow, seconds: int) -> None:
    """Autosave every ``seconds`` (0: off), remembered for the next start."""
    settings.set_setting(settings.AUTOSAVE_KEY, seconds)
    window.autosaver.set_interval(seconds)
    if seconds:
        window.show_status(QCoreApplication.translate("SafetyMenu", "Unsaved work is now autosaved every {n} s to the recovery folder.").format(n=seconds))
    else:
        window.show_status(QCoreApplication.translate("SafetyMenu", "Autosave is off: unsaved work is lost if chainmap stops unexpectedly."))
