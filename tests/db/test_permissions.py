"""The database's own lock on every door: each person logs in as their own
role; tests connect as each group's member with raw SQL and through the
services, and show what it can and cannot do."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest
from psycopg import errors

from console.app import roles_of
from console.catalog.catalog import load_catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.hotline.intake import create_case
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, person, raw
from tests.factories import draft


async def test_an_operator_records_cases_but_issues_no_supervision_order(
        login_as: MakeLogin) -> None:
    operator = login_as("operator")
    store = Store(operator, login_of(operator))
    try:
        assert await roles_of(store) == {"operator"}
    finally:
        await store.close()
    case_id = await a_case(operator)  # intake works with the operator's grants alone
    with raw(operator) as conn:
        conn.execute("INSERT INTO escalation_order (case_id, level) VALUES (%s, 'reminder')",
                     (case_id,))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO escalation_order (case_id, level) "
                         "VALUES (%s, 'supervision')", (case_id,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE category SET limit_hours = 1")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO deadline_rule (category_id, urgency, limit_hours) "
                         "SELECT id, 'A', 1 FROM category LIMIT 1")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE staff SET roles = '{admin}'")


async def test_a_supervisor_issues_supervision_orders(login_as: MakeLogin) -> None:
    case_id = await a_case(login_as("operator"))
    with raw(login_as("supervisor")) as conn:
        conn.execute("INSERT INTO escalation_order (case_id, level, text) "
                     "VALUES (%s, 'supervision', '请于明日前办结')", (case_id,))
        assert conn.execute("SELECT count(*) FROM escalation_order").fetchone() == (1,)


@pytest.mark.parametrize("group", ["operator", "dispatcher", "shift_leader", "supervisor",
                                   "admin"])
def test_nobody_changes_or_deletes_a_case_event(login_as: MakeLogin, group: str) -> None:
    with raw(login_as(group)) as conn:
        conn.execute("INSERT INTO case_event (kind) VALUES ('note')")
        for statement in ("UPDATE case_event SET kind = 'x'", "DELETE FROM case_event",
                          "TRUNCATE case_event"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]


def test_only_admins_keep_the_rules_and_the_calendar(login_as: MakeLogin) -> None:
    with raw(login_as("admin")) as conn:
        conn.execute("INSERT INTO deadline_rule (category_id, urgency, limit_hours) "
                     "SELECT id, 'A', 2 FROM category WHERE level = 3 LIMIT 1")
        conn.execute("INSERT INTO working_day (day, is_working, source) "
                     "VALUES ('2027-02-08', false, 'admin')")
    for group in ("dispatcher", "shift_leader", "supervisor"):
        with raw(login_as(group)) as conn, pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM working_day")


def test_a_disabled_account_cannot_log_in(login_as: MakeLogin) -> None:
    disabled = login_as("operator", can_login=False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        raw(disabled)


def test_a_person_in_no_group_sees_nothing(login_as: MakeLogin) -> None:
    with raw(login_as()) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute('SELECT count(*) FROM "case"')


def test_every_table_belongs_to_the_owner_role(database_url: str) -> None:
    with raw(database_url) as conn:
        owners = dict(conn.execute(
            "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'").fetchall())
    assert owners and set(owners.values()) == {"hotline_owner"}


async def test_a_dispatcher_dispatches_through_the_services(login_as: MakeLogin) -> None:
    from console.casework import cases

    case_id = await a_case(login_as("operator"))
    store = await person(login_as("dispatcher"))
    try:
        catalog = await load_catalog(store)
        unit = sorted(u.id for u in catalog.units.values() if u.active)[0]
        move = await cases.perform(store, case_id, "dispatch", None, unit_id=unit)
        assert move.after.status == "dispatched"
    finally:
        await store.close()


def lifecycle_moves() -> set[tuple[str, str, str]]:
    """Status changes the lifecycle allows, by group (automatic ones excepted)."""
    from console.casework.lifecycle import ACTIONS, SYSTEM

    moves = set()
    for action in ACTIONS.values():
        targets = ([action.target] if action.target
                   else ["closed"] if action.name == "callback_unreachable" else [])
        for source in action.sources:
            moves |= {(source, target, group) for target in targets if target != source
                      for group in action.roles - {SYSTEM}}
    return moves


def test_the_database_knows_the_same_moves_as_the_lifecycle(database_url: str) -> None:
    with raw(database_url) as conn:
        stored = set(conn.execute("SELECT from_status, to_status, group_role "
                                  "FROM case_transition").fetchall())
    assert stored == lifecycle_moves()


async def test_a_case_moves_only_as_the_persons_groups_allow(login_as: MakeLogin) -> None:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await a_case(operator)
    dispatch = ("UPDATE \"case\" SET status = 'dispatched', assigned_unit_id = %s,"
                " dispatched_at = now(), version = version + 1 WHERE id = %s")
    with raw(operator) as conn:
        unit = conn.execute("SELECT id FROM unit WHERE active ORDER BY id LIMIT 1").fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege, match="not allowed"):
            conn.execute(dispatch, (unit, case_id))  # type: ignore[arg-type]
        with pytest.raises(errors.InsufficientPrivilege, match="starts as new or accepted"):
            conn.execute("INSERT INTO \"case\" (id, public_no, channel, text, category_id,"
                         " urgency, status, due_at) SELECT %s, 'X-1', 'web', 't', id, 'B',"
                         " 'closed', now() + interval '1 day' FROM category WHERE level = 3"
                         " LIMIT 1", (uuid.uuid4(),))
        with pytest.raises(errors.InsufficientPrivilege):  # no move changes the address
            conn.execute("UPDATE \"case\" SET address = '别处' WHERE id = %s", (case_id,))
    with raw(dispatcher) as conn, conn.transaction():  # a move with its event
        conn.execute(dispatch, (unit, case_id))  # type: ignore[arg-type]
        conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'dispatch')",
                     (case_id,))
    with raw(dispatcher) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("UPDATE \"case\" SET status = 'closed', closed_at = now(),"
                     " version = version + 1 WHERE id = %s", (case_id,))  # the callback's


async def test_automatic_dispatch_still_works_for_an_operator(login_as: MakeLogin) -> None:
    from console.casework import cases

    store = await person(login_as("operator"))
    try:
        catalog = await load_catalog(store)
        owned = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                     if c.is_leaf and c.auto_dispatch and c.owner_unit_id and not c.territorial)
        made = await create_case(store, catalog, draft(catalog, category_id=owned.id))
        kinds = [e.kind for e in await cases.timeline(store, made.id)]
    finally:
        await store.close()
    assert kinds == ["created", "dispatch"]


async def test_shift_leaders_keep_the_duty_through_the_services_and_operators_cannot(
        login_as: MakeLogin) -> None:
    from console.duty import handover, roll_calls, roster, roster_edits
    from console.duty.duty_setup import load_setup

    leader = await person(login_as("shift_leader"))
    try:
        now = leader.clock.now().astimezone(CENTRE_TZ)
        for first in sorted({now.date().replace(day=1),
                             (now - dt.timedelta(hours=8)).date().replace(day=1)}):
            assert (await roster.generate_month(leader, first.year, first.month)).entries > 0
        entries, version = await roster.day_entries(leader, now.date())
        await roster_edits.assign(leader, now.date(), version, entries[0].shift_id,
                            entries[0].post_id, entries[0].staff_id, replacing=entries[0].id,
                            note="核对")
        call = await roll_calls.start(leader, "radio")
        await roll_calls.mark(leader, call.entries[0].id, "absent")
        await roll_calls.finish(leader, call.id, unmarked_as="no_answer")
        setup = await load_setup(leader)
        day, shift = setup.current_shift(now)
        saved = await handover.hand_over(leader, day, shift.id, "交班", None)
        assert saved.summary["follow_ups"]
    finally:
        await leader.close()
    with raw(login_as("operator")) as conn:
        for statement in (
                "UPDATE roster_day SET version = version + 1",
                "DELETE FROM roster_entry",
                "INSERT INTO roll_call (channel, started_by) VALUES ('phone', 'op')",
                f"UPDATE handover SET notes = '改' WHERE id = {saved.id}",
                "UPDATE roster_rule SET min_rest_hours = 0"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
