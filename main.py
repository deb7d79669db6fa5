"""Start-up: arguments, logging, the qasync loop, the database, the main window.

    python main.py --demo                       embedded PostgreSQL with demo data
    python main.py --database-url postgresql://user@host/db
    python main.py --demo --screenshot out.png  render the window and exit
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
from pathlib import Path

from console import credentials
from console.errors import DatabaseUnavailable
from db.embedded import EmbeddedServer

log = logging.getLogger("hotline")
I18N = Path(__file__).resolve().parent / "resources" / "i18n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Hotline Console (12345 dispatcher console)")
    parser.add_argument("--database-url", default=os.environ.get("CONSOLE_DATABASE_URL"),
                        help="shared server, e.g. postgresql://user@host:5432/hotline "
                             "(default: a private embedded PostgreSQL)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the embedded PostgreSQL keeps its data")
    parser.add_argument("--demo", action="store_true",
                        help="load demo reference data and cases into an empty database")
    parser.add_argument("--user", default=None, help="acting user (default: the database role)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="render the main window into this PNG and exit")
    parser.add_argument("--log-level", default=os.environ.get("CONSOLE_LOG_LEVEL", "INFO"))
    return parser.parse_args(argv)


def install_translator(app: object, language: str) -> None:
    from PySide6.QtCore import QTranslator

    if language == "zh_CN":
        return  # Chinese is the source language
    translator = QTranslator(app)  # type: ignore[arg-type]
    if translator.load(str(I18N / f"hotline_{language}.qm")):
        app.installTranslator(translator)  # type: ignore[attr-defined]
    else:
        log.warning("no %s translation found in %s; showing Chinese", language, I18N)


def bring_schema_up_to_date(url: str) -> bool:
    """Migrate when the database is behind; only an administrator's role can."""
    from sqlalchemy.exc import DBAPIError

    from db.migrate import current_revision, head_revision, upgrade

    current, head = current_revision(url), head_revision()
    if current == head:
        return True
    try:
        upgrade(url)
    except DBAPIError as exc:
        if "permission denied" not in str(exc).lower() and "must be owner" not in str(exc):
            raise
        log.error("the database schema is at %s and this console needs %s; an administrator "
                  "must upgrade it (start the console once with an administrator's account)",
                  current, head)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("HotlineConsole")
    app.setApplicationName("Hotline Console")
    settings = QSettings()
    install_translator(app, args.lang or str(settings.value("ui/language", "zh_CN")))
    if sys.platform == "win32":  # psycopg's async mode refuses the Proactor loop
        loop: asyncio.AbstractEventLoop = qasync.QSelectorEventLoop(app)
    else:
        loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    embedded: EmbeddedServer | None = None
    url = args.database_url
    if not url:
        embedded = EmbeddedServer(args.data_dir) if args.data_dir else EmbeddedServer()
        url = embedded.start()
    try:
        return loop.run_until_complete(_run(app, url, settings, args, embedded=embedded))
    except DatabaseUnavailable as exc:
        log.error("cannot reach the database: %s", exc)
        return 2
    finally:
        # Closing the loop also joins its worker threads (qasync runs them as QThreads).
        loop.close()
        if embedded is not None:
            embedded.stop()


async def _run(app: object, url: str, settings: object, args: argparse.Namespace,
               *, embedded: EmbeddedServer | None) -> int:
    from console import demo
    from console.app import ConsoleApp
    from console.store import Store
    from widgets.first_run_dialog import embedded_login
    from widgets.login_dialog import log_in
    from widgets.main_window import MainWindow
    from widgets.screenshot import take_screenshot
    from widgets.tasks import TaskRunner

    runner = TaskRunner()
    if embedded is None:  # a shared server: each person logs in as their own role
        logged_in = await log_in(url, runner)
        if logged_in is None:
            return 1
        url = logged_in
        if not await asyncio.to_thread(bring_schema_up_to_date, url):
            return 3
    else:  # the embedded server: its owner migrates and loads the demo, a person works
        await asyncio.to_thread(bring_schema_up_to_date, url)
        embedded.require_passwords()
        if args.demo:
            owner = Store(url, "demo")
            try:
                await demo.load_demo(owner)
            finally:
                await owner.close()
        if args.screenshot is None:  # a render needs nobody at the seat
            person = await embedded_login(url, runner, settings)  # type: ignore[arg-type]
            if person is None:
                return 1
            url = person
    console = ConsoleApp(url, actor=args.user or credentials.user_of(url) or getpass.getuser())
    await console.open(demo_data=args.demo and embedded is None)
    window = MainWindow(console, settings)  # type: ignore[arg-type]
    window.show()
    try:
        if args.screenshot is not None:
            await take_screenshot(window, args.screenshot)
            return 0
        closed = asyncio.Event()
        app.lastWindowClosed.connect(closed.set)  # type: ignore[attr-defined]
        await closed.wait()
        return 0
    finally:
        await window.runner.cancel_all()
        await console.close()


if __name__ == "__main__":
    sys.exit(main())
