"""Roll calls of the posts on duty, their statistics, and the handover that
follows them up (against a real database)."""

import datetime as dt

import pytest

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, PermissionDenied, ValidationError
from console.core.store import Store
from console.duty import handover, roll_call_stats, roll_calls, roster
from console.duty.duty_setup import load_setup
from console.hotline.intake import create_case
from tests.factories import draft

LEADERS = frozenset({"shift_leader"})


@pytest.fixture
async def leader(store: Store) -> Store:
    store.roles = LEADERS
    now = store.clock.now().astimezone(CENTRE_TZ)
    for month_start in {now.date().replace(day=1),
                        (now - dt.timedelta(hours=8)).date().replace(day=1)}:
        await roster.generate_month(store, month_start.year, month_start.month)
    return store


@pytest.fixture
async def second_leader(database_url: str):
    other = Store(database_url, "sl_incoming")
    other.roles = LEADERS
    yield other
    await other.close()


async def test_a_roll_call_lists_every_post_on_duty_and_keeps_each_mark(leader: Store) -> None:
    call = await roll_calls.start(leader, "video")
    setup = await load_setup(leader)
    assert [e.post_id for e in call.entries] == [p.id for p in setup.posts]
    on_duty = {d.post_id: d.staff_id for d in await roster.on_duty(leader)}
    room = next(e for e in call.entries if e.post.endswith("社区值班室"))
    assert room.staff_id == on_duty[room.post_id] and room.person and room.phone
    assert call.shift_id == setup.current_shift(leader.clock.now())[1].id
    first, second, third = call.entries[:3]
    await roll_calls.mark(leader, first.id, "answered")
    late = await roll_calls.mark(leader, second.id, "late", 7)
    assert (late.result, late.late_minutes) == ("late", 7) and late.at is not None
    await roll_calls.mark(leader, third.id, "absent", note="电话无人接，已通知街道")
    with pytest.raises(ValidationError) as unmarked:
        await roll_calls.finish(leader, call.id)
    assert unmarked.value.errors[0].params == {"count": len(call.entries) - 3}
    done = await roll_calls.finish(leader, call.id, unmarked_as="no_answer")
    assert done.finished_at is not None
    assert (done.count("answered"), done.count("late"), done.count("absent"),
            done.count("no_answer")) == (1, 1, 1, len(call.entries) - 3)
    with pytest.raises(ValidationError) as closed:
        await roll_calls.mark(leader, first.id, "absent")
    assert closed.value.errors[0].code == "roll_call.finished"


async def test_bad_marks_are_refused_with_nothing_changed(leader: Store) -> None:
    setup = await load_setup(leader)
    rooms = [p.id for p in setup.posts if p.kind == "community"][:2]
    call = await roll_calls.start(leader, "phone", rooms)
    assert [e.post_id for e in call.entries] == rooms
    entry = call.entries[0]
    for result, minutes, code in (("late", None, "roll_call.late_minutes"),
                                  ("late", 0, "roll_call.late_minutes"),
                                  ("late", 9999, "roll_call.late_minutes"),
                                  ("asleep", None, "roll_call.result")):
        with pytest.raises(ValidationError) as refused:
            await roll_calls.mark(leader, entry.id, result, minutes)
        assert refused.value.errors[0].code == code
    assert (await roll_calls.load(leader, call.id)).entries == call.entries
    with pytest.raises(ValidationError):
        await roll_calls.start(leader, "pigeon")
    with pytest.raises(ValidationError):
        await roll_calls.start(leader, "radio", [])
    leader.roles = frozenset({"operator"})
    with pytest.raises(PermissionDenied):
        await roll_calls.start(leader, "radio")


async def test_statistics_by_channel_post_person_and_period(leader: Store) -> None:
    setup = await load_setup(leader)
    rooms = [p.id for p in setup.posts if p.kind == "community"][:3]
    for channel, results in (("phone", ("answered", "absent", "answered")),
                             ("radio", ("late", "answered", "no_answer"))):
        call = await roll_calls.start(leader, channel, rooms)
        for entry, result in zip(call.entries, results, strict=True):
            await roll_calls.mark(leader, entry.id, result, 12 if result == "late" else None)
        await roll_calls.finish(leader, call.id)
    now = leader.clock.now()
    since, until = now - dt.timedelta(days=1), now + dt.timedelta(minutes=5)
    by_channel = {r.key: r for r in await roll_call_stats.statistics(leader, since, until,
                                                                     "channel")}
    assert set(by_channel) == {"phone", "radio"}
    assert (by_channel["phone"].tally.answered, by_channel["phone"].tally.absent) == (2, 1)
    assert by_channel["radio"].tally.late_minutes_avg == 12.0
    assert by_channel["radio"].tally.reached == pytest.approx(2 / 3)
    by_post = await roll_call_stats.statistics(leader, since, until, "post")
    assert len(by_post) == 3 and {r.roll_calls for r in by_post} == {2}
    today = now.astimezone(CENTRE_TZ).strftime("%Y-%m-%d")
    assert [(r.key, r.tally.total) for r in
            await roll_call_stats.statistics(leader, since, until, "day")] == [(today, 6)]
    assert [r.key for r in await roll_call_stats.statistics(leader, since, until,
                                                            "leader")] == ["op_test"]
    history = await roll_call_stats.history(leader, since, until)
    assert [h.channel for h in history] == ["radio", "phone"]
    missed = await roll_call_stats.missed(leader, since, until)
    assert [m.result for m in missed] == ["absent", "no_answer"]


