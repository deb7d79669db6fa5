"""The month's roster as an A4 landscape PDF, drawn from the same ``MonthSheet``
as the Excel export: the people table (header row repeated on every page),
then the plan of teams per day and shift on a page of its own.

The document is the centre's filed roster and stays in Chinese, like the
workbook (see console/duty/roster_export.py). The HTML is made here; the pages are
drawn by ``roster_page`` (in a child process when the console exports: ``page`` is
what it is given).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from console.duty.roster_export import LEAVE, PERSON_HEADERS, TOTAL_HEADERS, MonthSheet
from widgets.duty import roster_page

_STYLE = """
h1 { font-size: 11pt; margin: 0; }
p.legend { font-size: 7pt; margin: 2px 0 4px 0; }
table { border-collapse: collapse; }
th { background-color: #d9e2f3; font-weight: bold; }
th.we { background-color: #e0e0e0; }
td.we { background-color: #f0f0f0; }
td.leave { background-color: #f8cbad; color: #9c0006; font-weight: bold; }
td.c, th.c { text-align: center; }
table.plan { font-size: 8.5pt; }
"""


def sheet_html(sheet: MonthSheet) -> str:
    """The sheet as HTML that QTextDocument lays out (a subset of HTML 4)."""
    weekend = [d.weekday() >= 5 for d in sheet.days]
    head = "".join(f"<th>{escape(h)}</th>" for h in PERSON_HEADERS)
    head += "".join(f'<th class="c{" we" if we else ""}">{d.day}<br/>{sheet.weekday(d)}</th>'
                    for d, we in zip(sheet.days, weekend, strict=True))
    head += "".join(f'<th class="c">{escape(h)}</th>' for h in TOTAL_HEADERS)
    body = []
    for row in sheet.rows:
        cells = [f"<td>{escape(row.post)}</td><td>{escape(row.person)}</td>"
                 f"<td>{escape(row.team)}</td>"]
        for code, we in zip(row.codes, weekend, strict=True):
            kind = " leave" if LEAVE in code.split("/") else " we" if we else ""
            cells.append(f'<td class="c{kind}">{escape(code)}</td>')
        cells.append(f'<td class="c">{row.duties}</td><td class="c">{row.leaves or ""}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    plan_head = "".join(f'<th class="c">{escape(h)}</th>'
                        for h in ("日期", "星期", *sheet.shifts, "休息"))
    plan_rows = "".join(
        "<tr>" + "".join(f'<td class="c{" we" if p.day.weekday() >= 5 else ""}">{escape(v)}</td>'
                         for v in (p.day.strftime("%m-%d"), sheet.weekday(p.day), *p.teams,
                                   p.resting)) + "</tr>"
        for p in sheet.plan)
    title = escape(sheet.title)
    return (
        f"<html><head><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1><p class='legend'>{escape(sheet.legend)}</p>"
        '<table border="1" cellspacing="0" cellpadding="1" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f'<h1 style="page-break-before: always">{title} · 轮班表</h1>'
        '<table class="plan" border="1" cellspacing="0" cellpadding="2" width="70%">'
        f"<thead><tr>{plan_head}</tr></thead><tbody>{plan_rows}</tbody></table>"
        "</body></html>")


def page(sheet: MonthSheet) -> tuple[str, str]:
    """What ``roster_page.draw`` draws: the title and the HTML (picklable, for the
    child process that draws the console's export)."""
    return sheet.title, sheet_html(sheet)


def write_pdf(sheet: MonthSheet, path: str | Path) -> Path:
    """Write the sheet to ``path`` as an A4 landscape PDF, in this process; returns the path."""
    return roster_page.draw(page(sheet), path)
