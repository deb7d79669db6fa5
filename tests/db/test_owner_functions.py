"""Issue 11, findings 1 and 2: code that runs as the owner (SECURITY DEFINER) and
trigger code read only the objects they name, whatever a person puts in their
own temporary schema. Each attack is tried by an operator with raw SQL, first on
the schema of revision 0006, where it works, then on the current one, where it
changes nothing. The operator is given TEMPORARY on purpose: the current schema
refuses it (tested last), and the functions must not depend on that alone."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator

import pytest
from psycopg import errors

from db.engine import normalise_url
from db.migrate import downgrade, upgrade
from tests.db.conftest import MakeLogin
from tests.db.old_intake import a_case_on_an_old_schema
from tests.db.people import a_case as a_case_now
from tests.db.people import as_login, login_of, raw

EVIL = """
CREATE FUNCTION pg_temp.evil() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE public.case_event DISABLE TRIGGER case_event_append_only;
    DELETE FROM public.case_event;
    RETURN true;
END $$"""




async def a_case(url: str, revision: str) -> uuid.UUID:
    """A case made as the intake of the revision made it (on 0006: nobody to tell, so
    no outbox (0011), and the seat numbers it (0022))."""
    if revision == "head":
        return await a_case_now(url, channel="web", caller_phone="")
    return (await a_case_on_an_old_schema(url))[0]


@pytest.fixture(params=["0006", "head"])
def revision(request: pytest.FixtureRequest, database_url: str) -> Iterator[str]:
    if request.param != "head":
        downgrade(database_url, request.param)
    yield request.param


@pytest.fixture
def operator(login_as: MakeLogin, admin_url: str, database_url: str) -> Iterator[str]:
    """An operator who may make temporary objects in this database."""
    url = login_as("operator")
    grant = f"TEMPORARY ON DATABASE {normalise_url(database_url).database}"
    with raw(admin_url) as conn:
        conn.execute(f"GRANT {grant} TO {login_of(url)}")  # type: ignore[arg-type]
    yield url
    with raw(admin_url) as conn:
        conn.execute(f"REVOKE {grant} FROM {login_of(url)}")  # type: ignore[arg-type]


def events_and_trigger(url: str) -> tuple[int, str]:
    with raw(url) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM case_event), (SELECT tgenabled FROM pg_trigger"
            " WHERE tgname = 'case_event_append_only')").fetchone()
    assert row is not None
    return int(row[0]), str(row[1])


async def test_a_temporary_view_does_not_run_the_operators_code_as_the_owner(
        revision: str, database_url: str, operator: str) -> None:
    await a_case(operator, revision)
    before = events_and_trigger(database_url)
    assert before[0] > 0 and before[1] == "O"
    with raw(operator) as conn:
        conn.execute("INSERT INTO escalation_order (case_id, level, issuer)"
                     " SELECT id, 'reminder', session_user FROM \"case\" LIMIT 1")
        conn.execute(EVIL)  # type: ignore[arg-type]
        conn.execute("CREATE VIEW pg_temp.escalation_order AS"
                     " SELECT * FROM public.escalation_order WHERE pg_temp.evil()")
        conn.execute("GRANT SELECT ON pg_temp.escalation_order TO PUBLIC")
        order = conn.execute("SELECT max(id) FROM public.escalation_order").fetchone()
        assert order is not None
        if revision == "0006":
            conn.execute("SELECT escalate_to_inspection(%s, 'x')", order)
        else:
            conn.execute("SELECT escalate_to_inspection(%s)", order)
    after = events_and_trigger(database_url)
    if revision == "0006":  # the hole: the operator's function ran as the owner
        assert after == (0, "D")
    else:
        assert after == before


async def test_a_temporary_case_transition_opens_no_move(
        revision: str, database_url: str, operator: str) -> None:
    case_id = await a_case(operator, revision)
    with raw(operator) as conn:
        conn.execute("CREATE TABLE pg_temp.case_transition"
                     " (from_status text, to_status text, group_role text)")
        conn.execute("INSERT INTO pg_temp.case_transition VALUES"
                     " ('accepted', 'closed', 'operator')")
        close = ("UPDATE \"case\" SET status = 'closed', closed_at = now(),"
                 " version = version + 1 WHERE id = %s")
        if revision == "0006":
            conn.execute(close, (case_id,))  # type: ignore[arg-type]
        else:
            with pytest.raises(errors.InsufficientPrivilege, match="not allowed"):
                conn.execute(close, (case_id,))  # type: ignore[arg-type]
    with raw(database_url) as conn:
        status = conn.execute('SELECT status FROM "case" WHERE id = %s', (case_id,)).fetchone()
    assert status == ("closed" if revision == "0006" else "accepted",)


# A temporary case_event whose identity sequence, pg_temp.case_event_id_seq, shadows
# the table (0006 looked the sequence up by the table's name) and the sequence itself.
SHADOW = ("CREATE TABLE pg_temp.case_event (id bigint GENERATED BY DEFAULT AS IDENTITY"
          " (START WITH 9000000000000000000), actor text)")


def test_a_temporary_table_or_sequence_does_not_number_the_events(
        revision: str, operator: str) -> None:
    with raw(operator) as conn:
        last = conn.execute("SELECT max(id) FROM public.case_event").fetchone()
        assert last is not None
        conn.execute(SHADOW)
        assert conn.execute("SELECT to_regclass('pg_temp.case_event_id_seq')").fetchone() \
            != (None,)
        made = conn.execute("INSERT INTO public.case_event (actor, kind)"
                            " VALUES (session_user, 'note') RETURNING id").fetchone()
    assert made is not None
    if revision == "0006":  # every seat's feed then waited for ids past 9e18
        assert made[0] >= 9_000_000_000_000_000_000
    else:
        assert last[0] < made[0] < last[0] + 100


# What makes a function safe to run as its owner or inside a trigger: a pinned
# search_path with pg_temp last, and every object it reads or writes named by schema.
NAMED = re.compile(  # "IS DISTINCT FROM" and "FOR UPDATE" name no object
    r"\b(?<!FOR )(?<!DISTINCT )(?:FROM|JOIN|UPDATE|INSERT INTO|LOCK TABLE)\s+([^\s(]+)")


def test_every_owner_and_trigger_function_pins_its_path_and_names_its_objects(
        database_url: str) -> None:
    with raw(database_url) as conn:
        functions = conn.execute(
            "SELECT p.proname, p.prosecdef, coalesce(p.proconfig, '{}'), p.prosrc"
            " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname IN ('public', 'hotline_private')"
            " AND (p.prosecdef OR p.prorettype = 'trigger'::regtype)"
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid"
            "                 AND d.deptype = 'e')").fetchall()
    assert {"escalate_to_inspection", "take_turn", "case_event_order_id",
            "case_move_allowed", "hotline_account_create"} <= {f[0] for f in functions}
    for name, _definer, config, source in functions:
        paths = [c.split("=", 1)[1] for c in config if c.startswith("search_path=")]
        assert len(paths) == 1, name
        schemas = [p.strip() for p in paths[0].split(",")]
        assert schemas[0] == "pg_catalog" and schemas[-1] == "pg_temp", (name, schemas)
        unnamed = [o for o in NAMED.findall(source)
                   if "." not in o and not o.startswith("%")]
        assert not unnamed, (name, unnamed)


def test_a_migrated_database_lets_no_staff_member_make_temporary_objects(
        empty_database_url: str, admin_url: str) -> None:
    upgrade(empty_database_url)
    name = f"hc_t_temp_{os.getpid()}"
    with raw(admin_url) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_admin")  # type: ignore[arg-type]
    try:
        with raw(as_login(empty_database_url, name)) as conn:
            for attempt in ("CREATE TEMPORARY TABLE t (x int)",
                            "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                            "CREATE TABLE public.escalation_order_2 (x int)"):
                with pytest.raises(errors.InsufficientPrivilege):
                    conn.execute(attempt)  # type: ignore[arg-type]
            groups = ", ".join(f"'hotline_{g}'" for g in (
                "staff", "operator", "dispatcher", "shift_leader", "supervisor", "admin"))
            allowed = conn.execute(
                "SELECT r.rolname FROM pg_roles r"
                f" WHERE r.rolname IN ({groups}, session_user)"
                " AND has_database_privilege(r.oid, current_database(), 'TEMPORARY')"
            ).fetchall()  # type: ignore[arg-type]
            assert allowed == []
    finally:
        with raw(admin_url) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]
    with raw(empty_database_url) as conn:
        assert conn.execute("SELECT has_database_privilege('public', current_database(),"
                            " 'TEMPORARY')").fetchone() == (False,)
