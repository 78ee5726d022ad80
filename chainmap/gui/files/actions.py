"""The main window's file handling: new, open, open recent, save, save as, revert, close,
and the prompt before unsaved work is lost.

:class:`FileController` is the main window's part that does them (``window.files``). The
questions and messages a user answers are methods of their own
(:meth:`FileController.ask_save_changes`, :meth:`~FileController.show_load_error`, ...),
so tests replace them instead of clicking dialogs.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from chainmap import __version__
from chainmap.core.format.fileio import LoadResult, loads_map, read_file_bytes
from chainmap.core.format.problems import MapLoadError, MapSaveError, NewerVersionError
from chainmap.core.model import ABSENT

from .. import settings
from ..dialogs.templates import blank_map, new_map_from_template, template_label, template_names
from .lock import HELD, LOCKED, MapLock, same_file
from .recovery import remove_recovery

if TYPE_CHECKING:
    from ..document import Document
    from ..main_window import MainWindow

FILE_FILTER = QT_TRANSLATE_NOOP("commands", "Chain maps (*.chainmap.json *.json);;All files (*)")


def file_filter() -> str:
    """The file dialogs' filter for maps, in the reader's language."""
    return QCoreApplication.translate("commands", str(FILE_FILTER))


SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


class TemplateDialog(QDialog):
    """Pick what a new map starts from: blank, or one of the six chains' templates."""

    def __init__(self, names: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("commands", "New map"))
        self.list = QListWidget(self)
        blank = QListWidgetItem(QCoreApplication.translate("commands", "Blank map (three regions, upstream / midstream / downstream)"))
        blank.setData(256, "")
        self.list.addItem(blank)
        for slug, _chain in names:
            label = template_label(slug)
            item = QListWidgetItem(QCoreApplication.translate("commands", "Template: {label}").format(label=label))
            item.setData(256, slug)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def choice(self) -> str:
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else ""


