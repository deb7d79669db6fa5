"""History import on a real database, as an admin's own login (issue 15, item 4): the
cases come in marked imported with their own times, once; what the console did not
know is listed and then mapped or created, and the mapping kept in the profile; a
cancelled or failed import leaves nothing; nobody but an admin imports."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import func, select, text

from console.core.errors import ConflictError, PermissionDenied, ValidationError
from console.core.store import Store
from console.geo.crs import wgs84_to_gcj02
from console.history_import import builtin, profiles, service
from console.history_import.matching import CREATE
from console.history_import.profile import NONE
from console.history_import.progress import EVENTS, ImportCancelled, Progress
from db import schema as s
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.import_fixture import import_all, leaf_path, open311_json, pingshan_csv
from tests.db.people import person, raw

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


async def _lines(store: Store) -> list[str]:
    _id, path = await leaf_path(store)
    known = ",".join(path.split(" / "))
    return [
        f"101,2018-09-01 10:00:00,坑梓街道,坑梓社区,@坪山,投诉,{known},新测试单位,1,0",
        f"102,2018-09-02 11:30:00,坪山街道,六和社区,12345,咨询,{known},-,0,1",
        "103,2018-09-03 09:15:00,坪山街道,六和社区,美丽深圳,-,新大类,新中类,新小类,新测试单位,1,0",
        f"104,2018-09-04 09:15:00,-,-,12345,-,{known},-,1,0",
    ]


async def _count(store: Store, table: type, *where: object) -> int:
    async with store.read() as conn:
        return int((await conn.execute(select(func.count()).select_from(table)
                                       .where(*where))).scalar_one())


async def test_an_admin_imports_history_once_with_its_own_times(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    admin = await person(login_as("admin"))
    try:
        path = pingshan_csv(tmp_path, await _lines(store))
        preview = await service.read_file(admin, path, builtin.PINGSHAN_2018)
        assert [(p.line, p.error.field, p.error.code) for p in preview.problems] == [
            (5, "street", "import.missing")]
        assert [(u.kind, u.key, u.rows) for u in preview.unknowns] == [
            ("category", "新大类 / 新中类 / 新小类", 1), ("unit", "新测试单位", 2)]
        with pytest.raises(ValidationError):  # nothing chosen for the unit
            await service.run(admin, preview, {"category": {"新大类 / 新中类 / 新小类": CREATE}})
        result = await service.run(admin, preview, {
            "category": {"新大类 / 新中类 / 新小类": CREATE}, "unit": {"新测试单位": CREATE}})
        assert (result.imported, result.already, len(result.problems)) == (3, 0, 1)
        assert result.created == {"street": 0, "community": 0, "unit": 1, "category": 1}
        async with store.read() as conn:
            cases = {r.imported_id: r for r in await conn.execute(select(
                s.Case.imported_id, s.Case.imported_from, s.Case.status, s.Case.created_at,
                s.Case.imported_on_time, s.Case.channel, s.Case.nature, s.Case.created_by,
                s.Case.id, s.Case.assigned_unit_id).where(s.Case.imported_from.is_not(None)))}
            imported = dict((await conn.execute(select(s.CaseEvent.case_id, s.CaseEvent.at)
                                                .where(s.CaseEvent.kind == "imported"))).all())
            actors = set((await conn.execute(select(s.CaseEvent.actor).where(
                s.CaseEvent.kind.in_(("imported", "history_imported"))))).scalars())
            unit = (await conn.execute(select(s.Unit.id, s.Unit.code)
                                       .where(s.Unit.name == "新测试单位"))).one()
            path3 = (await conn.execute(select(s.Category.path).where(
                s.Category.name == "新小类", s.Category.level == 3))).scalar_one()
        assert set(cases) == {"101", "102", "103"}
        first = cases["101"]
        assert (first.imported_from, first.status, first.channel, first.nature) == (
            "pingshan-2018", "closed", "wechat", "complaint")
        assert first.created_at == dt.datetime(2018, 9, 1, 10, tzinfo=SHANGHAI)
        assert first.created_by == admin.actor and first.assigned_unit_id == unit.id
        assert [cases[k].imported_on_time for k in ("101", "102", "103")] == [True, False, True]
        assert cases["103"].nature == "other" and cases["102"].assigned_unit_id is None
        assert path3 == "新大类 / 新中类 / 新小类"
        assert all(imported[c.id] == c.created_at for c in cases.values())  # their own times
        assert actors == {admin.actor}
        assert result.profile.version == 1
        assert result.profile.mappings["unit"] == {"新测试单位": unit.code}
        # the same file again adds nothing and asks nothing
        saved = next(p for p in await profiles.load_all(admin) if p.source == "pingshan-2018")
        again = await service.read_file(admin, path, saved)
        assert (again.already, again.rows, again.unknowns) == (3, [], [])
        assert (await service.run(admin, again, {})).imported == 0
        assert await _count(store, s.Case) == 3
    finally:
        await admin.close()


async def test_the_saved_profile_answers_the_next_import(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    admin = await person(login_as("admin"))
    try:
        lines = await _lines(store)
        await import_all(admin, pingshan_csv(tmp_path, lines[:1]), builtin.PINGSHAN_2018,
                         {"unit": {"新测试单位": NONE}})
        saved = next(p for p in await profiles.load_all(admin) if p.source == "pingshan-2018")
        assert saved.version == 1 and saved.mappings["unit"] == {"新测试单位": NONE}
        later = pingshan_csv(tmp_path, [lines[0].replace("101,", "201,")], "later.csv")
        preview = await service.read_file(admin, later, saved)
        assert preview.unknowns == [] and len(preview.rows) == 1
        stale = dataclasses.replace(saved, version=0)
        with pytest.raises(ConflictError) as lost:  # another admin saved it meanwhile
            await service.run(admin, dataclasses.replace(preview, profile=stale), {})
        assert lost.value.changed_by == admin.actor
        assert await _count(store, s.Case, s.Case.imported_id == "201") == 0  # rolled back
        assert (await service.run(admin, preview, {})).profile.version == 2
    finally:
        await admin.close()


async def test_an_import_that_meanwhile_came_from_elsewhere_is_refused_whole(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    admin, other = await person(login_as("admin")), await person(login_as("admin"))
    try:
        lines = await _lines(store)
        path = pingshan_csv(tmp_path, lines[:2])
        mine = await service.read_file(admin, path, builtin.PINGSHAN_2018)
        theirs = await service.read_file(other, pingshan_csv(tmp_path, lines[:1], "one.csv"),
                                         builtin.PINGSHAN_2018)
        await service.run(other, theirs, {"unit": {"新测试单位": NONE}})
        with pytest.raises(ConflictError) as late:  # 101 came in meanwhile
            await service.run(admin, mine, {"unit": {"新测试单位": NONE}})
        assert late.value.action == "history_imported"
        assert await _count(store, s.Case) == 1  # theirs; nothing of mine, not even 102
    finally:
        await admin.close()
        await other.close()


class CancelAt(Progress):
    """The admin presses cancel when the import reaches ``stage``."""

    def __init__(self, stage: str) -> None:
        super().__init__()
        self.at = stage

    def begin(self, stage: str, total: int = 0) -> None:
        if stage == self.at:
            self.cancel()
        super().begin(stage, total)


async def test_a_cancelled_import_leaves_nothing(store: Store, login_as: MakeLogin,
                                                 tmp_path: Path) -> None:
    admin = await person(login_as("admin"))
    try:
        path = pingshan_csv(tmp_path, await _lines(store))
        preview = await service.read_file(admin, path, builtin.PINGSHAN_2018)
        units, categories = await _count(store, s.Unit), await _count(store, s.Category)
        events = await _count(store, s.CaseEvent)
        with pytest.raises(ImportCancelled):
            await service.run(admin, preview, {
                "category": {"新大类 / 新中类 / 新小类": CREATE}, "unit": {"新测试单位": CREATE}},
                CancelAt(EVENTS))
        assert await _count(store, s.Case) == 0
        assert await _count(store, s.CaseEvent) == events
        assert (await _count(store, s.Unit), await _count(store, s.Category)) == (
            units, categories)
        assert await _count(store, s.ImportProfile) == 0
        async with store.read() as conn:  # nothing left behind for anyone
            left = (await conn.execute(text(
                "SELECT (SELECT count(*) FROM history_import_row),"
                " (SELECT count(*) FROM hotline_private.history_import_made),"
                " (SELECT count(*) FROM hotline_private.history_import)"))).one()
        assert tuple(left) == (0, 0, 0)
    finally:
        await admin.close()


async def test_only_an_admin_imports_and_only_the_import_marks_a_case_imported(
        store: Store, login_as: MakeLogin, tmp_path: Path) -> None:
    dispatcher_url = login_as("dispatcher", "operator")
    dispatcher = await person(dispatcher_url)
    try:
        path = pingshan_csv(tmp_path, await _lines(store))
        with pytest.raises(PermissionDenied):
            await service.read_file(dispatcher, path, builtin.PINGSHAN_2018)
    finally:
        await dispatcher.close()
    category, _path = await leaf_path(store)
    with raw(dispatcher_url) as conn:
        for statement in (
                "SELECT history_import_cases(gen_random_uuid(), 'x')",
                "SELECT history_import_events()",
                "INSERT INTO history_import_row (batch, line, imported_id, channel, nature,"
                " category_id, status, created_at) VALUES (gen_random_uuid(), 1, '1', 'web',"
                f" 'other', {category}, 'closed', now())",
                "SELECT * FROM import_profile"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
        # a desk login that makes a case cannot pass it off as history (out of the ladder)
        with pytest.raises(errors.InsufficientPrivilege, match="marked imported"):
            conn.execute(
                'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                " status, due_at, accepted_at, imported_from, imported_id) SELECT"
                " gen_random_uuid(), 'PS-X', 'web', 't', id, urgency, 'accepted',"
                f" now() + interval '1 day', now(), 'x', '1' FROM category WHERE id = {category}")


async def test_only_the_import_keeps_an_event_time_and_it_notifies_once(
        store: Store, login_as: MakeLogin, tmp_path: Path, database_url: str) -> None:
    admin_url = login_as("admin")
    with raw(admin_url) as conn, conn.transaction():  # an admin asking for history by hand
        conn.execute("SET LOCAL hotline.history = 'on'")
        at = conn.execute("INSERT INTO case_event (kind, at) VALUES ('x', '2018-01-01')"
                          " RETURNING at").fetchone()
    assert at is not None and at[0].year >= 2026
    admin = await person(admin_url)
    listener = await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                     autocommit=True)
    try:
        await listener.execute("LISTEN case_event")
        _preview, result = await import_all(admin, pingshan_csv(tmp_path, await _lines(store)),
                                            builtin.PINGSHAN_2018)
        heard = []
        async with asyncio.timeout(2):
            async for note in listener.notifies(timeout=1):
                heard.append(int(note.payload))
        assert result.imported == 3
        # one wake-up after the commit, naming the summary (the seat notifies: 0022),
        # not one per case
        assert heard == [result.event_id]
        async with store.read() as conn:
            kinds = (await conn.execute(select(s.CaseEvent.kind).where(
                s.CaseEvent.kind.not_in(["x", "imported"])).order_by(s.CaseEvent.id))
            ).scalars().all()
        assert kinds[-2:] == ["catalog_loaded", "history_imported"]
    finally:
        await listener.close()
        await admin.close()


async def test_open311_requests_come_in_open_or_closed(store: Store, login_as: MakeLogin,
                                                       tmp_path: Path) -> None:
    admin = await person(login_as("admin"))
    try:
        category, _path = await leaf_path(store)
        async with store.read() as conn:
            category_code = (await conn.execute(select(s.Category.code)
                                                .where(s.Category.id == category))).scalar_one()
        base = {"service_code": "006", "service_name": "Sidewalk", "address": "8TH AVE",
                "lat": 22.7, "long": 114.3, "description": "路面破损"}
        path = open311_json(tmp_path, [
            {**base, "service_request_id": "638344", "status": "closed",
             "requested_datetime": "2010-04-14T06:37:38-08:00",
             "updated_datetime": "2010-04-15T06:37:38-08:00",
             "expected_datetime": "2010-04-15T06:37:38-08:00"},
            {**base, "service_request_id": 638349, "status": "open",
             "requested_datetime": "2010-04-19T06:37:38-08:00",
             "updated_datetime": "2010-04-19T06:37:38-08:00",
             "expected_datetime": "2010-04-20T06:37:38-08:00"},
            {**base, "service_request_id": "638350", "status": "open",
             "requested_datetime": "2010-04-19T06:37:38-08:00"}])
        preview, result = await import_all(admin, path, builtin.OPEN311_REQUESTS,
                                           {"category": {"006": category_code}})
        assert [(u.kind, u.key, u.label) for u in preview.unknowns] == [
            ("category", "006", "Sidewalk")]
        assert result.imported == 2
        assert [(p.line, p.error.code) for p in result.problems] == [
            (3, "import.open_without_due")]
        async with store.read() as conn:
            rows = {r.imported_id: r for r in await conn.execute(select(
                s.Case.imported_id, s.Case.status, s.Case.due_at, s.Case.closed_at,
                s.Case.channel, s.Case.nature, s.Case.address, s.Case.lat, s.Case.text,
                s.Case.category_id).where(s.Case.imported_from == "open311"))}
        closed, opened = rows["638344"], rows["638349"]
        assert (closed.status, opened.status) == ("closed", "accepted")
        assert closed.closed_at == dt.datetime(2010, 4, 15, 14, 37, 38, tzinfo=dt.UTC)
        assert opened.closed_at is None
        assert opened.due_at == dt.datetime(2010, 4, 20, 14, 37, 38, tzinfo=dt.UTC)
        assert (closed.channel, closed.nature, closed.address, closed.text) == (
            "web", "request", "8TH AVE", "路面破损")
        # Open311's points are WGS-84; the console keeps GCJ-02
        assert closed.lat == pytest.approx(float(wgs84_to_gcj02(114.3, 22.7)[1]))
        assert closed.lat != 22.7 and closed.category_id == category
    finally:
        await admin.close()
