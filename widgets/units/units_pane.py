"""The unit view (承办单位): a unit handler's desk with their unit's cases, and,
for dispatchers, shift leaders and supervisors, the requests waiting for their
decision. Each part shows only for the people whose work it is."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.casework.lifecycle import ADMIN, DISPATCHER, LEADER, SUPERVISOR, UNIT
from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common.tasks import TaskRunner
from widgets.units.request_list import RequestList
from widgets.units.unit_desk import UnitDesk


class UnitsPane(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsPane")
        roles = store.roles
        self.desk = UnitDesk(store, catalog, runner, feed, self)
        self.requests = RequestList(store, catalog, runner, feed, self)
        self.desk.setVisible(UNIT in roles)
        self.requests.setVisible(bool(roles & {DISPATCHER, LEADER, SUPERVISOR, ADMIN}))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.desk, 3)
        layout.addWidget(self.requests, 2)

    def load(self) -> None:
        if not self.desk.isHidden():
            self.desk.load()
        if not self.requests.isHidden():
            self.requests.load()

    def focus(self) -> None:
        (self.desk.table if not self.desk.isHidden() else self.requests.table).setFocus()

    def shutdown(self) -> None:
        self.desk.shutdown()
        self.requests.shutdown()
