"""The duty roster's PDF drawn by the console's child process (widgets/common/pdf_child.py),
as the reports' is (tests/widgets/test_reports.py): the same document as drawn in the
process, an unwritable file told as one, a failure as a bug; and the child's drawing
modules import no database or map reading, which would only slow its start."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from console.duty.roster_export import MonthSheet, PersonRow, PlanRow
from widgets.common.pdf_child import ROOT, DrawingFailed, PdfChild, draw_apart
from widgets.duty import roster_page, roster_pdf
from widgets.reports import produce


def _sheet(people: int) -> MonthSheet:
    days = tuple(dt.date(2026, 11, d) for d in range(1, 31))
    codes = tuple(("白", "中", "夜", "", "假")[(d + p) % 5] for p in range(people)
                  for d in range(30))
    rows = tuple(PersonRow(f"岗位{p:03d}", f"值班员{p:03d}", "甲乙丙丁"[p % 4] + "班",
                           codes[p * 30:(p + 1) * 30]) for p in range(people))
    plan = tuple(PlanRow(d, ("甲班", "乙班", "丙班"), "丁班") for d in days)
    return MonthSheet("坪山区指挥中心 值班表 2026年11月", 2026, 11, days, rows,
                      ("白班 08–16", "中班 16–24", "夜班 00–08"), "白 白班 · 假 请假", plan)


def test_the_roster_is_drawn_apart_as_in_the_process(qapp: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    sheet = _sheet(120)  # several pages
    apart = PdfChild(roster_page.DRAWING).draw(roster_pdf.page(sheet), tmp_path / "apart.pdf")
    here = roster_pdf.write_pdf(sheet, tmp_path / "here.pdf")
    texts = [[p.extract_text() for p in PdfReader(f).pages] for f in (apart, here)]
    assert len(texts[0]) > 2 and texts[0] == texts[1]
    assert all(f"值班员{p:03d}" in "".join(texts[0]) for p in range(120))
    with pytest.raises(OSError):  # the child told to write where nobody can
        draw_apart(roster_page.DRAWING, roster_pdf.page(sheet), tmp_path / "gone" / "r.pdf")
    with pytest.raises(DrawingFailed, match="Traceback"):  # not a page: a bug
        draw_apart(roster_page.DRAWING, sheet, tmp_path / "bug.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["apart.pdf", "here.pdf"]


@pytest.mark.parametrize("drawing", [roster_page.DRAWING, produce.DRAWING])
def test_the_child_imports_no_database_and_no_map_reading(drawing: str) -> None:
    """What the child imports at its start (its drawing's module): no SQLAlchemy, no
    psycopg, no shapely (the report's map comes already drawn in outlines)."""
    module = drawing.split(":")[0]
    script = (f"import sys, importlib; importlib.import_module({module!r});"
              " print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    loaded = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    assert "PySide6" in loaded
    assert [m for m in ("sqlalchemy", "psycopg", "shapely", "openpyxl", "db") if m in loaded] == []
