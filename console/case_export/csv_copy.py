"""The CSV export's rows made by the database: the same columns as ``csv_form.row``
(a test keeps the two equal), written by ``COPY (SELECT …) TO STDOUT`` and streamed to
the file as the server sends them. The seat then parses and formats nothing: a
100,000-case export costs little more than a bare COPY of the rows.

Words are CASE expressions over ``words``'s tables, times ``to_char`` in the centre's
zone, and free text a spreadsheet would take for a formula gets its apostrophe here
too. The query runs as the person's login inside their read transaction, so
row-level security holds as for any read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, String, case, cast, func, literal, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select

from console.case_export import words
from console.case_export.query import C, Selection, on_time
from db import schema as s

ZONE = "Asia/Shanghai"  # console.core.clock.CENTRE_TZ's name
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _word(column: Any, table: Mapping[Any, str]) -> ColumnElement[str]:
    return case(dict(table), value=column, else_=column)


def _time(column: Any) -> ColumnElement[str]:
    return func.to_char(func.timezone(ZONE, column), "YYYY-MM-DD HH24:MI:SS")


def _safe(column: Any) -> ColumnElement[str]:
    return case((func.left(column, 1).in_(_FORMULA), literal("'") + column), else_=column)


def _flag(verdict: Any, when: bool) -> ColumnElement[str]:
    return case((verdict.is_(None), ""), (verdict == when, "1"), else_="0")


def statement(selection: Selection) -> Select:
    street, community = aliased(s.Street), aliased(s.Community)
    k, u = aliased(s.Category), aliased(s.Unit)
    levels = [func.split_part(k.path, " / ", n) for n in (1, 2, 3)]
    place = [func.coalesce(street.name, ""), func.coalesce(community.name, "")]
    unit = func.coalesce(u.name, "")
    verdict = on_time()
    created = _time(C.created_at)
    own = [C.public_no, _word(C.status, words.STATUS), _word(C.channel, words.CHANNEL),
           _word(C.nature, words.NATURE), C.urgency, k.code, *levels, *place,
           func.coalesce(C.grid_code, ""), unit, created, _time(C.dispatched_at),
           _time(C.due_at), _time(C.resolved_at), _time(C.closed_at),
           case((verdict.is_(None), ""), (verdict, words.ON_TIME[True]),
                else_=words.ON_TIME[False]),
           _safe(C.address), cast(C.lon, String), cast(C.lat, String), _safe(C.text)]
    pingshan = [C.public_no, created, _word(C.channel, words.PINGSHAN_CHANNEL),
                _word(C.nature, words.PINGSHAN_NATURE), *levels, *place, unit,
                _flag(verdict, True), _flag(verdict, False)]
    stmt = (select(*own, *pingshan).select_from(C)
            .join(k, k.id == C.category_id)
            .outerjoin(street, street.code == C.street_code)
            .outerjoin(community, community.code == C.community_code)
            .outerjoin(u, u.id == C.assigned_unit_id)
            .where(selection.where()))
    return selection.cases.ordered(stmt)
