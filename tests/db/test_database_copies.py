"""The tests' databases are copies of one migrated template (tests/conftest.py), and
CREATE DATABASE … TEMPLATE copies a database's objects but not the privileges on the
database itself: each copy must carry them anyway, or the tests that staff cannot
shadow names with temporary objects (0007 revokes TEMPORARY) would test nothing."""

from __future__ import annotations

import pytest
from psycopg import errors

from db.engine import normalise_url
from tests.db.conftest import MakeLogin
from tests.db.people import raw


def database_privileges(admin_url: str, name: str) -> set[tuple[str, str, bool]]:
    """Who may do what on database ``name``, grantee by name (PUBLIC for everyone)."""
    with raw(admin_url) as conn:
        rows = conn.execute(
            "SELECT coalesce(r.rolname, 'PUBLIC'), a.privilege_type, a.is_grantable"
            " FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a"
            " LEFT JOIN pg_roles r ON r.oid = a.grantee WHERE d.datname = %s",
            (name,)).fetchall()
    return {(str(who), str(what), bool(grantable)) for who, what, grantable in rows}


def test_a_test_database_has_the_privileges_of_the_migrated_template(
        database_url: str, admin_url: str, template_db: str) -> None:
    copy = database_privileges(admin_url, str(normalise_url(database_url).database))
    assert copy == database_privileges(admin_url, template_db)
    assert not any(who == "PUBLIC" and what == "TEMPORARY" for who, what, _ in copy)


@pytest.mark.parametrize("group", ["operator", "dispatcher", "supervisor", "admin"])
def test_a_staff_member_cannot_make_a_temporary_table_in_a_test_database(
        database_url: str, login_as: MakeLogin, group: str) -> None:
    with raw(login_as(group)) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="temporary"):
            conn.execute("CREATE TEMP TABLE grid_cell (code text, geometry jsonb)")
        row = conn.execute("SELECT has_database_privilege(current_database(), 'TEMPORARY')"
                           ).fetchone()
        assert row == (False,)
