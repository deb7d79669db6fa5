"""The month's roster as an Excel workbook, read back as a person would read it."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from console.core.store import Store
from console.duty import roster, roster_edits
from console.duty.duty_setup import Setup, load_setup
from console.duty.roster_excel import write_excel
from console.duty.roster_export import SHEET_PEOPLE, SHEET_PLAN, PersonRow, month_sheet
from tests.db.conftest import MakeLogin

pytestmark = pytest.mark.slow  # each writes and reads back a workbook

LEADERS = frozenset({"shift_leader"})
FIRST_DAY_COLUMN = 4  # after 岗位, 姓名, 班组
LETTERS = {"day": "白", "evening": "中", "night": "夜"}


@pytest.fixture
async def leader(store: Store) -> Store:
    store.roles = LEADERS
    return store


async def export(store: Store, year: int, month: int, path: Path) -> dict[str, Worksheet]:
    written = write_excel(await month_sheet(store, year, month), path)
    assert written == path
    book = load_workbook(path)
    assert book.sheetnames == [SHEET_PEOPLE, SHEET_PLAN]
    return {name: book[name] for name in book.sheetnames}


def row_of(sheet: Worksheet, post: str, person: str) -> int:
    return next(r for r in range(4, sheet.max_row + 1)
                if (sheet.cell(r, 1).value, sheet.cell(r, 2).value) == (post, person))


def codes(sheet: Worksheet, row: int, days: int) -> list[str | None]:
    return [sheet.cell(row, FIRST_DAY_COLUMN + d).value for d in range(days)]


def expected_codes(setup: Setup, entries: list[roster.Duty], staff_id: int | None,
                   post_id: int | None, days: int) -> list[str | None]:
    by_day: dict[int, str] = {}
    for e in entries:
        if e.staff_id == staff_id and e.post_id == post_id:
            by_day[e.day.day] = LETTERS[setup.shift(e.shift_id).shift.code]
    return [by_day.get(d) for d in range(1, days + 1)]


async def room_duty(store: Store, day: dt.date, code: str) -> roster.Duty:
    setup = await load_setup(store)
    room = next(p for p in setup.posts if p.kind == "community")
    entries, _version = await roster.day_entries(store, day)
    return next(e for e in entries if e.post_id == room.id
                and e.shift_id == setup.shift_by_code(code).id)


async def test_a_person_s_codes_match_the_roster_and_leave_shows_as_such(
        leader: Store, tmp_path: Path) -> None:
    await roster.generate_month(leader, 2026, 11)
    setup = await load_setup(leader)
    day = dt.date(2026, 11, 22)
    evening = await room_duty(leader, day, "evening")
    room = setup.post(evening.post_id)
    assert room is not None

    sheets = await export(leader, 2026, 11, tmp_path / "before.xlsx")
    people = sheets[SHEET_PEOPLE]
    assert people["A1"].value == "坪山区指挥中心 值班表 2026年11月"
    assert [people.cell(3, c).value for c in range(1, 5)] == ["岗位", "姓名", "班组", "1\n日"]
    assert people.cell(3, FIRST_DAY_COLUMN + 29).value == "30\n一"
    assert people.freeze_panes == "D4"
    row = row_of(people, room.name, evening.person)
    month = await roster.month_entries(leader, 2026, 11)
    mine = codes(people, row, 30)
    assert mine == expected_codes(setup, month, evening.staff_id, evening.post_id, 30)
    assert mine[21] == "中" and {"白", "中", "夜", None} == set(mine)
    assert people.cell(row, FIRST_DAY_COLUMN + 30).value == sum(1 for c in mine if c)

    # Leave with the room's night-shift colleague standing in (off at 08:00, rested by 16:00).
    night = await room_duty(leader, day, "night")
    _entries, version = await roster.day_entries(leader, day)
    await roster_edits.leave(leader, evening.id, day, version, "病假", stand_in=night.staff_id)
    sheets = await export(leader, 2026, 11, tmp_path / "after.xlsx")
    people = sheets[SHEET_PEOPLE]
    row = row_of(people, room.name, evening.person)
    after = codes(people, row, 30)
    assert after[21] == "假" and after[:21] == mine[:21] and after[22:] == mine[22:]
    leave_cell = people.cell(row, FIRST_DAY_COLUMN + 21)
    assert leave_cell.fill.fgColor.rgb.endswith("F8CBAD")
    assert people.cell(row, FIRST_DAY_COLUMN + 31).value == 1  # 请假
    stand_in = codes(people, row_of(people, room.name, night.person), 30)
    assert stand_in[21] == "中/夜"  # the evening added to their own night

    plan = sheets[SHEET_PLAN]
    assert [plan.cell(3, c).value for c in range(1, 7)] == [
        "日期", "星期", "白班 08–16", "中班 16–24", "夜班 00–08", "休息"]
    shown = [plan.cell(3 + 22, c).value for c in range(1, 7)]
    team = {t.code: t.name for t in setup.teams}
    rotation = setup.rotation.day_plan(day)
    assert shown[0].date() == day and shown[1] == "日"
    assert shown[2:5] == [team[rotation[code]] for code in ("day", "evening", "night")]
    assert shown[5] == next(t.name for t in setup.teams if t.code not in rotation.values())


async def test_a_leap_february_has_twenty_nine_day_columns(
        leader: Store, tmp_path: Path) -> None:
    await roster.generate_month(leader, 2028, 2)
    sheets = await export(leader, 2028, 2, tmp_path / "february.xlsx")
    people, plan = sheets[SHEET_PEOPLE], sheets[SHEET_PLAN]
    assert people["A1"].value == "坪山区指挥中心 值班表 2028年2月"
    days = [people.cell(3, c).value for c in range(FIRST_DAY_COLUMN, people.max_column - 1)]
    assert len(days) == 29 and days[-1] == "29\n二"
    assert [people.cell(3, c).value for c in (people.max_column - 1, people.max_column)] == [
        "班数", "请假"]
    assert plan.max_row == 3 + 29 and plan.cell(3 + 29, 1).value.date() == dt.date(2028, 2, 29)


async def test_a_month_not_generated_exports_an_empty_sheet(
        leader: Store, tmp_path: Path) -> None:
    sheet = await month_sheet(leader, 2027, 1)
    assert sheet.rows == () and len(sheet.plan) == 31
    assert all(p.teams == ("", "", "") and p.resting == "" for p in sheet.plan)
    write_excel(sheet, tmp_path / "empty.xlsx")


async def test_the_sheet_read_as_texts_is_the_sheet_of_the_months_entries(
        leader: Store, login_as: MakeLogin) -> None:
    """``month_sheet`` reads the month as one text per column and makes the sheet in a
    worker thread: the same sheet as made from the entries read row by row, with a
    leave, an entry without a person and names holding the separators; read by a
    shift leader's own login."""
    from sqlalchemy import text

    from console.duty.roster_export import make_sheet
    from tests.db.people import login_of

    await roster.generate_month(leader, 2026, 11)
    day = dt.date(2026, 11, 22)
    evening, night = await room_duty(leader, day, "evening"), await room_duty(leader, day, "night")
    _entries, version = await roster.day_entries(leader, day)
    await roster_edits.leave(leader, evening.id, day, version, "病假", stand_in=night.staff_id)
    async with leader.transaction() as conn:  # as the owner would: names no form allows
        await conn.execute(text("UPDATE staff SET name = :name WHERE id = :id"),
                           {"name": "王,五\x1f六", "id": evening.staff_id})
        await conn.execute(text("UPDATE roster_entry SET staff_id = NULL WHERE id = :id"),
                           {"id": night.id})
    setup = await load_setup(leader)
    url = login_as("shift_leader")
    shift_leader = Store(url, login_of(url))
    try:
        sheet = await month_sheet(shift_leader, 2026, 11)
    finally:
        await shift_leader.close()
    expected = make_sheet(setup, await roster.month_entries(leader, 2026, 11), 2026, 11)
    renamed = [r for r in expected.rows if r.person == "王,五\x1f六"]
    assert len(renamed) == 1 and any(r.person == "" for r in expected.rows)
    assert sheet.rows == tuple(
        r if r.person != "王,五\x1f六" else PersonRow(r.post, "王,五 六", r.team, r.codes)
        for r in expected.rows)
    assert (sheet.title, sheet.days, sheet.shifts, sheet.legend, sheet.plan) == (
        expected.title, expected.days, expected.shifts, expected.legend, expected.plan)
