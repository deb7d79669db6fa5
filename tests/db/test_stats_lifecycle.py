"""console/stats on cases made and moved through the real lifecycle by the logins that
make those moves: the definitions of docs/INDICATORS.md, one case at a time."""

from __future__ import annotations

import datetime as dt

from console.catalog.catalog import load_catalog
from console.duty import handover
from console.stats import callbacks, callers, duty, intake, outcomes, rates, tiles
from console.stats.dimensions import By
from console.stats.scope import Scope
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, moves, person, raw

H = dt.timedelta(hours=1)



async def test_the_definitions_on_cases_moved_through_the_lifecycle(
        login_as: MakeLogin, database_url: str) -> None:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    leader, supervisor = login_as("shift_leader"), login_as("supervisor")
    same_caller = [await a_case(operator) for _ in range(2)]
    app_case = await a_case(operator, channel="app", caller_phone="139 0000 1111")
    grid = [await a_case(operator, channel="grid_worker", caller_phone="") for _ in range(2)]
    junk = await a_case(operator, caller_phone="137 0000 2222")
    desk = await person(dispatcher)
    try:
        unit = min(u.id for u in (await load_catalog(desk)).units.values() if u.active)
    finally:
        await desk.close()
    await moves(dispatcher, junk, ("invalidate", {"reason": "无效"}))
    for case_id in (same_caller[0], app_case, *grid):
        await moves(dispatcher, case_id, ("dispatch", {"unit_id": unit}),
                    ("resolve", {"result": "已处理"}))
    await moves(operator, same_caller[0], ("callback_unreachable", {}),
                ("callback_closed", {"satisfaction": 4}))
    await moves(operator, app_case, ("callback_unreachable", {}))
    await moves(operator, grid[0], ("verify_passed", {}))
    await moves(operator, grid[1], ("verify_failed", {"reason": "现场仍有积水"}))
    await moves(dispatcher, same_caller[1], ("dispatch", {"unit_id": unit}))
    with raw(database_url) as owner:
        now = owner.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
        # same_caller[1]'s unit missed its deadline long ago (as the owner's loader may say)
        owner.execute("UPDATE \"case\" SET unit_clock_at = now() - interval '10 days',"
                      " unit_due_at = now() - interval '2 days' WHERE id = %s",
                      (same_caller[1],))
        shift = owner.execute("SELECT id FROM shift_template ORDER BY id").fetchone()[0]  # type: ignore[index]
    chief = await person(leader)
    try:
        await handover.hand_over(chief, now.date(), shift, "交班", None)
    finally:
        await chief.close()

    store = await person(supervisor)
    try:
        scope = Scope(now - H, now + H)
        assert [(c.key, c.value) for c in await intake.intake(store, scope, By.CHANNEL)] == [
            ("grid_worker", 2), ("phone_12345", 2), ("app", 1)]  # the invalid one is not
        assert await intake.open_now(store, scope) == 2  # same_caller[1]; grid[1] reopened
        [closed] = await outcomes.closure(store, scope)
        assert (closed.done, closed.of) == (3, 5)  # two closed, one resolved
        [judged] = await outcomes.on_time(store, scope)
        assert (judged.done, judged.of) == (4, 5)  # four resolved in time, one late
        [late] = await outcomes.overdue(store, scope, By.UNIT)
        assert (late.key, late.value) == (str(unit), 1)
        assert [c.value for c in await outcomes.overdue_now(store, scope)] == [1]
        app_only = Scope(now - H, now + H, channel="app")
        assert (await intake.intake(store, app_only))[0].value == 1

        said = await callbacks.satisfaction(store, scope)
        assert (said.called, said.unreachable, said.levels[4], said.rated) == (2, 1, 1, 1)
        assert said.satisfied.share == 1.0 and said.unreachable_share.share == 0.5
        checked = await callbacks.verification(store, scope)
        assert (checked.done, checked.of) == (1, 2)

        repeat = await callers.repeat_callers(store, scope)
        assert (repeat.callers, repeat.cases) == (1, 2)
        assert repeat.top[0].phone == "+8613812345678"

        every = await rates.three_rates(store, scope)
        apps = await rates.three_rates(store, app_only)
        # acceptance: the citizen cases accepted (not the grid's, not the invalid one)
        assert every.acceptance_notice.of == 4 and apps.acceptance_notice.of == 1
        assert every.callback == type(every.callback)(1, 2)  # app_case was never reached
        assert apps.callback.done == 0 and apps.callback.of == 1

        made = await duty.handovers(store, Scope(now - 24 * H, now + 24 * H))
        assert (made.made, made.signed) == (1, 0)
        shown = await tiles.tiles(store, scope)
        assert (shown.intake, shown.open, shown.overdue_now) == (5, 2, 1)
        assert shown.on_time == judged and shown.satisfaction == said
        nothing = await tiles.tiles(store, Scope(now - 3 * H, now - 2 * H))
        assert nothing.intake == 0 and nothing.on_time.share is None
    finally:
        await store.close()
