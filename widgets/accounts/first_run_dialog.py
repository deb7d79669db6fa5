"""First run on the embedded server: the person at the seat becomes its local
administrator and chooses a password; every later start asks for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.accounts import credentials, login_policy
from console.core.errors import ConsoleError
from console.seat_settings import LAST_USER, SeatSettings
from widgets.accounts.login_dialog import log_in, run_dialog
from widgets.common import texts
from widgets.common.tasks import TaskRunner


class FirstRunDialog(QDialog):
    """Creates the local administrator; ``login_name`` and ``url`` (which logs in as
    them) are set on success."""

    def __init__(self, owner_url: str, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("首次使用：设置本机管理员"))
        self._owner_url, self._runner = owner_url, runner
        self.login_name: str | None = None
        self.url: str | None = None
        intro = QLabel(self.tr("本机数据库首次启动。请设置管理员账号和密码；以后每次启动都需用它登录，其他值班人员的账号可在“管理 → 账号管理”中创建。"))  # noqa: E501
        intro.setWordWrap(True)
        self.login = QLineEdit(login_policy.suggested_admin_login(), objectName="firstRun.login")
        self.name = QLineEdit(objectName="firstRun.name")
        self.secret = QLineEdit(objectName="firstRun.password")
        self.again = QLineEdit(objectName="firstRun.again")
        for edit in (self.secret, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="firstRun.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.again.returnPressed.connect(self.create)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("密码"), self.secret)
        form.addRow(self.tr("再次输入"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def create(self) -> None:
        if not self.buttons.isEnabled():
            return
        if self.secret.text() != self.again.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            self.again.clear()
            self.again.setFocus()
            return
        login = self.login.text().strip()
        self.buttons.setEnabled(False)

        def done(url: str) -> None:
            self.login_name, self.url = login, url
            self.accept()

        def failed(exc: ConsoleError) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(texts.problem_text(exc))

        self._runner.run(login_policy.make_local_admin(
            self._owner_url, login, self.name.text(), self.secret.text()), done, failed)


async def embedded_login(owner_url: str, runner: TaskRunner, settings: SeatSettings,
                         on_asking: Callable[[], None] = lambda: None) -> str | None:
    """Who works at this seat of the embedded server: the first run creates the
    local administrator; later runs ask the last person (or anyone) to log in.
    ``on_asking`` is called once a dialog is on its way to the screen."""
    admin = await login_policy.local_admin(owner_url)
    if admin is None:
        dialog = FirstRunDialog(owner_url, runner)
        if not await run_dialog(dialog, on_asking) or dialog.url is None:
            return None
        settings.set(LAST_USER, dialog.login_name)
        return dialog.url
    last = settings.get(LAST_USER) or admin
    url = await log_in(login_policy.as_person(owner_url, last), runner, local=True,
                       on_asking=on_asking)
    if url is not None:
        settings.set(LAST_USER, credentials.user_of(url))
    return url
