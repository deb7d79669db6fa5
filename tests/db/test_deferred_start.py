"""A console's start leaves to later what the first screen does not need: the journal
is read in a worker thread, and an administrator's calendar seeding starts only when
the window asks (``start_deferred``, after its first paint)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import psycopg
import pytest

from console.app import ConsoleApp
from console.calendar.deadlines import calendar_years, package_days
from console.catalog.catalog import Catalog
from console.hotline.journal import Journal
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import login_of
from tests.factories import draft


async def test_the_journal_is_read_by_open_in_a_worker_thread(
        login_as: MakeLogin, catalog: Catalog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.json"
    Journal(path).add(draft(catalog))  # a draft the last session left
    reads: list[tuple[str, int]] = []
    load = Journal.load

    def noted(journal: Journal) -> None:
        load(journal)
        reads.append((threading.current_thread().name, len(journal)))

    monkeypatch.setattr(Journal, "load", noted)
    operator = login_as("operator")
    seat = ConsoleApp(operator, login_of(operator), journal_path=path)
    assert reads == [] and len(seat.outbox.journal) == 0  # nothing read on making the seat
    try:
        await seat.open()
        assert len(reads) == 1
        thread, count = reads[0]
        assert thread != threading.main_thread().name and count == 1
    finally:
        await seat.close()


def _package_rows(url: str) -> int:
    with psycopg.connect(libpq_conninfo(url), autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM working_day WHERE source = 'chinesecalendar'"
                           ).fetchone()
    return int(row[0]) if row else 0


async def test_an_administrators_seeding_waits_for_start_deferred(
        database_url: str, login_as: MakeLogin, tmp_path: Path) -> None:
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        conn.execute("DELETE FROM working_day")
    admin = login_as("admin")
    seat = ConsoleApp(admin, login_of(admin), journal_path=tmp_path / "a.json")
    try:
        await seat.open()
        assert _package_rows(database_url) == 0  # the start did not wait for it
        task = seat.start_deferred()
        assert task is not None
        await task
        years = calendar_years(dt.date.today())
        expected = sum(len(package_days(y) or {}) for y in years)
        assert expected > 0 and _package_rows(database_url) == expected
        assert seat.start_deferred() is task  # once per start
    finally:
        await seat.close()


async def test_nobody_else_seeds(login_as: MakeLogin, tmp_path: Path) -> None:
    operator = login_as("operator", "dispatcher")
    seat = ConsoleApp(operator, login_of(operator), journal_path=tmp_path / "o.json")
    try:
        await seat.open()
        assert seat.start_deferred() is None
    finally:
        await seat.close()
