"""Duty reports on paper and from the console: the PDF opened and read (pages, the
period on every page, page numbers, embedded fonts), the dialog making one in its task
slot with the console alive, a failure told with nothing left behind, and the command
line run as a scheduled job would run it, on a test database."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata import demo
from console.demodata.demo_duty import load_demo_duty
from console.reports import periods
from console.reports.model import Column, Format, Kind, Report, Section, Table
from console.reports.service import base_map, make_report
from tests.widgets.conftest import run
from widgets.common.commands import allowed
from widgets.reports.dialog import ReportDialog
from widgets.reports.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[2]


def _fonts(reader: Any) -> list[tuple[str, bool]]:
    """Every font the pages use, and whether its program is embedded."""
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font.get("/BaseFont")), embedded))
    return found


@pytest.fixture
def filled(qtbot: Any, qloop: Any, database_url: str) -> Any:
    store = Store(database_url, "postgres")
    run(qtbot, demo.generate_cases(store, count=1200, days=40), 60000)
    run(qtbot, load_demo_duty(store), 30000)
    yield store
    run(qtbot, store.close())


def test_the_weekly_pdf_has_its_period_and_page_numbers_on_every_page(
        qtbot: Any, filled: Store, tmp_path: Path) -> None:
    from pypdf import PdfReader

    today = dt.datetime.now(CENTRE_TZ).date()
    week = periods.week_of(today - dt.timedelta(days=7))
    report = run(qtbot, make_report(filled, Kind.WEEKLY, week), 30000)
    outlines = run(qtbot, base_map(filled), 30000)
    target = write_pdf(report, tmp_path / "weekly.pdf", outlines)
    reader = PdfReader(target)
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, 1):
        text = " ".join(page.extract_text().split())
        assert week.label in text, number
        assert f"第 {number} 页 / 共 {pages} 页" in text
        assert "制表时间" in text
    whole = "".join(p.extract_text() for p in reader.pages)
    assert "超期及催督办案件（按承办单位）" in whole and "待区领导协调的争议案件" in whole
    assert not [c for c in whole if 0x2E80 <= ord(c) < 0x2FE0]  # ideographs, not radicals
    listed = [str(row[0]) for s in report.sections for b in s.blocks
              if isinstance(b, Table) and b.title == "督办、效能监察案件" for row in b.rows[:80]]
    assert [n for n in listed if n not in whole] == []  # found and copied, on one line
    fonts = _fonts(reader)
    assert fonts and all(embedded for _name, embedded in fonts), fonts


def test_a_table_that_runs_over_a_page_draws_its_header_again(tmp_path: Path) -> None:
    """A long table of units goes on to the next page with its header row drawn there
    too, and every row is printed once (the demo's week may be too short to show it)."""
    from pypdf import PdfReader

    week = periods.week_of(dt.date(2026, 11, 23))
    units = [(f"第{n:03d}承办单位", n % 7, n % 5) for n in range(1, 121)]
    table = Table("超期及催督办案件（按承办单位）",
                  (Column("承办单位"), Column("本期超期", Format.COUNT),
                   Column("当前超期", Format.COUNT)), units)
    report = Report(Kind.WEEKLY, week, dt.datetime(2026, 11, 30, 8, tzinfo=CENTRE_TZ),
                    (Section("超期与催督办", (table,)),))
    reader = PdfReader(write_pdf(report, tmp_path / "units.pdf", None))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    heads = [i for i, text in enumerate(texts) if "承办单位 本期超期 当前超期" in text]
    assert len(reader.pages) >= 2 and heads == list(range(len(reader.pages))), heads
    whole = " ".join(texts)
    assert [name for name, *_ in units if whole.count(name) != 1] == []


def test_the_dialog_makes_a_report_without_freezing_and_says_what_failed(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat(roles=frozenset({"supervisor"}))
    assert allowed("duty.reports", {"shift_leader"}) and not allowed("duty.reports",
                                                                      {"operator"})
    seat.window.actions_by_id["duty.reports"].trigger()
    dialog = seat.window.findChild(ReportDialog, "reportDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(Kind.MONTHLY))
    dialog.first.setDate(QDate(2026, 11, 17))
    assert dialog.period_words.text() == "2026年11月"
    dialog.format.setCurrentIndex(dialog.format.findData(".xlsx"))
    target = tmp_path / "month.xlsx"
    dialog.path.setText(str(target))
    ticks: list[int] = []
    qtbot.mouseClick(dialog.findChild(QPushButton, "report.make"), Qt.MouseButton.LeftButton)
    assert not dialog.make_button.isEnabled() and dialog.progress.maximum() == 0
    while not dialog.make_button.isEnabled():
        qtbot.wait(20)
        ticks.append(1)
    assert dialog.message.text() == f"已生成：{target}"
    assert target.stat().st_size > 0 and ticks  # the loop turned while it worked
    # The PDF, drawn by a child process the worker thread waits for (pdf_child).
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    drawn = tmp_path / "month.pdf"
    dialog.path.setText(str(drawn))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.make_button.isEnabled, timeout=120000)
    assert dialog.message.text() == f"已生成：{drawn}"
    from pypdf import PdfReader

    assert "2026年11月" in PdfReader(drawn).pages[0].extract_text()
    # A folder that does not exist: told in words, nothing written anywhere.
    dialog.path.setText(str(tmp_path / "gone" / "month.xlsx"))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.make_button.isEnabled, timeout=30000)
    assert dialog.message.text().startswith("无法写入")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")) == [
        "month.pdf", "month.xlsx"]
    dialog.close()


