"""First run on the embedded server: the person at the seat becomes its local
administrator and chooses a password; every later start asks for it."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.accounts import accounts
from console.core.errors import ConsoleError
from console.core.store import Store
from widgets.common import texts
from widgets.common.tasks import TaskRunner

LAST_USER = "login/last_user"


class FirstRunDialog(QDialog):
    """Creates the local administrator; ``login`` and ``password`` are set on success."""

    def __init__(self, owner: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("首次使用：设置本机管理员"))
        self._owner, self._runner = owner, runner
        self.login_name: str | None = None
        self.password: str | None = None
        intro = QLabel(self.tr("本机数据库首次启动。请设置管理员账号和密码；以后每次启动都需用它登录，其他值班人员的账号可在“管理 → 账号管理”中创建。"))  # noqa: E501
        intro.setWordWrap(True)
        self.login = QLineEdit(accounts.login_from_os_user(getpass.getuser()),
                               objectName="firstRun.login")
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
        login, password = self.login.text().strip(), self.secret.text()
        self.buttons.setEnabled(False)

        def done(_account: accounts.Account) -> None:
            self.login_name, self.password = login, password
            self.accept()

        def failed(exc: ConsoleError) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(texts.problem_text(exc))

        self._runner.run(accounts.create_account(
            self._owner, login, self.name.text(), accounts.GROUPS, password), done, failed)


async def embedded_login(owner_url: str, runner: TaskRunner, settings: QSettings) -> str | None:
    """Who works at this seat of the embedded server: the first run creates the
    local administrator; later runs ask the last person (or anyone) to log in."""
    from dataclasses import replace

    from console.accounts.login import Target
    from widgets.accounts.login_dialog import log_in, run_dialog

    owner = Store(owner_url, "setup")
    owner.roles = frozenset({"admin"})  # the server's owner sets the seat up
    try:
        admin = await accounts.local_admin(owner)
        if admin is None:
            dialog = FirstRunDialog(owner, runner)
            if not await run_dialog(dialog) or dialog.login_name is None:
                return None
            settings.setValue(LAST_USER, dialog.login_name)
            return replace(Target.from_url(owner_url), user=dialog.login_name).url(
                dialog.password)
    finally:
        await owner.close()
    last = str(settings.value(LAST_USER, "") or admin)
    url = await log_in(replace(Target.from_url(owner_url), user=last).url(None), runner,
                       local=True)
    if url is not None:
        settings.setValue(LAST_USER, Target.from_url(url).user)
    return url
