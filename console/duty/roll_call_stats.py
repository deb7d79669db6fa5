"""Roll-call history and statistics: by channel, post, person, leader and
period, counted by the database; and the missed posts a handover follows up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import SQLColumnExpression, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from console.core.store import Store
from console.duty.roll_calls import MISSED, RC, ST, E, P

GROUPS = ("channel", "post", "person", "leader", "day", "week", "month")
CENTRE_ZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class Tally:
    total: int
    answered: int
    late: int
    absent: int
    no_answer: int
    late_minutes_avg: float | None

    @property
    def reached(self) -> float | None:
        """Share of posts that answered (on time or late)."""
        return (self.answered + self.late) / self.total if self.total else None


@dataclass(frozen=True)
class Summary:
    id: int
    channel: str
    started_by: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    tally: Tally


@dataclass(frozen=True)
class StatRow:
    key: str
    roll_calls: int
    tally: Tally


@dataclass(frozen=True)
class Missed:
    at: dt.datetime | None
    channel: str
    post: str
    person: str
    result: str
    note: str
    started_by: str


def _tally_columns() -> list[ColumnElement]:
    def n(result: str) -> ColumnElement:
        return func.count(case((E.result == result, 1)))

    return [func.count(E.id), n("answered"), n("late"), n("absent"), n("no_answer"),
            func.avg(E.late_minutes)]


def _tally(values: tuple[Any, ...]) -> Tally:
    total, answered, late, absent, no_answer, avg = values
    return Tally(int(total), int(answered), int(late), int(absent), int(no_answer),
                 None if avg is None else round(float(avg), 1))


def _in_period(since: dt.datetime, until: dt.datetime) -> list[ColumnElement]:
    return [RC.started_at >= since, RC.started_at < until]


async def history(store: Store, since: dt.datetime, until: dt.datetime,
                  channel: str | None = None, limit: int = 1000) -> list[Summary]:
    """Roll calls started in [since, until), newest first, with their counts."""
    where = _in_period(since, until) + ([RC.channel == channel] if channel else [])
    async with store.read() as conn:
        rows = (await conn.execute(
            select(RC.id, RC.channel, RC.started_by, RC.started_at, RC.finished_at,
                   *_tally_columns())
            .outerjoin(E, E.roll_call_id == RC.id).where(*where)
            .group_by(RC.id).order_by(RC.started_at.desc()).limit(limit))).all()
    return [Summary(r[0], r[1], r[2], r[3], r[4], tally=_tally(tuple(r[5:]))) for r in rows]


def _key(by: str) -> SQLColumnExpression[Any]:
    local = func.timezone(CENTRE_ZONE, RC.started_at)
    keys: dict[str, SQLColumnExpression[Any]] = {
        "channel": RC.channel,
        "post": P.name,
        "person": func.coalesce(ST.name, ""),
        "leader": RC.started_by,
        "day": func.to_char(local, "YYYY-MM-DD"),
        "week": func.to_char(func.date_trunc("week", local), "IYYY-\"W\"IW"),
        "month": func.to_char(local, "YYYY-MM"),
    }
    return keys[by]


async def statistics(store: Store, since: dt.datetime, until: dt.datetime, by: str,
                     channel: str | None = None) -> list[StatRow]:
    """Counts per ``by`` (one of GROUPS) over roll calls started in [since, until)."""
    if by not in GROUPS:
        raise ValueError(f"cannot group roll calls by {by}")
    key = _key(by)
    where = _in_period(since, until) + ([RC.channel == channel] if channel else [])
    async with store.read() as conn:
        rows = (await conn.execute(
            select(key, func.count(func.distinct(RC.id)), *_tally_columns())
            .select_from(E).join(RC, RC.id == E.roll_call_id).join(P, P.id == E.post_id)
            .outerjoin(ST, ST.id == E.staff_id).where(*where)
            .group_by(key).order_by(key))).all()
    return [StatRow(str(r[0]), int(r[1]), _tally(tuple(r[2:]))) for r in rows]


async def missed(store: Store, since: dt.datetime, until: dt.datetime) -> list[Missed]:
    """Posts found absent or not answering in [since, until), in time order."""
    async with store.read() as conn:
        rows = (await conn.execute(
            select(E.at, RC.channel, P.name, func.coalesce(ST.name, ""), E.result, E.note,
                   RC.started_by)
            .join(RC, RC.id == E.roll_call_id).join(P, P.id == E.post_id)
            .outerjoin(ST, ST.id == E.staff_id)
            .where(*_in_period(since, until), E.result.in_(MISSED))
            .order_by(E.at, E.id))).all()
    return [Missed(at, channel, post, person, result or "", note or "", started_by)
            for at, channel, post, person, result, note, started_by in rows]
