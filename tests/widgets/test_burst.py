"""A burst of events naming more cases than a pane applies in one step (a sweep's
orders, twenty to a commit): the board and the countdown read and apply them a page
at a time, the follower spaces its reloads while the events keep coming, and after
the burst each pane shows what a fresh load shows."""

import datetime as dt
from typing import Any

from sqlalchemy import select, update

from console.casework import countdown
from console.core import events
from console.supervision import board
from db import schema as s
from tests.widgets.conftest import run
from tests.widgets.test_supervisor_board import make_overdue
from widgets.casework import countdown_panel


async def _burst(store: Any, moves: list[tuple[Any, dt.timedelta | None]]) -> None:
    """One event per case, a few cases a commit (as a sweep commits): a deadline moved
    by the timedelta given, or a note only (None)."""
    for first in range(0, len(moves), 2):
        async with store.transaction() as conn:
            now = (await conn.execute(select(s.func.now()))).scalar_one()
            for case_id, by in moves[first:first + 2]:
                if by is not None:
                    await conn.execute(update(s.Case).where(s.Case.id == case_id).values(
                        due_at=now + by, unit_due_at=now + by))
                await events.append(conn, store.actor, events.CaseMoved("note", {}),
                                    case_id=case_id)


def test_a_burst_larger_than_a_step_ends_as_a_fresh_load(qtbot: Any, open_seat: Any,
                                                         monkeypatch: Any) -> None:
    seat = open_seat()
    store, catalog = seat.console.store, seat.console.catalog
    made = run(qtbot, make_overdue(store, catalog, 7))
    monkeypatch.setattr(board, "PAGE", 2)  # the board: two named cases a step
    monkeypatch.setattr(countdown_panel, "LIVE_CHUNK", 2)  # the countdown: two a step
    panel, timer = seat.window.board, seat.window.countdown
    panel.load()
    timer.load()
    qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 7 and not panel.follower.busy
                    and not timer.follower.busy, timeout=10000)
    steps: list[int] = []
    real_update = timer.model.update_entries

    def update_entries(ids: Any, fresh: Any) -> None:
        steps.append(len(ids))
        real_update(ids, fresh)

    monkeypatch.setattr(timer.model, "update_entries", update_entries)
    moves = [(made[0].id, dt.timedelta(days=30)),   # no longer at risk
             (made[1].id, dt.timedelta(hours=-1)),  # still overdue, moves up the list
             (made[2].id, None), (made[3].id, None), (made[4].id, None),
             (made[5].id, dt.timedelta(days=-20)), (made[6].id, dt.timedelta(days=40))]
    run(qtbot, _burst(store, moves))

    def settled() -> bool:
        return (panel.cases_model.row_of(made[0].id) is None
                and panel.cases_model.row_of(made[6].id) is None
                and not panel.follower.busy and not timer.follower.busy
                and seat.console.feed.idle.is_set())

    qtbot.waitUntil(settled, timeout=15000)
    fresh_board = run(qtbot, board.at_risk(store, catalog.calendar))
    shown = [panel.cases_model.record(r) for r in range(panel.cases_model.rowCount())]
    assert [c.id for c in shown] == [c.id for c in fresh_board]
    assert shown == fresh_board
    fresh_timer = run(qtbot, countdown.page_rows(store, None, 10_000))
    listed = [timer.model.entry(r) for r in range(timer.model.rowCount())]
    assert [e.id for e in listed] == [r[0] for r in fresh_timer]
    assert [e.due_at for e in listed] == [countdown.as_countdown(r).due_at for r in fresh_timer]
    assert steps and max(steps) <= 2  # no step applied more than its chunk
    assert timer.model.band_counts() == countdown_list_counts(fresh_timer, store)


def countdown_list_counts(rows: Any, store: Any) -> dict[str, int]:
    from console.casework.countdown_list import CountdownList

    return CountdownList(rows).band_counts(store.clock.now())
