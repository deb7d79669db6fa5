"""The case form of the call screen: its fields in reading order, each with
the error line under it, and the draft they make."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.catalog import Catalog
from console.channels import CHANNELS, NATURES
from console.errors import FieldError
from console.intake import CaseDraft
from widgets import texts
from widgets.forms import add_row
from widgets.pickers import CategoryPicker, PlacePicker

# Which row shows an error about a given field.
ROW_OF = {"grid": "place", "community": "place", "street": "place", "nature": "channel"}


class CallForm(QWidget):
    def __init__(self, catalog: Catalog, repeat_mark: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.phone = self._line("call.phone", self.tr("来电号码，回车查询历史"))
        self.caller_name = self._line("call.callerName", self.tr("姓名（可不填）"))
        self.channel = self._choice("call.channel", [(c, texts.channel_name(c)) for c in CHANNELS])
        self.nature = self._choice("call.nature", [(n, texts.nature_name(n)) for n in NATURES])
        self.text = QPlainTextEdit(objectName="call.text")
        self.text.setPlaceholderText(self.tr("诉求内容（Enter 保存，Shift+Enter 换行）"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.text.setMaximumHeight(130)
        self.address = self._line("call.address", self.tr("事发地址"))
        self.place = PlacePicker(catalog, self)
        self.category = CategoryPicker(catalog, self)
        self.category.setObjectName("call.category")
        self.urgency = self._choice("call.urgency", [("A", self.tr("A 类（紧急）")),
                                                     ("B", self.tr("B 类（较急）")),
                                                     ("C", self.tr("C 类（一般）"))])
        self.urgency.setCurrentIndex(1)

        self.errors: dict[str, QLabel] = {}
        self.shown_errors: dict[str, FieldError] = {}  # the rows now marked red
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(repeat_mark)
        source_row = QHBoxLayout()
        source_row.addWidget(self.channel, 1)
        source_row.addWidget(self.nature, 1)
        for label, field, key in (
                (self.tr("来电号码"), phone_row, "caller_phone"),
                (self.tr("来电人"), self.caller_name, "caller_name"),
                (self.tr("渠道 / 性质"), source_row, "channel"),
                (self.tr("诉求内容"), self.text, "text"),
                (self.tr("地址"), self.address, "address"),
                (self.tr("街道 / 社区 / 网格"), self.place, "place"),
                (self.tr("事项分类"), self.category, "category"),
                (self.tr("紧急程度"), self.urgency, "urgency")):
            self.errors[key] = add_row(form, label, field, f"call.{key}.error")

    @staticmethod
    def _line(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _choice(name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for code, label in items:
            combo.addItem(label, code)
        return combo

    def inputs(self) -> list[QWidget]:
        """Every field, in reading order (the Tab order)."""
        return [self.phone, self.caller_name, self.channel, self.nature, self.text,
                self.address, *self.place.fields(), self.category, self.urgency]

    # ---- the draft ----------------------------------------------------------------------
    def draft(self, draft_id: uuid.UUID) -> CaseDraft:
        category = self.category.chosen
        return CaseDraft(
            id=draft_id, channel=self.channel.currentData(), nature=self.nature.currentData(),
            caller_phone=self.phone.text(), caller_name=self.caller_name.text(),
            text=self.text.toPlainText(), address=self.address.text(),
            street_code=self.place.street_code, community_code=self.place.community_code,
            grid_code=self.place.grid_code, category_id=category.id if category else None,
            urgency=self.urgency.currentData())

    def unmatched_places(self) -> list[FieldError]:
        """Place names typed that name nothing (the draft would silently lack them)."""
        return [FieldError(field.objectName().removeprefix("call."), "place.unmatched")
                for field in self.place.fields() if field.unmatched]

    def fill(self, draft: CaseDraft) -> None:
        """Show ``draft`` (a form put back after it was cleared)."""
        self.phone.setText(draft.caller_phone)
        self.caller_name.setText(draft.caller_name)
        self.channel.setCurrentIndex(max(0, self.channel.findData(draft.channel)))
        self.nature.setCurrentIndex(max(0, self.nature.findData(draft.nature)))
        self.text.setPlainText(draft.text)
        self.address.setText(draft.address)
        self.place.set_codes(draft.street_code, draft.community_code, draft.grid_code)
        self.category.choose(self._catalog.categories.get(draft.category_id or -1))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(draft.urgency)))

    def has_input(self) -> bool:
        """Anything typed or chosen that clearing would lose."""
        return bool(self.phone.text().strip() or self.caller_name.text().strip()
                    or self.text.toPlainText().strip() or self.address.text().strip()
                    or self.category.text().strip()
                    or any(field.text().strip() for field in self.place.fields()))

    def reset(self) -> None:
        for edit in (self.phone, self.caller_name, self.address):
            edit.setText("")  # unlike clear(), leaves no undo step in the field
        self.text.setPlainText("")
        self.category.choose(None)
        self.place.clear()
        self.channel.setCurrentIndex(0)
        self.nature.setCurrentIndex(0)
        self.urgency.setCurrentIndex(1)
        self.clear_errors()

    # ---- errors at their rows -------------------------------------------------------------
    def show_error(self, error: FieldError) -> str:
        """Mark ``error``'s row red with the error in words; the row's key."""
        key = ROW_OF.get(error.field, error.field)
        label = self.errors.get(key)
        if label is not None:
            label.setText(texts.field_error(error))
            label.show()
            self.shown_errors[key] = error
        return key

    def clear_error(self, key: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.clear()
            label.hide()
        self.shown_errors.pop(key, None)

    def clear_errors(self) -> None:
        for key in list(self.errors):
            self.clear_error(key)

    def focus_row(self, key: str) -> None:
        widget = {"caller_phone": self.phone, "caller_name": self.caller_name,
                  "channel": self.channel, "text": self.text, "address": self.address,
                  "place": self.place, "category": self.category,
                  "urgency": self.urgency}.get(key)
        if widget is not None:
            widget.setFocus()
