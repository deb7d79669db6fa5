"""Start-up as a person meets it: the database made ready, the login, the main
window, and back out when the window closes.

Dialogs come before the main window, so the application must not quit when its
last window closes (Qt would stop the loop under the start-up); the console ends
when its main window is closed. Whatever stops the start-up is told in a message
box in plain words (and logged), never as a traceback on a console nobody reads.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import logging
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.accounts import credentials
from console.core.errors import DatabaseUnavailable
from console.seat_settings import REPORTING_URL, SeatSettings
from console.seat_setup import (
    EmbeddedServer,
    SchemaAhead,
    SchemaBehind,
    bring_schema_up_to_date,
    prepare_embedded,
)

if TYPE_CHECKING:
    from console.app import ConsoleApp

log = logging.getLogger(__name__)

OK, CANCELLED, UNAVAILABLE, SCHEMA_BEHIND, BUG, CONSOLE_BEHIND = 0, 1, 2, 3, 4, 5
PAINT_WAIT_S = 5.0  # a window that is never painted (minimised, say) starts it anyway


def _t(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


class Splash(QWidget):
    """Something on screen at once while the database gets ready.

    A plain frameless window, not a QSplashScreen: its show() blocks the GUI thread
    for a whole second (PySide6 6.11, measured on offscreen and on Xvfb, though the
    window was exposed within 10 ms), and the start shows it twice; its finish()
    waits for the main window in a nested loop. This one is painted by the loop."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startupSplash")
        self._message = ""
        self.setFixedSize(520, 150)
        if (screen := QApplication.primaryScreen()) is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1f3a5f"))
        painter.setPen(QColor("white"))
        font = QFont(self.font())
        font.setPointSize(16)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(24, 52, _t("12345 热线坐席"))
        painter.setFont(self.font())
        painter.drawText(self.rect().adjusted(5, 5, -5, -5),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         self._message)
        painter.end()

    def say(self, text: str) -> None:
        self._message = text
        self.update()


async def tell(title: str, text: str, parent: QWidget | None = None) -> None:
    """A message box that does not block the loop; returns when it is closed."""
    from widgets.accounts.login_dialog import run_dialog

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("startupProblem")
    await run_dialog(box)


class _FirstPaint(QObject):
    """Sets an asyncio event when the watched window has painted for the first time."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = asyncio.Event()
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self.painted.set()
            self._window.removeEventFilter(self)
        return False


class _Closed(QObject):
    """Sets an asyncio event once the watched window has closed (and stayed closed)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.closed = asyncio.Event()
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._check)  # after the window accepted or ignored it
        return False

    def _check(self) -> None:
        if not self._window.isVisible():
            self.closed.set()


async def _stop(splash: Splash, code: int, title: str, text: str) -> int:
    """A start that ends without a window: the splash goes, a box says why."""
    splash.close()
    await tell(title, text)
    return code


async def start(app: QApplication, args: argparse.Namespace, settings: SeatSettings,
                embedded: EmbeddedServer | None,
                preparing: Future[str] | None = None) -> int:
    """The whole session of one seat; returns the process's exit code. ``preparing``:
    the embedded server's preparing, begun already (``seat_setup.start_preparing``);
    without it the start begins it."""
    splash = Splash()
    if args.screenshot is None:
        splash.show()
    try:
        return await _start(app, args, settings, embedded, splash, preparing)
    except DatabaseUnavailable as exc:
        log.error("cannot reach the database: %s", exc)
        return await _stop(splash, UNAVAILABLE, _t("连不上数据库"), _t(
            "连不上数据库，控制台无法启动：请检查网络和服务器是否运行，然后重新启动。\n（{detail}）"
        ).format(detail=str(exc).strip().splitlines()[0] if str(exc).strip() else ""))
    except SchemaBehind as exc:
        log.error("the database schema is at %s and this console needs %s", exc.current,
                  exc.head)
        return await _stop(splash, SCHEMA_BEHIND, _t("数据库需要升级"), _t(
            "数据库的结构版本（{current}）比本控制台需要的（{head}）旧，只有管理员能升级："
            "请管理员用自己的账号启动一次控制台，或运行 python -m db.migrate。").format(
            current=exc.current or "—", head=exc.head))
    except SchemaAhead as exc:
        log.error("the database schema is at %s, newer than this console's %s", exc.current,
                  exc.head)
        return await _stop(splash, CONSOLE_BEHIND, _t("控制台需要更新"), _t(
            "数据库已由较新版本的控制台升级（结构版本 {current}），本控制台只认识到 {head}，"
            "用它保存可能出错：请先安装新版本的控制台，再启动。数据没有任何改动。").format(
            current=exc.current, head=exc.head))
    except Exception as exc:  # our bug: logged with its traceback, told as such
        log.exception("the console failed to start")
        return await _stop(splash, BUG, _t("控制台启动失败"), _t(
            "控制台启动时发生内部错误，详情已记入日志，请报告技术支持：{detail}").format(
            detail=f"{type(exc).__name__}: {exc}".splitlines()[0]))
    finally:
        splash.close()


