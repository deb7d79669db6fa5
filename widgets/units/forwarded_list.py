"""A street sub-centre's cases sent on to its communities (二级分拨), to watch: read
only, labelled as dispatched on, with the community that has each and its clocks
(to finish: the running deadline, ``finish_clock``).
Signing, replying, progress and requests are the community's own; the list has no
keys and no buttons. The unit desk fills it with each of its readings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.casework.countdown import format_left
from console.catalog.catalog import Catalog
from console.units.work import ForwardedCase
from widgets.common import texts
from widgets.common.tables import RecordTableModel
from widgets.units.finish_clock import finish_late, finish_text, finish_tooltip

LATE = QColor("#c62828")
FINISH_COLUMN = 4  # 办结剩余


class ForwardedList(QWidget):
    def __init__(self, catalog: Catalog, now: Callable[[], dt.datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unit.forwarded")
        self._now = now
        self.model = RecordTableModel([
            (self.tr("编号"), lambda c: c.public_no),
            (self.tr("转派给"), lambda c: catalog.unit_name(c.unit_id)),
            (self.tr("状态"), self._status),
            (self.tr("签收剩余"), self._to_sign),
            (self.tr("办结剩余"), lambda c: finish_text(c, self._now())),
            (self.tr("诉求"), lambda c: c.text.replace("\n", " ")[:60]),
        ], colour=self._colour, parent=self,
            tooltip=lambda c, column: finish_tooltip(c) if column == FINISH_COLUMN else None)
        self.table = QTableView(objectName="unit.forwarded.table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in (1, 2, FINISH_COLUMN):  # the community, "dispatched on", the clock
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.title = QLabel(objectName="unit.forwarded.title")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def set_cases(self, listed: Sequence[ForwardedCase]) -> None:
        self.model.set_rows(listed)
        self.title.setText(self.tr("已转派社区的案件 {n} 件（只读：由社区签收、回复和申请）")
                           .format(n=len(listed)))

    def _left(self, due: dt.datetime | None) -> str:
        if due is None:
            return ""
        overdue, text = format_left(due - self._now())
        return self.tr("超时 {t}").format(t=text) if overdue else text

    def _status(self, case: ForwardedCase) -> str:
        state = self.tr("待社区签收") if case.status == "dispatched" else texts.status_name(
            case.status)
        return self.tr("已转派 · {state}").format(state=state)

    def _to_sign(self, case: ForwardedCase) -> str:
        if case.status != "dispatched":
            return self.tr("已签收")
        return self._left(case.sign_due_at)

    def _colour(self, case: ForwardedCase) -> QColor | None:
        now = self._now()
        late = (case.status == "dispatched" and case.sign_due_at is not None
                and case.sign_due_at < now) or finish_late(case, now)
        return LATE if late else None

    def tick(self) -> None:
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 3),
                                        self.model.index(self.model.rowCount() - 1, 4))
