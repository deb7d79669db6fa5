"""The roster against a real database: a generated month, who is on duty now,
and edits that are refused with nothing changed."""

import datetime as dt
from collections import Counter

import pytest

from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, PermissionDenied, ValidationError
from console.core.store import Store
from console.duty import roster, roster_edits
from console.duty.duty_setup import ShiftDraft, load_setup, save_shift

LEADERS = frozenset({"shift_leader"})


@pytest.fixture
async def leader(store: Store) -> Store:
    store.roles = LEADERS
    return store


async def test_a_leap_february_is_generated_with_every_post_staffed_every_shift(
        leader: Store) -> None:
    made = (await roster.generate_month(leader, 2028, 2)).entries
    setup = await load_setup(leader)
    entries = await roster.month_entries(leader, 2028, 2)
    assert made == len(entries)
    staffed = Counter((e.day, e.shift_id, e.post_id) for e in entries)
    assert {d for d, _s, _p in staffed} == {dt.date(2028, 2, d) for d in range(1, 30)}
    assert len(staffed) == 29 * len(setup.shifts) * len(setup.posts)
    # one team per shift and day, the one the rotation names
    for day in (dt.date(2028, 2, 1), dt.date(2028, 2, 29)):
        plan = setup.rotation.day_plan(day)
        for row in setup.shifts:
            teams = {e.team_id for e in entries if e.day == day and e.shift_id == row.id}
            assert teams == {next(t.id for t in setup.teams if t.code == plan[row.shift.code])}
    with pytest.raises(ValidationError) as refused:
        await roster.generate_month(leader, 2028, 2)
    assert refused.value.errors[0].code == "roster.month_exists"
    assert (await roster.generate_month(leader, 2028, 2, replace=True)).entries == made


