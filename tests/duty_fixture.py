"""A small duty set-up built by hand (no database): three shifts, four teams on
the standard rotation, two duty rooms and a seat; and roster entries to match."""

from __future__ import annotations

import datetime as dt
import itertools

from console.duty.duty_setup import Post, Setup, ShiftRow, Team
from console.duty.roster import Duty
from console.duty.rotation import REST, Rotation, Shift, standard_offsets

DAY, EVENING, NIGHT = 1, 2, 3  # shift ids, in the order the database would list them
SHIFTS = (ShiftRow(NIGHT, Shift("night", "夜班", dt.time(0), 8)),
          ShiftRow(DAY, Shift("day", "白班", dt.time(8), 8)),
          ShiftRow(EVENING, Shift("evening", "中班", dt.time(16), 8)))
PATTERN = ("night", "night", "day", "day", "evening", "evening", REST, REST)
CODES = ("T1", "T2", "T3", "T4")
OFFSETS = standard_offsets(CODES, PATTERN)
TEAMS = tuple(Team(i, code, name, OFFSETS[code]) for i, code, name in
              zip((11, 12, 13, 14), CODES, ("一班", "二班", "三班", "四班"), strict=True))
ROOM_A, ROOM_B, SEAT = 21, 22, 20
POSTS = (Post(SEAT, "C1", "指挥中心席", "centre_seat"),
         Post(ROOM_A, "R1", "甲社区值班室", "community"),
         Post(ROOM_B, "R2", "乙社区值班室", "community"))
SETUP = Setup(SHIFTS, TEAMS, POSTS, Rotation(PATTERN, dt.date(2020, 1, 1), OFFSETS),
              dt.timedelta(hours=12))

_ids = itertools.count(1)


def duty(day: dt.date, shift_id: int, staff_id: int | None, *, post: int = ROOM_A,
         team: int | None = 11, kind: str = "duty", person: str = "",
         entry_id: int | None = None) -> Duty:
    return Duty(entry_id or next(_ids), day, shift_id, post, staff_id,
                person or f"人员{staff_id}", "", team, kind, "")
