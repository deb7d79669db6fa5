"""Who could take a duty somebody cannot work (a stand-in, or the person who
replaces them): the people rostered in the duty's month, each with the rest
they would be left with, best first. The roster's dialogs offer them in this
order; the edit checks the rest again when it is saved.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from console.core.store import Store
from console.duty.duty_setup import Setup, read_setup
from console.duty.roster import Duty, read_duties
from console.duty.rotation import month_days, rest_problem
from db import schema as s

NEAR = dt.timedelta(days=2)  # duties further away than this cannot cut a rest short


@dataclass(frozen=True)
class Person:
    staff_id: int
    name: str
    team_id: int | None
    post_id: int | None  # where most of their duties are: their home post
    phone: str


@dataclass(frozen=True)
class Candidate:
    """Somebody who could take a duty, and the rest that would leave them."""

    person: Person
    short_rest: dt.timedelta | None  # below the minimum (negative: two shifts at once)

    @property
    def clash(self) -> bool:
        """They would be on two shifts at once."""
        return self.short_rest is not None and self.short_rest < dt.timedelta(0)


def people_of(entries: Sequence[Duty]) -> list[Person]:
    """Everybody rostered in ``entries``, once each."""
    posts: dict[int, Counter[int | None]] = {}
    first: dict[int, Duty] = {}
    for e in entries:
        if e.staff_id is not None:
            first.setdefault(e.staff_id, e)
            posts.setdefault(e.staff_id, Counter())[e.post_id] += 1
    return [Person(sid, e.person, e.team_id, posts[sid].most_common(1)[0][0], e.phone)
            for sid, e in first.items()]


def rest_check(setup: Setup, duty: Duty, theirs: Sequence[Duty]) -> dt.timedelta | None:
    """The rest somebody with the duties ``theirs`` would be left with if they also
    worked ``duty`` (None: enough)."""
    intervals = [setup.shift(e.shift_id).shift.interval(e.day) for e in theirs
                 if e.kind == "duty" and abs(e.day - duty.day) <= NEAR]
    intervals.append(setup.shift(duty.shift_id).shift.interval(duty.day))
    return rest_problem(intervals, setup.min_rest)


def ranked(setup: Setup, duty: Duty, people: Sequence[Person],
           duties: Sequence[Duty]) -> list[Candidate]:
    """``people`` (but the duty's own person) who could take ``duty``, given everybody's
    ``duties`` around it: the post's colleagues from other teams first, then the rest
    of the post, then everybody else; rested ones first in each group."""
    team_code = {t.id: t.code for t in setup.teams}
    duties_of: dict[int | None, list[Duty]] = {}
    for e in duties:
        duties_of.setdefault(e.staff_id, []).append(e)
    keyed = []
    for person in people:
        if person.staff_id == duty.staff_id:
            continue
        group = (0 if person.post_id == duty.post_id and person.team_id != duty.team_id
                 else 1 if person.post_id == duty.post_id else 2)
        gap = rest_check(setup, duty, duties_of.get(person.staff_id, []))
        keyed.append(((group, gap is not None, team_code.get(person.team_id or -1, "~"),
                       person.name), Candidate(person, gap)))
    return [candidate for _key, candidate in sorted(keyed, key=lambda k: k[0])]


async def candidates(store: Store, duty: Duty) -> list[Candidate]:
    """Who could take ``duty``, best first: the people rostered in its month, their
    rest judged by their duties up to two days beyond the month as well."""
    days = month_days(duty.day.year, duty.day.month)
    R = s.RosterEntry
    async with store.read() as conn:
        setup = await read_setup(conn)
        around = await read_duties(conn, R.day.between(days[0] - NEAR, days[-1] + NEAR))
    month = [e for e in around if days[0] <= e.day <= days[-1]]
    return ranked(setup, duty, people_of(month), around)
