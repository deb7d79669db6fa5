"""The lifecycle state machine: explicit moves, roles, needed facts, invariants."""

import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.casework.lifecycle import (
    ACTIONS,
    MAX_CALLBACK_ATTEMPTS,
    OPEN,
    WITH_UNIT,
    CaseState,
    TransitionError,
    allowed,
    apply,
    check,
)
from console.core.errors import ValidationError
from db.schema import CASE_STATUSES

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
ALL = frozenset({"operator", "dispatcher", "shift_leader", "supervisor"})
FACTS = {"reason": "不属本单位职责", "unit_id": 7, "result": "已修复", "answer": "见答复",
         "master_id": uuid.uuid4(), "satisfaction": 4, "urgency": "A",
         "due_at": NOW + dt.timedelta(days=4)}
# What a referral to the district leader and the leader's decision take.
DISPUTE = {**FACTS, "note": "双方各执一词，请区领导协调", "leader": "王副区长",
           "decision": "由水务局牵头办理"}


def test_the_main_road_from_accepted_to_closed() -> None:
    state = CaseState("accepted", due_at=NOW + dt.timedelta(days=5))
    for action, role in (("dispatch", "dispatcher"), ("start", "operator"),
                         ("resolve", "dispatcher"), ("callback_closed", "operator")):
        state = apply(state, action, frozenset({role}), FACTS, NOW).after
    assert (state.status, state.assigned_unit_id, state.version) == ("closed", 7, 5)


def test_roles_are_checked() -> None:
    with pytest.raises(TransitionError) as info:
        check("dispatch", "accepted", frozenset({"operator"}), FACTS)
    assert info.value.code == "transition.forbidden"
    with pytest.raises(TransitionError):
        check("settle", "disputed", frozenset({"dispatcher"}), FACTS)
    assert check("settle", "disputed", frozenset({"shift_leader"}), FACTS) == "dispatched"
    assert check("settle", "disputed", frozenset({"admin"}), FACTS) == "dispatched"


def test_needed_facts_are_checked() -> None:
    with pytest.raises(TransitionError) as info:
        check("return", "dispatched", ALL, {"reason": "   "})
    assert info.value.code == "transition.needs_reason"
    with pytest.raises(TransitionError) as info:
        check("dispatch", "accepted", ALL, {})
    assert info.value.code == "transition.needs_unit_id"


def test_moves_from_the_wrong_status_are_refused() -> None:
    with pytest.raises(TransitionError) as info:
        check("callback_closed", "closed", ALL, FACTS)  # a callback on a closed case
    assert info.value.code == "transition.not_from"
    assert allowed("closed", ALL) == []


def test_a_return_takes_the_case_back_from_the_unit() -> None:
    move = apply(CaseState("dispatched", assigned_unit_id=3), "return", ALL, FACTS, NOW)
    assert move.after.assigned_unit_id is None
    assert move.payload == {"action": "return", "from": "dispatched", "to": "returned",
                            "reason": "不属本单位职责", "unit_id": 3}


def test_a_dispute_leaves_the_first_unit_in_charge_until_settled() -> None:
    disputed = apply(CaseState("dispatched", assigned_unit_id=3), "dispute", ALL, FACTS,
                     NOW).after
    assert (disputed.status, disputed.assigned_unit_id) == ("disputed", 3)
    resolved_meanwhile = apply(disputed, "resolve", ALL, FACTS, NOW).after
    assert resolved_meanwhile.status == "resolved"
    settled = apply(disputed, "settle", frozenset({"shift_leader"}), {"unit_id": 9}, NOW).after
    assert (settled.status, settled.assigned_unit_id) == ("dispatched", 9)


def test_a_dispute_the_leader_cannot_settle_goes_to_the_district_leader() -> None:
    disputed = CaseState("disputed", 3, assigned_unit_id=3, due_at=NOW)
    leader = frozenset({"shift_leader"})
    with pytest.raises(TransitionError) as no_note:
        apply(disputed, "refer", leader, {}, NOW)
    assert no_note.value.code == "transition.needs_note"
    with pytest.raises(TransitionError):  # a supervisor records decisions, never refers
        apply(disputed, "refer", frozenset({"supervisor"}), DISPUTE, NOW)
    referred = apply(disputed, "refer", leader, DISPUTE, NOW)
    assert (referred.after.status, referred.after.assigned_unit_id) == ("referred", 3)
    assert referred.payload["note"] == DISPUTE["note"]
    assert "resolve" in allowed("referred", frozenset({"operator"}))  # 首问负责制
    assert "merge" not in allowed("referred", ALL)
    earlier = NOW - dt.timedelta(days=1)
    decided = apply(referred.after, "decide", frozenset({"supervisor"}),
                    {**DISPUTE, "unit_id": 9, "decided_at": earlier}, NOW)
    assert (decided.after.status, decided.after.assigned_unit_id) == ("dispatched", 9)
    assert decided.changes["dispatched_at"] == NOW  # a fresh dispatch
    assert {k: decided.payload[k] for k in ("leader", "decision", "unit_id", "decided_at")} \
        == {"leader": "王副区长", "decision": "由水务局牵头办理", "unit_id": 9,
            "decided_at": earlier}
    with pytest.raises(ValidationError) as future:
        apply(referred.after, "decide", leader,
              {**DISPUTE, "decided_at": NOW + dt.timedelta(hours=1)}, NOW)
    assert future.value.errors[0].code == "decision.future"
    with pytest.raises(ValidationError) as naive:
        apply(referred.after, "decide", leader, {**DISPUTE, "decided_at": "昨天"}, NOW)
    assert naive.value.errors[0].code == "decision.when"
    with pytest.raises(TransitionError) as no_leader:
        apply(referred.after, "decide", leader, {"unit_id": 9, "decision": "x"}, NOW)
    assert no_leader.value.code == "transition.needs_leader"
    with pytest.raises(TransitionError):  # dispatchers neither refer nor record
        apply(referred.after, "decide", frozenset({"dispatcher"}), DISPUTE, NOW)


