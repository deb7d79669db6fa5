"""The caller's earlier cases on the call screen, and the repeat-caller mark."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console.casework import queue
from console.casework.queue import CallerHistory
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError
from console.core.store import Store
from widgets.casework.row_list_model import RowListModel
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner


class CallerHistoryPanel(QWidget):
    """Title and table of a caller's cases. ``repeat_mark`` is placed by the
    form beside the number; ``on_name`` is offered the name on record."""

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 on_error: Callable[[ConsoleError], None],
                 on_name: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._on_error, self._on_name = on_error, on_name
        self._lookup = TaskSlot(runner)  # the newest number asked about wins
        self.repeat_mark = QLabel(objectName="call.repeatMark")
        self.repeat_mark.setStyleSheet("color: white; background: #ad1457; padding: 1px 6px;"
                                       " border-radius: 3px; font-weight: bold;")
        self.repeat_mark.hide()
        self.title = QLabel(self.tr("来电历史"), objectName="call.historyTitle")
        self.model = RowListModel(catalog, self)
        self.table = QTableView(objectName="call.history")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(60)  # a row at least; the form above keeps its room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def look_up(self, phone_e164: str | None) -> None:
        """Show this number's cases (None: no number, nothing shown)."""
        if phone_e164 is None:
            self.clear()
            return
        self._lookup.run(queue.caller_history(self._store, phone_e164), self.show_history,
                         self._on_error)

    def show_history(self, history: CallerHistory | None) -> None:
        self.model.set_rows(history.cases if history else [])
        if history is None or not history.is_repeat:
            self.repeat_mark.hide()
            self.title.setText(self.tr("来电历史：无") if history else self.tr("来电历史"))
            return
        self.repeat_mark.setText(self.tr("重复来电 {n} 次").format(n=history.total))
        self.repeat_mark.show()
        self.title.setText(self.tr("来电历史：共 {total} 件，近30天 {recent} 件").format(
            total=history.total, recent=history.recent_30d))
        if history.name:
            self._on_name(history.name)

    def clear(self) -> None:
        self._lookup.supersede()  # a lookup still under way is for a call that is gone
        self.show_history(None)
