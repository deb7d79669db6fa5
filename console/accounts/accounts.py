"""Staff accounts: each person is a PostgreSQL login role in one or more groups.

Creating, disabling and changing an account changes the role itself (in the
same transaction as the staff row and its event). Passwords never travel as
text: the seat computes a SCRAM-SHA-256 verifier and the server stores that,
so no statement log, error message or event can contain a password.

Roles are changed only through the database's account functions (migration
0007, owned by ``hotline_accounts``): they make and change login roles in the
hotline groups and nothing else, and only for members of ``hotline_admin``.
An administrator needs no CREATEROLE, which on PostgreSQL 15 would let them
grant themselves any role, the owner's included.

Each change appends its ``account_changed`` event (``events.AccountChanged``) as
the last statement of its transaction and returns its id (``Account.event_id``
for a new account), for the seat that made it to wait for. The event is written
on the same raw connection, as the person (migration 0007's rules hold: the
actor is the login, the id is drawn in commit order by the table's trigger).
"""

from __future__ import annotations

import base64
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import psycopg
import psycopg.types.json

from console.core import events
from console.core.errors import (
    ConflictError,
    DatabaseUnavailable,
    FieldError,
    PermissionDenied,
    ValidationError,
    require_role,
)
from console.core.store import Store

GROUPS = ("operator", "dispatcher", "shift_leader", "supervisor", "admin", "unit_handler")
ADMIN, UNIT_HANDLER = "admin", "unit_handler"
# The groups of the centre's staff (an administrator's first account holds them all);
# a unit's handler is none of them.
CENTRE_GROUPS = tuple(g for g in GROUPS if g != UNIT_HANDLER)
LOGIN = re.compile(r"^[a-z_][a-z0-9_]{1,62}$")
MIN_PASSWORD = 10
SCRAM_ITERATIONS = 4096  # PostgreSQL's own default


@dataclass(frozen=True)
class Account:
    login: str
    name: str
    team_id: int | None
    groups: tuple[str, ...]
    can_login: bool
    unit_id: int | None = None  # a unit handler's unit (承办单位)
    # On a write's result: the event it appended (not part of the account).
    event_id: int | None = field(default=None, compare=False, repr=False)


def scram_verifier(password: str) -> str:
    """The SCRAM-SHA-256 secret PostgreSQL stores for ``password``. (scramp, with the
    certificate parser it brings, is imported here: a login never needs it, only a
    new account or a new password.)"""
    import scramp

    salt, stored_key, server_key, iterations = scramp.ScramMechanism(
        "SCRAM-SHA-256").make_auth_info(password, iteration_count=SCRAM_ITERATIONS)

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _check(login: str, name: str | None, groups: Iterable[str] | None,
           password: str | None) -> None:
    errors = []
    if not LOGIN.match(login):
        errors.append(FieldError("login", "login.invalid"))
    if name is not None and not name.strip():
        errors.append(FieldError("name", "name.empty"))
    if groups is not None:
        unknown = [g for g in groups if g not in GROUPS]
        if unknown or not list(groups):
            errors.append(FieldError("groups", "groups.invalid"))
        elif UNIT_HANDLER in groups and ADMIN in groups:
            # An admin holds every desk group; a unit's limit on what it sees would bind them.
            errors.append(FieldError("groups", "groups.handler_admin"))
    if password is not None and len(password) < MIN_PASSWORD:
        errors.append(FieldError("password", "password.short", {"min": MIN_PASSWORD}))
    if errors:
        raise ValidationError(errors)


@asynccontextmanager
async def _admin_connection(store: Store) -> AsyncIterator[psycopg.AsyncConnection]:
    """A connection in one transaction for role changes (DDL the ORM layer does not do)."""
    try:
        conn = await store.libpq.connect_async(connect_timeout=5)
        async with conn, conn.transaction():
            yield conn
    except psycopg.errors.InsufficientPrivilege as exc:
        # Not an administrator, or a role the account functions may not change
        # (a superuser's, or one made outside the console: see the README).
        raise PermissionDenied(str(exc)) from exc
    except psycopg.errors.DuplicateObject as exc:
        raise ConflictError(str(exc), action="account_exists") from exc
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailable(str(exc)) from exc


async def _event(conn: psycopg.AsyncConnection, store: Store, login: str, action: str) -> int:
    """Append the change's event (the transaction's last statement); its id."""
    change = events.AccountChanged(login, action)
    row = await (await conn.execute(
        "INSERT INTO case_event (actor, kind, payload) VALUES (%s, %s, %s) RETURNING id",
        (store.actor, change.kind, psycopg.types.json.Jsonb(change.to_json())))).fetchone()
    assert row is not None  # INSERT … RETURNING gives its row
    return int(row[0])


async def create_account(store: Store, login: str, name: str, groups: Iterable[str],
                         password: str, team_id: int | None = None,
                         unit_id: int | None = None) -> Account:
    """A new login role in ``groups`` (an admin's may manage accounts in turn); a
    unit handler's account names their unit."""
    require_role(store.roles, "admin")
    groups = tuple(groups)
    _check(login, name, groups, password)
    if UNIT_HANDLER in groups and unit_id is None:
        raise ValidationError([FieldError("unit", "account.unit_required")])
    async with _admin_connection(store) as conn:
        await conn.execute("SELECT hotline_account_create(%s, %s, %s)",
                           (login, scram_verifier(password), list(groups)))
        await conn.execute(
            "INSERT INTO staff (login, name, team_id, roles, unit_id) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (login) DO UPDATE SET name = excluded.name, team_id = excluded.team_id,"
            " roles = excluded.roles, unit_id = excluded.unit_id, active = true,"
            " version = staff.version + 1",
            (login, name.strip(), team_id, list(groups), unit_id))
        event_id = await _event(conn, store, login, "created")
    return Account(login, name.strip(), team_id, groups, True, unit_id, event_id=event_id)


