"""Alerts at a seat: gathered from the feed and the countdowns, chosen per seat,
coalesced into one notice, with the cases shown in bold."""

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from PySide6.QtCore import Qt

from console.casework.countdown import Countdown
from console.core.clock import FakeClock
from console.hotline.intake import create_case
from console.supervision.alerts import COALESCE, OVERDUE
from db.engine import libpq_conninfo
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.shell.alerts import AlertCenter
from widgets.shell.settings import ini_settings


def center_for(window: Any, clock: FakeClock, tmp_path: Path, shown: list[str]) -> AlertCenter:
    settings = ini_settings(str(tmp_path / "alerts.ini"))
    center = AlertCenter(window.store, window.runner, clock, settings, window.queue.model,
                         window.countdown.model, window.board.orders_model, shown.append)
    center.timer.stop()  # the test moves the clock and looks itself
    return center


def test_a_new_a_class_case_becomes_one_notice_and_stands_out(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat()
    clock, shown = FakeClock(dt.datetime.now(dt.UTC)), []
    center = center_for(seat.window, clock, tmp_path, shown)
    seat.console.feed.subscribe(center.apply_events)
    catalog = seat.console.catalog
    urgent = next(c for c in catalog.categories.values()
                  if c.is_leaf and c.urgency == "A" and not c.auto_dispatch)
    made = [run(qtbot, create_case(seat.console.store, catalog,
                                   draft(catalog, category_id=urgent.id, urgency="A")))
            for _ in range(3)]
    model = seat.window.queue.model
    qtbot.waitUntil(lambda: all(model.row_of(m.id) is not None for m in made), timeout=5000)
    qtbot.waitUntil(lambda: len(center.coalescer._pending) == 3, timeout=5000)  # noqa: SLF001
    center.check()
    assert shown == []  # still gathering the burst
    clock.advance(seconds=COALESCE.total_seconds())
    center.check()
    assert shown == ["新 A 类案件 3 件"]
    index = model.index(model.row_of(made[0].id), 0)
    # The row's fields are read when first shown ("…" till then; no font either).
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.DisplayRole) != "…",
                    timeout=5000)
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()
    seat.console.feed.unsubscribe(center.apply_events)


def test_going_overdue_is_told_once_and_only_where_wanted(qtbot: Any, open_seat: Any,
                                                         tmp_path: Path) -> None:
    window = open_seat().window
    start = dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC)
    clock, shown = FakeClock(start), []
    entry = Countdown(uuid.uuid4(), "PS-20261122-000009", "B", "dispatched", 1, None,
                      start - dt.timedelta(hours=9), start + dt.timedelta(minutes=30), None)
    window.countdown.model.set_entries([entry])
    center = center_for(window, clock, tmp_path, shown)
    clock.advance(minutes=31)
    center.check()
    clock.advance(seconds=5)
    center.check()
    assert shown == ["新超时 1 件"]
    window.countdown.model.now = clock.now()
    assert window.countdown.model.data(window.countdown.model.index(0, 0),
                                       Qt.ItemDataRole.FontRole).bold()
    clock.advance(minutes=5)
    center.check()
    assert shown == ["新超时 1 件"]  # told once

    center.set_wanted(OVERDUE, False)
    late = Countdown(uuid.uuid4(), "PS-20261122-000010", "B", "dispatched", 1, None,
                     start, clock.now() + dt.timedelta(seconds=30), None)
    window.countdown.model.set_entries([entry, late])
    clock.advance(minutes=1)
    center.check()
    clock.advance(seconds=5)
    center.check()
    assert shown == ["新超时 1 件"]  # this seat chose not to be told
    reopened = center_for(window, clock, tmp_path, [])
    assert not reopened.wants(OVERDUE)  # the choice is kept for the seat


def test_a_forged_created_event_raises_no_alert(qtbot: Any, open_seat: Any, tmp_path: Path,
                                                database_url: str) -> None:
    """Whoever may append events could write any payload (here the database's owner
    writes them, standing for anyone who can): what the seat alerts on is read from
    the case itself."""
    seat = open_seat()
    store, catalog = seat.console.store, seat.console.catalog
    urgent = next(c for c in catalog.categories.values()
                  if c.is_leaf and c.urgency == "A" and not c.auto_dispatch)
    quiet = next(c for c in catalog.categories.values() if c.is_leaf and c.urgency == "C")
    calm = run(qtbot, create_case(store, catalog, draft(catalog, category_id=quiet.id)))
    old = run(qtbot, create_case(store, catalog, draft(catalog, category_id=urgent.id,
                                                       urgency="A")))
    clock, shown = FakeClock(dt.datetime.now(dt.UTC)), []
    center = center_for(seat.window, clock, tmp_path, shown)
    seat.console.feed.subscribe(center.apply_events)
    forged = {"urgency": "A", "public_no": "PS-FORGED-1", "status": "accepted"}
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        conn.execute('UPDATE "case" SET created_at = now() - interval \'1 hour\' WHERE id = %s',
                     (old.id,))
        for case_id in (calm.id, old.id, uuid.uuid4()):  # a C case, an old A case, no case
            conn.execute("INSERT INTO case_event (case_id, actor, kind, payload)"
                         " VALUES (%s, 'op_x', 'created', %s)", (case_id, Jsonb(forged)))
    fresh = run(qtbot, create_case(store, catalog, draft(catalog, category_id=urgent.id,
                                                         urgency="A")))
    pending = center.coalescer._pending  # noqa: SLF001
    qtbot.waitUntil(lambda: any(a.case_id == fresh.id for a in pending), timeout=5000)
    qtbot.waitUntil(lambda: not seat.window.runner.busy, timeout=5000)
    assert [(a.case_id, a.public_no) for a in pending] == [(fresh.id, fresh.public_no)]
    clock.advance(seconds=COALESCE.total_seconds())
    center.check()
    assert shown == ["新 A 类案件 1 件"]
    seat.console.feed.unsubscribe(center.apply_events)
