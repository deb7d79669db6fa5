"""Staff accounts are PostgreSQL roles: created, grouped, disabled, re-keyed by
an admin, with no password ever in SQL text, logs or events."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest

from console.accounts import accounts
from console.app import roles_of
from console.core.errors import PermissionDenied, ValidationError
from console.core.events import AccountChanged
from console.core.store import Store
from db.engine import libpq_conninfo, normalise_url
from db.migrate import upgrade
from tests.db.conftest import MakeLogin

PASSWORD = "Test-Secret-73190!"  # looked for in logs and events below


@pytest.fixture
def login_name(admin_url: str) -> Iterator[str]:
    name = f"hc_acct_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    yield name
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")


def as_user(database_url: str, login: str) -> str:
    return normalise_url(database_url).set(username=login).render_as_string(hide_password=False)


async def test_an_admin_creates_groups_disables_and_rekeys_an_account(
        store: Store, database_url: str, login_name: str,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store.roles = frozenset({"admin"})
    made = await accounts.create_account(store, login_name, "李四", ["operator"], PASSWORD)
    assert made.groups == ("operator",)
    person = Store(as_user(database_url, login_name), login_name)
    try:
        assert await roles_of(person) == {"operator"}
        regrouped = await accounts.set_groups(store, login_name, ["dispatcher", "shift_leader"])
        assert await roles_of(person) == {"dispatcher", "shift_leader"}
    finally:
        await person.close()
    listed = {a.login: a for a in await accounts.list_accounts(store)}
    assert listed[login_name].groups == ("dispatcher", "shift_leader")
    assert listed[login_name].can_login

    with psycopg.connect(libpq_conninfo(database_url)) as conn:  # as the superuser
        secret = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (login_name,)).fetchone()[0]  # type: ignore[index]
    assert secret.startswith("SCRAM-SHA-256$4096:") and PASSWORD not in secret
    rekeyed = await accounts.reset_password(store, login_name, PASSWORD + "x")
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        assert conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                            (login_name,)).fetchone()[0] != secret  # type: ignore[index]

    disabled = await accounts.set_enabled(store, login_name, False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(libpq_conninfo(as_user(database_url, login_name)))
    enabled = await accounts.set_enabled(store, login_name, True)
    psycopg.connect(libpq_conninfo(as_user(database_url, login_name))).close()

    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        rows = conn.execute("SELECT id, actor, payload, payload::text FROM case_event"
                            " WHERE kind = 'account_changed' ORDER BY id").fetchall()
    assert len(rows) == 5 and not any(PASSWORD in r[3] for r in rows)
    # Each write names its own event, typed as AccountChanged.
    assert [r[0] for r in rows] == [made.event_id, regrouped, rekeyed, disabled, enabled]
    assert [AccountChanged.from_json(r[2]) for r in rows] == [
        AccountChanged(login_name, action) for action in
        ("created", "groups", "password_reset", "disabled", "enabled")]
    assert {r[1] for r in rows} == {store.actor}
    assert PASSWORD not in caplog.text


async def test_bad_accounts_are_refused_and_only_admins_manage_them(
        store: Store, login_name: str) -> None:
    store.roles = frozenset({"admin"})
    for login, name, groups, password, field in (
            ("Bad Name", "张三", ["operator"], PASSWORD, "login"),
            (login_name, " ", ["operator"], PASSWORD, "name"),
            (login_name, "张三", ["root"], PASSWORD, "groups"),
            (login_name, "张三", [], PASSWORD, "groups"),
            (login_name, "张三", ["operator"], "short", "password")):
        with pytest.raises(ValidationError) as info:
            await accounts.create_account(store, login, name, groups, password)
        assert info.value.errors[0].field == field
    store.roles = frozenset({"supervisor"})
    with pytest.raises(PermissionDenied):
        await accounts.create_account(store, login_name, "张三", ["operator"], PASSWORD)
    with psycopg.connect(libpq_conninfo(store.url)) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                            (login_name,)).fetchone() is None


def test_the_verifier_is_postgresql_scram() -> None:
    verifier = accounts.scram_verifier("pässwörd-123")
    method, rest = verifier.split("$", 1)
    iterations_salt, keys = rest.split("$")
    assert method == "SCRAM-SHA-256" and iterations_salt.startswith("4096:")
    assert len(keys.split(":")) == 2
    assert accounts.scram_verifier("pässwörd-123") != verifier  # a fresh salt each time


# Issue 11, finding 7: account management goes through the database's account
# functions; an administrator has no CREATEROLE, so on PostgreSQL 15 (this
# machine's server) it cannot grant itself the owner's or the server's roles.

@pytest.fixture
def logins(admin_url: str, login_name: str) -> Iterator[Callable[[str], str]]:
    made: list[str] = []

    def name(suffix: str) -> str:
        made.append(f"{login_name}_{suffix}")
        return made[-1]

    yield name
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        for login in made:
            conn.execute(f"DROP ROLE IF EXISTS {login}")  # type: ignore[arg-type]


async def test_an_admin_manages_accounts_without_createrole(
        store: Store, database_url: str, logins: Callable[[str], str]) -> None:
    store.roles = frozenset({"admin"})
    admin_login, staff_login = logins("a"), logins("b")
    await accounts.create_account(store, admin_login, "赵管理", ["admin"], PASSWORD)
    admin = Store(as_user(database_url, admin_login), admin_login)
    try:
        admin.roles = await roles_of(admin)
        await accounts.create_account(admin, staff_login, "钱坐席", ["operator"], PASSWORD)
        await accounts.set_groups(admin, staff_login, ["dispatcher"])
        await accounts.set_enabled(admin, staff_login, False)
        await accounts.reset_password(admin, staff_login, PASSWORD + "x")
        listed = {a.login: a for a in await accounts.list_accounts(admin)}
    finally:
        await admin.close()
    assert listed[staff_login].groups == ("dispatcher",) and not listed[staff_login].can_login
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        assert conn.execute("SELECT rolcreaterole FROM pg_roles WHERE rolname = %s",
                            (admin_login,)).fetchone() == (False,)


async def test_an_admin_cannot_become_the_owner_nor_change_other_roles(
        store: Store, database_url: str, admin_url: str, login_as: MakeLogin,
        logins: Callable[[str], str]) -> None:
    store.roles = frozenset({"admin"})
    admin_login, reader = logins("a"), logins("x")
    await accounts.create_account(store, admin_login, "赵管理", ["admin"], PASSWORD)
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {reader} LOGIN IN ROLE pg_read_server_files,"  # type: ignore[arg-type]
                     " hotline_operator")
    verifier = accounts.scram_verifier(PASSWORD)
    with psycopg.connect(libpq_conninfo(as_user(database_url, admin_login)),
                         autocommit=True) as conn:
        for attempt in (f"GRANT hotline_owner TO {admin_login}",
                        f"GRANT pg_execute_server_program, pg_read_server_files TO {admin_login}",
                        f"ALTER ROLE {admin_login} CREATEROLE",
                        f"CREATE ROLE {admin_login}_y LOGIN"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(attempt)  # type: ignore[arg-type]
        for function, args in (  # roles that are not plain staff accounts are not theirs
                ("hotline_account_set_password", ("postgres", verifier)),
                ("hotline_account_set_password", ("hotline_owner", verifier)),
                ("hotline_account_set_password", (reader, verifier)),
                ("hotline_account_set_groups", (admin_login, ["admin", "owner"])),
                ("hotline_account_create", ("hotline_owner2", verifier, ["admin"])),
                ("hotline_account_create", (f"{admin_login}_z", "plain-password", ["admin"]))):
            with pytest.raises((psycopg.errors.InsufficientPrivilege,
                                psycopg.errors.InvalidParameterValue)):
                conn.execute(f"SELECT {function}({', '.join(['%s'] * len(args))})",  # type: ignore[arg-type]
                             args)
        assert conn.execute("SELECT pg_has_role(current_user, 'hotline_owner', 'MEMBER'),"
                            " pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')"
                            ).fetchone() == (False, False)
    with psycopg.connect(libpq_conninfo(login_as("supervisor")), autocommit=True) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT hotline_account_create(%s, %s, %s)",
                     (logins("s"), verifier, ["admin"]))


async def test_the_upgrade_takes_createrole_from_the_old_first_admin(
        empty_database_url: str, admin_url: str, logins: Callable[[str], str]) -> None:
    """What the README told the first administrator to be, up to revision 0006."""
    old_admin = logins("old")
    upgrade(empty_database_url, "0006")
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {old_admin} LOGIN CREATEROLE IN ROLE hotline_admin")  # type: ignore[arg-type]
        conn.execute("GRANT hotline_operator, hotline_admin TO "  # type: ignore[arg-type]
                     f"{old_admin} WITH ADMIN OPTION")
    with psycopg.connect(libpq_conninfo(empty_database_url), autocommit=True) as conn:
        conn.execute("INSERT INTO staff (login, name, roles) VALUES (%s, '老管理', '{admin}')",
                     (old_admin,))
    upgrade(empty_database_url)
    with psycopg.connect(libpq_conninfo(empty_database_url)) as conn:
        role = conn.execute("SELECT rolcreaterole, rolconfig FROM pg_roles WHERE rolname = %s",
                            (old_admin,)).fetchone()
        admin_options = conn.execute(
            "SELECT count(*) FROM pg_auth_members WHERE member = %s::regrole AND admin_option",
            (old_admin,)).fetchone()
    assert role is not None and role[0] is False and "lock_timeout=10s" in role[1]
    assert admin_options == (0,)
