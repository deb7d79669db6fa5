"""The admin's clock rule and notice rule (migration 0013) and the escalation ladder's
rule (0016): only admins change them, each change one version further than the one
seen (a stale save is refused and names who saved meanwhile), values in range; the
return window of the rule holds against a handler with psql; the notice templates'
preview is what the database sends."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from psycopg import errors
from sqlalchemy import func, select, update

from console.casework import cases, clocks
from console.core.errors import ConflictError, PermissionDenied, ValidationError
from console.core.store import Store
from console.notices import rule
from console.supervision import ladder_rules
from console.units import requests
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.db.units_fixture import a_handler, dispatched_to, two_units

APPLY = ("INSERT INTO unit_request (case_id, unit_id, kind, reason, days)"
         " VALUES (%s, %s, %s, '不属本单位职责', %s)")


async def test_only_an_admin_changes_the_clock_rule_one_version_at_a_time(
        login_as: MakeLogin) -> None:
    admin_url = login_as("admin")
    admin, other_admin = await person(admin_url), await person(login_as("admin"))
    dispatcher = await person(login_as("dispatcher"))
    try:
        with pytest.raises(PermissionDenied):
            await clocks.set_clock_rule(dispatcher, "sign", sign_limit_working_hours=4)
        with pytest.raises(ValidationError) as bad:
            await clocks.set_clock_rule(admin, "dispatch", sign_limit_working_hours=0,
                                        return_window_working_days=31)
        assert [e.code for e in bad.value.errors] == ["clock_rule.sign_limit",
                                                      "clock_rule.return_window"]
        seen = await clocks.current_clock_rule(admin)
        assert (seen.sign_limit_working_hours, seen.return_window_working_days) == (2, 1)
        saved = await clocks.set_clock_rule(other_admin, "dispatch", expected_version=seen.version,
                                            sign_limit_working_hours=4)
        assert saved.version == seen.version + 1 and saved.event_id > 0
        with pytest.raises(ConflictError) as stale:
            await clocks.set_clock_rule(admin, "sign", expected_version=seen.version,
                                        return_window_working_days=3)
        assert stale.value.changed_by == other_admin.actor
        assert await clocks.current_clock_rule(admin) == clocks.ClockRule("dispatch", 2, 4, 1)
    finally:
        for store in (admin, other_admin, dispatcher):
            await store.close()
    with raw(admin_url) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="one version further"):
            conn.execute("UPDATE clock_rule SET return_window_working_days = 5")
        with pytest.raises(errors.CheckViolation):
            conn.execute("UPDATE clock_rule SET sign_limit_working_hours = 100,"
                         " version = version + 1")


@pytest.mark.parametrize("group", ["dispatcher", "shift_leader", "supervisor", "unit_handler"])
def test_nobody_else_changes_a_rule_row(login_as: MakeLogin, group: str) -> None:
    with raw(login_as(group)) as conn:
        for statement in ("UPDATE clock_rule SET sign_limit_working_hours = 9,"
                          " version = version + 1",
                          "UPDATE notice_rule SET max_attempts = 9, version = version + 1"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]


async def test_a_return_is_applied_for_within_the_rules_window_whoever_asks(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    late = await dispatched_to(operator, dispatcher, unit)
    fresh = await dispatched_to(operator, dispatcher, unit)
    async with store.transaction() as conn:  # dispatched a month ago
        await conn.execute(update(s.Case).where(s.Case.id == late).values(
            dispatched_at=func.now() - dt.timedelta(days=30)))
    handler_url = a_handler(login_as, database_url, unit)
    handler = await person(handler_url)
    try:
        with pytest.raises(ValidationError) as window:
            await requests.apply_return(handler, late, "不属本单位职责")
        assert window.value.errors[0].code == "request.return_window_passed"
        with raw(handler_url) as conn:
            with pytest.raises(errors.InsufficientPrivilege, match="window"):
                conn.execute(APPLY, (late, unit, "return", None))
            conn.execute(APPLY, (late, unit, "extension", 2))  # no window for an extension
        # A wider window in the rule lets it through (the window counts when one applies).
        async with store.transaction() as conn:
            await conn.execute(update(s.ClockRule).values(return_window_working_days=30,
                                                          version=s.ClockRule.version + 1))
        assert await requests.apply_return(handler, late, "不属本单位职责") > 0
        assert await requests.apply_return(handler, fresh, "错派") > 0
    finally:
        await handler.close()


TEMPLATE = "【12345】{no}·{category}：限{due}办结。结果：{result}"


async def test_the_notice_rule_is_the_admins_and_its_preview_is_what_is_sent(
        login_as: MakeLogin, database_url: str) -> None:
    admin, operator_url = await person(login_as("admin")), login_as("operator")
    try:
        with pytest.raises(ValidationError) as bad:
            await rule.set_notice_rule(admin, 0, 60, 21, "您好{编号}", " ")
        assert [e.code for e in bad.value.errors] == [
            "notice_rule.acceptance_minutes", "notice_rule.max_attempts",
            "notice_rule.unknown_placeholder", "result_template.empty"]
        seen = await rule.current_notice_rule(admin)
        saved = await rule.set_notice_rule(admin, 30, 600, 3, TEMPLATE, TEMPLATE, seen.version)
        assert saved.version == seen.version + 1 and saved.event_id > 0
        with pytest.raises(ConflictError) as stale:
            await rule.set_notice_rule(admin, 45, 600, 3, TEMPLATE, TEMPLATE, seen.version)
        assert stale.value.changed_by == admin.actor
        assert (await rule.current_notice_rule(admin)).acceptance_minutes == 30

        case_id = await dispatched_to(operator_url, login_as("dispatcher"),
                                      two_units(database_url)[0])
        operator = await person(operator_url)
        try:
            await cases.perform(operator, case_id, "resolve", None, result="路面已修补")
        finally:
            await operator.close()
        sample = await rule.sample_case(admin)  # the case just resolved
        assert sample.real and sample.result == "路面已修补"
        async with admin.read() as conn:
            sent = dict((await conn.execute(
                select(s.CitizenMessage.kind, s.CitizenMessage.text)
                .where(s.CitizenMessage.case_id == case_id))).all())
        assert sent["result"] == rule.fill(TEMPLATE, sample)
        assert sent["acceptance"] == rule.fill(TEMPLATE, dataclasses.replace(sample, result=""))
    finally:
        await admin.close()


async def test_only_an_admin_changes_the_ladder_one_version_at_a_time(
        login_as: MakeLogin) -> None:
    admin_url = login_as("admin")
    admin, other_admin = await person(admin_url), await person(login_as("admin"))
    try:
        seen = await ladder_rules.current_rule(admin)
        saved = await ladder_rules.set_rule(other_admin, 0.6, 2, seen.version,
                                            leader_urge_after_working_hours=4)
        assert saved.version == seen.version + 1 and saved.event_id > 0
        with pytest.raises(ConflictError) as stale:
            await ladder_rules.set_rule(admin, 0.8, 1, seen.version)
        assert (stale.value.changed_by, stale.value.action) == (other_admin.actor,
                                                                "ladder_changed")
        same = await ladder_rules.set_rule(admin, 0.6, 2, saved.version)
        assert (same.version, same.event_id) == (saved.version, 0)  # nothing changed: no event
        now = await ladder_rules.current_rule(admin)
        assert (now.reminder_share, now.supervision_after_working_days,
                now.leader_urge_after_working_hours, now.version) == (0.6, 2, 4, saved.version)
    finally:
        await admin.close()
        await other_admin.close()
    with raw(admin_url) as conn:
        for statement in ("UPDATE escalation_rule SET reminder_share = 0.5",
                          "UPDATE escalation_rule SET reminder_share = 0.5,"
                          f" version = {seen.version + 1}",  # read before the other's save
                          "UPDATE escalation_rule SET reminder_share = 0.5,"
                          " version = version + 2"):
            with pytest.raises(errors.InsufficientPrivilege, match="one version further"):
                conn.execute(statement)  # type: ignore[arg-type]
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute("UPDATE escalation_rule SET id = 2, version = version + 1")
        conn.execute("UPDATE escalation_rule SET reminder_share = 0.5, version = version + 1")
        assert conn.execute("SELECT reminder_share, version FROM escalation_rule"
                            ).fetchone() == (Decimal("0.500"), saved.version + 1)


@pytest.mark.parametrize("group", ["dispatcher", "shift_leader", "supervisor", "unit_handler"])
def test_nobody_else_changes_the_ladder(login_as: MakeLogin, group: str) -> None:
    with raw(login_as(group)) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("UPDATE escalation_rule SET reminder_share = 0.5, version = version + 1")
