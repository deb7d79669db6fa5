"""The countdown panel: most urgent first, colour bands from a moving clock,
live updates, and a tick that repaints only what is visible."""

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import Qt

from console.casework import cases
from console.casework.countdown import Countdown
from console.core.clock import FakeClock
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.casework.countdown_model import BANDS, CountdownModel

START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def entry(hours: float) -> Countdown:
    return Countdown(uuid.uuid4(), f"PS-{hours}", "B", "dispatched", 1, None, START,
                     START + dt.timedelta(hours=hours), None)


def test_model_orders_bands_and_ticks(qtbot: Any, open_seat: Any, qtmodeltester: Any) -> None:
    catalog = open_seat().console.catalog
    clock = FakeClock(START + dt.timedelta(hours=1))
    model = CountdownModel(catalog, clock)
    model.set_entries([entry(48), entry(2), entry(10)])
    qtmodeltester.check(model, force_py=True)
    assert [model.entry(r).public_no for r in range(3)] == ["PS-2", "PS-10", "PS-48"]
    assert model.data(model.index(0, 0)) == "01:00:00"

    clock.advance(hours=2)  # the first case is now an hour overdue
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))
    model.tick(0, 1)
    assert changed == [(0, 1)]  # only the rows asked for
    assert model.data(model.index(0, 0)) == "超时 01:00:00"
    background = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert background.color() == BANDS["overdue"][0]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None  # 7 h of 10
    clock.advance(hours=5)  # 2 h of 10 left: under a quarter
    model.tick(0, 2)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole).color() == (
        BANDS["short"][0])
    assert model.data(model.index(2, 0)) == "1天 16:00:00"


def test_cases_appear_and_leave_the_panel_live(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog, store = seat.console.catalog, seat.console.store
    leaf = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and not c.auto_dispatch and c.limit_hours)
    made = run(qtbot, create_case(store, catalog, draft(catalog, category_id=leaf.id,
                                                        urgency=leaf.urgency)))
    panel = seat.window.countdown
    qtbot.waitUntil(lambda: panel.model.row_of(made.id) is not None, timeout=5000)
    left = panel.model.data(panel.model.index(panel.model.row_of(made.id), 0))
    assert left.count(":") == 2
    unit = sorted(u.id for u in catalog.units.values())[0]
    run(qtbot, cases.perform(store, made.id, "dispatch", None, unit_id=unit))
    run(qtbot, cases.perform(store, made.id, "resolve", None, result="已处理"))
    qtbot.waitUntil(lambda: panel.model.row_of(made.id) is None, timeout=5000)
    assert "未办结 0 件" in panel.summary.text()


def test_an_estimated_deadline_says_so(open_seat: Any) -> None:

    catalog = open_seat().console.catalog
    model = CountdownModel(catalog, FakeClock(START))
    model.set_entries([entry(30)._replace(estimated=True), entry(40)])
    assert model.data(model.index(0, 7)).endswith("（估）")
    assert not model.data(model.index(1, 7)).endswith("（估）")


def test_the_units_time_left_beside_the_cases_age(qtbot: Any, open_seat: Any) -> None:
    """A day at the centre is the case's age, not the unit's: the unit's clock runs
    from dispatch; a clock started during a pause stands still from its start."""
    catalog = open_seat().console.catalog
    clock = FakeClock(START + dt.timedelta(days=1, hours=2))
    model = CountdownModel(catalog, clock)
    dispatched = START + dt.timedelta(days=1)
    unit = Countdown(uuid.uuid4(), "PS-U", "B", "dispatched", 1, 7, dispatched,
                     dispatched + dt.timedelta(hours=10), None, created_at=START,
                     unit_clock_at=dispatched, case_due_at=START + dt.timedelta(hours=30))
    held = Countdown(uuid.uuid4(), "PS-P", "B", "dispatched", 1, 7, dispatched,
                     dispatched + dt.timedelta(hours=10), START + dt.timedelta(hours=20),
                     created_at=START, unit_clock_at=dispatched)
    model.set_entries([unit, held])
    row = model.row_of(unit.id)
    assert row is not None
    assert (model.data(model.index(row, 0)), model.data(model.index(row, 1))) == (
        "08:00:00", "1天 02:00:00")
    assert model.headerData(1, Qt.Orientation.Horizontal) == "案件历时"
    paused = model.row_of(held.id)
    assert paused is not None
    assert model.data(model.index(paused, 0)) == "暂停 10:00:00"


def test_a_unit_clock_waiting_for_the_signing_says_by_when(qtbot: Any, open_seat: Any) -> None:
    """By the clock rule 'sign' a dispatched case runs on its own clock until the unit
    signs; the panel and the queue say by when the unit is to sign."""
    from console.casework.queue import CaseRow
    from widgets.casework.case_columns import case_columns

    catalog = open_seat().console.catalog
    now = START + dt.timedelta(hours=1)
    model = CountdownModel(catalog, FakeClock(now))
    sign_by = START + dt.timedelta(hours=2)  # 11:00 UTC is 19:00 in the centre
    waiting = Countdown(uuid.uuid4(), "PS-S", "B", "dispatched", 1, 7, START,
                        START + dt.timedelta(hours=30), None, created_at=START,
                        case_due_at=START + dt.timedelta(hours=30), sign_due_at=sign_by)
    model.set_entries([waiting])
    assert model.data(model.index(0, 4)) == "19:00前签收"  # today, in the centre
    assert model.data(model.index(0, 0)) == "1天 05:00:00"  # the case's own clock runs
    row = CaseRow(waiting.id, "PS-S", START, "phone_12345", "complaint", None, None, "",
                  "", None, None, None, 1, "B", "dispatched", 7,
                  START + dt.timedelta(hours=30), 2, sign_due_at=sign_by)
    unit_left = next(c for c in case_columns(catalog, lambda: now) if c.key == "unit_left")
    assert unit_left.value(row) == "19:00前签收"
    late = next(c for c in case_columns(catalog, lambda: now + dt.timedelta(hours=3))
                if c.key == "unit_left")
    assert late.value(row) == "签收超时 02:00"
    assert "须于 2026-11-20 19:00 前签收" in model.data(model.index(0, 4),
                                                    Qt.ItemDataRole.ToolTipRole)
