"""Reading what the call screen says and what it saved, for the call screen's tests."""

import re
from typing import Any

from PySide6.QtWidgets import QLabel

from console.casework import cases, queue
from tests.widgets.conftest import run

SAVED = re.compile(r"已保存 (PS-\d{8}-\d{6})")


def find(window: Any, cls: type, name: str) -> Any:
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def saved_no(qtbot: Any, window: Any) -> str:
    status = find(window, QLabel, "call.status")
    qtbot.waitUntil(lambda: SAVED.search(status.text()) is not None, timeout=15000)
    return SAVED.search(status.text()).group(1)


def saved_case(qtbot: Any, seat: Any, public_no: str) -> Any:
    store = seat.console.store
    case_id = run(qtbot, cases.find_by_public_no(store, public_no))
    assert case_id is not None
    return run(qtbot, queue.fetch_case(store, case_id))


def manual_leaf(seat: Any) -> Any:
    """A category a dispatcher sends out by hand (no automatic dispatch)."""
    catalog = seat.console.catalog
    return next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and not c.auto_dispatch)
