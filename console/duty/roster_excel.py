"""The month's roster sheet (console/duty/roster_export.py) written as an Excel
workbook with two worksheets. Imported when someone exports: openpyxl takes a tenth
of a second or more to import, which no start should pay."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from console.duty.roster_export import (
    LEAVE,
    PERSON_HEADERS,
    SHEET_PEOPLE,
    SHEET_PLAN,
    TOTAL_HEADERS,
    MonthSheet,
)

_THIN = Side(style="thin", color="9E9E9E")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_WEEKEND_FILL = PatternFill("solid", fgColor="EDEDED")
_LEAVE_FILL = PatternFill("solid", fgColor="F8CBAD")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_excel(sheet: MonthSheet, path: str | Path) -> Path:
    """Write the sheet as a workbook with two worksheets, 岗位排班 and 轮班表."""
    book = Workbook()
    people = book.active
    assert isinstance(people, Worksheet)
    people.title = SHEET_PEOPLE
    _write_people(people, sheet)
    _write_plan(book.create_sheet(SHEET_PLAN), sheet)
    target = Path(path)
    book.save(target)
    return target


def _heading(ws: Worksheet, sheet: MonthSheet, width: int, note: str) -> None:
    ws.append([sheet.title])
    ws.append([note])
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws["A1"].font = Font(size=14, bold=True)
    ws.row_dimensions[1].height = 22


def _header_row(ws: Worksheet, values: Sequence[str], weekend: set[int]) -> None:
    ws.append(list(values))
    for col in range(1, len(values) + 1):
        cell = ws.cell(row=3, column=col)
        cell.font, cell.alignment, cell.border = Font(bold=True), _CENTRE, _BORDER
        cell.fill = _WEEKEND_FILL if col in weekend else _HEADER_FILL
    ws.row_dimensions[3].height = 30


def _write_people(ws: Worksheet, sheet: MonthSheet) -> None:
    first = len(PERSON_HEADERS) + 1
    width = len(PERSON_HEADERS) + len(sheet.days) + len(TOTAL_HEADERS)
    weekend = {first + i for i, d in enumerate(sheet.days) if d.weekday() >= 5}
    _heading(ws, sheet, width, sheet.legend)
    _header_row(ws, [*PERSON_HEADERS, *(f"{d.day}\n{sheet.weekday(d)}" for d in sheet.days),
                     *TOTAL_HEADERS], weekend)
    for r, row in enumerate(sheet.rows, start=4):
        ws.append([row.post, row.person, row.team, *row.codes, row.duties, row.leaves or None])
        for col in range(1, width + 1):
            cell = ws.cell(row=r, column=col)
            cell.border = _BORDER
            if col >= first:
                cell.alignment = _CENTRE
            code = row.codes[col - first] if first <= col < first + len(sheet.days) else ""
            if LEAVE in code.split("/"):
                cell.fill, cell.font = _LEAVE_FILL, Font(bold=True, color="9C0006")
            elif col in weekend:
                cell.fill = _WEEKEND_FILL
    for col, size in ((1, 24), (2, 9), (3, 6)):
        ws.column_dimensions[get_column_letter(col)].width = size
    for col in range(first, width + 1):
        ws.column_dimensions[get_column_letter(col)].width = (
            4.2 if col < first + len(sheet.days) else 5.5)
    _page(ws, f"{get_column_letter(first)}4")


def _write_plan(ws: Worksheet, sheet: MonthSheet) -> None:
    headers = ["日期", "星期", *sheet.shifts, "休息"]
    _heading(ws, sheet, len(headers), "每日各班次的上岗班组")
    _header_row(ws, headers, set())
    for r, row in enumerate(sheet.plan, start=4):
        ws.append([row.day, sheet.weekday(row.day), *row.teams, row.resting])
        for col in range(1, len(headers) + 1):
            cell = ws.cell(row=r, column=col)
            cell.border, cell.alignment = _BORDER, _CENTRE
            if row.day.weekday() >= 5:
                cell.fill = _WEEKEND_FILL
        ws.cell(row=r, column=1).number_format = "yyyy-mm-dd"
    for col, size in enumerate([12, 6, *(16 for _ in sheet.shifts), 12], start=1):
        ws.column_dimensions[get_column_letter(col)].width = size
    _page(ws, "C4")


def _page(ws: Worksheet, freeze: str) -> None:
    ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:3"
