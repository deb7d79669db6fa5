"""A report as an Excel workbook: a sheet per section, the report's title, period and
time made at the top of each, numbers as numbers (rates as 0..1 with a percent
format, times as Excel times), each chart's data as a table with a native chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from console.core.clock import CENTRE_TZ
from console.reports.model import AreaMap, Cell, Chart, Figures, Format, Report, Table

NUMBER_FORMATS = {Format.COUNT: "0", Format.RATE: "0.00%", Format.HOURS: "0.0",
                  Format.TIME: "yyyy-mm-dd hh:mm"}
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook(report: Report) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"{report.header}"
    book.properties.creator = "Hotline Console"
    used: set[str] = set()
    for section in report.sections:
        name = (section.sheet or section.title).translate(BAD_SHEET_CHARS)[:31]
        while name in used:
            name = name[:29] + f"_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        _header(sheet, report, section.title)
        row = 5
        for block in section.blocks:
            if isinstance(block, Table):
                row = _table(sheet, row, block)
            elif isinstance(block, Figures):
                row = _figures(sheet, row, block)
            elif isinstance(block, Chart):
                row = _chart(sheet, row, block)
            elif isinstance(block, AreaMap):
                row = _areas(sheet, row, block)
            row += 1
        for column in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
        sheet.column_dimensions["A"].width = 28
    return book


def write_excel(report: Report, path: Path) -> None:
    workbook(report).save(path)


def _header(sheet: Worksheet, report: Report, section: str) -> None:
    sheet["A1"] = f"{report.centre}{report.title}"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"统计期间：{report.period.label}"
    sheet["A3"] = report.made_text(CENTRE_TZ)
    sheet["A4"] = section
    sheet["A4"].font = Font(bold=True, size=12)
    sheet.oddHeader.center.text = f"{report.header}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def _value(value: Cell) -> Cell:
    if isinstance(value, dt.datetime):  # Excel keeps no zone: the centre's wall time
        return value.astimezone(CENTRE_TZ).replace(tzinfo=None)
    return value


def _title(sheet: Worksheet, row: int, title: str) -> int:
    if title:
        sheet.cell(row, 1, title).font = Font(bold=True)
        return row + 1
    return row


def _table(sheet: Worksheet, row: int, table: Table) -> int:
    row = _title(sheet, row, table.title)
    for col, column in enumerate(table.columns, 1):
        cell = sheet.cell(row, col, column.title)
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BOX
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    if not table.rows:
        sheet.cell(row + 1, 1, table.empty)
        row += 1
    for values in table.rows:
        row += 1
        for col, (value, column) in enumerate(zip(values, table.columns, strict=True), 1):
            cell = sheet.cell(row, col, _value(value))
            cell.border = BOX
            if column.format in NUMBER_FORMATS and value is not None:
                cell.number_format = NUMBER_FORMATS[column.format]
    if table.note:
        row += 1
        sheet.cell(row, 1, table.note).font = Font(italic=True, size=9)
    return row + 1


def _figures(sheet: Worksheet, row: int, figures: Figures) -> int:
    row = _title(sheet, row, figures.title)
    for item in figures.items:
        sheet.cell(row, 1, item.label).border = BOX
        cell = sheet.cell(row, 2, _value(item.value))
        cell.border = BOX
        if item.format in NUMBER_FORMATS and item.value is not None:
            cell.number_format = NUMBER_FORMATS[item.format]
        row += 1
    return row


def _chart(sheet: Worksheet, row: int, chart: Chart) -> int:
    row = _title(sheet, row, chart.title)
    first = row
    sheet.cell(row, 1, "项目").font = Font(bold=True)
    for col, series in enumerate(chart.series, 2):
        sheet.cell(row, col, series.name).font = Font(bold=True)
    for label_index, label in enumerate(chart.labels):
        row += 1
        sheet.cell(row, 1, label)
        for col, series in enumerate(chart.series, 2):
            cell = sheet.cell(row, col, series.values[label_index])
            if chart.format in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[chart.format]
    if chart.labels:
        native = LineChart() if chart.style == "line" else BarChart()
        if isinstance(native, BarChart):
            native.type = "bar" if chart.style == "hbar" else "col"
        native.title = chart.title
        native.height, native.width = 7.5, 16
        native.add_data(Reference(sheet, min_col=2, max_col=1 + len(chart.series),
                                  min_row=first, max_row=row), titles_from_data=True)
        native.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=row))
        sheet.add_chart(native, f"{get_column_letter(len(chart.series) + 3)}{first}")
        row = max(row, first + 15)
    return row + 1


def _areas(sheet: Worksheet, row: int, areas: AreaMap) -> int:
    row = _title(sheet, row, areas.title)
    for col, title in enumerate(("编码", "名称", "案件"), 1):
        sheet.cell(row, col, title).font = Font(bold=True)
    for code, count in sorted(areas.values.items(), key=lambda kv: (-kv[1], kv[0])):
        row += 1
        sheet.cell(row, 1, code)
        sheet.cell(row, 2, areas.names.get(code, code))
        sheet.cell(row, 3, count).number_format = "0"
    return row + 1
