"""The countdown panel's load of every open case, in pages, on a real database: the
first page is on screen before the rest is read, and the load ends with every open
case in the panel's order, whatever the page size."""

from typing import Any

import pytest

from console.casework import countdown
from tests.widgets.conftest import run
from tests.widgets.test_case_detail import make_case


def test_a_paged_load_ends_with_every_open_case(qtbot: Any, open_seat: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seat = open_seat()
    made = {make_case(qtbot, seat).id for _ in range(11)}
    monkeypatch.setattr(countdown, "FIRST_PAGE", 3)
    monkeypatch.setattr(countdown, "PAGE", 4)  # 3 + 4 + 4: the last page is full
    panel = seat.window.countdown
    model = panel.model
    qtbot.waitUntil(lambda: not panel.follower.busy, timeout=10000)
    shown_first: list[int] = []
    model.modelReset.connect(lambda: shown_first.append(model.rowCount()))
    with qtbot.waitSignal(panel.fully_loaded, timeout=10000):
        panel.load()
    assert shown_first == [3]  # the first page on screen, the rest appended after it
    listed = [model.entry(r) for r in range(model.rowCount())]
    assert {e.id for e in listed} == made
    assert listed == sorted(listed, key=lambda e: (e.due_at, e.id))
    everything = run(qtbot, countdown.open_countdowns(seat.console.store))
    assert [e.id for e in everything] == [e.id for e in listed]
