"""Who is on duty now, for the roster pane's tab (roster_tabs.OnDutyTab): read in a
``TaskSlot`` of its own (a newer read voids an older one's answer), once the shift
templates are known; the pane asks again every minute while it is shown and when the
change feed says the roster or a shift changed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.core.errors import ConsoleError
from console.core.store import Store
from console.duty import roster, roster_export
from console.duty.duty_setup import Setup
from console.duty.roster import Duty
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.duty.roster_tabs import OnDutyTab


class OnDutyNow(QObject):
    loaded = Signal()  # the tab shows the read started last

    def __init__(self, store: Store, runner: TaskRunner, tab: OnDutyTab,
                 day_text: Callable[[dt.date], str], failed: Callable[[ConsoleError], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.tab = store, tab
        self._day_text, self._failed = day_text, failed
        self._slot = TaskSlot(runner)

    def load(self, setup: Setup | None) -> asyncio.Task[Any] | None:
        """Read who is on duty now by ``setup``'s shifts (None: not read yet, nothing to do)."""
        if setup is None:
            return None  # asked again when the month (and the setup) has been read
        now = self.store.clock.now()

        def done(found: list[Duty]) -> None:
            current = setup.current_shift(now)
            shift = "" if current is None else self.tr("{day} {shift} {hours}").format(
                day=self._day_text(current[0]), shift=current[1].shift.name,
                hours=roster_export.shift_hours(current[1].shift))
            self.tab.show_on_duty(found, shift, now)
            self.loaded.emit()

        return self._slot.run(roster.on_duty(self.store, now), done, self._failed)
