"""A report as the HTML that QTextDocument lays out for the PDF: headings, the figures,
the tables (header rows repeat on every page a table runs onto), the charts' and the
map's images by resource name.

A code column (``Format.CODE``: a case's number) stays on one line: Qt's table layout
would break "PS-20261130-000009" inside a narrow cell (its ``nowrap`` does not hold
the column open), so the column is given the width of its widest code, measured in
the document's font; when that would take more than ``CODE_SHARE`` of the table, the
column's text is set smaller until it fits (down to ``SMALLEST_POINTS``, past which the
column grows), so nothing runs into the next column."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from console.core.clock import CENTRE_TZ
from console.reports.model import AreaMap, Figures, Format, Report, Table, as_text

STYLE = """
h1 { font-size: 16pt; margin: 0 0 4px 0; }
h2 { font-size: 12pt; margin: 14px 0 4px 0; color: #1f3a5f; }
h3 { font-size: 10pt; margin: 8px 0 2px 0; }
p.note { font-size: 7.5pt; color: #455a64; margin: 2px 0 6px 0; }
p.meta { font-size: 8.5pt; color: #455a64; margin: 0 0 6px 0; }
table { border-collapse: collapse; }
th { background-color: #d9e2f3; font-weight: bold; }
td.n, th.n { text-align: right; }
td.k { background-color: #f3f6fb; }
td.v { font-weight: bold; font-size: 11pt; }
"""
PADDING = 3  # a table cell's padding (CSS pixels)
CODE_SHARE = 0.3  # the most of a table's width a code column takes
SMALLEST_POINTS = 5.0

# The share of the table's width a text takes at the body's font size (its cell's
# padding and border included).
Measure = Callable[[str], float]

_NUMERIC = ' class="n"'


def _cell(value: object, fmt: Format, style: str = "") -> str:
    numeric = fmt in (Format.COUNT, Format.RATE, Format.HOURS) or isinstance(value, int)
    cls = _NUMERIC if numeric else " nowrap" if fmt in (Format.CODE, Format.TIME) else ""
    return f"<td{cls}{style}>{escape(as_text(value, fmt))}</td>"  # type: ignore[arg-type]


def _code_fit(texts: list[str], measure: Measure | None, points: float) -> tuple[str, str]:
    """A code column's header width attribute and its cells' style: the widest code's
    width, or a smaller font when that is more than CODE_SHARE."""
    if measure is None or not texts:
        return "", ""
    share = max(measure(t) for t in texts)
    if share <= CODE_SHARE:
        return f' width="{share * 100 + 1:.1f}%"', ""
    smaller = max(SMALLEST_POINTS, points * CODE_SHARE / share * 0.97)
    wide = max(CODE_SHARE, share * smaller / points)  # wider only past the smallest size
    return f' width="{wide * 100 + 1:.1f}%"', f' style="font-size: {smaller:.2f}pt"'


def table_html(table: Table, measure: Measure | None = None, points: float = 9.0) -> str:
    numeric = (Format.COUNT, Format.RATE)
    rows = table.rows[:table.pdf_rows] if table.pdf_rows else table.rows
    fits = [_code_fit([as_text(r[i], c.format) for r in rows], measure, points)
            if c.format is Format.CODE else ("", "") for i, c in enumerate(table.columns)]
    head = "".join(f"<th{_NUMERIC if c.format in numeric else ''}{width}>{escape(c.title)}</th>"
                   for c, (width, _style) in zip(table.columns, fits, strict=True))
    if rows:
        body = "".join("<tr>" + "".join(_cell(v, c.format, style) for v, c, (_w, style) in
                                        zip(row, table.columns, fits, strict=True)) + "</tr>"
                       for row in rows)
    else:
        body = f'<tr><td colspan="{len(table.columns)}">{escape(table.empty)}</td></tr>'
    notes = [table.note] if table.note else []
    if len(rows) < len(table.rows):
        notes.append(f"此处列出前 {len(rows)} 件，共 {len(table.rows)} 件，全部见 Excel 版。")
    note = f'<p class="note">{escape(" ".join(notes))}</p>' if notes else ""
    title = f"<h3>{escape(table.title)}</h3>" if table.title else ""
    return (f'{title}<table border="1" cellspacing="0" cellpadding="{PADDING}" width="100%">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}")


def figures_html(figures: Figures) -> str:
    cells = [f'<td class="k">{escape(f.label)}</td>'
             f'<td class="v n">{escape(as_text(f.value, f.format))}</td>'
             for f in figures.items]
    rows = ["".join(cells[i:i + 3]) for i in range(0, len(cells), 3)]
    return (f"<h3>{escape(figures.title)}</h3>"
            '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
            + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>")


def report_html(report: Report, images: dict[int, str], width: int = 1900,
                measure: Measure | None = None, points: float = 9.0) -> str:
    """The report as HTML for QTextDocument; ``images`` names each chart's or map's
    resource by the block's id, drawn ``width`` pixels wide; ``measure`` sizes code
    columns (without it they are left to Qt)."""
    parts = [f"<h1>{escape(report.centre + report.title)}</h1>",
             f'<p class="meta">统计期间：{escape(report.period.label)}　'
             f"{escape(report.made_text(CENTRE_TZ))}</p>"]
    for section in report.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Table):
                parts.append(table_html(block, measure, points))
            elif isinstance(block, Figures):
                parts.append(figures_html(block))
            elif id(block) in images:
                parts.append(f'<p><img src="{images[id(block)]}" width="{width}" /></p>')
            elif isinstance(block, AreaMap):
                parts.append(f'<p class="note">{escape(block.title)}：无边界数据，未绘制地图。</p>')
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"
