"""Disputes the shift leader cannot settle: referred to the district leader's
coordination, the leader's decision recorded on their behalf, and the case sent
to the unit it names; raw SQL as each role that might try to get round it."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from psycopg import errors
from sqlalchemy import select, update

from console.calendar.workdays import DayInfo, WorkCalendar
from console.casework import cases, dispute_briefing
from console.catalog.catalog import load_catalog
from console.core.errors import ValidationError
from console.core.store import Store
from console.supervision import ladder_rules
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw


async def _units(url: str) -> list[int]:
    store = await person(url)
    try:
        catalog = await load_catalog(store)
        return sorted(u.id for u in catalog.units.values() if u.active)[:3]
    finally:
        await store.close()


async def disputed_case(login_as: MakeLogin) -> tuple[uuid.UUID, str, list[int]]:
    """A case dispatched and disputed; a shift leader's login; three active units."""
    operator, dispatcher, leader = (login_as("operator"), login_as("dispatcher"),
                                    login_as("shift_leader"))
    case_id = await a_case(operator)
    units = await _units(dispatcher)
    for url, action, facts in ((dispatcher, "dispatch", {"unit_id": units[0]}),
                               (leader, "dispute", {"reason": "不属本单位职责"})):
        store = await person(url)
        try:
            await cases.perform(store, case_id, action, None, **facts)
        finally:
            await store.close()
    return case_id, leader, units


