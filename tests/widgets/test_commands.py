"""Commands and keys declared once (widgets/common/commands.py): each key is handled
where its scope says, taken from the declaration, and enabled for the roles named."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from console.casework.lifecycle import DISPATCHER, SUPERVISOR
from tests.widgets.operator_keys import Operator
from widgets.common import commands
from widgets.common.commands import APP, COMMANDS, WINDOW, _declared
from widgets.duty.roll_call_keys import MARKS
from widgets.shell.main_window import MainWindow

# Keys whose handling is no one pane's table of commands: the call screen's F9
# shortcut, its Enter flow and Ctrl+Z, the lists' Enter, the forms' Ctrl+Enter and
# the quick answers' keys (an event filter on the search and the results).
HANDLED_APART = {"call.answer", "call.save", "call.put_back", "list.open", "form.submit",
                 "answers.to_results", "answers.use", "answers.back"}


def test_no_two_keys_clash() -> None:
    """One key, one command in each place; a key of the whole program or window is
    used by no pane (its shortcut would take it first)."""
    keyed = [c for c in COMMANDS if c.key]
    per_scope = Counter((c.scope, _declared(c.key)) for c in keyed)
    assert [k for k, n in per_scope.items() if n > 1] == []
    wide = {_declared(c.key) for c in keyed if c.scope in (APP, WINDOW)}
    assert [c.id for c in keyed if c.scope not in (APP, WINDOW) and _declared(c.key) in wide] \
        == []


def handled(window: MainWindow) -> set[str]:
    return {*window.call_screen._keys, *window.callbacks.results,
            *window.verifications.results, *MARKS,
            *window.roster.day_tab.view.keys, *HANDLED_APART, *window.units.desk.handlers,
            *window.units.requests.handlers, *window.map.keys}


def test_every_pane_key_is_handled_by_its_pane(open_seat: Any) -> None:
    window = open_seat().window
    pane_keys = {c.id for c in COMMANDS if c.key and c.scope != APP and not c.native}
    assert pane_keys == handled(window)
    assert window.call_screen._answer_key.key() == commands.key_sequence("call.answer")


def test_a_key_changed_in_the_declaration_changes_at_the_pane(
        qtbot: Any, open_seat: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clear = commands.command("call.clear")
    monkeypatch.setitem(commands.BY_ID, "call.clear", dataclasses.replace(clear, key="F12"))
    window = open_seat().window
    op = Operator(qtbot, window)
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Escape)
    assert window.call_screen.phone.text() == "13812345678"
    op.press(Qt.Key.Key_F12)
    assert window.call_screen.phone.text() == ""


def enabled(window: MainWindow, name: str) -> bool:
    action = window.actions_by_id.get(name)
    if action is not None:
        return action.isEnabled()
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    return button.isEnabled()


ROLE_BOUND = ("admin.rules", "admin.accounts", "admin.boundaries", "admin.import_history",
              "board.supervise", "duty.reports",
              "roster.generate", "roster.leave", "roster.swap", "roster.replace", "roster.remove",
              "rollCall.start", "unit.sign", "unit.return", "unit.extend", "unit.progress",
              "unit.reply", "unit.forward", "request.approve", "request.refuse")
DECIDING = {"request.approve", "request.refuse"}


@pytest.mark.parametrize(("roles", "may"), [
    (frozenset({DISPATCHER}), DECIDING),
    (frozenset({SUPERVISOR}), {"board.supervise", "duty.reports", *DECIDING}),
    (frozenset({"shift_leader"}), {"duty.reports", "roster.generate", "roster.leave",
                                   "roster.swap",
                                   "roster.replace", "roster.remove", "rollCall.start",
                                   *DECIDING}),
    (frozenset({"unit_handler"}), {"unit.sign", "unit.return", "unit.extend",
                                   "unit.progress", "unit.reply", "unit.forward"}),
    (frozenset({"admin"}), set(ROLE_BOUND)),
])
def test_commands_are_enabled_for_the_roles_they_name(open_seat: Any, roles: frozenset[str],
                                                      may: set[str]) -> None:
    window = open_seat(roles=roles).window
    assert {name for name in ROLE_BOUND if enabled(window, name)} == may
    # Finishing a roll call is for the same roles, and only while one is running.
    assert {c.id for c in COMMANDS if c.roles} == {*ROLE_BOUND, "rollCall.finish"}
