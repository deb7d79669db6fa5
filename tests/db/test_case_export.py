"""Cases exported on a real database as the login that exports (issue 15, item 5):
Open311 JSON and XML that the spec's schemas accept, CSV for Excel that re-imports by
the Pingshan profile, the export and the import inverse of each other (a round trip
into a database without cases gives the same cases back), a unit's handler exporting
only their unit's cases, and a cancelled or failed export leaving no file."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from console.case_export import query, service
from console.case_export.csv_form import HEADER, row
from console.case_export.query import Selection
from console.casework.queue import CaseFilter
from console.core.store import Store
from console.demodata.demo import generate_cases
from console.history_import import builtin
from db import schema as s
from tests.conftest import _admin, copy_database
from tests.db.conftest import MakeLogin
from tests.db.import_fixture import import_all
from tests.db.people import as_login, login_of, person
from tests.db.units_fixture import a_handler, dispatched_to, two_units
from tests.open311_schema import json_errors, need_spec, xml_errors

CASES = 240
C = s.Case


@pytest.fixture
def second_database_url(admin_url: str, template_db: str) -> Iterator[str]:
    """Another migrated database with the reference data and no cases: where a round
    trip's import goes."""
    name = f"hc_test_export_{os.getpid()}_{id(object())}"
    url = copy_database(admin_url, template_db, name)
    try:
        yield url
    finally:
        _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def _with_cases(store: Store) -> None:
    assert await generate_cases(store, count=CASES, days=60) == CASES


async def _export(url: str, fmt: str, path: Path, selection: Selection | None = None
                  ) -> service.Exported:
    who = await person(url)
    try:
        return await service.export(who, selection or Selection(), fmt, path)
    finally:
        await who.close()


async def _cases(store: Store) -> dict[str, s.Case]:
    async with store.read() as conn:
        rows = await conn.execute(select(
            C.public_no, C.imported_id, C.status, C.category_id, C.created_at, C.due_at,
            C.resolved_at, C.closed_at, C.updated_at, C.text, C.address, C.lon, C.lat,
            C.assigned_unit_id, C.channel, C.nature, C.street_code, C.community_code,
            C.imported_on_time, C.first_resolved_at, C.unit_due_at))
        return {r.imported_id or r.public_no: r for r in rows}


@pytest.mark.parametrize("fmt", [service.OPEN311_JSON, service.OPEN311_XML])
async def test_open311_exports_validate_and_import_back_as_the_same_cases(
        fmt: str, store: Store, login_as: MakeLogin, second_database_url: str,
        tmp_path: Path) -> None:
    need_spec()
    await _with_cases(store)
    path = tmp_path / f"cases{service.SUFFIXES[fmt]}"
    exported = await _export(login_as("dispatcher"), fmt, path)
    assert exported.cases == CASES
    body = path.read_text(encoding="utf-8")
    if fmt == service.OPEN311_JSON:
        requests = json.loads(body)
        assert json_errors(requests) == []
    else:
        errors, requests = xml_errors(body)
        assert errors == []
    assert len(requests) == CASES

    admin = await person(as_login(second_database_url, login_of(login_as("admin"))))
    try:
        _preview, result = await import_all(admin, path, builtin.OPEN311_REQUESTS)
        assert result.created == {"category": 0, "street": 0, "community": 0, "unit": 0}
        back = await _cases(admin)
    finally:
        await admin.close()
    source = await _cases(store)
    unable = {p.line for p in result.problems}
    assert all(p.error.code == "import.open_without_due" for p in result.problems)
    assert result.imported == CASES - len(unable) > CASES * 0.9
    for request in requests:
        original = source[request["service_request_id"]]
        if original.status in s.OPEN_STATUSES and original.due_at is None:
            assert request["service_request_id"] not in back
            continue
        copy = back[request["service_request_id"]]
        closed = original.status not in s.OPEN_STATUSES
        assert copy.status == ("closed" if closed else "accepted")
        assert (copy.category_id, copy.created_at, copy.due_at, copy.text, copy.address,
                copy.assigned_unit_id) == (
            original.category_id, original.created_at, original.due_at, original.text,
            original.address, original.assigned_unit_id)
        if closed:
            assert copy.closed_at == (original.closed_at or original.resolved_at
                                      or original.updated_at)
        assert copy.lon == pytest.approx(original.lon, abs=1e-9)
        assert copy.lat == pytest.approx(original.lat, abs=1e-9)
    assert any(r.assigned_unit_id for r in back.values())
    assert {r.status for r in back.values()} == {"closed", "accepted"}


