"""One start of the console, run by bench/startup.py in a fresh process.

``python -m bench._startup_seat LAUNCHED ARGS…`` runs main.py's real start with
``ARGS`` (a server that asks for a password: the login dialog shows), types the
password in BENCH_STARTUP_PASSWORD into the dialog with key events when it has
painted, closes the main window when it has painted (or, with BENCH_STARTUP_AFTER_S,
that many seconds later, noting the GUI thread's longest stall meanwhile: the start's
work deferred past the first paint), and prints one JSON line of wall-clock times
(time.time(), seconds) and CPU times to stdout.
``python -m bench._startup_seat LAUNCHED --bare`` paints a bare QWidget instead:
the floor of a Python process that shows a Qt window.

Nothing of Qt is imported before main.py imports it (the order of imports matters
to PySide6): the event filter that sees the windows' first paints is installed
when main.py installs its translators, right after it made the application.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

TIMES: dict[str, float] = {}
# Seconds the main window stays open after its first paint, its GUI thread watched
# (BENCH_STARTUP_AFTER_S; 0: closed at once).
AFTER_S = float(os.environ.get("BENCH_STARTUP_AFTER_S", "0"))


def note(name: str) -> None:
    """The wall-clock time of ``name`` and the CPU seconds the process had used by then
    (all its threads: on a busy machine the one moves with the load, the other hardly)."""
    TIMES[name] = time.time()
    TIMES[f"{name}_cpu"] = time.process_time()


def first_paints(password: str) -> Any:  # noqa: ANN401 (a QObject made after Qt is imported)
    """An event filter that notes the first paint of the login dialog and of the main
    window, answers the one and closes the other."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QWidget

    class FirstPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                name = watched.objectName()
                if name == "loginDialog" and "login_painted" not in TIMES:
                    note("login_painted")
                    QTimer.singleShot(0, lambda: self._answer(watched))
                elif name == "mainWindow" and "main_painted" not in TIMES:
                    note("main_painted")
                    if AFTER_S > 0:
                        self._watch(watched)
                    else:
                        QTimer.singleShot(0, watched.close)
            return False

        def _watch(self, window: QWidget) -> None:
            """The GUI thread's longest stall while the start's deferred work runs
            (``AFTER_S`` seconds after the first paint): a 5 ms timer's longest gap."""
            timer = QTimer(self)
            timer.setInterval(5)
            last = [time.perf_counter()]
            gaps: list[float] = []

            def fire() -> None:
                now = time.perf_counter()
                gaps.append(now - last[0])
                last[0] = now

            def done() -> None:
                timer.stop()
                TIMES["after_longest_ms"] = max(gaps, default=0.0) * 1000
                TIMES["after_over_50ms"] = float(sum(g > 0.05 for g in gaps))
                window.close()

            timer.timeout.connect(fire)
            timer.start()
            QTimer.singleShot(int(AFTER_S * 1000), done)

        def _answer(self, dialog: QWidget) -> None:
            from PySide6.QtTest import QTest

            field = dialog.findChild(QWidget, "login.password")
            assert field is not None, "the login dialog has no password box"
            QTest.keyClicks(field, password)
            note("login_sent")
            QTest.keyClick(field, Qt.Key.Key_Return)

    return FirstPaints()


def bare() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(800, 600)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is window and event.type() == QEvent.Type.Paint \
                    and "main_painted" not in TIMES:
                note("main_painted")
                QTimer.singleShot(0, app.quit)
            return False

    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    app.exec()


def console(argv: list[str], password: str) -> int:
    sys.path.insert(0, os.getcwd())
    import main

    install_translators = main.install_translators
    kept = []

    def watching(app: Any, language: str) -> None:  # noqa: ANN401
        kept.append(first_paints(password))
        app.installEventFilter(kept[0])
        install_translators(app, language)

    main.install_translators = watching
    return main.main([*argv, "--log-level", "WARNING"])


if __name__ == "__main__":
    TIMES["launched"] = float(sys.argv[1])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    code = (bare() if sys.argv[2] == "--bare"
            else console(sys.argv[2:], os.environ["BENCH_STARTUP_PASSWORD"]))
    print(json.dumps({"code": code or 0, **TIMES}))
