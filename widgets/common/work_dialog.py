"""A dialog that runs one long piece of work it can cancel (an export, an import).

The work reports through a progress object the dialog polls every 100 ms
(``_show_progress``, each dialog's own). While it runs, Cancel, Esc and the
window's close button all cancel it, and the dialog closes once the work has
stopped (``_close_when_done``: the work's end calls ``close`` then); nothing is
left half done, since the work itself stops only between whole steps.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QWidget


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class WorkDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress: Cancellable | None = None
        self._close_when_done = False
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._show_progress)

    def _work_controls(self, prefix: str, start_text: str) -> None:
        """The progress bar, the message line, the start and the cancel (关闭) buttons,
        named ``<prefix>.progress``, ``.message``, ``.start`` and ``.cancel``."""
        self.progress = QProgressBar(objectName=f"{prefix}.progress")
        self.progress.setFormat("")  # no "0%" while idle
        self.message = QLabel(objectName=f"{prefix}.message")
        self.message.setWordWrap(True)
        self.start = QPushButton(start_text, objectName=f"{prefix}.start")
        self.start.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("关闭"), objectName=f"{prefix}.cancel")
        self.cancel_button.clicked.connect(self.cancel)

    def run(self) -> None:
        raise NotImplementedError

    def _show_progress(self) -> None:
        raise NotImplementedError

    @property
    def busy(self) -> bool:
        return self._progress is not None

    def cancel(self) -> None:
        """Stop the work (it stops between steps, leaving nothing); else close."""
        if self._progress is not None:
            self._progress.cancel()
            self._show_progress()
        else:
            self.close()

    def reject(self) -> None:
        """Esc or the window's close: while working, cancel first and close once stopped."""
        if self._progress is not None:
            self._close_when_done = True
            self._progress.cancel()
            return
        self._timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._progress is not None:  # closes once the work has stopped
            self._close_when_done = True
            self._progress.cancel()
            event.ignore()
            return
        self._timer.stop()
        super().closeEvent(event)
