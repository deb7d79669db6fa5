"""The dialogs the window's commands open (rules, accounts, boundaries, duty
reports, history import, case export). Each dialog's module is imported when it is
first opened, not at start (tests/widgets/test_startup_imports.py keeps it so); each
dialog deletes itself when closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common.tasks import TaskRunner

if TYPE_CHECKING:
    from console.casework.queue import CaseFilter
    from widgets.accounts.accounts_dialog import AccountsDialog
    from widgets.casework.case_export_dialog import CaseExportDialog
    from widgets.geo.boundary_dialog import BoundaryDialog
    from widgets.history_import.import_dialog import HistoryImportDialog
    from widgets.reports.dialog import ReportDialog
    from widgets.supervision.rules_dialog import RulesDialog

D = TypeVar("D", bound=QDialog)


class WindowDialogs:
    def __init__(self, store: Store, reporting: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed, parent: QWidget) -> None:
        self.store, self.reporting, self.catalog = store, reporting, catalog
        self.runner, self.feed, self.parent = runner, feed, parent

    @staticmethod
    def _open(dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_rules(self) -> RulesDialog:
        from widgets.supervision.rules_dialog import RulesDialog

        return self._open(RulesDialog(self.store, self.catalog, self.runner, self.parent,
                                      self.feed))

    def edit_accounts(self) -> AccountsDialog:
        from widgets.accounts.accounts_dialog import AccountsDialog

        return self._open(AccountsDialog(self.store, self.runner, self.parent, feed=self.feed))

    def import_boundaries(self) -> BoundaryDialog:
        from widgets.geo.boundary_dialog import BoundaryDialog

        return self._open(BoundaryDialog(self.store, self.runner, self.parent, feed=self.feed))

    def make_report(self) -> ReportDialog:
        """The duty reports, read where the statistics read (a replica when the seat
        names one: console/core/read_source.py)."""
        from widgets.reports.dialog import ReportDialog

        return self._open(ReportDialog(self.reporting, self.catalog, self.runner, self.parent))

    def import_history(self) -> HistoryImportDialog:
        from widgets.history_import.import_dialog import HistoryImportDialog

        return self._open(HistoryImportDialog(self.store, self.runner, self.parent))

    def export_cases(self, case_filter: CaseFilter) -> CaseExportDialog:
        """The cases of ``case_filter`` (the queue's current one), to a file."""
        from widgets.casework.case_export_dialog import CaseExportDialog

        return self._open(CaseExportDialog(self.store, self.runner, case_filter,
                                           self.parent))
