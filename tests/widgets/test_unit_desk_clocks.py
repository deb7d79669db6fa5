"""The unit desk's 办结剩余 counts to the deadline the unit is held to: its own while
its clock runs (an approved extension's included, followed from the feed), the sign
deadline while its clock waits for the signing, as the queue's 单位剩余 says it."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt

from console.calendar.deadlines import load_calendar
from console.casework.countdown import format_left
from console.core.store import Store
from console.units import requests
from db.engine import libpq_conninfo
from tests.db.people import person
from tests.db.units_fixture import dispatched_to
from tests.widgets.conftest import Seat, run
from tests.widgets.test_unit_day import handler_seat, people  # noqa: F401 (fixtures)
from widgets.casework.case_columns import moment
from widgets.units.finish_clock import finish_text
from widgets.units.unit_desk import FINISH_COLUMN, OVERDUE


def _record(desk: Any, case_id: uuid.UUID) -> Any:
    return next(desk.model.record(r) for r in range(desk.model.rowCount())
                if desk.model.record(r).id == case_id)


def _cell(desk: Any, case_id: uuid.UUID, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    row = next(r for r in range(desk.model.rowCount()) if desk.model.record(r).id == case_id)
    return desk.model.index(row, FINISH_COLUMN).data(role)


def test_the_desk_counts_to_the_units_deadline_and_its_extension(
        qtbot: Any, qloop: asyncio.AbstractEventLoop, people: dict[str, Any],  # noqa: F811
        database_url: str, request: pytest.FixtureRequest) -> None:
    running = run(qtbot, dispatched_to(people["operator"], people["dispatcher"],
                                       people["unit"]))
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        # The unit's deadline passed three hours ago; the citizen's is days away.
        conn.execute('UPDATE "case" SET unit_due_at = now() - interval \'3 hours\','
                     " due_at = now() + interval '5 days' WHERE id = %s", (running,))
        conn.execute("UPDATE clock_rule SET unit_clock_starts = 'sign', version = version + 1")
    waiting = run(qtbot, dispatched_to(people["operator"], people["dispatcher"],
                                       people["unit"]))
    seat: Seat = request.getfixturevalue("handler_seat")
    desk = seat.window.units.desk
    qtbot.waitUntil(lambda: desk.model.rowCount() == 2, timeout=10000)

    assert re.fullmatch(r"超时 0[23]:\d\d:\d\d", _cell(desk, running))  # not the case's 5 days
    assert "本单位办结时限" in _cell(desk, running, Qt.ItemDataRole.ToolTipRole)
    assert _cell(desk, running, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    sign_by = _record(desk, waiting).to_sign_by
    assert sign_by is not None
    now = seat.console.store.clock.now()
    assert _cell(desk, waiting) in (f"{moment(sign_by, now)}前签收",
                                    finish_text(_record(desk, waiting), now))
    assert "尚未开始" in _cell(desk, waiting, Qt.ItemDataRole.ToolTipRole)

    async def extend() -> None:  # the unit asks for two more working days; a leader agrees
        handler = await person(people["unit_handler"])
        leader = Store(database_url, "leader_b")
        leader.roles = frozenset({"shift_leader"})
        try:
            await requests.apply_extension(handler, running, 2, "需协调供电局停电施工")
            [ask] = [r for r in await requests.pending(leader) if r.case_id == running]
            await requests.decide(leader, await load_calendar(leader), ask.id, True)
        finally:
            await handler.close()
            await leader.close()

    run(qtbot, extend())
    qtbot.waitUntil(lambda: not _cell(desk, running).startswith("超时"), timeout=10000)
    record = _record(desk, running)
    left = record.unit_due_at - seat.console.store.clock.now()
    assert left > dt.timedelta(days=1) and record.due_at > record.unit_due_at
    assert _cell(desk, running).split(" ")[0] == format_left(left)[1].split(" ")[0]
    assert _cell(desk, running, Qt.ItemDataRole.ForegroundRole) is None
