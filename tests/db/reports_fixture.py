"""A small world made through the real lifecycle for the reports' tests: cases taken
in by an operator, dispatched, resolved, called back and verified by the logins that
make those moves, one case made overdue and supervised, a handover written. What was
made is returned, so the tests compute what a report must say from it alone."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from console.catalog.catalog import load_catalog
from console.core.clock import CENTRE_TZ
from console.duty import handover
from console.supervision import sweeper
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, moves, person, raw


@dataclass
class World:
    now: dt.datetime
    unit: int
    made: dict[uuid.UUID, str]        # case -> channel (the invalid one left out)
    natures: dict[uuid.UUID, str]
    on_time: set[uuid.UUID]           # resolved by the unit's deadline
    late: uuid.UUID                   # overdue and still open, supervised
    leader: str                       # the handover's outgoing leader
    supervisor_url: str



async def make_world(login_as: MakeLogin, owner_url: str) -> World:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    leader, supervisor = login_as("shift_leader"), login_as("supervisor")
    phone = [await a_case(operator) for _ in range(2)]
    app = await a_case(operator, channel="app", caller_phone="139 0000 1111",
                       nature="consultation")
    grid = [await a_case(operator, channel="grid_worker", caller_phone="") for _ in range(2)]
    junk = await a_case(operator, caller_phone="137 0000 2222")
    desk = await person(dispatcher)
    try:
        unit = min(u.id for u in (await load_catalog(desk)).units.values() if u.active)
    finally:
        await desk.close()
    await moves(dispatcher, junk, ("invalidate", {"reason": "无效"}))
    for case_id in (phone[0], app, *grid):
        await moves(dispatcher, case_id, ("dispatch", {"unit_id": unit}),
                    ("resolve", {"result": "已处理"}))
    await moves(operator, phone[0], ("callback_unreachable", {}),
                ("callback_closed", {"satisfaction": 4}))
    await moves(operator, app, ("callback_unreachable", {}))
    await moves(operator, grid[0], ("verify_passed", {}))
    await moves(dispatcher, phone[1], ("dispatch", {"unit_id": unit}))
    with raw(owner_url) as owner:
        now = owner.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
        owner.execute("UPDATE \"case\" SET unit_clock_at = now() - interval '10 days',"
                      " unit_due_at = now() - interval '2 days' WHERE id = %s", (phone[1],))
        shift = owner.execute("SELECT id FROM shift_template ORDER BY id").fetchone()[0]  # type: ignore[index]
    chief = await person(leader)
    try:
        await handover.hand_over(chief, now.astimezone(CENTRE_TZ).date(), shift, "交班说明",
                                 None)
    finally:
        await chief.close()
    boss = await person(supervisor)
    try:
        await sweeper.issue_supervision(boss, phone[1], "请立即办理",
                                        now + dt.timedelta(days=2))
    finally:
        await boss.close()
    made = {phone[0]: "phone_12345", phone[1]: "phone_12345", app: "app",
            grid[0]: "grid_worker", grid[1]: "grid_worker"}
    natures = {c: "consultation" if c == app else "complaint" for c in made}
    return World(now, unit, made, natures, {phone[0], app, *grid}, phone[1],
                 leader.split("//")[1].split("@")[0], supervisor)