async def set_groups(store: Store, login: str, groups: Iterable[str]) -> int:
    """Change an account's groups; the event's id."""
    require_role(store.roles, "admin")
    groups = tuple(groups)
    _check(login, None, groups, None)
    async with _admin_connection(store) as conn:
        await conn.execute("SELECT hotline_account_set_groups(%s, %s)", (login, list(groups)))
        await conn.execute("UPDATE staff SET roles = %s, version = version + 1 WHERE login = %s",
                           (list(groups), login))
        return await _event(conn, store, login, "groups")


async def set_enabled(store: Store, login: str, enabled: bool) -> int:
    """Disable (or enable again) an account: the role can no longer log in. The
    event's id."""
    require_role(store.roles, "admin")
    _check(login, None, None, None)
    async with _admin_connection(store) as conn:
        await conn.execute("SELECT hotline_account_set_login(%s, %s)", (login, enabled))
        await conn.execute("UPDATE staff SET active = %s, version = version + 1 "
                           "WHERE login = %s", (enabled, login))
        return await _event(conn, store, login, "enabled" if enabled else "disabled")


async def reset_password(store: Store, login: str, password: str) -> int:
    """A new password (sent as its SCRAM verifier only); the event's id."""
    require_role(store.roles, "admin")
    _check(login, None, None, password)
    async with _admin_connection(store) as conn:
        await conn.execute("SELECT hotline_account_set_password(%s, %s)",
                           (login, scram_verifier(password)))
        return await _event(conn, store, login, "password_reset")


async def list_accounts(store: Store) -> list[Account]:
    groups = ", ".join(f"'hotline_{g}'" for g in GROUPS)
    async with _admin_connection(store) as conn:
        rows = await (await conn.execute(
            f"SELECT s.login, s.name, s.team_id, coalesce(r.rolcanlogin, false), s.unit_id,"
            f" ARRAY(SELECT substr(g, 9) FROM unnest(ARRAY[{groups}]) AS g"
            f"  WHERE r.oid IS NOT NULL AND pg_has_role(r.oid, g::regrole, 'member'))"
            f" FROM staff s LEFT JOIN pg_roles r ON r.rolname = s.login"
            f" WHERE s.login IS NOT NULL ORDER BY s.login"
        )).fetchall()
    return [Account(login, name, team, tuple(g), bool(can), unit) for login, name, team, can,
            unit, g in rows]


async def local_admin(store: Store) -> str | None:
    """A person (not a superuser) who administers this database, if there is one."""
    async with _admin_connection(store) as conn:
        row = await (await conn.execute(
            "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND NOT r.rolsuper"
            " AND pg_has_role(r.oid, 'hotline_admin', 'member')"
            " AND EXISTS (SELECT 1 FROM staff s WHERE s.login = r.rolname)"
            " ORDER BY r.rolname LIMIT 1")).fetchone()
    return None if row is None else str(row[0])


def login_from_os_user(user: str) -> str:
    """A valid login name made from the computer's user name."""
    name = re.sub(r"[^a-z0-9_]", "_", user.lower()).strip("_")
    if not name or name in ("root", "postgres") or not name[0].isalpha():
        name = f"admin_{name}".rstrip("_") if name not in ("root", "postgres") else "admin"
    return name[:63]


async def list_teams(store: Store) -> list[tuple[int, str]]:
    async with _admin_connection(store) as conn:
        rows = await (await conn.execute("SELECT id, name FROM team ORDER BY code")).fetchall()
    return [(int(i), str(n)) for i, n in rows]


async def set_team(store: Store, login: str, team_id: int | None) -> int:
    """Put a person in a team (or none); the event's id."""
    require_role(store.roles, "admin")
    _check(login, None, None, None)
    async with _admin_connection(store) as conn:
        changed = await conn.execute(
            "UPDATE staff SET team_id = %s, version = version + 1 WHERE login = %s",
            (team_id, login))
        if changed.rowcount != 1:
            raise ValidationError([FieldError("login", "login.unknown")])
        return await _event(conn, store, login, "team")


async def set_unit(store: Store, login: str, unit_id: int | None) -> int:
    """Link a person to the unit they handle cases for (or to none); the event's id."""
    require_role(store.roles, "admin")
    _check(login, None, None, None)
    async with _admin_connection(store) as conn:
        try:
            changed = await conn.execute(
                "UPDATE staff SET unit_id = %s, version = version + 1 WHERE login = %s",
                (unit_id, login))
        except psycopg.errors.ForeignKeyViolation as exc:
            raise ValidationError([FieldError("unit", "unit.unknown")]) from exc
        if changed.rowcount != 1:
            raise ValidationError([FieldError("login", "login.unknown")])
        return await _event(conn, store, login, "unit")


async def list_units(store: Store) -> list[tuple[int, str]]:
    """The active units a handler's account may name, by name."""
    async with _admin_connection(store) as conn:
        rows = await (await conn.execute(
            "SELECT id, name FROM unit WHERE active ORDER BY name")).fetchall()
    return [(int(i), str(n)) for i, n in rows]