def test_pausing_moves_the_deadline_by_the_paused_time() -> None:
    due = NOW + dt.timedelta(hours=24)
    paused = apply(CaseState("dispatched", assigned_unit_id=1, due_at=due), "pause", ALL,
                   FACTS, NOW).after
    with pytest.raises(TransitionError):
        apply(paused, "pause", ALL, FACTS, NOW)
    resumed = apply(paused, "resume", ALL, {}, NOW + dt.timedelta(hours=3)).after
    assert resumed.due_at == due + dt.timedelta(hours=3) and resumed.paused_at is None


def test_unreachable_callbacks_close_the_case_after_the_last_try() -> None:
    state = CaseState("resolved", assigned_unit_id=1)
    for attempt in range(1, MAX_CALLBACK_ATTEMPTS + 1):
        move = apply(state, "callback_unreachable", frozenset({"operator"}), {}, NOW)
        state = move.after
        assert move.payload["attempt"] == attempt
    assert state.status == "closed" and move.payload["gave_up"] is True


def test_a_unit_signs_for_its_case_and_replies_with_the_result() -> None:
    handler = frozenset({"unit_handler"})
    dispatched = apply(CaseState("accepted", due_at=NOW), "dispatch", ALL, FACTS, NOW)
    assert dispatched.changes["signed_at"] is None  # the unit it goes to signs again
    with pytest.raises(TransitionError) as unsigned:
        check("reply", "dispatched", handler, FACTS)
    assert unsigned.value.code == "transition.not_from"  # signs first
    with pytest.raises(TransitionError) as desk:
        check("sign", "dispatched", frozenset({"dispatcher"}))
    assert desk.value.code == "transition.forbidden"  # only the unit signs
    signed = apply(dispatched.after, "sign", handler, {}, NOW)
    assert (signed.after.status, signed.changes["signed_at"]) == ("in_progress", NOW)
    replied = apply(signed.after, "reply", handler,
                    {"result": "已修复路灯", "attachments": "修复前后照片各一张"}, NOW)
    assert replied.after.status == "resolved"
    assert replied.payload["attachments"] == "修复前后照片各一张"
    assert allowed("dispatched", handler) == ["sign", "forward"]
    assert allowed("in_progress", handler) == ["reply"]


def test_satisfaction_must_be_one_to_five() -> None:
    with pytest.raises(TransitionError):
        apply(CaseState("resolved"), "callback_closed", ALL, {"satisfaction": 6}, NOW)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(ACTIONS)),
                          st.sampled_from(["operator", "dispatcher", "shift_leader",
                                           "supervisor", "admin", "unit_handler"]),
                          st.integers(0, 3600)), max_size=40), st.booleans())
