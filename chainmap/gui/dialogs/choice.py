"""A question with a few answers and, below it, the lines it is about, always visible.

The editor's safety prompts (a file changed on disk, a file another editor holds, work to
recover after a crash) show what is at stake: the differences, one per line, as
``chainmap diff`` prints them. A message box would hide them behind "Show Details…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

MAX_LINES = 500


class ChoiceDialog(QDialog):
    """``ChoiceDialog(title, text, info, lines, answers, parent)``: ``answers`` are
    ``(key, label)`` pairs, the first the default, a key ``"cancel"`` the Escape answer.
    :meth:`ask` shows it and returns the key chosen; :attr:`checkbox` is the optional
    "remember" box (``checkbox_text``).

    Attributes:
        answer: the key of the button pressed (``"cancel"`` when closed otherwise).
        lines_view: the read-only list of lines (hidden when there are none).
    """

    def __init__(self, title: str, text: str, info: str, lines: Sequence[str],
                 answers: Sequence[tuple[str, str]], parent: QWidget | None = None,
                 checkbox_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice_dialog")
        self.setWindowTitle(title)
        self.answer = "cancel"
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(text, self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        about = QLabel(info, self)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        texts = QVBoxLayout()
        texts.addWidget(heading)
        texts.addWidget(about)
        texts.addStretch(1)  # the texts stay together at the top
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        self.lines_view = QPlainTextEdit(self)
        self.lines_view.setObjectName("choice_lines")
        self.lines_view.setReadOnly(True)
        self.lines_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        fixed = QFont(self.lines_view.font())
        fixed.setStyleHint(QFont.StyleHint.Monospace)
        self.lines_view.setFont(fixed)
        shown = list(lines[:MAX_LINES])
        if len(lines) > MAX_LINES:
            shown.append(QCoreApplication.translate("ChoiceDialog", "… ({count} more)").format(
                count=len(lines) - MAX_LINES))
        self.lines_view.setPlainText("\n".join(shown))
        self.lines_view.setVisible(bool(shown))
        self.checkbox: QCheckBox | None = QCheckBox(checkbox_text, self) if checkbox_text else None
        buttons = QDialogButtonBox(self)
        self.buttons: dict[str, QPushButton] = {}
        for index, (key, label) in enumerate(answers):
            role = (QDialogButtonBox.ButtonRole.RejectRole if key == "cancel"
                    else QDialogButtonBox.ButtonRole.AcceptRole)
            button = buttons.addButton(label, role)
            button.setObjectName(f"answer_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            if index == 0:
                button.setDefault(True)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines_view, 1)
        if self.checkbox is not None:
            layout.addWidget(self.checkbox)
        layout.addWidget(buttons)
        self.resize(640, 420 if shown else 180)

    def _choose(self, key: str) -> None:
        self.answer = key
        self.done(0)

    def reject(self) -> None:
        self.answer = "cancel"
        super().reject()

    def ask(self) -> str:
        """Show the dialog modally; the key of the answer."""
        self.exec()
        return self.answer

    @property
    def checked(self) -> bool:
        """Whether the "remember" box is ticked."""
        return self.checkbox is not None and self.checkbox.isChecked()
