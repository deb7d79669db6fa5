"""Asks for the facts a case move needs: a unit, a reason, a result, a rating…

A move to a unit offers the suggested unit (chosen already: Enter takes it) and
takes an optional note that is kept with the move. Tab leaves the text boxes;
Enter in a one-line field or Ctrl+Enter anywhere saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.casework import lifecycle
from console.catalog.catalog import Catalog
from console.catalog.routing import Suggestion
from console.core.clock import CENTRE_TZ
from widgets.common import texts
from widgets.common.form_keys import submit_with_ctrl_enter

UNIT_KIND_ORDER = {"centre": 0, "street": 1, "department": 2, "community": 3, "enterprise": 4}
NOTED = frozenset({"dispatch", "settle"})  # moves to a unit take a note for the unit
# Facts asked for in another form than the move keeps them: the master case of a
# merge by the number people read (the service finds its id).
ASKED_AS = {"master_id": "master_no"}


class FactsDialog(QDialog):
    def __init__(self, action: str, catalog: Catalog, parent: QWidget | None = None,
                 *, needs: tuple[str, ...] | None = None,
                 suggestion: Suggestion | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsDialog")
        self.setWindowTitle(texts.action_name(action))
        self.action = action
        self.needs = lifecycle.ACTIONS[action].needs if needs is None else needs
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for need in self.needs:
            widget, label = self._field(need, catalog)
            widget.setObjectName(f"facts.{need}")
            self.fields[need] = widget
            form.addRow(label, widget)
            if isinstance(widget, QComboBox) and need == "unit_id" and suggestion is not None:
                self._suggest(widget, suggestion, catalog, form)
        if action == "decide":  # when the district leader decided: now unless changed
            when = QDateTimeEdit(QDateTime.currentDateTime(), objectName="facts.decided_at")
            when.setDisplayFormat("yyyy-MM-dd HH:mm")
            when.setCalendarPopup(True)
            when.dateTimeChanged.connect(lambda _when: when.setProperty("edited", True))
            self.fields["decided_at"] = when
            form.addRow(self.tr("决定时间"), when)
        if action in NOTED:
            note = QPlainTextEdit(objectName="facts.note")
            note.setMaximumHeight(80)
            note.setPlaceholderText(self.tr("可不填：写给责任单位的话，记入办理过程"))
            self.fields["note"] = note
            form.addRow(self.tr("说明"), note)
        self.error = QLabel(objectName="facts.error")
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("facts.buttons")
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        submit_with_ctrl_enter(self, ok.click, ok)

    def _suggest(self, combo: QComboBox, suggestion: Suggestion, catalog: Catalog,
                 form: QFormLayout) -> None:
        """Choose the suggested unit (typing replaces it) and say why it is suggested."""
        index = combo.findData(suggestion.unit_id)
        if index < 0:
            return
        combo.setCurrentIndex(index)
        line = combo.lineEdit()
        if line is not None:  # the combo is editable: it has its line
            line.selectAll()
        name = catalog.unit_name(suggestion.unit_id)
        why = (self.tr("建议：{unit}（分类的责任单位）") if suggestion.reason == "owner"
               else self.tr("建议：{unit}（事发街道）")).format(unit=name)
        hint = QLabel(why, objectName="facts.suggestion")
        hint.setStyleSheet("color: #1b5e20;")
        form.addRow("", hint)

    def _field(self, need: str, catalog: Catalog) -> tuple[QWidget, str]:
        if need == "unit_id":
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("", None)
            units = sorted((u for u in catalog.units.values() if u.active),
                           key=lambda u: (UNIT_KIND_ORDER.get(u.kind, 9), u.code))
            for unit in units:  # "parent / unit", so the tree shows and both names search
                parent = catalog.units.get(unit.parent_id) if unit.parent_id else None
                combo.addItem(f"{parent.name} / {unit.name}" if parent else unit.name, unit.id)
            completer = combo.completer()
            assert completer is not None  # an editable combo has its completer
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setMinimumWidth(360)
            return combo, self.tr("责任单位")
        if need == "satisfaction":
            combo = QComboBox()
            for level in (5, 4, 3, 2, 1):
                combo.addItem(texts.satisfaction_name(level), level)
            return combo, self.tr("满意度")
        if need == "urgency":
            combo = QComboBox()
            for code in ("A", "B", "C"):
                combo.addItem(texts.urgency_name(code), code)
            return combo, self.tr("新的紧急程度")
        if need == "master_id":
            edit = QLineEdit()
            edit.setPlaceholderText("PS-20261122-000123")
            return edit, self.tr("主件编号")
        if need == "leader":
            edit = QLineEdit()
            edit.setMaxLength(lifecycle.LEADER_NAME_LIMIT)
            edit.setPlaceholderText(self.tr("如：王副区长"))
            return edit, self.tr("作出决定的区领导")
        labels = {"reason": self.tr("原因"), "result": self.tr("办理结果"),
                  "answer": self.tr("答复内容"), "reply": self.tr("回复内容"),
                  "note": self.tr("提请协调的说明"), "decision": self.tr("区领导的决定")}
        text = QPlainTextEdit()
        text.setMaximumHeight(100)
        return text, labels.get(need, need)

    def facts(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for need, widget in self.fields.items():
            key = ASKED_AS.get(need, need)
            if isinstance(widget, QDateTimeEdit):  # the seat's local time is the centre's
                when = widget.dateTime().toPython()
                out[key] = (when.replace(tzinfo=CENTRE_TZ)
                            if widget.property("edited") and isinstance(when, dt.datetime)
                            else None)
            elif isinstance(widget, QComboBox):
                out[key] = _typed_choice(widget)
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text().strip() or None
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText().strip() or None
        return out

    def _check_and_accept(self) -> None:
        facts = self.facts()
        for need in self.needs:
            if facts.get(ASKED_AS.get(need, need)) is None:
                self.error.setText(texts.transition_error(f"transition.needs_{need}"))
                self.fields[need].setFocus()
                return
        self.accept()


def _typed_choice(combo: QComboBox) -> Any:
    """The item the person typed or picked: its whole text, or a unit's own name
    after its parent's ("坑梓街道办事处 / 城管办" is found by "城管办")."""
    typed = combo.currentText().strip()
    index = combo.findText(typed)
    if index < 0 and typed:
        matches = [i for i in range(combo.count()) if combo.itemText(i).endswith(f" / {typed}")]
        index = matches[0] if len(matches) == 1 else -1
    if index >= 0:
        return combo.itemData(index)
    return combo.currentData() if combo.currentText() == combo.itemText(combo.currentIndex()) \
        else None
