"""The handover's summary page: the shift in figures, the overdue cases,
escalation orders, roll calls and the follow-ups, drawn as HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from console.core.clock import CENTRE_TZ
from console.duty.handover import Handover
from widgets.common import texts

URGENCIES = ("A", "B", "C")
LEVELS = ("reminder", "urge", "leader_urge", "supervision", "inspection")
BY_PERSON = frozenset({"supervision", "inspection"})  # in red: the supervisor's and beyond
RED, ORANGE, GREY = "#b71c1c", "#e65100", "#757575"


def at_local(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).astimezone(CENTRE_TZ)


def hm(iso: str | None, fmt: str = "%H:%M") -> str:
    return "" if iso is None else at_local(iso).strftime(fmt)


def when_text(value: dt.datetime | None, today: dt.date) -> str:
    """A moment as the pane says it: its time today, else its day and time."""
    if value is None:
        return ""
    local = value.astimezone(CENTRE_TZ)
    return f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"


def span(start: dt.datetime, end: dt.datetime) -> str:
    """08:00–16:00; a shift ending at midnight ends at 24:00, not 00:00."""
    last = "24:00" if end.time() == dt.time() and end.date() > start.date() else f"{end:%H:%M}"
    return f"{start:%H:%M}–{last}"


def _coloured(text: str, colour: str | None, bold: bool = False) -> str:
    style = (f"color:{colour};" if colour else "") + ("font-weight:bold;" if bold else "")
    return f"<span style='{style}'>{escape(text)}</span>" if style else escape(text)


class SummaryView(QTextBrowser):
    """The shift's summary as a page: figures, overdue cases, escalation orders,
    roll calls and the follow-ups (absences in red)."""

    _page = ""

    def __init__(self, parent: QWidget | None = None, *, name: str = "handover.summary") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # read at the end of a night shift
        self.setFont(font)
        # Tables of width 100% come out a pixel wider than the page; the text wraps anyway.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOpenLinks(False)

    def show_handover(self, record: Handover, theirs: str = "") -> None:
        s = record.summary
        by = {str(k): v for k, v in (s.get("opened_by_urgency") or {}).items()}
        figures = [(self.tr("受理"), s["opened"], " · ".join(f"{u} {by.get(u, 0)}" for u in URGENCIES)),  # noqa: E501
                   (self.tr("办结"), s["resolved"], ""), (self.tr("归档"), s["closed"], ""),
                   (self.tr("在办"), s["still_open"], ""), (self.tr("超期"), s["overdue"], RED)]
        cells = "".join(
            f"<td align='center' style='padding:2px 18px'><span style='font-size:24pt;"
            f"font-weight:bold;color:{extra if extra == RED and n else '#212121'}'>{n}</span>"
            f"<br>{escape(label)}<br><small>{escape(extra if extra != RED else '')}</small></td>"
            for label, n, extra in figures)
        parts = [f"<p style='font-size:14pt;font-weight:bold'>{record.shift_day:%Y-%m-%d} "
                 f"{escape(s['shift'])}&nbsp; {span(at_local(s['start']), at_local(s['end']))}</p>",
                 f"<table><tr>{cells}</tr></table>"]
        overdue = s.get("overdue_cases") or []
        parts.append(self._heading(self.tr("超期案件（共 {n} 件）").format(n=s["overdue"])))
        if len(overdue) < s["overdue"]:
            first = self.tr("只列出最早到期的 {n} 件").format(n=len(overdue))
            parts.append(f"<p>{escape(first)}</p>")
        parts.append(self._table(
            (self.tr("编号"), self.tr("紧急程度"), self.tr("办理时限"), self.tr("责任单位")),
            [[escape(c["public_no"]), escape(c["urgency"] or ""),
              _coloured(hm(c["due_at"], "%m-%d %H:%M"), RED),
              escape(c["unit"]) or _coloured(self.tr("未分拨"), GREY)]
             for c in overdue]))
        levels = {"reminder": self.tr("提醒"), "urge": self.tr("催办"),
                  "leader_urge": self.tr("催办（单位领导）"),
                  "supervision": self.tr("督办"), "inspection": self.tr("效能监察")}
        orders = s.get("escalations") or {}
        parts.append(self._heading(self.tr("提醒、催办与督办")))
        parts.append("<p>" + (" · ".join(  # supervision and inspection in red
            _coloured(f"{levels[k]} {orders.get(k, 0)}",
                      RED if k in BY_PERSON and orders.get(k) else None) for k in LEVELS)
            if any(orders.values()) else _coloured(self.tr("无"), GREY)) + "</p>")
        parts.append(self._heading(self.tr("点名")))
        parts.append(self._table(
            (self.tr("时间"), self.tr("方式"), self.tr("值班长"), self.tr("共"),
             texts.roll_call_result_name("answered"), texts.roll_call_result_name("late"),
             texts.roll_call_result_name("absent"), texts.roll_call_result_name("no_answer")),
            [[hm(c["started_at"]), escape(texts.roll_call_channel_name(c["channel"])),
              escape(c["started_by"]), str(c["total"]), str(c["answered"]), str(c["late"]),
              _coloured(str(c["absent"]), RED if c["absent"] else None, bool(c["absent"])),
              _coloured(str(c["no_answer"]), ORANGE if c["no_answer"] else None)]
             for c in s.get("roll_calls") or []]))
        parts.append(self._heading(self.tr("待跟进事项")))
        follow_ups = s.get("follow_ups") or []
        parts.append(self._table(
            (self.tr("时间"), self.tr("岗位"), self.tr("人员"), self.tr("结果"), self.tr("备注")),
            [[hm(f["at"]), escape(f["post"]), escape(f["person"]),
              _coloured(texts.roll_call_result_name(f["result"]),
                        RED if f["result"] == "absent" else ORANGE, f["result"] == "absent"),
              escape(f["note"])] for f in follow_ups],
            {i for i, f in enumerate(follow_ups) if f["result"] == "absent"}))
        if theirs:
            parts.append(self._heading(self.tr("已保存的交班内容（{who}）").format(
                who=record.outgoing_leader or "")))
            parts.append(f"<p style='white-space:pre-wrap'>{escape(theirs)}</p>")
        page = "".join(parts)
        if page != self._page:  # the same page again: no new layout of the document
            self._page = page
            self.setHtml(page)

    def _heading(self, text: str) -> str:
        return (f"<p style='margin-top:16px;margin-bottom:4px;font-size:12pt;"
                f"font-weight:bold'>{escape(text)}</p>")

    def _table(self, headers: Sequence[str], rows: list[list[str]],
               marked: set[int] | frozenset[int] = frozenset()) -> str:
        """Rows of HTML cells; ``marked`` rows get a red background (absences)."""
        if not rows:
            return "<p>" + _coloured(self.tr("无"), GREY) + "</p>"
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
        body = "".join(("<tr bgcolor='#fdecea'>" if i in marked else "<tr>")
                       + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                       for i, row in enumerate(rows))
        return (f"<table cellspacing='0' cellpadding='4' width='100%'>"
                f"<tr style='background:#eceff1'>{head}</tr>{body}</table>")
