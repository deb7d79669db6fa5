"""Issue 11, finding 4: the record names the person logged in. Every column that
names who did something must be the session's login (it defaults to it); only
the owner and superusers may write other names (demo data, imports)."""

from __future__ import annotations

import pytest
from psycopg import errors
from sqlalchemy.exc import ProgrammingError

from console.catalog.catalog import load_catalog
from console.core.store import Store
from console.hotline.intake import create_case
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, raw
from tests.factories import draft


def count(url: str, table: str) -> int:
    with raw(url) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()  # type: ignore[arg-type]
    assert row is not None
    return int(row[0])


async def test_an_operator_cannot_write_a_supervisors_name(login_as: MakeLogin) -> None:
    operator, supervisor = login_as("operator"), login_as("supervisor")
    case_id = await a_case(operator)
    boss = login_of(supervisor)
    events, callbacks = count(operator, "case_event"), count(operator, "callback")
    with raw(operator) as conn:
        for statement in (
                "INSERT INTO case_event (case_id, actor, kind, payload) VALUES"
                " (%s, %s, 'created', '{\"urgency\": \"A\"}')",
                "INSERT INTO callback (case_id, attempt, operator, result) VALUES"
                " (%s, 1, %s, 'satisfied')",
                "INSERT INTO escalation_order (case_id, level, issuer) VALUES"
                " (%s, 'reminder', %s)"):
            with pytest.raises(errors.InsufficientPrivilege, match="is logged in"):
                conn.execute(statement, (case_id, boss))  # type: ignore[arg-type]
        assert (count(operator, "case_event"), count(operator, "callback")) == (events,
                                                                               callbacks)
        made = conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'note')"
                            " RETURNING actor", (case_id,)).fetchone()
    assert made == (login_of(operator),)  # left out, the name is the login's


async def test_an_inspection_names_who_set_it_off(login_as: MakeLogin,
                                                  database_url: str) -> None:
    operator, supervisor = login_as("operator"), login_as("supervisor")
    case_id = await a_case(operator)
    with raw(database_url) as conn:  # overdue: still so at the reply deadline (0012)
        conn.execute("UPDATE \"case\" SET due_at = now() - interval '1 hour' WHERE id = %s",
                     (case_id,))
    with raw(supervisor) as conn:
        order = conn.execute(
            "INSERT INTO escalation_order (case_id, level, text, reply_due_at) VALUES"
            " (%s, 'supervision', '限期办结', now() - interval '1 minute') RETURNING id",
            (case_id,)).fetchone()
    # The name argument is gone: the function takes who from the login.
    with raw(operator) as conn, pytest.raises(errors.UndefinedFunction):
        conn.execute("SELECT escalate_to_inspection(%s, 'someone_else')", order)
    with raw(operator) as conn:
        made = conn.execute("SELECT escalate_to_inspection(%s)", order).fetchone()
        assert made is not None
        issuer = conn.execute("SELECT level, issuer FROM escalation_order WHERE id = %s",
                              made).fetchone()
    assert issuer == ("inspection", login_of(operator))


def test_shift_leaders_sign_only_their_own_name(login_as: MakeLogin) -> None:
    leader, other = login_as("shift_leader"), login_as("shift_leader")
    with raw(leader) as conn:
        for statement in ("INSERT INTO roll_call (channel, started_by) VALUES ('phone', %s)",
                          "INSERT INTO roster_day (day, changed_by) VALUES ('2030-01-01', %s)",
                          "INSERT INTO handover (shift_day, shift_id, outgoing_leader)"
                          " SELECT '2030-01-01', min(id), %s FROM shift_template"):
            with pytest.raises(errors.InsufficientPrivilege, match="is logged in"):
                conn.execute(statement, (login_of(other),))  # type: ignore[arg-type]
        conn.execute("INSERT INTO roll_call (channel) VALUES ('phone')")
        assert conn.execute("SELECT started_by FROM roll_call").fetchall() == [
            (login_of(leader),)]


async def test_a_seat_that_names_someone_else_saves_nothing(login_as: MakeLogin) -> None:
    """The services pass the seat's name; the database holds it to the login."""
    operator = login_as("operator")
    before = count(operator, '"case"')
    store = Store(operator, "zhang_supervisor")
    store.roles = frozenset({"operator"})
    try:
        catalog = await load_catalog(store)
        with pytest.raises(ProgrammingError, match="is logged in"):
            await create_case(store, catalog, draft(catalog))
    finally:
        await store.close()
    assert count(operator, '"case"') == before


def test_the_owner_may_import_history_under_other_names(database_url: str) -> None:
    with raw(database_url) as conn:  # the migrating superuser, as the demo loader is
        made = conn.execute("INSERT INTO case_event (actor, kind) VALUES ('demo', 'imported')"
                            " RETURNING actor").fetchone()
    assert made == ("demo",)