def test_no_sequence_of_actions_breaks_an_invariant_or_loses_a_move(steps: list,
                                                                     grid_report: bool) -> None:
    state = CaseState("new", due_at=NOW + dt.timedelta(days=3), grid_report=grid_report)
    now, moves, first_resolved, signed = NOW, 0, None, False
    for action, role, seconds in steps:
        now += dt.timedelta(seconds=seconds)
        facts = dict(DISPUTE, unit_id=7 + moves % 2)  # settling names the same or another unit
        try:
            move = apply(state, action, frozenset({role}), facts, now,
                         unit_due=now + dt.timedelta(days=2))
        except TransitionError:
            continue  # refused moves change nothing
        assert move.after.version == state.version + 1
        # A grid report is verified in the field, a case with a caller called back.
        assert action not in (("callback_closed", "callback_unreachable", "reopen")
                              if grid_report else ("verify_passed", "verify_failed"))
        fresh = move.after.clock_round == state.clock_round + 1
        assert fresh or move.after.clock_round == state.clock_round
        if fresh:  # a unit took the case: its own clock from now, by the rule
            assert move.after.status == "dispatched"
            assert (move.after.unit_clock_at, move.after.unit_due_at) == (
                now, now + dt.timedelta(days=2))
        if role == "unit_handler":  # a unit signs and replies, or sends the case on
            assert action in ("sign", "reply", "forward")
            assert state.assigned_unit_id is not None and move.after.assigned_unit_id is not None
            if action != "forward":
                assert move.after.assigned_unit_id == state.assigned_unit_id
            else:
                assert move.after.status == state.status == "dispatched"
        if "signed_at" in move.changes:
            assert move.changes["signed_at"] in (now, None)
            signed = move.changes["signed_at"] is not None
        if action == "sign":
            assert (state.status, move.after.status, signed) == ("dispatched", "in_progress",
                                                                 True)
        if action in ("dispatch", "settle", "return", "forward"):
            assert not signed  # the unit the case goes to signs for it again
        state, moves = move.after, moves + 1
        if state.status == "returned" or state.status in ("new", "accepted"):
            assert state.unit_clock_at is None and state.unit_due_at is None
        if state.status in WITH_UNIT:
            assert state.unit_clock_at is not None and state.unit_due_at is not None
            assert state.unit_due_at >= state.unit_clock_at + dt.timedelta(days=2)
        if state.status == "resolved":
            first_resolved = first_resolved or now
        assert state.first_resolved_at == first_resolved  # the first resolution stays
        assert state.status in CASE_STATUSES
        if state.status in WITH_UNIT:
            assert state.assigned_unit_id is not None
        if state.status == "returned":
            assert state.assigned_unit_id is None
        assert (state.merged_into is not None) == (state.status == "merged")
        if state.status not in OPEN:
            assert state.paused_at is None
        assert state.due_at is not None and state.due_at >= NOW + dt.timedelta(days=3)
    assert state.version == 1 + moves  # one version, and one event, per move


def test_bad_fact_values_are_codes_not_crashes() -> None:
    resolved = CaseState("resolved")
    for rating in ("很好", "4.5", 4.5, True, None, [], {"x": 1}, "0", 6):
        facts = {"satisfaction": rating}
        with pytest.raises(TransitionError) as info:
            apply(resolved, "callback_closed", ALL, facts, NOW)
        wanted = "transition.needs_satisfaction" if rating is None else "callback.satisfaction"
        assert info.value.code == wanted, rating
    assert apply(resolved, "callback_closed", ALL, {"satisfaction": " 4 "}, NOW
                 ).payload["satisfaction"] == 4
    for reason, position in (("不归\x00我们", 3), ("\ud800", 1)):
        with pytest.raises(ValidationError) as bad:
            apply(CaseState("accepted"), "invalidate", ALL, {"reason": reason}, NOW)
        assert [(e.field, e.code, e.params) for e in bad.value.errors] == [
            ("reason", "text.control", {"position": position})]
    with pytest.raises(ValidationError) as unit:
        apply(CaseState("accepted"), "dispatch", ALL, {"unit_id": "七"}, NOW)
    assert unit.value.errors[0].code == "unit.unknown"
    with pytest.raises(ValidationError) as master:
        apply(CaseState("accepted"), "merge", ALL, {"master_id": "PS-1"}, NOW)
    assert master.value.errors[0].code == "merge.unknown"


def test_a_reclass_takes_a_shift_leader_a_reason_and_a_new_deadline() -> None:
    state = CaseState("dispatched", version=3, assigned_unit_id=7, urgency="B",
                      due_at=NOW + dt.timedelta(days=5))
    due = NOW + dt.timedelta(hours=24)
    with pytest.raises(TransitionError) as info:
        apply(state, "reclass", frozenset({"operator", "dispatcher"}),
              {"urgency": "A", "reason": "危及安全", "due_at": due}, NOW)
    assert info.value.code == "transition.forbidden"
    leader = frozenset({"shift_leader"})
    for facts, code in (({"urgency": "A", "due_at": due}, "transition.needs_reason"),
                        ({"reason": "x", "due_at": due}, "transition.needs_urgency"),
                        ({"urgency": "D", "reason": "x", "due_at": due},
                         "reclass.unknown_class"),
                        ({"urgency": "B", "reason": "x", "due_at": due}, "reclass.same_class"),
                        ({"urgency": "A", "reason": "x"}, "reclass.no_deadline")):
        with pytest.raises(TransitionError) as refused:
            apply(state, "reclass", leader, facts, NOW)
        assert refused.value.code == code
    move = apply(state, "reclass", leader, {"urgency": "A", "reason": "危及安全",
                                            "due_at": due}, NOW)
    assert move.after.status == "dispatched" and move.after.urgency == "A"
    assert move.changes == {"urgency": "A", "due_at": due, "version": 4}
    assert move.payload["was"] == "B" and move.payload["urgency"] == "A"
    assert move.payload["due_from"] == "accepted_at"
    assert move.payload["due_was"] == (NOW + dt.timedelta(days=5)).isoformat()
