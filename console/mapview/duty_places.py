"""Duty posts on the map: each post stands at its unit's community, else its unit's
street, else (the centre's own seats) the district; posts at one place share one
marker. Who is on duty at each comes from the roster (``roster.on_duty``); it
changes with the roster's events and at the next shift boundary (``next_change``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from console.core.store import Store
from console.duty import roster
from console.duty.duty_setup import load_setup
from console.mapview.outlines import COMMUNITY, DISTRICT, STREET, BaseMap
from db import schema as s


@dataclass(frozen=True)
class PostOnDuty:
    id: int
    code: str
    name: str
    kind: str  # centre_seat / street / community / grid_squad
    street_code: str | None
    community_code: str | None
    people: tuple[tuple[str, str], ...]  # (name, phone) of each on duty now


@dataclass(frozen=True)
class PostPlace:
    x: float
    y: float
    level: str  # where it stands: community, street or district
    posts: tuple[PostOnDuty, ...]

    @property
    def staffed(self) -> bool:
        return any(post.people for post in self.posts)


async def read_posts(store: Store, at: dt.datetime | None = None) -> list[PostOnDuty]:
    """Every active post with its unit's place and whoever is on duty at ``at`` (now)."""
    p, u = s.DutyPost, s.Unit
    async with store.read() as conn:
        rows = (await conn.execute(
            select(p.id, p.code, p.name, p.kind, u.street_code, u.community_code)
            .outerjoin(u, u.id == p.unit_id).where(p.active).order_by(p.id))).all()
    people: dict[int, list[tuple[str, str]]] = {}
    for duty in await roster.on_duty(store, at):
        if duty.post_id is not None:
            people.setdefault(duty.post_id, []).append((duty.person, duty.phone))
    return [PostOnDuty(*r, people=tuple(people.get(r.id, ()))) for r in rows]


async def next_change(store: Store, at: dt.datetime | None = None) -> dt.datetime | None:
    """The next moment after ``at`` (now) when a shift starts or ends: who is on duty
    may change then without any event."""
    setup = await load_setup(store)
    return setup.next_change(at or store.clock.now())


def place_posts(posts: Sequence[PostOnDuty], base: BaseMap) -> list[PostPlace]:
    """The posts grouped by where they stand (a post whose place the map lacks is
    put with the district's)."""
    district = base.anchor(DISTRICT, "") or (0.0, 0.0)
    grouped: dict[tuple[float, float], tuple[str, list[PostOnDuty]]] = {}
    for post in posts:
        level, at = DISTRICT, district
        community = base.anchor(COMMUNITY, post.community_code)
        street = base.anchor(STREET, post.street_code)
        if community is not None:
            level, at = COMMUNITY, community
        elif street is not None:
            level, at = STREET, street
        grouped.setdefault(at, (level, []))[1].append(post)
    return [PostPlace(x, y, level, tuple(group)) for (x, y), (level, group) in grouped.items()]