async def test_csv_opens_in_excel_and_reimports_by_the_pingshan_profile(
        store: Store, login_as: MakeLogin, second_database_url: str, tmp_path: Path) -> None:
    await _with_cases(store)
    path = tmp_path / "cases.csv"
    assert (await _export(login_as("supervisor"), service.CSV, path)).cases == CASES
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel wants
    first = raw[3:].split(b"\n", 1)[0].decode("utf-8")
    assert first.split(",") == list(HEADER) and first.startswith("案件编号,状态,渠道")
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == CASES + 1

    admin = await person(as_login(second_database_url, login_of(login_as("admin"))))
    try:
        _preview, result = await import_all(admin, path, builtin.PINGSHAN_2018)
        back = await _cases(admin)
    finally:
        await admin.close()
    source = await _cases(store)
    assert result.created == {"category": 0, "street": 0, "community": 0, "unit": 0}
    no_street = sum(1 for r in source.values() if r.street_code is None)
    assert result.imported == CASES - no_street and len(result.problems) == no_street
    for number, copy in back.items():
        original = source[number]
        judged = (original.first_resolved_at <= original.unit_due_at
                  if original.first_resolved_at and original.unit_due_at else None)
        assert (copy.channel, copy.nature, copy.category_id, copy.street_code,
                copy.community_code, copy.assigned_unit_id, copy.imported_on_time) == (
            original.channel, original.nature, original.category_id, original.street_code,
            original.community_code, original.assigned_unit_id, judged)
        assert copy.created_at == original.created_at.replace(microsecond=0)
    assert {r.imported_on_time for r in back.values()} >= {True, None}


async def test_the_databases_csv_rows_are_the_rows_csv_form_defines(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    """The export's CSV rows are made by the database (csv_copy) for speed; the same
    rows made in Python by csv_form.row from the rows the Open311 export reads."""
    await _with_cases(store)
    async with store.transaction() as conn:  # the odd texts a spreadsheet must not run
        await conn.execute(update(C).where(C.public_no == select(func.min(C.public_no))
                                           .scalar_subquery())
                           .values(text="=SUM(A1)", address="@坪山 \"引号\",逗号\n换行"))
    path = tmp_path / "cases.csv"
    await _export(login_as("dispatcher"), service.CSV, path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        made = list(csv.reader(f))[1:]
    who = await person(login_as("dispatcher"))
    try:
        expected = [row(r) async for rows in query.batches(who, Selection()) for r in rows]
    finally:
        await who.close()
    assert made == expected
    assert any(r[HEADER.index("诉求内容")] == "'=SUM(A1)" for r in made)
    assert any(r[HEADER.index("地址")] == "'@坪山 \"引号\",逗号\n换行" for r in made)


async def test_the_queue_filter_and_a_period_choose_the_cases(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    await _with_cases(store)
    source = await _cases(store)
    open_ones = {n for n, r in source.items() if r.status in s.OPEN_STATUSES}
    path = tmp_path / "open.json"
    url = login_as("dispatcher")
    await _export(url, service.OPEN311_JSON, path, Selection(CaseFilter()))
    assert {r["service_request_id"] for r in json.loads(path.read_text("utf-8"))} == open_ones
    middle = sorted(r.created_at for r in source.values())[CASES // 2]
    since = middle.replace(hour=0, minute=0, second=0, microsecond=0)
    before = since + dt.timedelta(days=3)
    await _export(url, service.OPEN311_JSON, path, Selection(since=since, before=before))
    assert {r["service_request_id"] for r in json.loads(path.read_text("utf-8"))} == {
        n for n, r in source.items() if since <= r.created_at < before}


async def test_a_units_handler_exports_only_their_units_cases(
        login_as: MakeLogin, database_url: str, tmp_path: Path) -> None:
    unit_x, unit_y = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    mine = await dispatched_to(operator, dispatcher, unit_x)
    await dispatched_to(operator, dispatcher, unit_y)
    handler = a_handler(login_as, database_url, unit_x)
    path = tmp_path / "unit.csv"
    exported = await _export(handler, service.CSV, path)
    assert exported.cases == 1
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    store = await person(dispatcher)
    try:
        async with store.read() as conn:
            number = (await conn.execute(select(C.public_no).where(C.id == mine))).scalar_one()
    finally:
        await store.close()
    assert len(lines) == 2 and lines[1].startswith(number + ",")
    assert (await _export(dispatcher, service.CSV, path)).cases == 2


class _CancelledMidway(service.Progress):
    """The person presses cancel once the first batch is written."""

    def check(self) -> None:
        self.cancelled = self.cancelled or self.done > 0
        super().check()


async def test_a_cancelled_or_failed_export_leaves_no_file(
        store: Store, login_as: MakeLogin, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    await _with_cases(store)
    monkeypatch.setattr(query, "BATCH", 50)
    path = tmp_path / "cases.xml"
    path.write_text("an older export", encoding="utf-8")
    who = await person(login_as("dispatcher"))
    try:
        progress = _CancelledMidway()
        with pytest.raises(service.ExportCancelled):
            await service.export(who, Selection(), service.OPEN311_XML, path, progress)
        assert progress.done == 50
        assert path.read_text(encoding="utf-8") == "an older export"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.xml"]
        with pytest.raises(service.ExportFailed) as failed:
            await service.export(who, Selection(), service.CSV,
                                 tmp_path / "no such folder" / "cases.csv")
        assert failed.value.reason
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.xml"]
        done = await service.export(who, Selection(), service.OPEN311_XML, path)
        assert done.cases == CASES and path.read_text(encoding="utf-8").count("<request>") == CASES
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.xml"]
    finally:
        await who.close()
