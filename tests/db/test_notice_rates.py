"""The three rates' inputs over a small fixture: acceptance notices in time,
result feedback after resolutions, callbacks that reached the caller."""

from __future__ import annotations

import datetime as dt

from console.catalog.catalog import load_catalog
from console.notices import delivery, rates
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, moves, person, raw
from tests.db.test_notices import Gateway


async def deliver(url: str) -> None:
    store = await person(url)
    try:
        await delivery.deliver_due(store, Gateway())
    finally:
        await store.close()



async def test_the_three_rates_count_what_reached_the_citizen(
        login_as: MakeLogin, database_url: str) -> None:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    sender = login_as("sender")
    told_in_time, told_late = await a_case(operator), await a_case(operator)
    grid = await a_case(operator, channel="grid_worker", caller_phone="")
    with raw(database_url) as owner:  # told_late: its notice went out after its due time
        owner.execute("UPDATE citizen_message SET result = 'cancelled' WHERE case_id = %s",
                      (told_late,))
        owner.execute(
            "INSERT INTO citizen_message (case_id, kind, channel, recipient, text, due_by,"
            " sent_at, result) VALUES (%s, 'acceptance', 'phone', '+8613812345678', '迟告知',"
            " now() - interval '1 hour', now(), 'sent')", (told_late,))
    await deliver(sender)
    untold = await a_case(operator)
    with raw(database_url) as owner:  # untold's notice waits (the gateway is down)
        owner.execute("UPDATE citizen_message SET next_try_at = now() + interval '1 day'"
                      " WHERE case_id = %s", (untold,))
    desk = await person(dispatcher)
    try:
        unit = min(u.id for u in (await load_catalog(desk)).units.values() if u.active)
    finally:
        await desk.close()
    for case_id in (told_in_time, told_late, grid):
        await moves(dispatcher, case_id, ("dispatch", {"unit_id": unit}),
                    ("resolve", {"result": "已处理"}))
    with raw(database_url) as owner:  # told_late's result feedback never went out
        owner.execute("UPDATE citizen_message SET result = 'cancelled'"
                      " WHERE case_id = %s AND kind = 'result'", (told_late,))
    await deliver(sender)
    await moves(operator, told_in_time, ("callback_closed", {"satisfaction": 5}))
    await moves(operator, told_late, ("callback_unreachable", {}))

    store = await person(operator)
    try:
        with raw(operator) as conn:
            now = conn.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
        hour = dt.timedelta(hours=1)
        counted = await rates.three_rates(store, now - hour, now + hour)
        before = await rates.three_rates(store, now - 3 * hour, now - hour)
    finally:
        await store.close()
    assert counted.acceptance_notice == rates.Rate(1, 3)  # the grid report is not counted
    assert counted.result_feedback == rates.Rate(1, 2)
    assert counted.callback == rates.Rate(1, 2)
    assert counted.callback.share == 0.5
    assert before.acceptance_notice == rates.Rate(0, 0)
    assert before.acceptance_notice.share is None