class FileController:
    """The file commands of ``window``: new, open, open recent, save, save as, revert, and
    the prompt before unsaved work is lost."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self) -> Document:
        """The document the window shows."""
        return self.window.document

    # ------------------------------------------------------------ questions
    def ask_save_changes(self) -> str:
        """Ask whether to save the changes: returns ``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("commands", "Unsaved changes"))
        box.setText(QCoreApplication.translate("commands", "Save the changes to {name}?").format(name=self.document.display_name()))
        box.setInformativeText(QCoreApplication.translate("commands", "Your changes are lost if you don't save them."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        box.deleteLater()
        return {
            QMessageBox.StandardButton.Save: SAVE,
            QMessageBox.StandardButton.Discard: DISCARD,
        }.get(QMessageBox.StandardButton(answer), CANCEL)

    def ask_revert(self) -> bool:
        """Ask whether to discard the changes and reload from disk."""
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("commands", "Revert"),
            QCoreApplication.translate("commands", "Discard your changes and reload {name} from disk?").format(name=self.document.display_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_path(self) -> str | None:
        """The file to open (``None``: cancelled)."""
        start = str(self.document.path.parent) if self.document.path is not None else ""
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("commands", "Open map"), start, file_filter())
        return path or None

    def ask_save_path(self) -> str | None:
        """Where to save (``None``: cancelled); ``.chainmap.json`` is added when missing."""
        if self.document.path is not None:
            start = str(self.document.path)
        else:
            start = f"{self.document.chain_map.chain}.chainmap.json"
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("commands", "Save map as"), start, file_filter())
        if not path:
            return None
        if not path.endswith(".json"):
            path += ".chainmap.json"
        return path

    def ask_template(self) -> str | None:
        """What a new map starts from: ``""`` blank, a template's name, or ``None`` (cancel)."""
        names = template_names()
        if not names:
            return ""
        dialog = TemplateDialog(names, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        return choice if accepted else None

    def show_load_error(self, exc: MapLoadError) -> None:
        """Say why a file could not be opened, with every problem the loader found."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("commands", "Cannot open map"))
        name = Path(exc.source).name
        if isinstance(exc, NewerVersionError):
            box.setText(QCoreApplication.translate("commands", "{name} was written by a newer chainmap (format version {version}).").format(
                name=name, version=exc.version))
            box.setInformativeText(QCoreApplication.translate("commands", "Install a newer chainmap to open it. Nothing was changed."))
        else:
            count = len(exc.problems)
            box.setText(QCoreApplication.translate("commands", "{name} is not a valid chain map ({count} problem(s)).").format(name=name, count=count))
            box.setInformativeText(exc.problems[0].message if exc.problems else "")
        box.setDetailedText(exc.describe())
        box.exec()
        box.deleteLater()

    def show_save_error(self, exc: MapSaveError) -> None:
        """Say why the map could not be saved."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("commands", "Cannot save map"))
        box.setText(exc.problems[0].message if exc.problems else str(exc))
        box.setDetailedText(exc.describe())
        box.exec()
        box.deleteLater()

    # ------------------------------------------------------------- commands
    def maybe_save(self) -> bool:
        """Before unsaved work would be lost: ask, and save if asked to. ``True`` to go on."""
        if not self.document.is_modified:
            return True
        choice = self.ask_save_changes()
        if choice == SAVE:
            return self.save()
        return choice == DISCARD

    def new_map(self) -> bool:
        """Replace the map with a blank one or a chain's template (asking to save first)."""
        choice = self.ask_template()
        if choice is None or not self.maybe_save():
            return False
        chain_map = new_map_from_template(choice) if choice else blank_map()
        self.window.set_document(self.window.make_document(chain_map, None))
        self.window.show_status(QCoreApplication.translate("commands", "New map: {title}").format(title=chain_map.title))
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        """Open a map into this window. A file that cannot be loaded is reported with its
        problems and the current map stays; unsaved work is asked about first, and a file
        another editor holds is asked about (read-only, anyway, or not)."""
        if path is None:
            path = self.ask_open_path()
            if path is None:
                return False
        path = Path(path)
        try:
            raw = read_file_bytes(path)
            result = loads_map(raw, str(path))
        except MapLoadError as exc:
            self.show_load_error(exc)
            return False
        if not self.maybe_save():
            return False
        return self.set_loaded(result, path, raw)

    def set_loaded(self, result: LoadResult, path: Path, raw: bytes | None = None) -> bool:
        """Show a freshly loaded map (``raw``: the file's bytes it was loaded from, read
        again when not given), locking its file; remember it in the recent files, report its
        warnings. ``False`` when the user chose not to open a file another editor holds."""
        path = Path(path)
        window = self.window
        claim = window.locks.claim_file(path)
        if claim is None:
            return False
        document = window.make_document(result.map, path)
        if raw is None:
            try:
                raw = read_file_bytes(path)
            except MapLoadError:
                raw = None
        document.base_bytes = raw
        document.lock, document.read_only = claim
        window.set_document(document)
        self.remember_file(path)
        if result.warnings:
            first = result.warnings[0]
            more = len(result.warnings) - 1
            text = QCoreApplication.translate("commands", "Opened with {count} warning(s): {message}").format(
                count=len(result.warnings), message=first.format(path.name))
            if more:
                text += QCoreApplication.translate("commands", " (and {more} more; see 'chainmap validate')").format(more=more)
            window.show_status(text, 10000)
        elif document.read_only:
            window.show_status(QCoreApplication.translate("commands", "Opened {name} read-only: another editor has it open. Save As keeps a copy.").format(
                name=path.name), 10000)
        elif not document.is_modified:
            window.show_status(QCoreApplication.translate("commands", "Opened {name}").format(name=path.name))
        return True

    def remember_file(self, path: str | Path) -> None:
        """Put ``path`` first in Open Recent (unless this window leaves the settings alone)."""
        if self.window.remember:
            settings.add_recent_file(path)
            self.window.refresh_recent_menu()

    def open_recent(self, path: str) -> bool:
        """File ▸ Open Recent: open ``path``, or drop it from the list when it is gone."""
        if not Path(path).is_file():
            settings.prune_recent_files()
            self.window.refresh_recent_menu()
            self.window.show_status(QCoreApplication.translate("commands", "{path} no longer exists; removed from the recent files.").format(path=path))
            return False
        return self.open_file(path)

    def _stamp(self) -> dict[str, Any]:
        """Set meta.modified and meta.generator (not an undo step); returns the old values."""
        chain_map = self.document.chain_map
        now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        old = {key: chain_map.meta.get(key, ABSENT) for key in ("modified", "generator")}
        chain_map.set_meta("modified", now)
        chain_map.set_meta("generator", f"chainmap {__version__}")
        return old

    def save_to(self, path: str | Path, *, force: bool = False) -> bool:
        """Write the map to ``path``; a failure is reported and changes nothing. Over the
        map's own file, the disk is checked first (``force`` skips that: the user chose to
        overwrite); another file must not be open in another editor."""
        document = self.document
        path = Path(path)
        own_file = same_file(document.path, path)
        new_lock: MapLock | None = None
        if own_file and not force:
            verdict = self.window.external.check_before_save()
            if verdict != "write":
                return verdict == "done"
        elif not own_file:
            new_lock = MapLock(path)
            state = new_lock.try_acquire()
            if state == HELD:
                holder = new_lock.holder()
                who = holder.describe() if holder is not None else QCoreApplication.translate("commands", "another editor")
                self.show_save_error(MapSaveError(str(path), QCoreApplication.translate("commands", "The map was not saved: {name} is open in another editor ({who}); choose another name.").format(
                    name=path.name, who=who)))
                return False
            if state != LOCKED:
                new_lock = None
        old_key = document.recovery_key
        stamped = document.is_modified or document.path is None
        old_meta = self._stamp() if stamped else {}
        try:
            document.save(path)
        except MapSaveError as exc:
            for key, value in old_meta.items():
                document.chain_map.set_meta(key, value)
            if new_lock is not None:
                new_lock.release()
            self.show_save_error(exc)
            return False
        if not own_file:
            document.release_lock()
            document.lock = new_lock
            if document.read_only:
                document.read_only = False
                self.window.update_title()
                self.window.update_actions()
        remove_recovery(old_key)
        self.window.external.watch_document()
        self.remember_file(path)
        self.window.show_status(QCoreApplication.translate("commands", "Saved {name}").format(name=path.name))
        return True

    def save(self) -> bool:
        """File ▸ Save (Save As for a map never saved or open read-only)."""
        if self.document.read_only:
            self.window.show_status(QCoreApplication.translate("commands", "{name} is open read-only: save your version under another name.").format(
                name=self.document.display_name()))
            return self.save_as()
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        """File ▸ Save As…: ask where, then save there."""
        path = self.ask_save_path()
        if path is None:
            return False
        return self.save_to(path)

    def revert(self) -> bool:
        """Reload the map from its file, after a confirmation, discarding the changes."""
        path = self.document.path
        if path is None or not self.document.is_modified or not self.ask_revert():
            return False
        try:
            raw = read_file_bytes(path)
            result = loads_map(raw, str(path))
        except MapLoadError as exc:
            self.show_load_error(exc)
            return False
        return self.set_loaded(result, path, raw)