def _cli(*args: str, url: str | None = None, first: tuple[str, ...] = ()
         ) -> subprocess.CompletedProcess[str]:
    """main.py's report command; ``first``: shared options put before the command's
    name (then ``url`` is not added after it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CONSOLE_DATABASE_URL", None)
    env.pop("CONSOLE_REPORTING_URL", None)
    command = [sys.executable, str(ROOT / "main.py"), *first, "report", *args]
    if url and not first:
        command += ["--database-url", url]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300,
                          cwd=ROOT, check=False)


def test_the_command_line_writes_reports_and_refuses_bad_input(
        filled: Store, database_url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    weekly = tmp_path / "weekly.pdf"
    done = _cli("weekly", "--week", "2026-W48", "--out", str(weekly), url=database_url)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # a scheduled job's mail: warnings and errors only
    assert "2026年第48周" in " ".join(PdfReader(weekly).pages[0].extract_text().split())
    book = tmp_path / "special.xlsx"
    done = _cli("special", "--from", "2026-11-01", "--to", "2026-11-30", "--street",
                "坪山街道", "--out", str(book), url=database_url)
    assert done.returncode == 0, done.stderr
    import openpyxl

    assert openpyxl.load_workbook(book).sheetnames[0] == "总体情况"

    refused = [
        (("weekly", "--week", "2026-W54", "--out", str(tmp_path / "a.pdf")), 2, "no week 54"),
        (("weekly", "--week", "2026-W48", "--out", str(tmp_path / "a.doc")), 2, ".pdf or .xlsx"),
        (("monthly", "--month", "2026-11", "--day", "2026-11-02", "--out",
          str(tmp_path / "a.pdf")), 2, "give one period"),
        (("special", "--from", "2026-11-30", "--to", "2026-11-01", "--street", "坪山街道",
          "--out", str(tmp_path / "a.pdf")), 2, "before it begins"),
        (("special", "--month", "2026-11", "--out", str(tmp_path / "a.pdf")), 2,
         "needs --category or --street"),
        (("special", "--month", "2026-11", "--street", "火星街道", "--out",
          str(tmp_path / "a.pdf")), 2, "no street"),
        (("daily", "--day", "2026-11-30", "--out", str(tmp_path / "none" / "a.pdf")), 2,
         "no such folder"),
    ]
    for args, code, words in refused:
        done = _cli(*args, url=database_url)
        assert (done.returncode, words in done.stderr) == (code, True), (args, done.stderr)
    unreachable = _cli("daily", "--day", "2026-11-30", "--out", str(tmp_path / "a.pdf"),
                       url="postgresql://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == 3 and "cannot reach the database" in unreachable.stderr
    # The options every command shares: a replica named reads there (one out of reach
    # fails, though the primary is up), and they may stand before the command's name.
    no_replica = _cli("daily", "--day", "2026-11-30", "--out", str(tmp_path / "a.pdf"),
                      "--reporting-url", "postgresql://127.0.0.1:1/none", url=database_url)
    assert no_replica.returncode == 3 and "cannot reach the database" in no_replica.stderr
    daily = tmp_path / "daily.xlsx"
    done = _cli("daily", "--day", "2026-11-30", "--out", str(daily), "--reporting-url",
                database_url, first=("--database-url", database_url, "--verbose"))
    assert done.returncode == 0, done.stderr
    assert "INFO console.core.read_source: statistics and reports read from" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daily.xlsx", "special.xlsx",
                                                          "weekly.pdf"]


def test_a_long_listing_goes_to_the_pdf_cut_and_says_so(qapp: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from console.reports.model import Column, Report, Section, Table

    rows = [(f"PS-{n:04d}", n) for n in range(200)]
    listing = Table("督办案件", (Column("编号"), Column("件数", Format.COUNT)), rows,
                    pdf_rows=80)
    report = Report(Kind.DAILY, periods.day("2026-11-30"),
                    dt.datetime(2026, 12, 1, 8, tzinfo=CENTRE_TZ),
                    (Section("一、测试", (listing,)),))
    text = " ".join("".join(p.extract_text() for p in PdfReader(
        write_pdf(report, tmp_path / "cut.pdf")).pages).split())
    assert "PS-0079" in text and "PS-0080" not in text
    assert "此处列出前 80 件，共 200 件，全部见 Excel 版。" in text


def test_the_dialog_s_pdf_is_drawn_apart_whole_or_not_at_all(qapp: Any, tmp_path: Path) -> None:
    """The console draws a PDF in a child process (widgets/common/pdf_child.py): the
    same document as drawn in the process, a file that cannot be written told as one
    (OSError, which the dialog words), and a failure in the child as a bug with its
    traceback; nothing is left behind either way."""
    from pypdf import PdfReader

    from console.reports.model import Column, Report, Section, Table
    from widgets.common.pdf_child import DrawingFailed, draw_apart
    from widgets.reports.produce import DRAWING, report_child, write_file

    rows = [(f"PS-20261130-{n:06d}", f"第{n:03d}承办单位") for n in range(60)]
    listing = Table("督办案件", (Column("编号", Format.CODE), Column("承办单位")), rows)
    report = Report(Kind.DAILY, periods.day("2026-11-30"),
                    dt.datetime(2026, 12, 1, 8, tzinfo=CENTRE_TZ),
                    (Section("一、测试", (listing,)),))
    apart = write_file(report, tmp_path / "apart.pdf", child=report_child())
    here = write_file(report, tmp_path / "here.pdf")
    texts = [[p.extract_text() for p in PdfReader(f).pages] for f in (apart, here)]
    assert texts[0] == texts[1] and all(n in "".join(texts[0]) for n, _u in rows)
    with pytest.raises(OSError):  # the child told to write where nobody can
        draw_apart(DRAWING, (report, None), tmp_path / "gone" / "a.pdf")
    broken = Report(Kind.DAILY, report.period, report.made_at, (Section("一、测试", (
        Table("坏", (Column("编号"),), [("a", "b")]),)),))  # a row longer than its columns
    with pytest.raises(DrawingFailed, match="Traceback"):
        write_file(broken, tmp_path / "broken.pdf", child=report_child())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["apart.pdf", "here.pdf"]


@pytest.mark.parametrize("code", ["PS-20261130-{:06d}",
                                  "SZ-PINGSHAN-GRID-REPORT-20261130-00000000000000-{:06d}"])
def test_a_case_number_stays_on_one_line_in_a_narrow_table(
        qapp: Any, tmp_path: Path, code: str) -> None:
    """A code column (Format.CODE) between wide text columns: each number is laid out
    on one line, and ends before the next column's text begins (a long number is set
    smaller rather than let run on)."""
    from PySide6.QtGui import QTextTable

    from widgets.reports import pdf

    made = dt.datetime(2026, 11, 30, 8, tzinfo=CENTRE_TZ)
    rows = [(code.format(n), "坪山区城市管理和综合执法局坪山街道执法队",
             "道路破损、井盖缺失及其他市政设施损坏", made, made, "处理中", "效能监察", made)
            for n in range(12)]
    table = Table("督办、效能监察案件", (  # the weekly report's columns
        Column("编号", Format.CODE), Column("承办单位"), Column("事项"),
        Column("受理时间", Format.TIME), Column("单位时限", Format.TIME), Column("状态"),
        Column("最高级别"), Column("发出时间", Format.TIME)), rows)
    report = Report(Kind.WEEKLY, periods.week("2026-W48"), made,
                    (Section("一、测试", (table,)),))
    writer, _page, body = pdf.a4_writer(tmp_path / "narrow.pdf", report.header)
    document = pdf.laid_out(report, writer, body)
    layout = document.documentLayout()
    [laid] = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert laid.rows() == len(rows) + 1
    for row in range(1, laid.rows()):
        number = laid.cellAt(row, 0).firstCursorPosition().block()
        beside = laid.cellAt(row, 1).firstCursorPosition().block()
        assert number.text() == rows[row - 1][0]
        lines = number.layout()
        assert lines.lineCount() == 1, number.text()
        ends = layout.blockBoundingRect(number).left() + lines.lineAt(0).naturalTextWidth()
        assert ends < layout.blockBoundingRect(beside).left(), number.text()
    del writer
