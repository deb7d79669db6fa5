"""A unit's work through the services, as the people who do it: signing,
progress, reply; return and extension requests decided by someone else."""

from __future__ import annotations

import datetime as dt

import pytest

from console.calendar.deadlines import load_calendar
from console.casework import cases
from console.core.errors import PermissionDenied, ValidationError
from console.units import clocks, requests, work
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.db.units_fixture import a_handler, dispatched_to, two_units


async def test_a_handler_signs_notes_progress_and_replies(login_as: MakeLogin,
                                                          database_url: str) -> None:
    unit_x, unit_y = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    mine = await dispatched_to(operator, dispatcher, unit_x)
    await dispatched_to(operator, dispatcher, unit_y)
    handler = await person(a_handler(login_as, database_url, unit_x))
    try:
        listed = await work.my_cases(handler)
        assert [c.id for c in listed] == [mine]
        calendar = await load_calendar(handler)
        dispatched_at = listed[0].dispatched_at
        assert dispatched_at is not None  # the database's sign deadline is the console's
        assert listed[0].sign_due() == clocks.sign_due(calendar, dispatched_at)
        signed = await work.sign(handler, mine, listed[0].version)
        assert signed.after.status == "in_progress"
        after = (await work.my_cases(handler))[0]
        assert after.signed_at is not None and after.sign_due() is None
        with pytest.raises(ValidationError) as empty:
            await work.note_progress(handler, mine, "  ")
        assert empty.value.errors[0].code == "progress.empty"
        noted = await work.note_progress(handler, mine, "已派人到现场查看")
        replied = await work.reply(handler, mine, None,
                                   "路灯已修复", "修复后照片一张")
        assert replied.after.status == "resolved" and replied.event_id > noted
        kinds = [e.kind for e in await cases.timeline(handler, mine)]
        assert kinds[-3:] == ["sign", "progress_noted", "reply"]
    finally:
        await handler.close()


async def test_a_return_is_approved_by_a_dispatcher_and_not_by_the_applicant(
        login_as: MakeLogin, database_url: str) -> None:
    unit_x, _ = two_units(database_url)
    dispatcher_url = login_as("dispatcher")
    case_id = await dispatched_to(login_as("operator"), dispatcher_url, unit_x)
    handler = await person(a_handler(login_as, database_url, unit_x))
    dispatcher, leader = await person(dispatcher_url), await person(login_as("shift_leader"))
    try:
        calendar = await load_calendar(handler)
        await requests.apply_return(handler, case_id, "不属本单位职责")
        with pytest.raises(ValidationError) as twice:
            await requests.apply_return(handler, case_id, "再申请一次")
        assert twice.value.errors[0].code == "request.pending_already"
        [pending] = await requests.pending(dispatcher)
        assert (pending.kind, pending.requested_by) == ("return", handler.actor)
        with pytest.raises(PermissionDenied):
            await requests.decide(handler, calendar, pending.id, True)
        with pytest.raises(PermissionDenied):  # a return is the dispatchers' to decide
            await requests.decide(leader, calendar, pending.id, True)
        with pytest.raises(ValidationError) as no_reason:
            await requests.decide(dispatcher, calendar, pending.id, False, "")
        assert no_reason.value.errors[0].code == "decision_reason.empty"
        await requests.decide(dispatcher, calendar, pending.id, True, "同意退回")
        assert await work.my_cases(handler) == []  # back at the centre
        with raw(database_url) as conn:
            assert conn.execute('SELECT status, assigned_unit_id FROM "case" WHERE id = %s',
                                (case_id,)).fetchone() == ("returned", None)
        [decided] = await requests.of_case(dispatcher, case_id)
        assert (decided.decision, decided.decided_by) == ("approved", dispatcher.actor)
        with pytest.raises(ValidationError) as final:
            await requests.decide(dispatcher, calendar, pending.id, False, "改主意了")
        assert final.value.errors[0].code == "request.decided_already"
    finally:
        for store in (handler, dispatcher, leader):
            await store.close()


async def test_an_extension_moves_the_deadline_only_when_approved(
        login_as: MakeLogin, database_url: str) -> None:
    unit_x, _ = two_units(database_url)
    dispatcher_url = login_as("dispatcher")
    case_id = await dispatched_to(login_as("operator"), dispatcher_url, unit_x)
    handler = await person(a_handler(login_as, database_url, unit_x))
    dispatcher = await person(dispatcher_url)
    leader = await person(login_as("shift_leader"))
    try:
        calendar = await load_calendar(handler)
        with pytest.raises(ValidationError) as days:
            await requests.apply_extension(handler, case_id, 0, "材料未到")
        assert days.value.errors[0].code == "request.days"
        due = (await work.my_cases(handler))[0].due_at
        await requests.apply_extension(handler, case_id, 3, "需协调供电局停电施工")
        [ask] = await requests.pending(leader)
        with pytest.raises(PermissionDenied):
            await requests.decide(dispatcher, calendar, ask.id, True)
        await requests.decide(leader, calendar, ask.id, False, "时限内可办结")
        assert (await work.my_cases(handler))[0].due_at == due  # refused: unchanged
        await requests.apply_extension(handler, case_id, 2, "需协调供电局停电施工")
        [ask] = await requests.pending(leader)
        await requests.decide(leader, calendar, ask.id, True)
        assert due is not None
        moved = (await work.my_cases(handler))[0].due_at
        assert moved is not None and moved - due >= dt.timedelta(days=2)
        decided = await requests.of_case(handler, case_id)
        assert [r.decision for r in decided] == ["refused", "approved"]
        assert decided[1].granted_due_at == moved
    finally:
        for store in (handler, dispatcher, leader):
            await store.close()


async def test_a_sub_centre_forwards_a_case_to_a_community_of_its_street(
        login_as: MakeLogin, database_url: str) -> None:
    with raw(database_url) as conn:
        centre, street = conn.execute("SELECT id, street_code FROM unit WHERE kind = 'centre'"
                                      " AND street_code IS NOT NULL ORDER BY id LIMIT 1"
                                      ).fetchone()  # type: ignore[misc]
        other, = conn.execute("SELECT id FROM unit WHERE kind = 'community'"
                              " AND street_code <> %s LIMIT 1", (street,)).fetchone()  # type: ignore[misc]
    case_id = await dispatched_to(login_as("operator"), login_as("dispatcher"), centre)
    handler = await person(a_handler(login_as, database_url, centre))
    try:
        targets = await work.forward_targets(handler)
        assert targets and other not in {t for t, _ in targets}
        with pytest.raises(ValidationError) as elsewhere:
            await work.forward(handler, case_id, None, other)
        assert elsewhere.value.errors[0].code == "unit.not_our_community"
        moved = await work.forward(handler, case_id, None, targets[0][0])
        assert (moved.after.status, moved.after.assigned_unit_id) == ("dispatched", targets[0][0])
        assert moved.payload["from_unit_id"] == centre
        assert await work.my_cases(handler) == []  # with the community now
    finally:
        await handler.close()
