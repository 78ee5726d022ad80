"""File ▸ Autosave and File ▸ Reload Changed Maps Without Asking: the safety settings.

Autosave writes unsaved work to the recovery folder every 10 s, 30 s (the default), minute or
five minutes, or never (:mod:`chainmap.gui.recovery`); "reload without asking" reloads a map
changed on disk at once when it has no unsaved changes (:mod:`chainmap.gui.external_changes`).
Both are remembered in the settings (:mod:`chainmap.gui.settings`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from . import settings

AUTOSAVE_CHOICES = (0, 10, 30, 60, 300)


def _t(text: str) -> str:
    return QCoreApplication.translate("SafetyMenu", text)


def _label(seconds: int) -> str:
    if seconds == 0:
        return _t("&Off")
    if seconds < 60:
        return _t("Every {n} seconds").format(n=seconds)
    if seconds == 60:
        return _t("Every minute")
    return _t("Every {n} minutes").format(n=seconds // 60)


def install_safety_menu(window: Any) -> None:
    """Add the Autosave submenu and the reload option to ``window``'s File menu, before
    Close (the window has ``action_close``, ``autosaver`` and ``show_status``)."""
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if isinstance(a.menu(), QMenu) and window.action_close in a.menu().actions())
    autosave = QMenu(_t("A&utosave"), window)
    autosave.setObjectName("autosave_menu")
    group = QActionGroup(autosave)
    current = settings.autosave_seconds()
    for seconds in sorted(set(AUTOSAVE_CHOICES) | {current}):
        action = autosave.addAction(_label(seconds))
        action.setCheckable(True)
        action.setChecked(seconds == current)
        action.setData(seconds)
        action.setActionGroup(group)
        action.triggered.connect(lambda _checked=False, s=seconds: set_autosave(window, s))
    reload_action = QAction(_t("Reload Changed Maps &Without Asking"), window)
    reload_action.setObjectName("action_always_reload")
    reload_action.setCheckable(True)
    reload_action.setChecked(settings.bool_setting(settings.ALWAYS_RELOAD_KEY, False))
    reload_action.setStatusTip(_t("When the open map is changed on disk and you have no unsaved changes, "
                                  "reload it without asking"))
    reload_action.toggled.connect(lambda on: settings.set_setting(settings.ALWAYS_RELOAD_KEY, on))
    window.action_always_reload = reload_action
    window.autosave_menu = autosave
    file_menu.insertMenu(window.action_close, autosave)
    file_menu.insertAction(window.action_close, reload_action)
    file_menu.insertSeparator(window.action_close)


def set_autosave(window: Any, seconds: int) -> None:
    """Autosave every ``seconds`` (0: off), remembered for the next start."""
    settings.set_setting(settings.AUTOSAVE_KEY, seconds)
    window.autosaver.set_interval(seconds)
    if seconds:
        window.show_status(_t("Unsaved work is now autosaved every {n} s to the recovery folder.").format(n=seconds))
    else:
        window.show_status(_t("Autosave is off: unsaved work is lost if chainmap stops unexpectedly."))
