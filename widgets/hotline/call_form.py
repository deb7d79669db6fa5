"""The case form of the call screen: its fields in reading order, each with the
error line under it, the draft they make, and the message line that sums up
what is marked red. Clearing the form keeps what it held until Ctrl+Z or the
next input, so one key never loses typed work."""

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

from console.catalog.catalog import Catalog, Category
from console.core.errors import FieldError, ValidationError
from console.geo.locate import LiveLocator
from console.hotline import duplicates, intake
from console.hotline import phone as phones
from console.hotline.channels import CHANNELS, NATURES
from console.hotline.intake import CaseDraft
from widgets.common import texts
from widgets.common.forms import MessageLine, add_row
from widgets.common.pickers import CategoryPicker, PlacePicker
from widgets.hotline.call_place import PlaceOnMap

# Which row shows an error about a given field.
ROW_OF = {"grid": "place", "community": "place", "street": "place", "nature": "channel",
          "point": "location"}


class CallForm(QWidget):
    def __init__(self, catalog: Catalog, repeat_mark: QWidget,
                 parent: QWidget | None = None, locator: LiveLocator | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.draft_id = uuid.uuid4()
        self._cleared: CaseDraft | None = None  # what the last clearing took away
        self._summing_up = False  # the message line sums up the rows marked red
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
        self.location = PlaceOnMap(catalog, locator, self.place, self)
        self.location.said.connect(self.say)
        self.category = CategoryPicker(catalog, self)
        self.category.setObjectName("call.category")
        self.category.category_chosen.connect(self._category_chosen)
        self.urgency = self._choice("call.urgency", [("A", self.tr("A 类（紧急）")),
                                                     ("B", self.tr("B 类（较急）")),
                                                     ("C", self.tr("C 类（一般）"))])
        self.urgency.setCurrentIndex(1)
        self.status = MessageLine("call.status")  # placed by the screen, under its buttons

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
                (self.tr("地图位置"), self.location, "location"),
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

    def _category_chosen(self, category: Category | None) -> None:
        if category is None:
            return
        if category.urgency:  # the category's usual class, for the operator to change
            self.urgency.setCurrentIndex(self.urgency.findData(category.urgency))
        self.clear_error("category")

    # ---- the draft ----------------------------------------------------------------------
    def draft(self) -> CaseDraft:
        category = self.category.chosen
        lon, lat = self.location.draft_point()
        return CaseDraft(
            id=self.draft_id, channel=self.channel.currentData(),
            nature=self.nature.currentData(), caller_phone=self.phone.text(),
            caller_name=self.caller_name.text(), text=self.text.toPlainText(),
            address=self.address.text(), street_code=self.place.street_code,
            community_code=self.place.community_code, grid_code=self.place.grid_code,
            category_id=category.id if category else None, urgency=self.urgency.currentData(),
            lon=lon, lat=lat)

    def checked_draft(self) -> CaseDraft | None:
        """The draft, or None with every problem marked at its row (and the
        first bad field focused)."""
        draft = self.draft()
        self.clear_errors()
        # A place name typed that names nothing would silently be left out.
        errors = [FieldError(field.objectName().removeprefix("call."), "place.unmatched")
                  for field in self.place.fields() if field.unmatched]
        try:
            intake.validate(draft, self._catalog)
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            self.show_errors(errors, after_save=True)
            return None
        return draft

    def probe(self) -> duplicates.Probe:
        """What the duplicate check looks for: the caller, the place, the category, the text."""
        try:
            phone = phones.normalise(self.phone.text()).e164 if self.phone.text().strip() else ""
        except phones.PhoneError:
            phone = ""
        cell = self._catalog.grid_cells.get(self.place.grid_code or "")
        category = self.category.chosen
        return duplicates.Probe(
            phone_e164=phone, grid_code=cell.code if cell else None,
            street_code=cell.street_code if cell else self.place.street_code,
            category_id=category.id if category else None, text=self.text.toPlainText())

    def has_input(self) -> bool:
        """Anything typed or chosen that clearing would take away."""
        return bool(self.phone.text().strip() or self.caller_name.text().strip()
                    or self.text.toPlainText().strip() or self.address.text().strip()
                    or self.category.text().strip() or self.location.point is not None
                    or any(field.text().strip() for field in self.place.fields()))

    # ---- a new case, and the old one back -------------------------------------------------
    def reset(self) -> None:
        """An empty form for a new case (a fresh draft id); nothing kept to put back."""
        self.draft_id = uuid.uuid4()
        self._cleared = None
        for edit in (self.phone, self.caller_name, self.address):
            edit.setText("")  # unlike clear(), leaves no undo step in the field
        self.text.setPlainText("")
        self.category.choose(None)
        self.place.clear()
        self.location.clear()
        self.channel.setCurrentIndex(0)
        self.nature.setCurrentIndex(0)
        self.urgency.setCurrentIndex(1)
        self.clear_errors()
        self.say("")

    def clear_keeping(self) -> bool:
        """Reset, keeping what was typed for ``put_back``; True if anything was."""
        typed = self.draft() if self.has_input() else None
        self.reset()
        self._cleared = typed
        return typed is not None

    def can_put_back(self) -> bool:
        return self._cleared is not None and not self.has_input()

    def put_back(self) -> bool:
        """The cleared form again, with its draft id (saving it twice makes one case)."""
        cleared, self._cleared = self._cleared, None
        if cleared is None:
            return False
        self.draft_id = cleared.id
        self.phone.setText(cleared.caller_phone)
        self.caller_name.setText(cleared.caller_name)
        self.channel.setCurrentIndex(max(0, self.channel.findData(cleared.channel)))
        self.nature.setCurrentIndex(max(0, self.nature.findData(cleared.nature)))
        self.text.setPlainText(cleared.text)
        self.address.setText(cleared.address)
        self.place.set_codes(cleared.street_code, cleared.community_code, cleared.grid_code)
        self.location.restore(cleared.lon, cleared.lat)
        self.category.choose(self._catalog.categories.get(cleared.category_id or -1))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(cleared.urgency)))
        return True

    # ---- errors at their rows, summed up on the message line --------------------------------
    def say(self, message: str) -> None:
        """Put ``message`` on the message line (it no longer sums up red rows)."""
        self._summing_up = False
        self.status.setText(message)

    def show_errors(self, errors: list[FieldError], *, after_save: bool = False) -> None:
        """Mark the rows red; after a refused save, sum them up and go to the first."""
        first = None
        for error in errors:
            key = ROW_OF.get(error.field, error.field)
            label = self.errors.get(key)
            if label is not None:
                label.setText(texts.field_error(error))
                label.show()
                self.shown_errors[key] = error
                first = first or key
        if after_save:
            self._summing_up = True
            if first is not None:
                self._focus_row(first)
        self._sum_up()

    def clear_error(self, key: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.clear()
            label.hide()
        self.shown_errors.pop(key, None)
        self._sum_up()

    def clear_errors(self) -> None:
        for key in list(self.errors):
            self.clear_error(key)

    def _sum_up(self) -> None:
        """How many rows are red, and nothing about red rows when none is."""
        if not self._summing_up:
            return
        shown = list(self.shown_errors.values())
        self.status.setText(texts.user_error(ValidationError(shown)) if shown else "")
        self._summing_up = bool(shown)

    def _focus_row(self, key: str) -> None:
        widget = {"caller_phone": self.phone, "caller_name": self.caller_name,
                  "channel": self.channel, "text": self.text, "address": self.address,
                  "place": self.place, "location": self.place.grid, "category": self.category,
                  "urgency": self.urgency}.get(key)
        if widget is not None:
            widget.setFocus()
