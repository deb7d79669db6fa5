"""Cases as CSV for Excel: UTF-8 with a byte-order mark (Excel then reads the Chinese
right), a header row in Chinese, one row per case.

After the console's own columns come the columns of the Pingshan 2018 event export
under that export's names (``REC_ID`` … ``OVERTIME_ARCHIVE_NUM``), so the file
re-imports by the builtin profile 坪山区事件导出（2018） (``history_import.builtin``):
the case number as the source's id, the channel and nature in that export's words, the
three category levels, street, community, unit and the on-time verdict. That profile
takes every row as archived (closed).

Free text that a spreadsheet would take for a formula (starting with = + - @) gets a
leading apostrophe, so opening the file never runs what a caller typed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from console.case_export import words
from console.case_export.query import ExportRow
from console.core.clock import CENTRE_TZ

BOM = "\ufeff"  # first in the file: Excel then reads it as UTF-8
TIME = "%Y-%m-%d %H:%M:%S"  # the centre's time, as the Pingshan export writes it
OWN = ("案件编号", "状态", "渠道", "性质", "紧急程度", "分类编码", "一级分类", "二级分类",
       "三级分类", "街道", "社区", "网格", "责任单位", "受理时间", "分拨时间", "办理时限",
       "办结时间", "归档时间", "是否按期", "地址", "经度(GCJ-02)", "纬度(GCJ-02)", "诉求内容")
PINGSHAN = ("REC_ID", "CREATE_TIME", "EVENT_SRC_NAME", "EVENT_PROPERTY_NAME",
            "EVENT_TYPE_NAME", "MAIN_TYPE_NAME", "SUB_TYPE_NAME", "STREET_NAME",
            "COMMUNITY_NAME", "DISPOSE_UNIT_NAME", "INTIME_ARCHIVE_NUM", "OVERTIME_ARCHIVE_NUM")
HEADER = (*OWN, *PINGSHAN)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _time(value: dt.datetime | None) -> str:
    """``TIME``'s form (isoformat: strftime costs ten times as much)."""
    return "" if value is None else value.astimezone(CENTRE_TZ).isoformat(" ", "seconds")[:19]


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA) else text


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)


def _levels(path: str) -> list[str]:
    parts = path.split(" / ")
    return (parts + ["", "", ""])[:3]


def row(r: ExportRow) -> list[str]:
    levels = _levels(r.category_path)
    flag = {True: ("1", "0"), False: ("0", "1"), None: ("", "")}[r.on_time]
    created = _time(r.created_at)
    own = [r.public_no, words.STATUS.get(r.status, r.status),
           words.CHANNEL.get(r.channel, r.channel), words.NATURE.get(r.nature, r.nature),
           r.urgency, r.category_code, *levels, r.street, r.community, r.grid_code, r.unit,
           created, _time(r.dispatched_at), _time(r.due_at), _time(r.resolved_at),
           _time(r.closed_at), words.ON_TIME[r.on_time], _safe(r.address),
           _number(r.lon), _number(r.lat), _safe(r.text)]
    pingshan = [r.public_no, created, words.PINGSHAN_CHANNEL.get(r.channel, r.channel),
                words.PINGSHAN_NATURE.get(r.nature, r.nature), *levels, r.street, r.community,
                r.unit, *flag]
    return own + pingshan


class CsvWriter:
    encoding = "utf-8"

    def head(self) -> str:
        return BOM + self.body_of([list(HEADER)])

    def body(self, rows: list[ExportRow]) -> str:
        return self.body_of([row(r) for r in rows])

    def tail(self) -> str:
        return ""

    @staticmethod
    def body_of(lines: list[list[str]]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(lines)  # as COPY ends its lines
        return out.getvalue()