async def test_a_handover_sums_up_the_shift_and_the_next_leader_signs_it_once(
        leader: Store, second_leader: Store, catalog: Catalog) -> None:
    created = await create_case(leader, catalog, draft(catalog, category_id=next(
        c.id for c in catalog.categories.values() if c.is_leaf and c.urgency == "A")))
    setup = await load_setup(leader)
    rooms = [p.id for p in setup.posts if p.kind == "community"][:2]
    call = await roll_calls.start(leader, "phone", rooms)
    await roll_calls.mark(leader, call.entries[0].id, "absent")
    await roll_calls.finish(leader, call.id, unmarked_as="no_answer")
    day, shift = setup.current_shift(leader.clock.now())
    fresh = await handover.draft(leader, day, shift.id)
    assert fresh.id is None
    summary = fresh.summary
    assert summary["opened"] >= 1 and summary["opened_by_urgency"].get("A", 0) >= 1
    assert summary["roll_calls"][0]["absent"] == 1
    assert [f["result"] for f in summary["follow_ups"]] == ["absent", "no_answer"]
    assert summary["follow_ups"][0]["post"] == call.entries[0].post
    saved = await handover.hand_over(leader, day, shift.id, "注意 A 类案件跟进", None)
    assert (saved.outgoing_leader, saved.notes) == ("op_test", "注意 A 类案件跟进")
    with pytest.raises(ValidationError) as own:
        await handover.sign_off(leader, saved.id, saved.version)
    assert own.value.errors[0].code == "handover.own"
    signed = await handover.sign_off(second_leader, saved.id, saved.version, "已接班")
    assert (signed.incoming_leader, signed.incoming_notes) == ("sl_incoming", "已接班")
    assert signed.signed
    with pytest.raises(ValidationError) as twice:
        await handover.sign_off(second_leader, saved.id, signed.version)
    assert twice.value.errors[0].params == {"who": "sl_incoming"}
    with pytest.raises(ValidationError):
        await handover.hand_over(leader, day, shift.id, "补充", saved.version)
    kept = await handover.draft(leader, day, shift.id)
    assert kept == signed and created.public_no
    assert await handover.history(leader, day, day) == [signed]


async def test_two_leaders_handing_over_one_shift_the_second_is_told(
        leader: Store, second_leader: Store) -> None:
    setup = await load_setup(leader)
    day, shift = setup.current_shift(leader.clock.now())
    first = await handover.hand_over(second_leader, day, shift.id, "先交", None)
    with pytest.raises(ConflictError) as lost:
        await handover.hand_over(leader, day, shift.id, "后交", None)
    assert lost.value.changed_by == "sl_incoming"
    updated = await handover.hand_over(leader, day, shift.id, "补充说明", first.version)
    assert updated.notes == "补充说明" and updated.version == first.version + 1
    with pytest.raises(ValidationError) as huge:
        await handover.hand_over(leader, day, shift.id, "长" * 5000, updated.version)
    assert huge.value.errors[0].code == "text.too_long"
    assert (await handover.draft(leader, day, shift.id)).notes == "补充说明"


async def test_the_history_lists_the_latest_shift_first_whenever_it_was_handed_over(
        leader: Store) -> None:
    setup = await load_setup(leader)
    day, shift = setup.current_shift(leader.clock.now())
    before = setup.previous_shift(day, shift)
    assert before is not None
    now = await handover.hand_over(leader, day, shift.id, "本班", None)
    late = await handover.hand_over(leader, before[0], before[1].id, "上一班补交", None)
    assert late.created_at > now.created_at
    assert [h.id for h in await handover.history(leader, before[0], day)] == [now.id, late.id]


async def test_the_demo_duty_has_a_roster_two_weeks_of_roll_calls_and_signed_handovers(
        store: Store) -> None:
    from console.demodata.demo_duty import load_demo_duty

    now = dt.datetime(2028, 3, 1, 9, 30, tzinfo=CENTRE_TZ)  # just after a leap February
    await load_demo_duty(store, now)
    assert store.roles == frozenset()  # the loader gives back the roles it borrowed
    for year, month in ((2028, 2), (2028, 3), (2028, 4)):
        assert await roster.month_entries(store, year, month)
    calls = await roll_call_stats.history(store, now - dt.timedelta(days=15), now)
    channels = {c.channel for c in calls}
    assert channels == {"phone", "video", "radio"} and all(c.finished_at for c in calls)
    # A year's 1,230 phone checks of a person, 245 video and 196 radio roll calls of all
    # posts on duty, over two weeks: about 47 people called by phone, 9 and 7 roll calls.
    people_by_phone = sum(c.tally.total for c in calls if c.channel == "phone")
    assert 25 <= people_by_phone <= 75
    assert all(1 <= c.tally.total <= 4 for c in calls if c.channel == "phone")
    full = [c for c in calls if c.channel != "phone"]
    assert 8 <= len(full) <= 30 and all(c.tally.total >= 35 for c in full)
    handovers = await handover.history(store, dt.date(2028, 2, 20), dt.date(2028, 3, 1))
    assert len(handovers) == 21 and all(h.signed for h in handovers)
    assert all(h.outgoing_leader != h.incoming_leader and h.outgoing_leader.startswith("sl_")
               for h in handovers)
