"""What a start imports before it needs it, checked in fresh processes (the modules
a process has loaded, not the time it took): the login dialog needs none of the
heavy packages (nor SQLAlchemy's asyncio side and ORM: it talks to the server through
psycopg alone), and the main window's first paint needs neither the map's drawing, the
locator's shapely, the Excel writer, pinyin, the holiday package, Alembic, the password
verifier's scramp nor the admin's dialogs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# What main.py and widgets/shell/startup.py import up to the login dialog.
LOGIN = ("main", "console.seat_settings", "console.seat_setup", "console.accounts.login_policy",
         "widgets.shell.system_check", "widgets.common.bugs", "widgets.shell.gui_gc",
         "widgets.shell.startup", "widgets.shell.settings", "widgets.accounts.first_run_dialog",
         "widgets.accounts.login_dialog", "widgets.common.tasks", "widgets.shell.warm_up")
NOT_FOR_THE_LOGIN = ("openpyxl", "numpy", "pypinyin", "chinese_calendar", "alembic",
                     "pyqtgraph", "shapely", "console.app", "console.demodata", "db.schema",
                     "widgets.shell.main_window", "sqlalchemy.ext.asyncio", "sqlalchemy.orm",
                     "sqlalchemy.dialects.postgresql.psycopg", "scramp")
# What the window imports before its first paint (the warm-up's list).
WINDOW = ("console.app", "widgets.shell.main_window")
NOT_FOR_THE_FIRST_PAINT = ("openpyxl", "pypinyin", "chinese_calendar", "alembic", "pyqtgraph",
                           "shapely", "scramp",
                           "widgets.map.map_pane", "console.demodata",
                           "widgets.accounts.accounts_dialog", "widgets.geo.boundary_dialog",
                           "widgets.history_import.import_dialog",
                           "widgets.supervision.rules_dialog",
                           "widgets.casework.case_export_dialog")


def loaded_after(modules: tuple[str, ...], watched: tuple[str, ...]) -> list[str]:
    """Which of ``watched`` a fresh interpreter has loaded after importing ``modules``."""
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            f"print(json.dumps([m for m in {watched!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    found: list[str] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_the_login_dialog_needs_no_heavy_package() -> None:
    assert loaded_after(LOGIN, NOT_FOR_THE_LOGIN) == []


def test_the_main_window_imports_what_its_first_paint_needs() -> None:
    assert loaded_after(WINDOW, NOT_FOR_THE_FIRST_PAINT) == []


def test_the_watch_is_real() -> None:
    """The check above sees a package that is imported (it would pass on anything)."""
    assert loaded_after(("widgets.map.map_pane", "console.duty.roster_excel"),
                        ("pyqtgraph", "openpyxl")) == ["pyqtgraph", "openpyxl"]


def test_the_window_start_imports_no_command() -> None:
    """main.py's parser names the commands without importing them for the window (the
    export imports console.app and SQLAlchemy, the report console.reports); a command's
    word on the line imports them all, for its subparsers."""
    commands = ("console.cli.export", "widgets.reports.cli", "console.app", "sqlalchemy")
    code = ("import json, sys, main\n"
            "main.parse_args(sys.argv[1:])\n"
            f"print(json.dumps([m for m in {commands!r} if m in sys.modules]))")

    def loaded(*argv: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT,
                              capture_output=True, text=True, timeout=120, check=True,
                              env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
        found: list[str] = json.loads(done.stdout.splitlines()[-1])
        return found

    assert loaded("--demo") == []
    assert loaded("report", "daily", "--last", "--out", "x.pdf") == list(commands)
