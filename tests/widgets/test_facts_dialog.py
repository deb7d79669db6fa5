"""Choosing a unit by typing: whole path or its own name; anything else is refused."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from console.catalog.routing import Suggestion
from tests.widgets.conftest import type_text
from widgets.common.facts_dialog import FactsDialog


def test_typed_unit_names(qtbot: Any, open_seat: Any) -> None:
    catalog = open_seat().console.catalog
    dialog = FactsDialog("dispatch", catalog)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "facts.unit_id")
    names = [u.name for u in catalog.units.values()]
    top = next(u for u in catalog.units.values() if u.parent_id is None and u.active)
    combo.setEditText(top.name)
    assert dialog.facts()["unit_id"] == top.id
    child = next(u for u in catalog.units.values()
                 if u.parent_id is not None and names.count(u.name) == 1 and u.active)
    combo.setEditText(child.name)  # its own name finds it under its parent
    assert dialog.facts()["unit_id"] == child.id
    combo.setEditText("城管")  # a fragment names no unit
    assert dialog.facts()["unit_id"] is None
    dialog._check_and_accept()  # noqa: SLF001
    assert dialog.error.text() == "请选择责任单位" and not dialog.result()


def test_typing_replaces_the_suggested_unit(qtbot: Any, open_seat: Any) -> None:
    catalog = open_seat().console.catalog
    suggested, other = [u for u in sorted(catalog.units.values(), key=lambda u: u.code)
                        if u.active and u.parent_id is None][:2]
    dialog = FactsDialog("dispatch", catalog, suggestion=Suggestion(suggested.id, "owner"))
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.findChild(QComboBox, "facts.unit_id")
    qtbot.waitUntil(lambda: dialog.focusWidget() is combo)
    assert dialog.facts() == {"unit_id": suggested.id, "note": None}
    type_text(combo.lineEdit(), other.name)
    assert combo.currentText() == other.name
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.facts()["unit_id"] == other.id
