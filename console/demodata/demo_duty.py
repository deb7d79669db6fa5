"""Demo duty: the roster of last, this and next month, two weeks of roll calls
at the district's yearly rate and the handovers of the past week's shifts, signed.

The Pingshan 2017 report counts 1,230 phone checks of a person (电话查岗 1230 人次),
245 video roll calls and 196 radio roll calls in a year. A phone check calls a few
posts (about 3.4 people a day: 1.36 checks of 1 to 4 posts); a video or radio
roll call calls every post on duty (about 0.67 and 0.54 a day)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import insert, select

from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.duty import handover, roster
from console.duty.duty_setup import load_setup
from db import schema as s

# channel, roll calls a day, how many posts one calls (None: every post on duty)
PER_DAY = (("phone", 1.36, (1, 4)), ("video", 0.67, None), ("radio", 0.54, None))
RESULTS = (("answered", 93.0), ("late", 4.0), ("absent", 1.5), ("no_answer", 1.5))
ROLL_CALL_DAYS, HANDOVER_DAYS = 14, 7


async def load_demo_duty(store: Store, now: dt.datetime | None = None) -> None:
    """Into a database with reference data (as the server's owner). Idempotent: a
    month already on the roster is kept (a later start adds the months that are
    new by then); roll calls and handovers are made only when there are none."""
    now = (now or store.clock.now()).astimezone(CENTRE_TZ)
    roles, store.roles = store.roles, frozenset({"admin"})  # the loader acts for the centre
    try:
        first = now.date().replace(day=1)
        for month_start in ((first - dt.timedelta(days=1)).replace(day=1), first,
                            (first + dt.timedelta(days=32)).replace(day=1)):
            if not await _has_rows(store, s.RosterEntry.day, month_start,
                                   (month_start + dt.timedelta(days=32)).replace(day=1)):
                await roster.generate_month(store, month_start.year, month_start.month)
        if not await _has_rows(store, s.RollCall.id):
            await _roll_calls(store, now, random.Random(20261122))
        if not await _has_rows(store, s.Handover.id):
            await _handovers(store, now)
    finally:
        store.roles = roles


async def _has_rows(store: Store, column: Any, since: Any = None, until: Any = None) -> bool:
    """Whether the column's table has a row (with ``since <= column < until`` when given)."""
    query = select(column).limit(1)
    if since is not None:
        query = query.where(column >= since, column < until)
    async with store.read() as conn:
        return (await conn.execute(query)).first() is not None


async def _leader_at(store: Store, at: dt.datetime) -> str:
    duties = await roster.on_duty(store, at)
    leaders = {d.staff_id for d in duties}
    async with store.read() as conn:
        login = (await conn.execute(
            select(s.Staff.login).join(s.DutyPost, s.DutyPost.id == s.Staff.post_id)
            .where(s.Staff.id.in_(leaders), s.DutyPost.code == "C-LEAD"))).scalar()
    return login or "demo"


async def _roll_calls(store: Store, now: dt.datetime, rng: random.Random) -> None:
    results, weights = [r for r, _w in RESULTS], [w for _r, w in RESULTS]
    start = now - dt.timedelta(days=ROLL_CALL_DAYS)
    for day in range(ROLL_CALL_DAYS):
        for channel, rate, reach in PER_DAY:
            count = int(rate) + (rng.random() < rate - int(rate))
            for _ in range(count):
                at = start + dt.timedelta(days=day, seconds=rng.randrange(86_400))
                if at >= now - dt.timedelta(hours=1):
                    continue
                duties = await roster.on_duty(store, at)
                posts: dict[int, roster.Duty] = {}
                for duty in duties:
                    if duty.post_id is not None:
                        posts.setdefault(duty.post_id, duty)
                if reach is not None and posts:
                    chosen = rng.sample(sorted(posts), min(len(posts), rng.randint(*reach)))
                    posts = {post: posts[post] for post in chosen}
                leader = await _leader_at(store, at)
                async with store.transaction() as conn:
                    call_id = (await conn.execute(insert(s.RollCall).values(
                        channel=channel, started_by=leader, started_at=at,
                        finished_at=at + dt.timedelta(minutes=12)).returning(s.RollCall.id))
                    ).scalar_one()
                    rows = []
                    for i, duty in enumerate(posts.values()):
                        result = rng.choices(results, weights)[0]
                        rows.append({"roll_call_id": call_id, "post_id": duty.post_id,
                                     "staff_id": duty.staff_id, "position": i,
                                     "result": result, "marked_by": leader,
                                     "late_minutes": rng.randint(3, 25) if result == "late"
                                     else None, "at": at + dt.timedelta(seconds=15 * i)})
                    await conn.execute(insert(s.RollCallEntry), rows)


async def _handovers(store: Store, now: dt.datetime) -> None:
    setup = await load_setup(store)
    current = setup.current_shift(now)
    if current is None:
        return
    day, row = current
    shifts = []
    for _ in range(HANDOVER_DAYS * len(setup.shifts)):
        start, _end = row.shift.interval(day)
        earlier = setup.current_shift((start - dt.timedelta(minutes=1)).replace(tzinfo=CENTRE_TZ))
        if earlier is None:
            break
        day, row = earlier
        shifts.append((day, row))
    for shift_day, shift_row in reversed(shifts):
        start, end = (t.replace(tzinfo=CENTRE_TZ) for t in shift_row.shift.interval(shift_day))
        outgoing = await _leader_at(store, start + dt.timedelta(hours=1))
        incoming = await _leader_at(store, end + dt.timedelta(hours=1))
        summary = await handover.build_summary(store, shift_day, shift_row.id)
        follow = len(summary["follow_ups"])
        found = f"点名发现 {follow} 个岗位缺岗或无人应答，已电话通知所属街道核实。"
        notes = "本班运行平稳。" + (found if follow else "点名各岗位均在岗。")
        async with store.transaction() as conn:
            await conn.execute(insert(s.Handover).values(
                shift_day=shift_day, shift_id=shift_row.id, outgoing_leader=outgoing,
                incoming_leader=incoming, summary=summary, notes=notes,
                incoming_notes="已接班，情况清楚。", created_at=end - dt.timedelta(minutes=5),
                signed_at=end + dt.timedelta(minutes=3)))
