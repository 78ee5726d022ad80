"""File > Merge maps: pick the regions' copies (and their base), merge, read the summary,
open the result.

The dialog runs :func:`chainmap.core.merge.engine.merge_maps`, the same engine as ``chainmap merge``,
and shows its report in the same words (:func:`chainmap.core.merge.report.summary_sections`):
matched by id and by name, added, deleted, ids renamed, region entries dropped, conflicts by
kind, and near-match suggestions with their scores. A file that cannot be read is reported with the
loader's problems, maps of different ids without "force" with the merge's reason; nothing
raises. "Open result" hands the :class:`~chainmap.core.merge.engine.MergeResult` to ``open_result``
(the window decides where it opens, as an unsaved map).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.format.fileio import load_map
from chainmap.core.format.problems import MapLoadError
from chainmap.core.merge.engine import MergeError, MergeInput, MergeResult, merge_maps
from chainmap.core.merge.report import SummarySection, summary_sections
from chainmap.core.model import ChainMap

from ..files.actions import file_filter
from ..widgets import ERROR_COLOR, ErrorLabel
from .conflict_text import describe_path, kind_text

PATH_ROLE = Qt.ItemDataRole.UserRole



class MergeDialog(QDialog):
    """Merge two or more copies of one map (objectName ``merge_dialog``).

    ``add_inputs(paths)``, ``set_base(path | None)``, ``force`` (a checkbox) and :meth:`run`
    do what the buttons do; after a successful run :attr:`result` holds the merge and
    :meth:`summary_lines` what the summary shows; :meth:`open_result` opens it.
    """

    def __init__(self, parent: QWidget | None = None,
                 open_result: Callable[[MergeResult], Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(QCoreApplication.translate("merge", "Merge maps"))
        self.resize(720, 640)
        self._open_result = open_result
        self._base: Path | None = None
        self.merge_result: MergeResult | None = None

        self.inputs = QListWidget(self)
        self.inputs.setObjectName("merge_inputs")
        self.inputs.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.inputs.setMaximumHeight(6 * self.inputs.fontMetrics().height() + 12)
        add = QPushButton(QCoreApplication.translate("merge", "Add…"), self)
        add.clicked.connect(self.ask_inputs)
        remove = QPushButton(QCoreApplication.translate("merge", "Remove"), self)
        remove.clicked.connect(self.remove_selected)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        inputs_row = QHBoxLayout()
        inputs_row.addWidget(self.inputs, 1)
        inputs_row.addLayout(side)

        self.base_edit = QLineEdit(self)
        self.base_edit.setReadOnly(True)
        self.base_edit.setPlaceholderText(QCoreApplication.translate("merge", "(none: a union of the copies, nothing deleted silently)"))
        choose_base = QPushButton(QCoreApplication.translate("merge", "Choose…"), self)
        choose_base.clicked.connect(self.ask_base)
        clear_base = QPushButton(QCoreApplication.translate("merge", "Clear"), self)
        clear_base.clicked.connect(lambda: self.set_base(None))
        base_row = QHBoxLayout()
        base_row.addWidget(QLabel(QCoreApplication.translate("merge", "Base (common ancestor):"), self))
        base_row.addWidget(self.base_edit, 1)
        base_row.addWidget(choose_base)
        base_row.addWidget(clear_base)

        self.force = QCheckBox(QCoreApplication.translate("merge", "Force: merge maps with different ids (the result takes the first map's id)"), self)
        self.run_button = QPushButton(QCoreApplication.translate("merge", "Run merge"), self)
        self.run_button.setObjectName("run_merge")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.error = ErrorLabel(self)
        self.summary = QTreeWidget(self)
        self.summary.setObjectName("merge_summary")
        self.summary.setHeaderHidden(True)
        self.summary.setColumnCount(1)

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(QCoreApplication.translate("merge", "Open result"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open_result")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_result)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("merge", "Copies to merge (two or more):"), self))
        layout.addLayout(inputs_row)
        layout.addLayout(base_row)
        layout.addWidget(self.force)
        layout.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.summary, 1)
        layout.addWidget(buttons)

    # ----------------------------------------------------------------- inputs
    def input_paths(self) -> list[Path]:
        return [Path(self.inputs.item(i).data(PATH_ROLE)) for i in range(self.inputs.count())]

    def add_inputs(self, paths: Iterable[str | Path]) -> None:
        """Add copies to merge (a file already listed is not added twice)."""
        listed = {p.resolve() for p in self.input_paths()}
        for path in map(Path, paths):
            if path.resolve() in listed:
                continue
            listed.add(path.resolve())
            text, problem = self._describe(path)
            item = QListWidgetItem(text, self.inputs)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(problem or str(path))
            if problem:
                item.setForeground(QBrush(QColor(ERROR_COLOR)))
        self._stale()

    @staticmethod
    def _describe(path: Path) -> tuple[str, str]:
        """The list's line for a file, and the loader's problems when it cannot be read."""
        try:
            chain_map = load_map(path).map
        except MapLoadError as exc:
            return f"{path.name} — " + QCoreApplication.translate("merge", "cannot be read"), exc.describe()
        owner = chain_map.owner or QCoreApplication.translate("merge", "no owner")
        return f"{path.name} — {owner} · {chain_map.title}", ""

    def remove_selected(self) -> None:
        for item in self.inputs.selectedItems():
            self.inputs.takeItem(self.inputs.row(item))
        self._stale()

    def set_base(self, path: str | Path | None) -> None:
        """The common ancestor (``None``: merge without a base)."""
        self._base = Path(path) if path is not None else None
        self.base_edit.setText(str(self._base) if self._base is not None else "")
        self._stale()

    @property
    def base(self) -> Path | None:
        return self._base

    def ask_inputs(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, QCoreApplication.translate("merge", "Add copies to merge"), self._start_dir(), file_filter())
        if paths:
            self.add_inputs(paths)

    def ask_base(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("merge", "Choose the base"), self._start_dir(), file_filter())
        if path:
            self.set_base(path)

    def _start_dir(self) -> str:
        paths = self.input_paths()
        return str(paths[-1].parent) if paths else ""

    def _stale(self) -> None:
        """Inputs changed: an earlier result no longer answers them."""
        self.merge_result = None
        self.open_button.setEnabled(False)

    # ---------------------------------------------------------------- running
    def run(self) -> bool:
        """Load the files and merge them; show the summary, or say what is wrong."""
        self._stale()
        self.summary.clear()
        self.error.show_error(None)
        paths = self.input_paths()
        if len(paths) < 2:
            self.error.show_error(QCoreApplication.translate("merge", "Add at least two copies to merge."))
            return False
        loaded: list[ChainMap] = []
        problems: list[str] = []
        for path in [*paths, *([self._base] if self._base is not None else [])]:
            try:
                loaded.append(load_map(path).map)
            except MapLoadError as exc:
                problems.append(exc.describe() or QCoreApplication.translate("merge", "{name} cannot be read.").format(name=path.name))
        if problems:
            self.error.show_error(QCoreApplication.translate("merge", "Nothing was merged: a file cannot be read.") + "\n" + "\n".join(problems))
            return False
        base = loaded.pop() if self._base is not None else None
        inputs = [MergeInput(m, p.name) for m, p in zip(loaded, paths, strict=True)]
        try:
            self.merge_result = merge_maps(inputs, base, force=self.force.isChecked())
        except MergeError as exc:
            self.error.show_error(str(exc).replace("with --force", QCoreApplication.translate("merge", "by ticking “Force”")))
            return False
        self._fill_summary(self.merge_result)
        self.open_button.setEnabled(True)
        return True

    def _section(self, text: str, children: Iterable[str] = (), colour: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.summary, [text])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if colour is not None:
            item.setForeground(0, QBrush(QColor(colour)))
        for child in children:
            QTreeWidgetItem(item, [child])
        return item

    def _fill_summary(self, result: MergeResult) -> None:
        for section in self.summary_sections(result):
            colour = ERROR_COLOR if section.key == "conflicts" and result.conflicts else None
            self._section(section.heading, section.rows, colour)
        self.summary.expandAll()

    @staticmethod
    def summary_sections(result: MergeResult) -> list[SummarySection]:
        """The summary in the words ``chainmap merge`` prints (one function words both),
        headings capitalised, segments by name, each conflict described for people."""
        rows = [f"{kind_text(c.kind)}: {describe_path(result.map, c.path)} ({', '.join(v.source for v in c.values)})"
                for c in result.conflicts]
        sections = summary_sections(result.report, with_ids=False, kind_name=kind_text, conflict_rows=rows)
        for section in sections:
            section.heading = section.heading[:1].upper() + section.heading[1:]
        return sections

    def summary_lines(self) -> list[str]:
        """What the summary shows, one line per row (headings, then their rows)."""
        lines = []
        for i in range(self.summary.topLevelItemCount()):
            top = self.summary.topLevelItem(i)
            lines.append(top.text(0))
            lines.extend("  " + top.child(j).text(0) for j in range(top.childCount()))
        return lines

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    # ---------------------------------------------------------------- opening
    def open_result(self) -> Any:
        """Open the merged map (as an unsaved map) and close the dialog."""
        if self.merge_result is None or self._open_result is None:
            return None
        opened = self._open_result(self.merge_result)
        self.accept()
        return opened
