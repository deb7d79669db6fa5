"""The duty reports' figures against a world made through the real lifecycle (what
each report must say is worked out from what the test made, not from the database),
and the workbook read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from console.casework import cases
from console.casework.dispute_briefing import working_days_since
from console.catalog.catalog import load_catalog
from console.core.clock import CENTRE_TZ
from console.core.output_file import OutputError, write_atomically
from console.core.store import Store
from console.reports import periods
from console.reports.excel import write_excel
from console.reports.model import Chart, Figures, Kind, Report, Table
from console.reports.service import make_report
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import person
from tests.db.reports_fixture import World, make_world
from tests.db.test_disputes import disputed_case


def block(report: Report, title: str) -> Table | Figures | Chart:
    found = [b for s in report.sections for b in s.blocks if getattr(b, "title", "") == title]
    assert len(found) == 1, title
    return found[0]  # type: ignore[return-value]


def figure(report: Report, figures: str, label: str) -> object:
    found = block(report, figures)
    assert isinstance(found, Figures)
    return next(f.value for f in found.items if f.label == label)


def rows_of(report: Report, title: str) -> list[tuple[object, ...]]:
    found = block(report, title)
    assert isinstance(found, Table)
    return [tuple(r) for r in found.rows]


async def _reports(world: World, **kinds: periods.Period) -> dict[str, Report]:
    store = await person(world.supervisor_url)
    try:
        catalog = await load_catalog(store)
        out = {}
        for kind, period in kinds.items():
            extra = {}
            if kind == "special":
                extra = {"street_code": catalog.grid_cells[
                    sorted(catalog.grid_cells)[0]].street_code}
            out[kind] = await make_report(store, Kind(kind), period, catalog=catalog,
                                          **extra)  # type: ignore[arg-type]
        return out
    finally:
        await store.close()


async def test_each_report_says_what_the_lifecycle_made(
        login_as: MakeLogin, database_url: str, tmp_path: Path) -> None:
    world = await make_world(login_as, database_url)
    today = world.now.astimezone(CENTRE_TZ).date()
    made = await _reports(world, daily=periods.day(today), weekly=periods.week_of(today),
                          monthly=periods.month_of(today),
                          special=periods.days(today - dt.timedelta(days=2), today))
    channels = Counter(world.made.values())
    names = {"phone_12345": "12345热线", "app": "美丽深圳APP", "grid_worker": "网格员上报"}
    total = len(world.made)
    unit_name = None
    for kind, report in made.items():
        title = {"daily": "当日概况", "weekly": "本周概况", "monthly": "本月主要指标",
                 "special": "主要指标"}[kind]
        assert figure(report, title, "受理量") == total  # the invalid case is not counted
        assert figure(report, title, "制表时在办") == 1  # the late one (grid[1] resolved)
        assert figure(report, title, "制表时超期") == 1
        judged = len(world.on_time) + 1
        assert figure(report, title, "按期办结率") == len(world.on_time) / judged
        assert figure(report, title, "满意率") == 1.0  # the one rated: 4
        assert figure(report, title, "核查通过率") == 1.0
    daily = made["daily"]
    assert rows_of(daily, "按受理渠道") == [
        *sorted(((names[c], n, n / total) for c, n in channels.items()),
                key=lambda r: (-r[1], [k for k, v in names.items() if v == r[0]][0])),
        ("合计", total, 1.0)]
    natures = Counter(world.natures.values())
    assert [r[1] for r in rows_of(daily, "按诉求性质")] == [
        *sorted(natures.values(), reverse=True), total]
    [handed] = rows_of(daily, "交接班记录")
    assert handed[2] == world.leader and handed[3] == "（未接班）"
    notable = rows_of(daily, "重点案件（A类及当日督办、效能监察）")
    assert any(r[6] == "督办" for r in notable)

    weekly = made["weekly"]
    catalog_store = await person(world.supervisor_url)
    try:
        unit_name = (await load_catalog(catalog_store)).units[world.unit].name
    finally:
        await catalog_store.close()
    ladder = {r[0]: r for r in rows_of(weekly, "超期及催督办案件（按承办单位）")}
    # this unit: one of the week's cases overdue, one overdue now, one supervision order
    assert ladder[unit_name][1:3] == (1, 1) and ladder[unit_name][6] == 1
    units = {r[1]: r for r in rows_of(weekly, "各承办单位按期办结率")}
    assert units[unit_name][2:] == (total, len(world.on_time), 1,
                                    len(world.on_time) / (len(world.on_time) + 1))
    supervised = rows_of(weekly, "督办、效能监察案件")
    assert [(r[1], r[6]) for r in supervised] == [(unit_name, "督办")]
    assert rows_of(weekly, "待区领导协调的争议案件") == []

    monthly = made["monthly"]
    trend = rows_of(monthly, "按周走势")
    assert sum(int(r[1]) for r in trend) == total  # type: ignore[call-overload]
    said = rows_of(monthly, "回访满意度（每件以本期最后一次回访计）")
    satisfaction = {r[0]: r[1] for r in said}
    assert satisfaction["满意"] == 1 and satisfaction["未接通"] == 1 and satisfaction["合计"] == 2

    book = tmp_path / "weekly.xlsx"
    write_excel(weekly, book)
    opened = openpyxl.load_workbook(book)
    assert opened.sheetnames == ["超期及督办", "热点区域", "待协调争议", "按期办结"]
    sheet = opened["按期办结"]
    assert sheet["A2"].value == f"统计期间：{weekly.period.label}"
    assert str(sheet["A3"].value).startswith("制表时间 ")
    cells = {sheet.cell(r, 2).value: [sheet.cell(r, c) for c in range(1, 7)]
             for r in range(1, sheet.max_row + 1)}
    line = cells[unit_name]
    assert line[2].value == total and isinstance(line[2].value, int)
    assert line[5].number_format == "0.00%"
    assert line[5].value == pytest.approx(len(world.on_time) / (len(world.on_time) + 1))


def test_a_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"the old report")

    def broken(path: Path) -> None:
        path.write_bytes(b"half")
        raise RuntimeError("drawing failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    with pytest.raises(OutputError):
        write_atomically(tmp_path / "nowhere" / "r.xlsx", broken)
    write_atomically(target, lambda p: p.write_bytes(b"new"))
    assert target.read_bytes() == b"new"


async def test_the_weekly_briefing_lists_the_disputes_waiting_when_it_is_made(
        login_as: MakeLogin, store: Store) -> None:
    """docs/INDICATORS.md 待协调争议: disputed or referred as the report is made, old
    enough by then; not as of the period's end. A week long past lists a dispute that
    began after it and is waiting now, and leaves out one that waited at the week's end
    (or later) but has been settled since."""
    waiting, leader_url, units = await disputed_case(login_as)
    settled, _leader, _ = await disputed_case(login_as)
    fresh, _leader, _ = await disputed_case(login_as)
    leader = await person(leader_url)
    supervisor = await person(login_as("supervisor"))
    try:
        for case_id in (waiting, settled):
            await cases.perform(leader, case_id, "refer", None, note="请区领导协调")
        await cases.perform(supervisor, settled, "decide", None, unit_id=units[1],
                            leader="王副区长", decision="由该单位办理",
                            decided_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    finally:
        await leader.close()
    began = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)  # 5 working days and more
    async with store.transaction() as conn:
        await conn.exec_driver_sql("ALTER TABLE case_event DISABLE TRIGGER USER")
        await conn.execute(update(s.CaseEvent).where(
            s.CaseEvent.case_id.in_([waiting, settled]), s.CaseEvent.kind == "dispute")
            .values(at=began))
        await conn.exec_driver_sql("ALTER TABLE case_event ENABLE TRIGGER USER")
        numbers = {r.id: r.public_no for r in await conn.execute(select(
            s.Case.id, s.Case.public_no).where(s.Case.id.in_([waiting, settled, fresh])))}
    try:
        catalog = await load_catalog(supervisor)
        today = dt.datetime.now(CENTRE_TZ).date()
        long_past = periods.week_of(today - dt.timedelta(days=35))  # ended before it began
        assert long_past.end < began
        report = await make_report(supervisor, Kind.WEEKLY, long_past, catalog=catalog)
    finally:
        await supervisor.close()
    listed = {r[0]: r for r in rows_of(report, "待区领导协调的争议案件")}
    assert numbers[waiting] in listed
    assert numbers[settled] not in listed and numbers[fresh] not in listed
    row = listed[numbers[waiting]]
    assert row[1] == "区领导协调中"  # its status now, in words
    assert row[4] == working_days_since(catalog.calendar, began, report.made_at)
