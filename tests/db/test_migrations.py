"""Migrations as users get them, and the append-only event table."""

import psycopg
import pytest

from db.engine import libpq_conninfo
from db.migrate import current_revision, downgrade, head_revision, upgrade
from tests.db.conftest import MakeLogin


def tables(url: str) -> set[str]:
    with psycopg.connect(libpq_conninfo(url)) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r[0] for r in rows}


def test_empty_to_head_and_a_downgrade_upgrade_round_trip(empty_database_url: str) -> None:
    assert current_revision(empty_database_url) is None
    upgrade(empty_database_url)
    assert current_revision(empty_database_url) == head_revision()
    schema = tables(empty_database_url)
    assert {"case", "case_event", "category", "unit", "grid_cell", "caller", "escalation_order",
            "callback", "staff", "team", "roster_entry", "handover", "roll_call",
            "roll_call_entry", "quick_answer", "deadline_rule", "working_day"} <= schema
    downgrade(empty_database_url, "base")
    assert tables(empty_database_url) == {"alembic_version"}
    upgrade(empty_database_url)
    assert tables(empty_database_url) == schema


def test_case_events_can_be_inserted_but_never_changed(database_url: str) -> None:
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        event_id = conn.execute("INSERT INTO case_event (actor, kind) VALUES ('t', 'x') "
                                "RETURNING id").fetchone()[0]  # type: ignore[index]
        for statement in ("UPDATE case_event SET kind = 'y'", "DELETE FROM case_event",
                          "TRUNCATE case_event"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                conn.execute(statement)  # type: ignore[arg-type]
        assert conn.execute("SELECT kind FROM case_event WHERE id = %s",
                            (event_id,)).fetchone() == ("x",)


def test_a_downgrade_leaves_the_servers_roles_as_other_databases_need_them(
        database_url: str, empty_database_url: str, login_as: MakeLogin) -> None:
    """Roles and their memberships belong to the server: downgrading one database (a
    training copy, say) must not take rights from the staff of another."""
    handler = login_as("unit_handler")
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")
    with psycopg.connect(libpq_conninfo(handler)) as conn:
        assert conn.execute("SELECT pg_has_role('hotline_unit_handler', 'hotline_staff',"
                            " 'MEMBER')").fetchone() == (True,)
        conn.execute('SELECT count(*) FROM "case"').fetchone()  # no "permission denied"
        conn.execute("SELECT count(*) FROM unit_request").fetchone()