async def test_a_referred_dispute_goes_where_the_district_leader_decided(
        login_as: MakeLogin) -> None:
    case_id, leader_url, units = await disputed_case(login_as)
    leader = await person(leader_url)
    supervisor = await person(login_as("supervisor"))
    try:
        referred = await cases.perform(leader, case_id, "refer", None,
                                       note="水务、城管均称不属本单位，请区领导协调")
        assert referred.after.status == "referred" and referred.event_id
        paused = await cases.perform(leader, case_id, "pause", None, reason="等区领导开会")
        assert paused.after.paused_at is not None  # a referred case is open: its clock too
        await cases.perform(leader, case_id, "resume", None)
        decided_on = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
        with pytest.raises(ValidationError) as future:
            await cases.perform(supervisor, case_id, "decide", None, unit_id=units[1],
                                leader="王副区长", decision="水务局牵头",
                                decided_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
        assert future.value.errors[0].code == "decision.future"
        decided = await cases.perform(supervisor, case_id, "decide", None, unit_id=units[1],
                                      leader="王副区长", decision="由水务局牵头办理",
                                      decided_at=decided_on)
        assert (decided.after.status, decided.after.assigned_unit_id) == ("dispatched",
                                                                         units[1])
        async with supervisor.read() as conn:
            record = (await conn.execute(select(
                s.DisputeDecision.leader, s.DisputeDecision.unit_id, s.DisputeDecision.text,
                s.DisputeDecision.decided_at, s.DisputeDecision.recorded_by)
                .where(s.DisputeDecision.case_id == case_id))).one()
            referral = (await conn.execute(select(s.DisputeReferral.referred_by,
                                                  s.DisputeReferral.unit_id)
                                           .where(s.DisputeReferral.case_id == case_id))).one()
            case = (await conn.execute(select(s.Case.dispatched_at, s.Case.status)
                                       .where(s.Case.id == case_id))).one()
        assert record[:3] == ("王副区长", units[1], "由水务局牵头办理")
        assert record.decided_at == decided_on and record.recorded_by == supervisor.actor
        assert tuple(referral) == (leader.actor, units[0])
        assert case.status == "dispatched" and case.dispatched_at > decided_on
        timeline = await cases.timeline(supervisor, case_id)
        assert [e.kind for e in timeline][-4:] == ["refer", "pause", "resume", "decide"]
        assert timeline[-1].data.text("leader") == "王副区长"
        assert timeline[-1].data.decided_at == decided_on
    finally:
        await leader.close()
        await supervisor.close()


async def test_nobody_gets_round_the_referral_and_the_decision(login_as: MakeLogin) -> None:
    case_id, leader_url, units = await disputed_case(login_as)
    dispatcher, supervisor = login_as("dispatcher"), login_as("supervisor")
    to_referred = ("UPDATE \"case\" SET status = 'referred', version = version + 1"
                   " WHERE id = %s")
    with raw(dispatcher) as conn:  # neither the record nor the move
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO dispute_referral (case_id, note) VALUES (%s, 'x')",
                         (case_id,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(to_referred, (case_id,))
    # A supervisor records decisions but does not refer.
    with raw(supervisor) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("INSERT INTO dispute_referral (case_id, note) VALUES (%s, 'x')",
                     (case_id,))
    with raw(leader_url) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="recorded first"), \
                conn.transaction():  # the move without its referral
            conn.execute(to_referred, (case_id,))
            conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'refer')",
                         (case_id,))
        with pytest.raises(errors.InsufficientPrivilege):  # in someone else's name
            conn.execute("INSERT INTO dispute_referral (case_id, note, referred_by)"
                         " VALUES (%s, 'x', 'somebody')", (case_id,))
        with pytest.raises(errors.InsufficientPrivilege):  # back-dated: not a column of theirs
            conn.execute("INSERT INTO dispute_referral (case_id, note, referred_at)"
                         " VALUES (%s, 'x', now() - interval '9 days')", (case_id,))
        with pytest.raises(errors.InsufficientPrivilege, match="with its move"):
            conn.execute("INSERT INTO dispute_referral (case_id, note) VALUES (%s, '请协调')",
                         (case_id,))  # a referral without its move does not commit
        with conn.transaction():  # the referral and its move, as the service makes them
            conn.execute("INSERT INTO dispute_referral (case_id, note) VALUES (%s, '请协调')",
                         (case_id,))
            conn.execute(to_referred, (case_id,))
            conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'refer')",
                         (case_id,))
        referral = conn.execute("SELECT id FROM dispute_referral WHERE case_id = %s",
                                (case_id,)).fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege):  # records are never changed
            conn.execute("UPDATE dispute_referral SET note = 'y' WHERE id = %s", (referral,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM dispute_referral WHERE id = %s", (referral,))
    decision = ("INSERT INTO dispute_decision (referral_id, case_id, leader, decided_at,"
                " unit_id, text) VALUES (%s, %s, '王副区长', %s, %s, '水务局牵头')")
    dispatch = ("UPDATE \"case\" SET status = 'dispatched', assigned_unit_id = %s,"
                " dispatched_at = now(), version = version + 1 WHERE id = %s")
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    with raw(supervisor) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="with its move"):
            conn.execute(decision, (referral, case_id, earlier, units[1]))  # no move: stray
        with pytest.raises(errors.InsufficientPrivilege, match="no later than now"):
            conn.execute(decision, (referral, case_id, dt.datetime.now(dt.UTC)
                                    + dt.timedelta(days=1), units[1]))
        with pytest.raises(errors.InsufficientPrivilege, match="names"), conn.transaction():
            conn.execute(decision, (referral, case_id, earlier, units[1]))
            conn.execute(dispatch, (units[2], case_id))  # to another unit than decided
        with pytest.raises(errors.InsufficientPrivilege, match="names"), conn.transaction():
            conn.execute(dispatch, (units[1], case_id))  # with no decision at all
        with conn.transaction():
            conn.execute(decision, (referral, case_id, earlier, units[1]))
            conn.execute(dispatch, (units[1], case_id))
            conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'decide')",
                         (case_id,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE dispute_decision SET unit_id = %s", (units[2],))
        with pytest.raises(errors.InsufficientPrivilege, match="latest referral"):
            conn.execute(decision, (referral, case_id, earlier, units[2]))
    with raw(login_as("operator")) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(decision, (referral, case_id, earlier, units[1]))


async def test_a_referral_is_only_for_a_disputed_case(login_as: MakeLogin) -> None:
    case_id = await a_case(login_as("operator"))
    with raw(login_as("shift_leader")) as conn, \
            pytest.raises(errors.InsufficientPrivilege, match="only a disputed case"):
        conn.execute("INSERT INTO dispute_referral (case_id, note) VALUES (%s, 'x')",
                     (case_id,))


async def test_unsettled_disputes_older_than_the_rule_are_listed_for_the_briefing(
        login_as: MakeLogin, store: Store) -> None:
    old_case, leader_url, _units = await disputed_case(login_as)
    fresh_case, _leader, _ = await disputed_case(login_as)
    leader = await person(leader_url)
    try:
        await cases.perform(leader, old_case, "refer", None, note="请区领导协调")
    finally:
        await leader.close()
    async with store.transaction() as conn:  # the old dispute began ten days ago
        dispute = (await conn.execute(select(s.CaseEvent.id).where(
            s.CaseEvent.case_id == old_case, s.CaseEvent.kind == "dispute"))).scalar_one()
        await conn.exec_driver_sql("ALTER TABLE case_event DISABLE TRIGGER USER")
        await conn.execute(update(s.CaseEvent).where(s.CaseEvent.id == dispute).values(
            at=s.func.now() - dt.timedelta(days=10)))
        await conn.exec_driver_sql("ALTER TABLE case_event ENABLE TRIGGER USER")
    now = dt.datetime.now(dt.UTC)
    every_day = WorkCalendar({(now + dt.timedelta(days=d)).date(): DayInfo(True)
                              for d in range(-20, 5)}, known_years=[now.year])
    listed = await dispute_briefing.unsettled(store, every_day, older_than=5)
    mine = [d for d in listed if d.case_id in (old_case, fresh_case)]
    assert [(d.case_id, d.status) for d in mine] == [(old_case, "referred")]
    assert mine[0].working_days == 9 and mine[0].reason == "不属本单位职责"
    assert mine[0].referral_note == "请区领导协调" and mine[0].referred_at is not None
    everything = await dispute_briefing.unsettled(store, every_day, older_than=0)
    assert {old_case, fresh_case} <= {d.case_id for d in everything}
    # By the rule (an admin's number): 5 working days by default.
    by_rule = await dispute_briefing.unsettled(store, every_day)
    assert old_case in {d.case_id for d in by_rule}
    assert fresh_case not in {d.case_id for d in by_rule}
    store.roles = frozenset({"admin"})
    await ladder_rules.set_rule(store, 0.75, 1, dispute_briefing_working_days=10)
    assert old_case not in {d.case_id for d in await dispute_briefing.unsettled(store,
                                                                               every_day)}
