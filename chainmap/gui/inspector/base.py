"""What every inspector page shares: binding to a selection, showing the model again, and
turning an edit into one undo step (or reverting it when the model refuses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from chainmap.core.model import ModelError

from ..commands import ModelCommand
from ..document import Document
from ..widgets import CommitLineEdit, CommitTextEdit


def push_edit(document: Document, make: Callable[[], ModelCommand]) -> str | None:
    """Build a command and push it; returns the model's reason when the edit is refused
    (already announced on ``document.status_message``), else ``None``."""
    try:
        command = make()
    except (ModelError, KeyError) as exc:
        reason = str(exc)
        document.status_message.emit(reason)
        return reason
    if document.push(command):
        return None
    return command.error or QCoreApplication.translate("inspector", "The edit was refused.")


class InspectorPage(QWidget):
    """A page of the inspector, showing one kind of selection.

    :meth:`show_refs` binds the page to a document and the selected refs, :meth:`load`
    shows the model's values again (after any model change, and after a refused edit, so
    the field the user changed reverts), :meth:`push` makes an edit one undo step.
    """

    def __init__(self, report: Callable[[str | None], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self.document: Document | None = None
        self.refs: list[tuple[str, str]] = []

    def show_refs(self, document: Document, refs: list[tuple[str, str]]) -> None:
        self.document = document
        self.refs = list(refs)
        self.revert_edits()
        self.load()

    def revert_edits(self) -> None:
        """Drop text typed but not committed (it belonged to the item shown before, or the
        model refused it)."""
        for editor in self.findChildren(CommitLineEdit) + self.findChildren(CommitTextEdit):
            editor.revert()

    def load(self) -> None:
        raise NotImplementedError

    def reshow_if_unchanged(self, item: Any, values: dict[str, Any]) -> bool:
        """True, with the model's values shown again, when ``item`` has ``values`` already:
        only the spelling differed (e.g. "a、b" for "a, b"), so there is nothing to push."""
        if any(getattr(item, key) != value for key, value in values.items()):
            return False
        self.revert_edits()
        self.load()
        return True

    def push(self, make: Callable[[], ModelCommand]) -> bool:
        """Push the command ``make`` builds; on refusal, show the reason and revert."""
        assert self.document is not None
        reason = push_edit(self.document, make)
        self._report(reason)
        if reason is not None:
            self.revert_edits()
            self.load()
        return reason is None
