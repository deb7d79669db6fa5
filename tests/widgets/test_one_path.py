"""One path for every change (issue 12, item 3): a move made in a seat's case window
is saved, then shown from what the change feed brings, at that seat as at any other;
each pane reloads once for it, never once for its own write and again for the feed.
And the case window's reloads land in the order they were asked for."""

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from console.casework import cases
from console.core.feed import Event
from tests.widgets.conftest import run, type_text
from tests.widgets.test_case_detail import button, make_case, open_from_queue
from widgets.common.facts_dialog import FactsDialog


class Counter:
    """Counts a follower's reloads, and what a seat's feed delivered of one case."""

    def __init__(self, seat: Any, case_id: Any, *followers: Any) -> None:
        self.feed, self.case_id = seat.console.feed, case_id
        self.events: list[Event] = []
        self.reloads = [0] * len(followers)
        for n, follower in enumerate(followers):
            follower.reloaded.connect(lambda n=n: self._reloaded(n))
        self.feed.subscribe(self._delivered)

    def _reloaded(self, n: int) -> None:
        self.reloads[n] += 1

    def _delivered(self, events: list[Event]) -> None:
        self.events.extend(e for e in events if e.case_id == self.case_id)

    def stop(self) -> None:
        self.feed.unsubscribe(self._delivered)


def quiet(*followers: Any) -> bool:
    return not any(f.busy for f in followers)


def test_a_move_appears_once_at_each_seat_and_each_pane_reloads_once(
        qtbot: Any, open_seat: Any) -> None:
    a, b = open_seat("op_a"), open_seat("op_b")
    made = make_case(qtbot, a)
    detail_a = open_from_queue(qtbot, a, made.id)
    detail_b = open_from_queue(qtbot, b, made.id)
    panes_a = (detail_a.follower, a.window.queue.model.follower)
    panes_b = (detail_b.follower, b.window.queue.model.follower)
    qtbot.waitUntil(lambda: quiet(*panes_a, *panes_b), timeout=5000)
    at_a, at_b = Counter(a, made.id, *panes_a), Counter(b, made.id, *panes_b)

    qtbot.mouseClick(button(detail_a, "dispatch"), Qt.MouseButton.LeftButton)
    unit = detail_a.findChild(QComboBox, "facts.unit_id")
    dialog = unit.window()
    unit.setFocus()
    type_text(unit.lineEdit(), "坪山区交通运输局")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert detail_a.saving.isVisible() and detail_a.saving.text() == "保存中…"

    qtbot.waitUntil(lambda: not detail_a.saving.isVisible(), timeout=5000)
    # Saved means shown: the window already shows what the feed's reload brought.
    assert detail_a.row.status == "dispatched"
    assert detail_a.timeline_model.rowCount() == 2
    qtbot.waitUntil(lambda: detail_b.row.status == "dispatched", timeout=5000)
    qtbot.waitUntil(lambda: quiet(*panes_a, *panes_b) and at_b.events != [], timeout=5000)
    try:
        assert [e.kind for e in at_a.events] == ["dispatch"]  # once at A, through its feed
        assert [e.kind for e in at_b.events] == ["dispatch"]  # once at B
        assert at_a.events[0].id == at_b.events[0].id
        assert at_a.reloads == [1, 1]  # A's window and queue: once each, not twice
        assert at_b.reloads == [1, 1]
    finally:
        at_a.stop()
        at_b.stop()
    assert detail_a.findChildren(FactsDialog) == []  # the move's dialog went when it closed
    assert "坪山区交通运输局" in detail_b.timeline_model.data(
        detail_b.timeline_model.index(1, 3))


def test_the_case_window_s_reloads_land_in_order(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: quiet(detail.follower), timeout=5000)
    real_load, real_show = detail._load, detail._show  # noqa: SLF001
    read: list[str] = []
    shown: list[str] = []

    async def load() -> Any:
        loaded = await real_load()
        read.append(loaded[0].status)
        if len(read) == 1:
            await asyncio.sleep(0.5)  # the older read is slow to come back
        return loaded

    def show(loaded: Any) -> None:
        shown.append(loaded[0].status)
        real_show(loaded)

    detail._load, detail._show = load, show  # noqa: SLF001
    detail.reload()  # the older reload: it reads the case as accepted, then dawdles
    qtbot.waitUntil(lambda: read == ["accepted"], timeout=5000)
    unit = sorted(u.id for u in seat.console.catalog.units.values())[0]
    run(qtbot, cases.perform(seat.console.store, made.id, "dispatch", None, unit_id=unit))
    detail.reload()  # and a newer one, asked for while the older is still out
    qtbot.waitUntil(lambda: len(shown) >= 2 and quiet(detail.follower), timeout=5000)
    assert shown[-1] == "dispatched"  # the newer read wins
    assert shown == sorted(shown, key=["accepted", "dispatched"].index)  # never old after new
    assert detail.row.status == "dispatched"
    assert detail.findChild(QComboBox, "facts.unit_id") is None


def test_a_closed_case_window_gets_no_late_reload(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: quiet(detail.follower), timeout=5000)
    shown: list[object] = []
    real_load = detail._load  # noqa: SLF001

    async def slow() -> Any:
        loaded = await real_load()
        await asyncio.sleep(0.3)
        return loaded

    detail._load = slow  # noqa: SLF001
    detail._show = shown.append  # noqa: SLF001
    follower = detail.follower
    detail.reload()
    detail.close()  # closed (and deleted) while its reload is out
    qtbot.waitUntil(lambda: not follower.busy and not seat.window.runner.busy, timeout=5000)
    assert shown == []  # nothing landed on the closed window; no bug was reported
    assert made.id not in seat.window._details  # noqa: SLF001
