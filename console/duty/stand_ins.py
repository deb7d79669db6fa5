"""Who could take a duty somebody cannot work: the people rostered in a month,
each with the rest they would be left with. Plain Python; the roster's
dialogs offer them in this order and the service checks the rest again."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from console.duty.duty_setup import Setup
from console.duty.roster import Duty
from console.duty.rotation import rest_problem


@dataclass(frozen=True)
class Person:
    staff_id: int
    name: str
    team_id: int | None
    post_id: int | None  # where most of their duties are: their home post
    phone: str


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
    worked ``duty`` (None: enough). The service checks it again when saving."""
    intervals = [setup.shift(e.shift_id).shift.interval(e.day) for e in theirs
                 if e.kind == "duty" and abs((e.day - duty.day).days) <= 2]
    intervals.append(setup.shift(duty.shift_id).shift.interval(duty.day))
    return rest_problem(intervals, setup.min_rest)


def ranked_people(setup: Setup, duty: Duty, month: Sequence[Duty]
                  ) -> list[tuple[Person, dt.timedelta | None]]:
    """People who could take ``duty``: the post's colleagues from other teams first,
    then the rest of the post, then everybody else; rested ones first in each group."""
    team_code = {t.id: t.code for t in setup.teams}
    duties_of: dict[int | None, list[Duty]] = {}
    for e in month:
        duties_of.setdefault(e.staff_id, []).append(e)
    ranked = []
    for person in people_of(month):
        if person.staff_id == duty.staff_id:
            continue
        group = (0 if person.post_id == duty.post_id and person.team_id != duty.team_id
                 else 1 if person.post_id == duty.post_id else 2)
        gap = rest_check(setup, duty, duties_of[person.staff_id])
        ranked.append(((group, gap is not None, team_code.get(person.team_id or -1, "~"),
                        person.name), person, gap))
    return [(person, gap) for _key, person, gap in sorted(ranked, key=lambda r: r[0])]