async def test_the_month_after_continues_the_cycle(leader: Store) -> None:
    await roster.generate_month(leader, 2028, 2)
    await roster.generate_month(leader, 2028, 3)
    setup = await load_setup(leader)
    person = (await roster.day_entries(leader, dt.date(2028, 2, 1)))[0][0].staff_id
    duties = [e for m in (2, 3) for e in await roster.month_entries(leader, 2028, m)
              if e.staff_id == person]
    starts = sorted(setup.shift(d.shift_id).shift.interval(d.day) for d in duties)
    gaps = [b0 - a1 for (_a0, a1), (b0, _b1) in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= setup.min_rest
    assert abs(len(duties) - 60 * 6 / 8) <= 2  # six duties in every eight days


async def test_who_is_on_duty_now_names_one_person_at_every_duty_room(leader: Store) -> None:
    await roster.generate_month(leader, 2028, 2)
    setup = await load_setup(leader)
    at = dt.datetime(2028, 2, 29, 23, 59, tzinfo=CENTRE_TZ)  # leap day, evening shift
    now = await roster.on_duty(leader, at)
    evening = setup.shift_by_code("evening").id
    assert {d.shift_id for d in now} == {evening}
    assert {d.post_id for d in now} == {p.id for p in setup.posts}
    rooms = Counter(d.post_id for d in now if setup.post(d.post_id).kind == "community")
    assert set(rooms.values()) == {1}
    night = await roster.on_duty(leader, at.replace(hour=0))  # the leap day's night shift
    assert {(d.day, d.shift_id) for d in night} == {
        (dt.date(2028, 2, 29), setup.shift_by_code("night").id)}
    assert await roster.on_duty(leader, at + dt.timedelta(minutes=1)) == []  # March: none yet


async def room_duty(store: Store, day: dt.date, code: str = "evening") -> roster.Duty:
    setup = await load_setup(store)
    entries, _version = await roster.day_entries(store, day)
    return next(e for e in entries if setup.post(e.post_id).kind == "community"
                and e.shift_id == setup.shift_by_code(code).id)


async def test_two_leaders_editing_one_day_one_wins_the_other_is_told(
        leader: Store, database_url: str) -> None:
    await roster.generate_month(leader, 2028, 2)
    day = dt.date(2028, 2, 10)
    duty = await room_duty(leader, day)
    _entries, version = await roster.day_entries(leader, day)
    other = Store(database_url, "sl_other")
    other.roles = LEADERS
    try:
        await roster_edits.assign(other, day, version, duty.shift_id, duty.post_id, duty.staff_id,
                                  replacing=duty.id, note="改备注")
        with pytest.raises(ConflictError) as lost:
            await roster_edits.remove(leader, duty.id, day, version)
    finally:
        await other.close()
    assert (lost.value.changed_by, lost.value.action) == ("sl_other", "replaced")
    entries, new_version = await roster.day_entries(leader, day)
    assert new_version == version + 1 and duty.id in {e.id for e in entries}


async def test_leave_that_empties_a_post_is_refused_and_a_stand_in_must_be_rested(
        leader: Store) -> None:
    await roster.generate_month(leader, 2028, 2)
    day = dt.date(2028, 2, 10)
    duty = await room_duty(leader, day)
    entries, version = await roster.day_entries(leader, day)
    with pytest.raises(ValidationError) as empty:
        await roster_edits.leave(leader, duty.id, day, version, "病假")
    assert empty.value.errors[0].code == "roster.post_empty"
    assert await roster.day_entries(leader, day) == (entries, version)
    # colleagues of the same room from the other teams: the ones on duty that day
    # (two shifts at once or too little rest) are refused, a rested one is taken
    month = await roster.month_entries(leader, 2028, 2)
    colleagues = {e.staff_id for e in month if e.post_id == duty.post_id} - {duty.staff_id}
    outcomes: dict[str, int] = Counter()
    for person in sorted(colleagues):
        try:
            await roster_edits.leave(leader, duty.id, day, version, "病假", stand_in=person)
        except ValidationError as refused:
            assert refused.errors[0].code in {"roster.rest", "roster.two_shifts"}
            outcomes[refused.errors[0].code] += 1
        else:
            outcomes["ok"] += 1
            break
    assert outcomes["ok"] == 1, outcomes
    after, new_version = await roster.day_entries(leader, day)
    assert new_version == version + 1
    assert [e.kind for e in after if e.id == duty.id] == ["leave"]
    assert any(e.note.startswith("顶班") and e.post_id == duty.post_id for e in after)


async def test_a_swap_into_two_shifts_at_once_is_refused_and_racing_swaps_conflict(
        leader: Store) -> None:
    await roster.generate_month(leader, 2028, 2)
    day = dt.date(2028, 2, 10)
    setup = await load_setup(leader)
    entries, version = await roster.day_entries(leader, day)
    rooms = [e for e in entries if setup.post(e.post_id).kind == "community"]
    evening = next(e for e in rooms if e.shift_id == setup.shift_by_code("evening").id)
    next_entries, next_version = await roster.day_entries(leader, day + dt.timedelta(days=1))
    # a colleague of the same team at another room, on the next evening: each would
    # end up with two rooms on one evening
    elsewhere = next(e for e in next_entries if e.shift_id == evening.shift_id
                     and e.team_id == evening.team_id and e.post_id != evening.post_id)
    with pytest.raises(ValidationError) as refused:
        await roster_edits.swap(leader, evening.id, elsewhere.id,
                                {day: version, elsewhere.day: next_version})
    assert {e.code for e in refused.value.errors} == {"roster.two_shifts"}
    assert len(refused.value.errors) == 2
    assert await roster.day_entries(leader, day) == (entries, version)
    # somebody of the same room who rests that evening and takes it, giving a later
    # duty of theirs in return, keeps everybody rested; a second leader who read
    # the days before that swap loses
    candidates = [(e, v) for offset in range(1, 8)
                  for entries_then, v in [await roster.day_entries(
                      leader, day + dt.timedelta(days=offset))]
                  for e in entries_then if e.post_id == evening.post_id
                  and e.staff_id != evening.staff_id]
    refusals = set()
    for partner, late_version in candidates:
        later = partner.day
        try:
            await roster_edits.swap(leader, evening.id, partner.id,
                                    {day: version, later: late_version})
        except ValidationError as too_tight:
            refusals.add(too_tight.errors[0].code)
        else:
            break
    else:
        pytest.fail("nobody at the room could swap an evening duty within a week")
    assert refusals <= {"roster.rest", "roster.two_shifts"}
    with pytest.raises(ConflictError):
        await roster_edits.swap(leader, evening.id, partner.id, {day: version, later: late_version})
    swapped = {e.id: e.staff_id for e in (await roster.day_entries(leader, day))[0]}
    assert swapped[evening.id] == partner.staff_id


async def test_shift_templates_that_overlap_are_refused_with_nothing_changed(
        leader: Store) -> None:
    before = await load_setup(leader)
    day = before.shift_by_code("day")
    for draft, code in (
            (ShiftDraft("long", "长班", dt.time(8), 25), "shift.overlaps_itself"),
            (ShiftDraft("peak", "高峰班", dt.time(12), 6), "shift.overlaps"),
            (ShiftDraft("day", "白班", dt.time(7), 8, day.id, day.version), "shift.overlaps")):
        with pytest.raises(ValidationError) as refused:
            await save_shift(leader, draft)
        assert refused.value.errors[0].code == code
    assert await load_setup(leader) == before


async def test_only_shift_leaders_and_admins_edit_the_roster(store: Store) -> None:
    store.roles = frozenset({"operator"})
    with pytest.raises(PermissionDenied):
        await roster.generate_month(store, 2028, 2)
    store.roles = frozenset({"admin"})
    assert (await roster.generate_month(store, 2028, 2)).entries > 0
