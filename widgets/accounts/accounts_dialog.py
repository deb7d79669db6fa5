"""Admin: staff accounts. Each is a PostgreSQL login role; creating, disabling,
re-grouping and resetting a password changes the role itself.

The list follows the change feed (``FeedFollower``): a change made here or by
another administrator shows once the feed brought it, with the selected account
kept. A change made here says "保存中…" until then (without a feed, until the
list was read again)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.accounts import accounts
from console.core.errors import ConsoleError
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import RecordTableModel
from widgets.common.tasks import TaskRunner


def _t(text: str) -> str:
    return QCoreApplication.translate("AccountsDialog", text)


def group_name(code: str) -> str:
    names = {"operator": _t("坐席员"), "dispatcher": _t("分拨员"), "shift_leader": _t("值班长"),
             "supervisor": _t("督办"), "admin": _t("管理员"), "unit_handler": _t("承办单位")}
    return names.get(code, code)


class AccountsDialog(QDialog):
    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None, *,
                 feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("账号管理"))
        self.resize(760, 520)
        self._store, self._runner = store, runner
        self.model = RecordTableModel([
            (self.tr("登录名"), lambda a: a.login),
            (self.tr("姓名"), lambda a: a.name),
            (self.tr("岗位"), lambda a: "、".join(group_name(g) for g in a.groups)),
            (self.tr("状态"), lambda a: self.tr("可登录") if a.can_login else self.tr("已停用")),
        ], parent=self)
        self.table = QTableView(objectName="accounts.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.login = QLineEdit(objectName="accounts.login")
        self.name = QLineEdit(objectName="accounts.name")
        self.password = QLineEdit(objectName="accounts.password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("新建或重设时填写，至少 10 位"))
        self.groups = {g: QCheckBox(group_name(g), objectName=f"accounts.group.{g}")
                       for g in accounts.GROUPS}
        self.team = QComboBox(objectName="accounts.team")
        self.team.addItem(self.tr("（不属于任何班组）"), None)
        # A unit handler's unit: the cases they see and work on.
        self.unit = QComboBox(objectName="accounts.unit")
        self.unit.setEditable(True)  # type a few characters of the unit's name
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.addItem(self.tr("（不属于承办单位）"), None)
        group_row = QHBoxLayout()
        for box in self.groups.values():
            group_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("岗位"), group_row)
        form.addRow(self.tr("班组"), self.team)
        form.addRow(self.tr("承办单位"), self.unit)
        form.addRow(self.tr("密码"), self.password)
        buttons = QHBoxLayout()
        for name, label, slot in (("create", self.tr("新建账号"), self.create),
                                  ("groups", self.tr("保存岗位"), self.save_groups),
                                  ("team", self.tr("保存班组"), self.save_team),
                                  ("unit", self.tr("保存单位"), self.save_unit),
                                  ("password", self.tr("重设密码"), self.reset_password),
                                  ("disable", self.tr("停用"), lambda: self.set_enabled(False)),
                                  ("enable", self.tr("启用"), lambda: self.set_enabled(True))):
            button = QPushButton(label, objectName=f"accounts.{name}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.message = QLabel(objectName="accounts.message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.follower = FeedFollower(runner, feed, [Kind.ACCOUNT], self._reload, parent=self)
        self.finished.connect(self.follower.stop)  # closed: follows the feed no more
        self.reload()

    def reload(self) -> None:
        self.follower.reload_now()
        if self.team.count() == 1:
            self._runner.run(accounts.list_teams(self._store), self._fill_teams, self._failed)
        if self.unit.count() == 1:
            self._runner.run(accounts.list_units(self._store), self._fill_units, self._failed)

    async def _reload(self) -> None:
        try:
            listed = await accounts.list_accounts(self._store)
        except ConsoleError as exc:
            if not self.follower.stopped:
                self._failed(exc)
            return
        if self.follower.stopped:  # closed while it read: touch nothing of it
            return
        current = self.model.record(self.table.currentIndex().row())
        self.model.set_rows(listed)
        row = next((r for r, a in enumerate(listed)
                    if current is not None and a.login == current.login), None)
        if row is not None:  # the person's place in the list survives the new reading
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _fill_teams(self, teams: list[tuple[int, str]]) -> None:
        for team_id, name in teams:
            self.team.addItem(name, team_id)

    def _fill_units(self, units: list[tuple[int, str]]) -> None:
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        self._show_selected()

    def chosen_unit(self) -> int | None:
        index = self.unit.findText(self.unit.currentText())
        return None if index < 0 else self.unit.itemData(index)

    def _show_selected(self) -> None:
        account = self.model.record(self.table.currentIndex().row())
        if account is None:
            return
        self.login.setText(account.login)
        self.name.setText(account.name)
        for group, box in self.groups.items():
            box.setChecked(group in account.groups)
        self.team.setCurrentIndex(max(0, self.team.findData(account.team_id)))
        self.unit.setCurrentIndex(max(0, self.unit.findData(account.unit_id)))

    def chosen_groups(self) -> list[str]:
        return [g for g, box in self.groups.items() if box.isChecked()]

    def _do(self, work: Coroutine[Any, Any, object], done_text: str) -> None:
        """A change: "保存中…" until the feed brought it and the list shows it."""
        def done(_result: object) -> None:
            self.password.clear()  # never kept longer than needed
            self.message.setText(done_text)

        self.message.setText(self.tr("保存中…"))
        self.follower.save(work, done, self._failed)

    def create(self) -> None:
        login = self.login.text().strip()
        self._do(accounts.create_account(self._store, login, self.name.text(),
                                         self.chosen_groups(), self.password.text(),
                                         team_id=self.team.currentData(),
                                         unit_id=self.chosen_unit()),
                 self.tr("已新建账号 {login}").format(login=login))

    def save_groups(self) -> None:
        login = self.login.text().strip()
        self._do(accounts.set_groups(self._store, login, self.chosen_groups()),
                 self.tr("已保存 {login} 的岗位").format(login=login))

    def save_team(self) -> None:
        login = self.login.text().strip()
        self._do(accounts.set_team(self._store, login, self.team.currentData()),
                 self.tr("已保存 {login} 的班组").format(login=login))

    def save_unit(self) -> None:
        login = self.login.text().strip()
        self._do(accounts.set_unit(self._store, login, self.chosen_unit()),
                 self.tr("已保存 {login} 的承办单位").format(login=login))

    def reset_password(self) -> None:
        login = self.login.text().strip()
        self._do(accounts.reset_password(self._store, login, self.password.text()),
                 self.tr("已重设 {login} 的密码").format(login=login))

    def set_enabled(self, enabled: bool) -> None:
        login = self.login.text().strip()
        text = (self.tr("已启用 {login}") if enabled
                else self.tr("已停用 {login}，该账号不能再登录"))
        self._do(accounts.set_enabled(self._store, login, enabled), text.format(login=login))

    def _failed(self, exc: ConsoleError) -> None:
        self.password.clear()
        self.message.setText(texts.problem_text(exc))
