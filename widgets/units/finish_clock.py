"""The time a unit has left to finish a case (办结剩余), for the unit's lists (the
desk, a street sub-centre's cases sent on): the unit's own deadline while its clock
runs (an approved extension's included), else the case's own, the deadline the
ladder and the colours count against; while the unit's clock waits for the signing
(the admin's rule ``sign``), by when to sign, as the queue's 单位剩余 says it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from console.casework.countdown import format_left
from console.core.clock import CENTRE_TZ
from console.units.work import UnitClocks
from widgets.casework.case_columns import moment


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitFinishClock", text)


def _when(at: dt.datetime) -> str:
    return at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M")


def finish_text(case: UnitClocks, now: dt.datetime, paused: bool = False) -> str:
    """The cell: time left (or "超时 …"), "暂停计时", or the sign deadline it waits for."""
    if paused:
        return _tr("暂停计时")
    if (sign_by := case.to_sign_by) is not None:  # the unit's limit starts at the signing
        if sign_by < now:
            return _tr("签收超时 {t}").format(t=format_left(now - sign_by)[1])
        return _tr("{at}前签收").format(at=moment(sign_by, now))
    if (due := case.running_due) is None:
        return ""
    overdue, text = format_left(due - now)
    return _tr("超时 {t}").format(t=text) if overdue else text


def finish_tooltip(case: UnitClocks) -> str | None:
    """Which deadline the cell counts to, in full."""
    if (sign_by := case.to_sign_by) is not None:
        return _tr("本单位的办结时限从签收起算，尚未开始；须于 {at} 前签收").format(
            at=_when(sign_by))
    if case.unit_due_at is not None:
        return _tr("本单位办结时限：{at}").format(at=_when(case.unit_due_at))
    if case.due_at is not None:
        return _tr("案件办结时限：{at}").format(at=_when(case.due_at))
    return None


def finish_late(case: UnitClocks, now: dt.datetime, paused: bool = False) -> bool:
    """Signing overdue, or the deadline that counts passed (not while paused)."""
    if (sign_by := case.to_sign_by) is not None and sign_by < now:
        return True
    due = case.running_due
    return not paused and due is not None and due < now
