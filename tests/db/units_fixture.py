"""Unit handlers at the database: a login in ``hotline_unit_handler`` linked to a
unit by its staff row, and cases dispatched to units."""

from __future__ import annotations

import uuid

from console.casework import cases
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, person, raw


def two_units(database_url: str) -> tuple[int, int]:
    with raw(database_url) as conn:
        rows = conn.execute("SELECT id FROM unit WHERE active ORDER BY id LIMIT 2").fetchall()
    return rows[0][0], rows[1][0]


def a_handler(login_as: MakeLogin, database_url: str, unit_id: int,
              *also: str) -> str:
    """A login of ``unit_id``'s handlers (and of ``also`` groups); its URL."""
    url = login_as("unit_handler", *also)
    with raw(database_url) as conn:
        conn.execute("INSERT INTO staff (login, name, roles, unit_id) VALUES (%s, %s, %s, %s)",
                     (login_of(url), "承办人", ["unit_handler", *also], unit_id))
    return url


async def dispatched_to(operator: str, dispatcher: str, unit_id: int) -> uuid.UUID:
    case_id = await a_case(operator)
    store = await person(dispatcher)
    try:
        await cases.perform(store, case_id, "dispatch", None, unit_id=unit_id)
    finally:
        await store.close()
    return case_id
