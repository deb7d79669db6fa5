"""One start of the console, run by bench/startup.py in a fresh process:
``python -m bench._startup_seat LAUNCHED ARGS…`` runs main.py's real start with
``ARGS`` (a server that asks for a password: the login dialog shows), types the
password in BENCH_STARTUP_PASSWORD into the dialog with key events when it has
painted, closes the main window when it has painted, and prints one JSON line of
wall-clock times (time.time(), seconds) to stdout.
``python -m bench._startup_seat LAUNCHED --bare`` paints a bare QWidget instead:
the floor of a Python process that shows a Qt window.

The QApplication is made first (main.py takes the one that exists), so an event
filter on it sees the first paint of every window.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

TIMES: dict[str, float] = {}


class FirstPaints(QObject):
    """Notes the first paint of the login dialog and of the main window; answers the
    one and closes the other."""

    def __init__(self, password: str) -> None:
        super().__init__()
        self.password = password

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name = watched.objectName()
            if name == "loginDialog" and "login_painted" not in TIMES:
                TIMES["login_painted"] = time.time()
                QTimer.singleShot(0, lambda: self._answer(watched))
            elif name == "mainWindow" and "main_painted" not in TIMES:
                TIMES["main_painted"] = time.time()
                QTimer.singleShot(0, watched.close)
        return False

    def _answer(self, dialog: QWidget) -> None:
        from PySide6.QtTest import QTest

        field = dialog.findChild(QWidget, "login.password")
        assert field is not None, "the login dialog has no password box"
        QTest.keyClicks(field, self.password)
        TIMES["login_sent"] = time.time()
        QTest.keyClick(field, Qt.Key.Key_Return)


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(800, 600)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is window and event.type() == QEvent.Type.Paint \
                    and "main_painted" not in TIMES:
                TIMES["main_painted"] = time.time()
                QTimer.singleShot(0, app.quit)
            return False

    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    app.exec()


def console(argv: list[str], password: str) -> int:
    app = QApplication(sys.argv[:1])
    paints = FirstPaints(password)
    app.installEventFilter(paints)
    sys.path.insert(0, os.getcwd())
    import main

    return main.main([*argv, "--log-level", "WARNING"])


if __name__ == "__main__":
    TIMES["launched"] = float(sys.argv[1])
    code = (bare() if sys.argv[2] == "--bare"
            else console(sys.argv[2:], os.environ["BENCH_STARTUP_PASSWORD"]))
    print(json.dumps({"code": code or 0, **TIMES}))
