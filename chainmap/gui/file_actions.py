"""The main window's file handling: new, open, open recent, save, save as, revert, close,
and the prompt before unsaved work is lost.

The questions and messages a user answers are methods of their own
(:meth:`FileActionsMixin.ask_save_changes`, :meth:`~FileActionsMixin.show_load_error`, ...),
so tests replace them instead of clicking dialogs.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from chainmap.core.fileio import LoadResult, loads_map, read_file_bytes
from chainmap.core.model import ABSENT, ChainMap
from chainmap.core.problems import MapLoadError, MapSaveError, NewerVersionError

from . import settings
from .commands import tr
from .file_lock import HELD, LOCKED, MapLock, same_file
from .recovery import remove_recovery
from .templates import blank_map, new_map_from_template, template_names

if TYPE_CHECKING:
    from .document import Document

FILE_FILTER = "Chain maps (*.chainmap.json *.json);;All files (*)"
SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


class TemplateDialog(QDialog):
    """Pick what a new map starts from: blank, or one of the six chains' templates."""

    def __init__(self, names: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New map"))
        self.list = QListWidget(self)
        blank = QListWidgetItem(tr("Blank map (三地, 上游 / 中游 / 下游)"))
        blank.setData(256, "")
        self.list.addItem(blank)
        for slug, label in names:
            item = QListWidgetItem(tr("Template: {label}").format(label=label))
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


class FileActionsMixin:
    """File commands of :class:`~chainmap.gui.main_window.MainWindow`."""

    document: Document
    remember: bool  # False: this window leaves the settings alone

    # The window provides these.
    def set_document(self, document: Document) -> None: ...  # pragma: no cover
    def show_status(self, message: str, timeout: int = 5000) -> None: ...  # pragma: no cover
    def refresh_recent_menu(self) -> None: ...  # pragma: no cover
    def make_document(self, chain_map: ChainMap, path: Path | None) -> Document: ...  # pragma: no cover
    if TYPE_CHECKING:  # from the other mixins: a stub here would hide them
        def claim_file(self, path: Path) -> tuple[MapLock | None, bool] | None: ...
        def check_before_save(self) -> str: ...
        def watch_document(self, *_args: Any) -> None: ...
        def _update_title(self, *_args: Any) -> None: ...
        def _update_actions(self, *_args: Any) -> None: ...

    # ------------------------------------------------------------ questions
    def ask_save_changes(self) -> str:
        """Ask whether to save the changes: returns ``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(self)  # type: ignore[arg-type]
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("Save the changes to {name}?").format(name=self.document.display_name()))
        box.setInformativeText(tr("Your changes are lost if you don't save them."))
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
        answer = QMessageBox.question(
            self,  # type: ignore[arg-type]
            tr("Revert"),
            tr("Discard your changes and reload {name} from disk?").format(name=self.document.display_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_path(self) -> str | None:
        start = str(self.document.path.parent) if self.document.path is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, tr("Open map"), start, FILE_FILTER)  # type: ignore[arg-type]
        return path or None

    def ask_save_path(self) -> str | None:
        if self.document.path is not None:
            start = str(self.document.path)
        else:
            start = f"{self.document.chain_map.chain}.chainmap.json"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save map as"), start, FILE_FILTER)  # type: ignore[arg-type]
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
        dialog = TemplateDialog(names, self)  # type: ignore[arg-type]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        return choice if accepted else None

    def show_load_error(self, exc: MapLoadError) -> None:
        """Say why a file could not be opened, with every problem the loader found."""
        box = QMessageBox(self)  # type: ignore[arg-type]
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Cannot open map"))
        name = Path(exc.source).name
        if isinstance(exc, NewerVersionError):
            box.setText(tr("{name} was written by a newer chainmap (format version {version}).").format(
                name=name, version=exc.version))
            box.setInformativeText(tr("Install a newer chainmap to open it. Nothing was changed."))
        else:
            count = len(exc.problems)
            box.setText(tr("{name} is not a valid chain map ({count} problem(s)).").format(name=name, count=count))
            box.setInformativeText(exc.problems[0].message if exc.problems else "")
        box.setDetailedText(exc.describe())
        box.exec()
        box.deleteLater()

    def show_save_error(self, exc: MapSaveError) -> None:
        box = QMessageBox(self)  # type: ignore[arg-type]
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Cannot save map"))
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
        self.set_document(self.make_document(chain_map, None))
        self.show_status(tr("New map: {title}").format(title=chain_map.title))
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
        claim = self.claim_file(path)
        if claim is None:
            return False
        document = self.make_document(result.map, path)
        if raw is None:
            try:
                raw = read_file_bytes(path)
            except MapLoadError:
                raw = None
        document.base_bytes = raw
        document.lock, document.read_only = claim
        self.set_document(document)
        self.remember_file(path)
        if result.warnings:
            first = result.warnings[0]
            more = len(result.warnings) - 1
            text = tr("Opened with {count} warning(s): {message}").format(
                count=len(result.warnings), message=first.format(path.name))
            if more:
                text += tr(" (and {more} more; see 'chainmap validate')").format(more=more)
            self.show_status(text, 10000)
        elif document.read_only:
            self.show_status(tr("Opened {name} read-only: another editor has it open. Save As keeps a copy.").format(
                name=path.name), 10000)
        elif not document.is_modified:
            self.show_status(tr("Opened {name}").format(name=path.name))
        return True

    def remember_file(self, path: str | Path) -> None:
        """Put ``path`` first in Open Recent (unless this window leaves the settings alone)."""
        if self.remember:
            settings.add_recent_file(path)
            self.refresh_recent_menu()

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            settings.prune_recent_files()
            self.refresh_recent_menu()
            self.show_status(tr("{path} no longer exists; removed from the recent files.").format(path=path))
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
            verdict = self.check_before_save()
            if verdict != "write":
                return verdict == "done"
        elif not own_file:
            new_lock = MapLock(path)
            state = new_lock.try_acquire()
            if state == HELD:
                holder = new_lock.holder()
                who = holder.describe() if holder is not None else tr("another editor")
                self.show_save_error(MapSaveError(str(path), tr(
                    "The map was not saved: {name} is open in another editor ({who}); choose another name.").format(
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
                self._update_title()
                self._update_actions()
        remove_recovery(old_key)
        self.watch_document()
        self.remember_file(path)
        self.show_status(tr("Saved {name}").format(name=path.name))
        return True

    def save(self) -> bool:
        if self.document.read_only:
            self.show_status(tr("{name} is open read-only: save your version under another name.").format(
                name=self.document.display_name()))
            return self.save_as()
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
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