async def _start(app: QApplication, args: argparse.Namespace, settings: SeatSettings,
                 embedded: EmbeddedServer | None, splash: Splash,
                 preparing: Future[str] | None) -> int:
    from widgets.accounts.first_run_dialog import embedded_login
    from widgets.accounts.login_dialog import log_in
    from widgets.common.tasks import TaskRunner
    from widgets.shell import gui_gc, warm_up

    runner = TaskRunner()
    url: str | None = args.database_url
    if embedded is not None:  # its owner migrates and loads the demo; a person works
        splash.say(_t("正在启动本机数据库…") if not args.demo
                   else _t("正在启动本机数据库并准备演示数据…"))
        try:
            owner_url = await (asyncio.wrap_future(preparing) if preparing is not None
                               else asyncio.to_thread(prepare_embedded, embedded,
                                                      with_demo=args.demo))
        except SchemaAhead:
            raise  # told as such above, not as a broken server
        except Exception as exc:  # the server itself: a full disk, a broken data directory…
            log.exception("the embedded database did not start")
            splash.close()
            await tell(_t("本机数据库无法启动"), _t(
                "本机数据库无法启动：{detail}\n数据目录：{path}\n详情已记入日志。").format(
                detail=f"{type(exc).__name__}: {exc}".splitlines()[0], path=embedded.pgdata))
            return UNAVAILABLE
        url = owner_url
        if args.screenshot is None:  # a render needs nobody at the seat
            splash.close()
            url = await embedded_login(owner_url, runner, settings, on_asking=warm_up.start)
    else:
        assert url is not None
        splash.close()
        url = await log_in(url, runner, on_asking=warm_up.start)
        if url is not None:
            splash.show()
            splash.say(_t("正在检查数据库…"))
            await asyncio.to_thread(bring_schema_up_to_date, url)
    if url is None:
        log.info("login cancelled: the console was not started")
        return CANCELLED
    if args.screenshot is None:
        splash.show()  # the embedded server's login closed it
    splash.say(_t("正在打开控制台…"))
    await asyncio.to_thread(warm_up.finish)  # what the window needs, imported meanwhile
    warm_up.forget_sources()  # before the panes load their rows into that memory
    gui_gc.freeze_imports()
    from console.app import ConsoleApp

    # Who acts is who logged in: no option names anyone else (the database records
    # the login role as the actor in any case).
    # Statistics and reports may read from a replica of a shared server (never of the
    # seat's private embedded one): the command line's, else the seat's setting.
    replica = None if embedded is not None else (
        getattr(args, "reporting_url", None) or settings.get(REPORTING_URL) or None)
    console = ConsoleApp(url, actor=credentials.login_role(url), reporting_url=replica)
    await console.open(demo_data=args.demo and embedded is None)
    try:
        return await _run_window(console, settings, args, splash)
    finally:
        await console.close()


async def _run_window(console: ConsoleApp, settings: SeatSettings, args: argparse.Namespace,
                      splash: Splash) -> int:
    from widgets.shell import warm_up
    from widgets.shell.main_window import MainWindow
    from widgets.shell.screenshot import take_screenshot

    window = MainWindow(console, settings)
    watch = _Closed(window)
    painted = _FirstPaint(window)
    window.show()
    splash.close()
    window.raise_()
    window.activateWindow()  # the keyboard goes to the console, not to where a dialog was
    try:
        # What can wait starts once the window is on screen: an admin's calendar seeding,
        # the grid cells for the locator (numpy and shapely imported in a worker thread),
        # then the map's and the statistics' panes (their modules imported so first).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted.painted.wait(), PAINT_WAIT_S)
        console.start_deferred()
        await console.load_places()
        for slot in (window.map_slot, window.stats_slot):
            await asyncio.to_thread(importlib.import_module, slot.module)
            if window.isVisible():  # not closed meanwhile
                slot.build()
        warm_up.forget_sources()
        if args.screenshot is not None:
            await take_screenshot(window, args.screenshot)
            return OK
        await watch.closed.wait()
        return OK
    finally:
        await window.runner.cancel_all()
        if window.isVisible():
            window.close()
