"""The login dialog for a shared server: user name and password, TLS options,
and an opt-in "remember me" that keeps the password in the seat's keyring."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.accounts import login, login_policy
from console.accounts.login import LoginProblem, Target
from widgets.common.tasks import TaskRunner


def _t(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("LoginDialog", text)


def problem_text(problem: LoginProblem, target: Target) -> str:
    messages = {
        "login.password": _t("用户名或密码不对，或账号已停用：请重新输入；仍不行请联系系统管理员"),
        "login.unreachable": _t("连不上服务器 {server}：请检查网络和服务器地址，或稍后再试"),
        "login.tls": _t("服务器 {server} 在应答，但安全连接没有建立："
                        "请检查 CA 证书文件和服务器名称"),
        "login.other": _t("服务器 {server} 拒绝了这次登录（原因已记入日志）：请联系系统管理员"),
    }
    # The server's own words (English, or whatever its lc_messages says) go to the log only.
    return messages[problem.code].format(server=f"{target.host}:{target.port}")


def form_problem_text(code: str) -> str:
    messages = {login_policy.USER_EMPTY: _t("请输入用户名"),
                login_policy.CA_MISSING: _t("校验服务器证书需要 CA 证书文件")}
    return messages[code]


class LoginDialog(QDialog):
    """Asks, tries, explains; ``url`` is set (in memory only) when the login worked.

    ``local``: the seat's own embedded server, reached over a private socket: only the
    user name and password are asked (no address, no TLS, nothing kept in a keyring).
    """

    def __init__(self, target: Target, runner: TaskRunner, parent: QWidget | None = None,
                 *, message: str = "", keyring_usable: bool = True,
                 local: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("登录 — 12345 热线坐席"))
        self._target, self._runner = target, runner
        self.url: str | None = None
        self.server = QLabel(f"{target.host}:{target.port} · {target.database}",
                             objectName="login.server")
        self.user = QLineEdit(target.user, objectName="login.user")
        self.password = QLineEdit(objectName="login.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox(objectName="login.sslmode")
        for mode, label in (("prefer", self.tr("尽量加密 (prefer)")),
                            ("require", self.tr("必须加密 (require)")),
                            ("verify-full", self.tr("加密并校验服务器证书 (verify-full)"))):
            self.sslmode.addItem(label, mode)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(target.sslmode)))
        self.ca_file = QLineEdit(target.ca_file, objectName="login.caFile")
        browse = QPushButton(self.tr("选择…"), objectName="login.browse")
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.remember = QCheckBox(self.tr("在本机记住密码（存入系统密钥环）"),
                                  objectName="login.remember")
        if not keyring_usable:  # say so now, not after the person ticked it
            self.remember.setEnabled(False)
            self.remember.setText(self.tr("本机没有可用的密钥环：每次登录都需输入密码"))
        self.message = QLabel(message, objectName="login.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.attempt)
        self.password.returnPressed.connect(self.attempt)
        self.user.returnPressed.connect(self.password.setFocus)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("服务器"), self.server)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("加密连接"), self.sslmode)
        form.addRow(self.tr("CA 证书"), ca_row)
        form.addRow("", self.remember)
        if local:
            for field in (self.server, self.sslmode, ca_row, self.remember):
                form.setRowVisible(field, False)
            self.remember.setChecked(False)
        layout = QVBoxLayout(self)
        if local:
            layout.addWidget(QLabel(self.tr("登录本机控制台：请输入您的账号和密码"),
                                    objectName="login.intro"))
        self.setMinimumWidth(380)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if target.user else self.user).setFocus()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("CA 证书文件"), "",
                                                    "PEM (*.pem *.crt);;* (*)")
        if path:
            self.ca_file.setText(path)

    def target(self) -> Target:
        return login.with_tls(Target(self._target.host, self._target.port,
                                     self._target.database, self.user.text().strip()),
                              self.sslmode.currentData(), self.ca_file.text().strip())

    def attempt(self) -> None:
        if not self.buttons.isEnabled():
            return  # Enter in the password field and the default button both ask once
        target = self.target()
        if (missing := login_policy.form_problem(target)) is not None:
            self.message.setText(form_problem_text(missing))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("正在登录…"))

        def done(outcome: str | LoginProblem) -> None:
            self.buttons.setEnabled(True)
            if isinstance(outcome, LoginProblem):
                self.message.setText(problem_text(outcome, target))
                self.password.selectAll()
                self.password.setFocus()
                return
            self.url = outcome
            self.accept()

        self._runner.run(login_policy.attempt(target, self.password.text(),
                                              remember=self.remember.isChecked()), done)


async def log_in(url: str, runner: TaskRunner, *, local: bool = False,
                 on_asking: Callable[[], None] = lambda: None) -> str | None:
    """A URL that connects as the person, or None if they cancelled: without asking
    when console/accounts/login_policy.py finds one, else through the dialog.
    ``local``: the seat's embedded server (see ``LoginDialog``). ``on_asking`` is
    called once the dialog is on its way to the screen (the start imports then)."""
    found = await login_policy.without_asking(url, local=local)
    if isinstance(found, str):
        return found
    message = problem_text(found.problem, found.target) if found.problem else ""
    dialog = LoginDialog(found.target, runner, message=message,
                         keyring_usable=found.keyring_usable, local=local)
    return dialog.url if await run_dialog(dialog, on_asking) else None


async def run_dialog(dialog: QDialog, on_open: Callable[[], None] = lambda: None) -> bool:
    """Show a dialog without blocking the loop; True when it was accepted.
    ``on_open`` is called right after the dialog is opened."""
    import asyncio

    finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda result: finished.done() or finished.set_result(result))
    dialog.open()
    on_open()
    return await finished == QDialog.DialogCode.Accepted
