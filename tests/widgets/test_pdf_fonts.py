"""Every PDF the console writes draws Chinese in its Simplified forms with the SC face
of the CJK font, whatever the seat's locale: under a Japanese one, the font's 'locl'
feature would swap in Japanese glyphs, which copy out of the PDF as radicals or
compatibility ideographs (⾓ for 角, ⾻ for 骨, 六 for 六)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from console.core.clock import CENTRE_TZ
from console.duty.roster_export import MonthSheet, PersonRow, PlanRow
from console.reports import periods
from console.reports.model import Column, Format, Kind, Report, Section, Table
from widgets.duty import roster_pdf
from widgets.reports import pdf

# Characters whose Japanese forms differ from the Simplified ones in Noto Sans CJK.
WORDS = ["角色", "骨干", "六号岗", "黄浩涛", "山本", "直播", "海关", "说写", "遍历"]


def _odd(text: str) -> list[str]:
    """Radicals, CJK compatibility ideographs (and their supplement) in ``text``."""
    return sorted({c for c in text if 0x2E80 <= ord(c) < 0x2FE0 or 0xF900 <= ord(c) < 0xFB00
                   or 0x2F800 <= ord(c) < 0x2FA20})


def _read(path: Path) -> tuple[str, set[str]]:
    """The PDF's text without white space, and the names of its fonts."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    names = {str(font.get_object().get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    return "".join("".join(p.extract_text() for p in reader.pages).split()), names


@pytest.fixture(params=["ja_JP", "zh_CN"])
def seat_locale(qapp: Any, request: Any) -> Iterator[str]:
    """The seat's locale for the test (Qt shapes text in its language)."""
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


def test_the_roster_pdf_uses_the_simplified_forms(seat_locale: str, tmp_path: Path) -> None:
    days = tuple(dt.date(2026, 11, d) for d in range(1, 31))
    codes = tuple("白" if d % 3 else "休" for d in range(30))
    rows = tuple(PersonRow(word, word, "甲班", codes) for word in WORDS)
    plan = tuple(PlanRow(d, ("甲班", "乙班", "丙班"), "丁班") for d in days)
    sheet = MonthSheet("坪山区指挥中心 值班表 2026年11月", 2026, 11, days, rows,
                       ("白班 08–16", "中班 16–24", "夜班 00–08"), "白 白班 · 休 休息", plan)
    text, fonts = _read(roster_pdf.write_pdf(sheet, tmp_path / "roster.pdf"))
    assert _odd(text) == [], seat_locale
    assert [w for w in WORDS if w not in text] == []
    assert fonts and all("CJKsc" in name for name in fonts), fonts


def test_the_report_pdf_uses_the_same_font(seat_locale: str, tmp_path: Path) -> None:
    listing = Table("测试", (Column("编号", Format.CODE), Column("事项")),
                    [(f"PS-20261130-{n:06d}", word) for n, word in enumerate(WORDS)])
    report = Report(Kind.DAILY, periods.day("2026-11-30"),
                    dt.datetime(2026, 12, 1, 8, tzinfo=CENTRE_TZ),
                    (Section("一、角色与骨干", (listing,)),))
    text, fonts = _read(pdf.write_pdf(report, tmp_path / "daily.pdf"))
    assert _odd(text) == [], seat_locale
    assert [w for w in WORDS if w not in text] == []
    assert [f"PS-20261130-{n:06d}" for n in range(len(WORDS))
            if f"PS-20261130-{n:06d}" not in text] == []
    assert fonts and all("CJKsc" in name for name in fonts), fonts
