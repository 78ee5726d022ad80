"""The Conflicts dock: what a merge left to decide, and near-match suggestions.

Each conflict is listed by kind and place (``自动驾驶系统 · description``); choosing one centres
the canvas on its item and shows each source's value with a button, and a line to type a
value. Resolving is one undo step (:mod:`chainmap.gui.merge.resolve_commands`) that also removes
the conflict's record; undo brings both back. The dock marks the conflicted items on the
canvas (``scene.set_marked(refs, "conflict")``) whenever a conflict comes or goes.

Suggestions (two segments with alike names) come from the merge dialog's report, or from
"Find similar segments" on the map as it is; merging a pair is one undo step.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chainmap.core.merge.report import Suggestion, find_suggestions
from chainmap.core.merge.resolve import stale_conflicts
from chainmap.core.model import ABSENT, Conflict, ModelError
from chainmap.core.refs import conflict_refs

from ..commands import ModelCommand
from ..document import Document
from ..widgets import ErrorLabel, MapListener, section_title, single_shot_timer
from .conflict_text import (
    current_value,
    describe_path,
    is_text_field,
    kind_text,
    parse_typed,
    value_text,
)
from .resolve_commands import drop_conflict_command, merge_segments_command, resolve_conflict_command

ID_ROLE = Qt.ItemDataRole.UserRole



class ConflictsDock(QDockWidget):
    """Conflicts to resolve and segments that may be one (objectName ``conflicts``).

    ``ConflictsDock(document, parent=None)``; :meth:`set_document` switches maps (with the
    scene to mark); :meth:`select_conflict`, :meth:`resolve`, :meth:`choices` and
    :meth:`set_suggestions` are what the buttons use, and what tests drive.
    """

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("conflicts", "Conflicts"), parent)
        self.setObjectName("conflicts")
        self.document: Document | None = None
        self.scene: Any = None
        self.provenance: dict[str, list[str]] = {}
        self.input_count = 1
        self._suggestions: list[Suggestion] = []
        self._current: str | None = None
        self._choices: list[tuple[str, Any, QPushButton]] = []
        self._listener = MapListener()
        self.destroyed.connect(self._listener.disconnect_all)
        self._timer = single_shot_timer(self, self.refresh)
        self._build()
        self.set_document(document)

    # --------------------------------------------------------------- building
    def _build(self) -> None:
        # One column in a scroll area: long values wrap and push the rest down, never clipped.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        top = QWidget(body)
        self.count_label = QLabel(top)
        self.list = QListWidget(top)
        self.list.setObjectName("conflict_list")
        self.list.setWordWrap(True)
        # Room for six conflicts before it scrolls.
        rows = self.list.fontMetrics().height() + 4
        self.list.setMinimumHeight(5 * rows + 8)
        self.list.setMaximumHeight(6 * rows + 8)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemClicked.connect(lambda item: self._focus(item.data(ID_ROLE)))
        self.details = QGroupBox(QCoreApplication.translate("conflicts", "Resolve"), top)
        details = QVBoxLayout(self.details)
        self.about = QLabel(self.details)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.choice_grid = QGridLayout()
        self.choice_grid.setColumnStretch(1, 1)
        self.typed = QLineEdit(self.details)
        self.typed.setObjectName("typed_value")
        self.typed.setPlaceholderText(QCoreApplication.translate("conflicts", "Or type a value…"))
        self.typed.returnPressed.connect(self.apply_typed)
        self.apply_button = QPushButton(QCoreApplication.translate("conflicts", "Apply"), self.details)
        self.apply_button.clicked.connect(self.apply_typed)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.typed, 1)
        typed_row.addWidget(self.apply_button)
        self.error = ErrorLabel(self.details)
        details.addWidget(self.about)
        details.addLayout(self.choice_grid)
        details.addLayout(typed_row)
        details.addWidget(self.error)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(4, 4, 4, 4)
        top_layout.addWidget(self.count_label)
        top_layout.addWidget(self.list)
        top_layout.addWidget(self.details)

        bottom = QWidget(body)
        self.suggestion_list = QListWidget(bottom)
        self.suggestion_list.setObjectName("suggestion_list")
        self.suggestion_list.setMaximumHeight(4 * self.suggestion_list.fontMetrics().height() + 12)
        self.suggestion_list.currentRowChanged.connect(self._suggestion_changed)
        self.merge_a = QPushButton(bottom)
        self.merge_b = QPushButton(bottom)
        self.merge_a.clicked.connect(lambda: self.merge_suggestion(self.suggestion_list.currentRow(), keep="a"))
        self.merge_b.clicked.connect(lambda: self.merge_suggestion(self.suggestion_list.currentRow(), keep="b"))
        self.find_button = QPushButton(QCoreApplication.translate("conflicts", "Find similar segments"), bottom)
        self.find_button.setObjectName("find_similar")
        self.find_button.clicked.connect(self.find_similar)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_a)
        buttons.addWidget(self.merge_b)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(4, 4, 4, 4)
        bottom_layout.addWidget(section_title(QCoreApplication.translate("conflicts", "Near matches (merge these segments?)"), bottom))
        bottom_layout.addWidget(self.suggestion_list)
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.find_button)
        bottom_layout.addStretch(1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(top)
        column.addWidget(bottom)
        column.addStretch(1)
        body.setMinimumWidth(340)
        scroll.setWidget(body)
        scroll.setMinimumWidth(340 + scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth())
        self.setWidget(scroll)

    # -------------------------------------------------------------- document
    def set_document(self, document: Document | None, scene: Any = None) -> None:
        """Follow ``document`` (``None``: none), marking conflicts on ``scene`` if given."""
        self._listener.disconnect_all()
        if self.scene is not None and scene is not self.scene:
            self.scene.set_marked([], "conflict")
        self.document = document
        self.scene = scene
        self._current = None
        self._suggestions = []
        self.provenance, self.input_count = {}, 1
        if document is not None:
            self._listener.connect(document.chain_map, self.schedule_refresh)
            self._listener.connect(document.chain_map, self.update_marks, ["conflict_added", "conflict_removed"])
        self.refresh()

    def schedule_refresh(self, *_args: Any) -> None:
        """Rebuild once the current burst of changes is over."""
        self._timer.start()

    def update_marks(self, *_args: Any) -> None:
        """Mark every conflicted item on the canvas (each segment of a duplicate group too)."""
        if self.scene is None or self.document is None:
            return
        chain_map = self.document.chain_map
        refs = [ref for c in chain_map.conflicts for ref in conflict_refs(chain_map, c)]
        self.scene.set_marked(refs, "conflict")

    # --------------------------------------------------------------- listing
    def refresh(self) -> None:
        """Rebuild the lists from the model now, keeping the chosen conflict if it is left."""
        self._timer.stop()
        conflicts = list(self.document.chain_map.conflicts) if self.document is not None else []
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in conflicts:
            item = QListWidgetItem(f"[{kind_text(conflict.kind)}] {self._about(conflict)}", self.list)
            item.setData(ID_ROLE, conflict.id)
            item.setToolTip(conflict.path)
        ids = [c.id for c in conflicts]
        if self._current in ids:
            row = ids.index(self._current)
        elif ids:
            row = min(max(row, 0), len(ids) - 1)  # the next one, after resolving
        else:
            row = -1
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        left = len(ids)
        self.count_label.setText(QCoreApplication.translate("conflicts", "%n conflict(s) left to decide", None, left) if ids
                                 else QCoreApplication.translate("conflicts", "No conflicts left to decide."))
        self._show(ids[row] if row >= 0 else None)
        self.update_marks()
        self._fill_suggestions()

    def conflict_ids(self) -> list[str]:
        """The listed conflicts' ids, top to bottom."""
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def _about(self, conflict: Conflict) -> str:
        assert self.document is not None
        return describe_path(self.document.chain_map, conflict.path)

    def _current_changed(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        # The user moved to another conflict (click or arrow keys): show it and go there.
        conflict_id = item.data(ID_ROLE) if item is not None else None
        self._show(conflict_id)
        self._focus(conflict_id)

    def select_conflict(self, conflict_id: str) -> None:
        """Choose a conflict: show its values and centre the canvas on its item."""
        row = self.conflict_ids().index(conflict_id)
        if row == self.list.currentRow():
            self._focus(conflict_id)
        else:
            self.list.setCurrentRow(row)

    def _focus(self, conflict_id: str | None) -> None:
        if self.document is None or conflict_id is None:
            return
        chain_map = self.document.chain_map
        try:
            refs = conflict_refs(chain_map, chain_map.conflict(conflict_id))
        except KeyError:
            return
        refs = [ref for ref in refs if self.document.has_item(ref)]
        if refs:
            self.document.request_focus(refs)

    # --------------------------------------------------------------- details
    def _show(self, conflict_id: str | None) -> None:
        self._current = conflict_id
        self.error.show_error(None)
        while self.choice_grid.count():
            widget = self.choice_grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # now: deletion waits for the event loop
                widget.deleteLater()
        self._choices = []
        conflict = None
        if self.document is not None and conflict_id is not None:
            conflict = self.document.chain_map.conflict(conflict_id)
        self.details.setEnabled(conflict is not None)
        if conflict is None:
            self.about.setText("")
            self.typed.clear()
            return
        self.about.setText(f"{kind_text(conflict.kind)}: {self._about(conflict)}\n{conflict.path}")
        for row, (caption, value, button_text) in enumerate(self.choices(conflict)):
            label = QLabel(caption, self.details)
            label.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton(button_text, self.details)
            button.clicked.connect(lambda _checked=False, v=value, c=conflict.id: self.resolve(c, v))
            if conflict.kind == "edit":
                # The source on the left, its value (wrapped, selectable) in the middle.
                shown = QLabel(value_text(value), self.details)
                shown.setWordWrap(True)
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.choice_grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                self.choice_grid.addWidget(shown, row, 1)
            else:
                label.setWordWrap(True)
                self.choice_grid.addWidget(label, row, 0, 1, 2)
            self.choice_grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self._choices.append((caption, value, button))
        typing = conflict.kind == "edit"
        self.typed.setVisible(typing)
        self.apply_button.setVisible(typing)
        if typing:
            now = current_value(self.document.chain_map, conflict.path)
            self.typed.setText("" if now is ABSENT else now if is_text_field(conflict) and isinstance(now, str)
                               else json.dumps(now, ensure_ascii=False))
            self.typed.setCursorPosition(0)

    def choices(self, conflict: Conflict) -> list[tuple[str, Any, str]]:
        """``(caption, value, button text)`` for each way to resolve ``conflict``."""
        assert self.document is not None
        chain_map = self.document.chain_map
        out: list[tuple[str, Any, str]] = []
        if conflict.kind == "delete":
            kept, deleted = [], []
            for v in conflict.values:
                if v.value is ABSENT:
                    deleted.append(v.source)
                elif conflict.base is not ABSENT and v.value == conflict.base:
                    kept.append(QCoreApplication.translate("conflicts", "{source} (unchanged)").format(source=v.source))
                else:
                    kept.append(QCoreApplication.translate("conflicts", "{source} (changed it)").format(source=v.source))
            keep = next((v.value for v in conflict.values if v.value is not ABSENT), True)
            return [
                (QCoreApplication.translate("conflicts", "kept by {sources}").format(sources=", ".join(kept) or "—"), keep, QCoreApplication.translate("conflicts", "Keep")),
                (QCoreApplication.translate("conflicts", "deleted by {sources}").format(sources=", ".join(deleted) or "—"), ABSENT, QCoreApplication.translate("conflicts", "Delete")),
            ]
        if conflict.kind == "duplicate":
            for v in conflict.values:
                if isinstance(v.value, str) and chain_map.has_node(v.value):
                    name = chain_map.node(v.value).name
                    out.append((f"{v.source}: {name}", v.value,
                                QCoreApplication.translate("conflicts", "Merge these segments into {name}").format(name=name)))
            out.append((QCoreApplication.translate("conflicts", "They are different segments"), ABSENT, QCoreApplication.translate("conflicts", "Keep both")))
            return out
        now = current_value(chain_map, conflict.path)
        for v in conflict.values:
            tag = QCoreApplication.translate("conflicts", " (now)") if v.value == now and type(v.value) is type(now) else ""
            out.append((v.source + tag, v.value, QCoreApplication.translate("conflicts", "Use")))
        if conflict.base is not ABSENT:
            out.append((QCoreApplication.translate("conflicts", "base"), conflict.base, QCoreApplication.translate("conflicts", "Use")))
        return out

    def choice_buttons(self) -> list[tuple[str, QPushButton]]:
        """The shown choices' captions and buttons (for tests and accessibility)."""
        return [(caption, button) for caption, _value, button in self._choices]

    # -------------------------------------------------------------- resolving
    def resolve(self, conflict_id: str, value: Any) -> bool:
        """Resolve a conflict with ``value`` as one undo step; ``False`` (and the reason
        shown) when the model refuses."""
        if self.document is None:
            return False
        chain_map = self.document.chain_map
        conflict = chain_map.conflict(conflict_id)
        text = QCoreApplication.translate("conflicts", "Resolve {about}").format(about=self._about(conflict))
        if conflict_id in stale_conflicts(chain_map):
            # Its item is gone: nothing is left to decide, only the record to drop.
            command = drop_conflict_command(chain_map, conflict_id, text)
        else:
            try:
                command = resolve_conflict_command(chain_map, conflict_id, value, text)
            except ModelError as exc:
                self.error.show_error(str(exc))
                return False
            except (KeyError, TypeError, IndexError) as exc:
                # A value the item cannot take (e.g. no value for a field it needs).
                self.error.show_error(QCoreApplication.translate("conflicts", "This value cannot be used here ({reason}).").format(reason=exc))
                return False
        return self._push(command)

    def _push(self, command: ModelCommand) -> bool:
        """Push ``command`` as one undo step: the lists show the result, or the model's reason."""
        assert self.document is not None
        if not self.document.push(command):
            self.error.show_error(command.error)
            return False
        self.refresh()
        return True

    def apply_typed(self) -> bool:
        """Resolve the chosen conflict with the typed value (text for text fields, else JSON
        when it parses)."""
        if self._current is None or self.document is None:
            return False
        conflict = self.document.chain_map.conflict(self._current)
        return self.resolve(conflict.id, parse_typed(conflict, self.typed.text()))

    # ------------------------------------------------------------ suggestions
    def set_suggestions(self, suggestions: Sequence[Suggestion], provenance: dict[str, list[str]] | None = None,
                        input_count: int = 1) -> None:
        """Show near-match suggestions (from a merge's report); ``provenance`` and
        ``input_count`` let "Find similar segments" skip segments every copy held."""
        self._suggestions = list(suggestions)
        if provenance is not None:
            self.provenance, self.input_count = dict(provenance), input_count
        self._fill_suggestions()

    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown: those whose two segments are both still in the map."""
        if self.document is None:
            return []
        m = self.document.chain_map
        return [s for s in self._suggestions if m.has_node(s.a) and m.has_node(s.b)]

    def find_similar(self) -> list[Suggestion]:
        """Look for segments with alike names on the map as it is now."""
        if self.document is None:
            return []
        found = find_suggestions(self.document.chain_map, self.provenance, self.input_count)
        self.set_suggestions(found)
        if self.document is not None:
            pairs = len(found)
            self.document.status_message.emit(
                QCoreApplication.translate("conflicts", "%n pair(s) of similar segments found.", None, pairs))
        return found

    def _fill_suggestions(self) -> None:
        row = self.suggestion_list.currentRow()
        self.suggestion_list.blockSignals(True)
        self.suggestion_list.clear()
        shown = self.suggestions()
        for s in shown:
            text = f"{s.score:.2f}  {s.name_a} ({', '.join(s.sources_a) or '—'}) ~ {s.name_b} ({', '.join(s.sources_b) or '—'})"
            QListWidgetItem(text, self.suggestion_list)
        self.suggestion_list.setCurrentRow(min(max(row, 0), len(shown) - 1) if shown else -1)
        self.suggestion_list.blockSignals(False)
        self._update_merge_buttons()
        self.find_button.setEnabled(self.document is not None)

    def _suggestion_changed(self, row: int) -> None:
        self._update_merge_buttons()
        shown = self.suggestions()
        if self.document is not None and 0 <= row < len(shown):
            self.document.request_focus([("node", shown[row].a), ("node", shown[row].b)])

    def _update_merge_buttons(self) -> None:
        shown = self.suggestions()
        row = self.suggestion_list.currentRow()
        s = shown[row] if 0 <= row < len(shown) else None
        for button, name in ((self.merge_a, s.name_a if s else ""), (self.merge_b, s.name_b if s else "")):
            button.setEnabled(s is not None)
            button.setText(QCoreApplication.translate("conflicts", "Merge, keep {name}").format(name=name) if s else QCoreApplication.translate("conflicts", "Merge"))

    def merge_suggestion(self, row: int, keep: str = "a") -> bool:
        """Merge the two segments of suggestion ``row`` into one (keeping ``a`` or ``b``) as
        one undo step."""
        shown = self.suggestions()
        if self.document is None or not 0 <= row < len(shown):
            return False
        s = shown[row]
        keep_id, drop_id = (s.a, s.b) if keep == "a" else (s.b, s.a)
        return self._push(merge_segments_command(self.document.chain_map, keep_id, drop_id))
