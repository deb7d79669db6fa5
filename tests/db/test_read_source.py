"""Statistics and reports reading from a read-only replica (issue 15, item 6), on the
real server: a second URL to the same database, opened read-only as a replica is,
reads what the primary holds as the same person, and refuses every write."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from console.app import ConsoleApp
from console.core.read_source import replica_url_for, replication_lag, reporting_store
from console.core.store import Store
from db import schema as s
from db.engine import normalise_url
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, person
from tests.db.units_fixture import a_handler, dispatched_to, two_units


def _place_only(url: str) -> str:
    """The URL as a seat's setting holds it: the server and database, no login."""
    return normalise_url(url).set(username=None, password=None).render_as_string()


async def _count(store: Store) -> int:
    async with store.read() as conn:
        return int((await conn.execute(select(func.count()).select_from(s.Case))).scalar_one())


async def test_without_a_replica_statistics_read_the_primary(
        login_as: MakeLogin) -> None:
    store = await person(login_as("supervisor"))
    try:
        assert reporting_store(store, None) is store
        assert reporting_store(store, "  ") is store
        assert await replication_lag(store) is None  # a primary lags nothing
    finally:
        await store.close()


async def test_a_replica_url_reads_as_the_person_and_refuses_writes(
        login_as: MakeLogin, database_url: str) -> None:
    operator = login_as("operator")
    await a_case(operator)
    store = await person(login_as("supervisor"))
    reading = reporting_store(store, _place_only(database_url))
    try:
        assert reading is not store and reading.roles == store.roles
        assert normalise_url(reading.url).username == normalise_url(store.url).username
        assert await _count(reading) == await _count(store) == 1
        async with reading.read() as conn:
            assert (await conn.execute(text("SHOW transaction_read_only"))).scalar_one() == "on"
            who = (await conn.execute(text("SELECT session_user"))).scalar_one()
        assert who == store.actor
        with pytest.raises(DBAPIError) as refused:
            async with reading.transaction() as conn:
                await conn.execute(text("UPDATE quick_answer SET hits = hits + 1"))
        assert getattr(refused.value.orig, "sqlstate", None) == "25006"  # read-only txn
        with pytest.raises(DBAPIError):
            async with reading.transaction() as conn:
                await conn.execute(text("SELECT nextval('case_event_id_seq')"))
        assert await replication_lag(reading) is None  # the same server: no standby
    finally:
        await reading.close()
        await store.close()


async def test_a_units_handler_reads_only_their_unit_on_the_replica(
        login_as: MakeLogin, database_url: str) -> None:
    unit_x, unit_y = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    await dispatched_to(operator, dispatcher, unit_x)
    await dispatched_to(operator, dispatcher, unit_y)
    handler = await person(a_handler(login_as, database_url, unit_x))
    reading = reporting_store(handler, _place_only(database_url))
    try:
        assert await _count(reading) == 1
    finally:
        await reading.close()
        await handler.close()


def test_the_replica_url_keeps_its_place_and_takes_the_seats_login() -> None:
    url = replica_url_for("postgresql://ann:secret@primary:5432/hotline",
                          "postgresql://standby:5433/hotline?sslmode=require")
    parsed = normalise_url(url)
    assert (parsed.username, parsed.password, parsed.host, parsed.port, parsed.database,
            dict(parsed.query)) == ("ann", "secret", "standby", 5433, "hotline",
                                    {"sslmode": "require"})
    assert normalise_url(replica_url_for("postgresql://ann@primary/hotline",
                                         "postgresql://standby")).database == "hotline"


async def test_a_seat_with_a_replica_reads_statistics_there_and_lets_it_go(
        login_as: MakeLogin, database_url: str, tmp_path: Path) -> None:
    url = login_as("supervisor")
    app = ConsoleApp(url, login_of(url), journal_path=tmp_path / "journal.json",
                     reporting_url=_place_only(database_url))
    await app.open()
    try:
        assert app.reporting is not app.store and app.reporting.roles == app.store.roles
        async with app.reporting.read() as conn:
            assert (await conn.execute(text("SHOW transaction_read_only"))).scalar_one() == "on"
        async with app.store.read() as conn:  # the live work stays on the primary
            assert (await conn.execute(text("SHOW transaction_read_only"))).scalar_one() == "off"
    finally:
        await app.close()
    assert app.reporting.engine.pool.checkedout() == 0
    plain = ConsoleApp(url, login_of(url), journal_path=tmp_path / "plain.json")
    await plain.open()
    try:
        assert plain.reporting is plain.store
    finally:
        await plain.close()
