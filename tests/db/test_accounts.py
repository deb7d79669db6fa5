"""Staff accounts are PostgreSQL roles: created, grouped, disabled, re-keyed by
an admin, with no password ever in SQL text, logs or events."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from console import accounts
from console.app import roles_of
from console.errors import PermissionDenied, ValidationError
from console.store import Store
from db.engine import libpq_conninfo, normalise_url

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
        await accounts.set_groups(store, login_name, ["dispatcher", "shift_leader"])
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
    await accounts.reset_password(store, login_name, PASSWORD + "x")
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        assert conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                            (login_name,)).fetchone()[0] != secret  # type: ignore[index]

    await accounts.set_enabled(store, login_name, False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(libpq_conninfo(as_user(database_url, login_name)))
    await accounts.set_enabled(store, login_name, True)
    psycopg.connect(libpq_conninfo(as_user(database_url, login_name))).close()

    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        events = [r[0] for r in conn.execute(
            "SELECT payload::text FROM case_event WHERE kind = 'account_changed'")]
    assert len(events) == 5 and not any(PASSWORD in e for e in events)
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
