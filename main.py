"""Start-up: arguments, logging, translations, the qasync loop; then widgets/shell/startup.py
takes the person through the database, the login and the main window.

    python main.py --demo                       embedded PostgreSQL with demo data
    python main.py --database-url postgresql://user@host/db
    python main.py --demo --screenshot out.png  render the window and exit
    python main.py export --format csv --out cases.csv --database-url …
                                                a command without the window (console/cli/)
    python main.py report weekly --week 2026-W48 --out weekly.pdf
                                                a duty report, for a scheduled job
                                                (widgets/reports/cli.py; main.py report --help)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from concurrent import futures
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.seat_setup import EmbeddedServer

log = logging.getLogger("hotline")
I18N = Path(__file__).resolve().parent / "resources" / "i18n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    from console.cli import add_commands, connection_options
    from widgets.cli import COMMANDS

    names = list(COMMANDS)
    parser = argparse.ArgumentParser(
        description="Hotline Console (12345 dispatcher console)",
        epilog=f"commands without the window: {', '.join(names)} (main.py COMMAND --help)")
    connection_options(parser, in_command=False)  # --database-url (default: a private
    # embedded PostgreSQL), --reporting-url, --log-level
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the embedded PostgreSQL keeps its data")
    parser.add_argument("--demo", action="store_true",
                        help="load demo reference data and cases into an empty database")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="render the main window into this PNG and exit")
    if not any(word in names for word in argv):  # the window: an unknown word is refused
        return parser.parse_args(argv, argparse.Namespace(command=None))  # as unknown
    add_commands(parser, COMMANDS)  # a subparser per command: export, report
    return parser.parse_args(argv)


def install_translators(app: object, language: str) -> None:
    """Ours for English (Chinese is the source language), and Qt's own for its
    buttons and standard dialogs (OK, Cancel…) in the chosen language."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [(f"qtbase_{language}", qt_dir)] if language != "en" else []
    if language != "zh_CN":
        wanted.append((f"hotline_{language}", str(I18N)))
    for name, directory in wanted:
        translator = QTranslator(app)  # type: ignore[arg-type]
        if translator.load(name, directory):
            app.installTranslator(translator)  # type: ignore[attr-defined]
        else:
            log.warning("no translation %s found in %s", name, directory)


def warn_without_chinese_font() -> None:
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        log.warning("no installed font can show Chinese: text will show as boxes "
                    "(on Debian or Ubuntu: sudo apt install fonts-noto-cjk)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    from console.cli import log_level

    logging.basicConfig(level=log_level(args),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command is not None:  # a command without the window and the login
        from console.cli import run

        return run(args)
    # What the start needs up to the login dialog, imported before anything of Qt:
    # PySide6 reads the source of every module imported after it (looking for its
    # __feature__ imports), which costs SQLAlchemy's many modules a tenth of a second.
    import console.seat_settings  # noqa: F401 (run_window reads the language)
    from console.accounts import login_policy  # noqa: F401
    from console.seat_setup import EmbeddedServer, start_preparing
    from widgets.shell.system_check import window_problem

    if args.screenshot is None and (problem := window_problem()):
        print(problem, file=sys.stderr)  # before Qt, which would abort the process over it
        return 5
    embedded = preparing = None
    if not args.database_url:  # the seat's own server, made ready while Qt starts
        embedded = EmbeddedServer(args.data_dir) if args.data_dir else EmbeddedServer()
        preparing = start_preparing(embedded, with_demo=args.demo)
    try:
        return run_window(args, embedded, preparing)
    finally:
        if embedded is not None:
            assert preparing is not None
            futures.wait([preparing])  # a start that failed early: the server settles first
            embedded.stop()  # stops the server unless another seat still uses it


def run_window(args: argparse.Namespace, embedded: EmbeddedServer | None,
               preparing: futures.Future[str] | None) -> int:
    """The application, its loop and the start-up (widgets/shell/startup.py)."""
    from widgets.shell import import_check

    import_check.install()  # PySide6's look at every later import, from the files' bytes
    import qasync
    from PySide6.QtWidgets import QApplication

    from console.seat_settings import LANGUAGE
    from widgets.common import bugs
    from widgets.shell import gui_gc, startup
    from widgets.shell.settings import seat_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("HotlineConsole")
    app.setApplicationName("Hotline Console")
    gui_gc.install(app)
    # Dialogs come before the main window: closing one must not quit (the start-up
    # ends when the main window closes).
    app.setQuitOnLastWindowClosed(False)
    settings = seat_settings()  # after the application's names: they name the file
    warn_without_chinese_font()
    install_translators(app, args.lang or settings.get(LANGUAGE))
    if sys.platform == "win32":  # psycopg's async mode refuses the Proactor loop
        loop: asyncio.AbstractEventLoop = qasync.QSelectorEventLoop(app)
    else:
        loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # One place for every bug: Qt overrides and slots, tasks, the loop's callbacks.
    bugs.channel().install(loop)
    try:
        return loop.run_until_complete(startup.start(app, args, settings, embedded, preparing))
    finally:
        # Closing the loop also joins its worker threads (qasync runs them as QThreads).
        loop.close()
        asyncio.set_event_loop(None)

if __name__ == "__main__":
    sys.exit(main())
