"""The quick-answer pane and its editor, driven with keys as an operator would."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton

from console.answers import quick_answers as qa
from console.answers.quick_answers import AnswerDraft, QuickAnswer
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.demodata.demo_answers import load_demo_answers
from tests.widgets.conftest import run, type_text
from widgets.answers.quick_answers import QuickAnswerEditor, QuickAnswerPane
from widgets.common.tasks import TaskRunner


@pytest.fixture
def store(qtbot: Any, qloop: asyncio.AbstractEventLoop, database_url: str) -> Iterator[Store]:
    store = Store(database_url, "sl_a")
    store.roles = frozenset({"shift_leader"})
    run(qtbot, load_demo_answers(store))
    yield store
    run(qtbot, store.close())


@pytest.fixture
def runner(qtbot: Any, store: Store) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    run(qtbot, runner.cancel_all())


@pytest.fixture
def feed(qtbot: Any, store: Store) -> ChangeFeed:
    """The seat's change feed (woken by hand here: no listener)."""
    feed = ChangeFeed(store)
    run(qtbot, feed.start())
    return feed


@pytest.fixture
def pane(qtbot: Any, store: Store, runner: TaskRunner,
         feed: ChangeFeed) -> Iterator[QuickAnswerPane]:
    pane = QuickAnswerPane(store, runner, can_edit=True, feed=feed)
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    with qtbot.waitSignal(pane.results_shown):  # the most used, before any typing
        pane.show()
    qtbot.waitExposed(pane)
    yield pane
    pane.shutdown()
    pane.close()


def count_reloads(pane: QuickAnswerPane) -> list[bool]:
    reloads: list[bool] = []
    pane.follower.reloaded.connect(lambda: reloads.append(True))
    return reloads


def child(widget: Any, cls: type, name: str) -> Any:
    found = widget.findChild(cls, name)
    assert found is not None, name
    return found


def search(qtbot: Any, pane: QuickAnswerPane, query: str) -> None:
    """Type a query as an operator would and wait for its own results to show."""
    field = child(pane, QLineEdit, "answers.search")
    field.setFocus()
    with qtbot.waitSignal(pane.results_shown, check_params_cb=lambda q: q == query):
        if query.isascii():
            qtbot.keyClicks(field, query)
        else:
            type_text(field, query)  # keyClicks with Chinese aborts the process


def first_question(pane: QuickAnswerPane) -> str:
    first = pane.model.answer(0)
    return first.question if first else ""


def hits_in_db(qtbot: Any, store: Store, answer_id: int) -> int:
    answers = run(qtbot, qa.load_answers(store))
    return next(a.hits for a in answers if a.id == answer_id)


def test_pinyin_down_enter_uses_the_answer_and_counts_a_hit(
        qtbot: Any, pane: QuickAnswerPane, store: Store) -> None:
    search(qtbot, pane, "shebao")
    assert first_question(pane).startswith("社保")
    field = child(pane, QLineEdit, "answers.search")
    text = child(pane, QPlainTextEdit, "answers.text")
    assert text.toPlainText() == pane.model.answer(0).answer  # the best one shows at once

    qtbot.keyClick(field, Qt.Key.Key_Down)
    results = pane.results
    assert results.hasFocus() and results.currentIndex().row() == 1
    second = pane.model.answer(1)
    assert second is not None and text.toPlainText() == second.answer
    reloads = count_reloads(pane)
    with qtbot.waitSignal(pane.answer_used) as used:
        qtbot.keyClick(results, Qt.Key.Key_Return)
    assert used.args == [second]
    # The count comes through the feed: one reload, the row and the focus where they were.
    qtbot.waitUntil(lambda: pane.model.answer(1).hits == second.hits + 1)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not pane.follower.busy)
    assert reloads == [True] and results.hasFocus() and results.currentIndex().row() == 1
    assert hits_in_db(qtbot, store, second.id) == second.hits + 1

    qtbot.keyClick(results, Qt.Key.Key_Up)
    qtbot.keyClick(results, Qt.Key.Key_Up)  # from the first row back to the search field
    assert field.hasFocus()


def test_chinese_query_enter_and_copy_count_once(
        qtbot: Any, pane: QuickAnswerPane, store: Store, runner: TaskRunner) -> None:
    search(qtbot, pane, "积分入学")
    assert first_question(pane).startswith("孩子在坪山上小学")
    field = child(pane, QLineEdit, "answers.search")
    best = pane.model.answer(0)
    assert best is not None
    with qtbot.waitSignal(pane.answer_used) as used:
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter in the field uses the shown one
    assert used.args == [best]
    with qtbot.waitSignal(pane.answer_used):
        qtbot.mouseClick(child(pane, QPushButton, "answers.copy"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == best.answer
    assert child(pane, QLabel, "answers.status").text() == "已复制答复"
    qtbot.waitUntil(lambda: pane.model.answer(0).hits == best.hits + 1)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not runner.busy)  # no second hit under way either
    assert hits_in_db(qtbot, store, best.id) == best.hits + 1
    assert child(pane, QLabel, "answers.status").text() == "已复制答复"  # after the reload too


def test_initials_and_no_match(qtbot: Any, pane: QuickAnswerPane) -> None:
    search(qtbot, pane, "gjj")
    assert first_question(pane).startswith("租房可以提取住房公积金")
    field = child(pane, QLineEdit, "answers.search")
    field.clear()
    search(qtbot, pane, "qqqq")
    assert pane.model.rowCount() == 0
    assert "没有匹配" in child(pane, QLabel, "answers.status").text()
    assert child(pane, QPlainTextEdit, "answers.text").toPlainText() == ""
    assert not child(pane, QPushButton, "answers.copy").isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""


def test_model_contract(qtbot: Any, pane: QuickAnswerPane, qtmodeltester: Any) -> None:
    search(qtbot, pane, "sb")
    assert first_question(pane).startswith("社保")
    qtmodeltester.check(pane.model, force_py=True)
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "问题"


def test_editor_shows_each_error_under_its_field_and_saves_nothing(
        qtbot: Any, store: Store, runner: TaskRunner) -> None:
    before = run(qtbot, qa.load_answers(store, include_inactive=True))
    editor = QuickAnswerEditor(store, runner)
    qtbot.addWidget(editor)
    editor.show()
    save = child(editor, QPushButton, "answerEditor.save")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert child(editor, QLabel, "answerEditor.question.error").text() == "请填写问题"
    assert child(editor, QLabel, "answerEditor.answer.error").text() == "请填写答复"
    assert editor.focusWidget() is child(editor, QLineEdit, "answerEditor.question")

    question = child(editor, QLineEdit, "answerEditor.question")
    question.setText("问" * (qa.MAX_QUESTION + 5))
    answer = child(editor, QPlainTextEdit, "answerEditor.answer")
    answer.setFocus()
    type_text(answer, "答复内容")
    keywords = child(editor, QLineEdit, "answerEditor.keywords")
    keywords.setText("好 " + "长" * 40)
    qtbot.keyClick(keywords, Qt.Key.Key_Return)  # Enter saves
    assert "最多 200 字" in child(editor, QLabel, "answerEditor.question.error").text()
    assert not child(editor, QLabel, "answerEditor.answer.error").isVisible()
    assert "过长" in child(editor, QLabel, "answerEditor.keywords.error").text()
    assert answer.toPlainText() == "答复内容"  # nothing typed is lost
    assert editor.isVisible()
    assert run(qtbot, qa.load_answers(store, include_inactive=True)) == before


def test_new_entry_appears_in_the_pane(qtbot: Any, pane: QuickAnswerPane) -> None:
    qtbot.mouseClick(child(pane, QPushButton, "answers.new"), Qt.MouseButton.LeftButton)
    editor = child(pane, QuickAnswerEditor, "answerEditor")
    question = child(editor, QLineEdit, "answerEditor.question")
    question.setFocus()
    type_text(question, "坪山图书馆几点开门？")
    answer = child(editor, QPlainTextEdit, "answerEditor.answer")
    answer.setFocus()
    type_text(answer, "开放时间以图书馆官方公布为准。")
    type_text(child(editor, QLineEdit, "answerEditor.keywords"), "图书馆 开放时间")
    reloads = count_reloads(pane)
    status = child(pane, QLabel, "answers.status")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(child(editor, QPushButton, "answerEditor.save"),
                         Qt.MouseButton.LeftButton)
        assert status.text() == "保存中…"  # until the feed brought the change
    # Shown once the feed brought it: one reload, no re-read of its own.
    current = pane.current()
    assert current is not None and current.question == "坪山图书馆几点开门？"
    assert status.text() == "已保存：坪山图书馆几点开门？"
    qtbot.waitUntil(lambda: not pane.follower.busy)
    assert reloads == [True]
    pane.search_field.clear()
    search(qtbot, pane, "tushuguan")
    assert first_question(pane) == "坪山图书馆几点开门？"


def test_editor_says_who_saved_first_and_keeps_what_was_typed(
        qtbot: Any, store: Store, runner: TaskRunner, database_url: str) -> None:
    mine: QuickAnswer = run(qtbot, qa.search(store, "停电"))[0]
    editor = QuickAnswerEditor(store, runner, mine)
    qtbot.addWidget(editor)
    editor.show()
    other = Store(database_url, "op_b")
    other.roles = frozenset({"admin"})
    try:
        theirs = run(qtbot, qa.save_answer(other, AnswerDraft(
            "停电了去哪里查？", mine.answer, mine.keywords, id=mine.id, version=mine.version)))
    finally:
        run(qtbot, other.close())

    answer = child(editor, QPlainTextEdit, "answerEditor.answer")
    answer.setPlainText("我的新口径")
    qtbot.mouseClick(child(editor, QPushButton, "answerEditor.save"), Qt.MouseButton.LeftButton)
    status = child(editor, QLabel, "answerEditor.status")
    qtbot.waitUntil(lambda: "op_b" in status.text())
    assert "已先修改了这条答复" in status.text() and editor.isVisible()
    assert answer.toPlainText() == "我的新口径"

    overwrite = child(editor, QPushButton, "answerEditor.overwrite")
    assert overwrite.isVisible()
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(overwrite, Qt.MouseButton.LeftButton)
    assert saved.args[0].answer == "我的新口径"
    assert saved.args[0].question == mine.question and saved.args[0].version == theirs.version + 1


def test_editor_can_load_the_other_version(
        qtbot: Any, store: Store, runner: TaskRunner) -> None:
    mine: QuickAnswer = run(qtbot, qa.search(store, "狗叫"))[0]
    editor = QuickAnswerEditor(store, runner, mine)
    qtbot.addWidget(editor)
    editor.show()
    theirs = run(qtbot, qa.deactivate_answer(store, mine.id, mine.version))
    qtbot.mouseClick(child(editor, QPushButton, "answerEditor.save"), Qt.MouseButton.LeftButton)
    status = child(editor, QLabel, "answerEditor.status")
    qtbot.waitUntil(lambda: "已先停用了这条答复" in status.text())
    qtbot.mouseClick(child(editor, QPushButton, "answerEditor.reload"), Qt.MouseButton.LeftButton)
    assert not child(editor, QPushButton, "answerEditor.reload").isVisible()
    assert not editor.active.isChecked() and editor.draft().version == theirs.version


def test_editor_tells_an_operator_that_only_editors_may_save(
        qtbot: Any, store: Store, runner: TaskRunner) -> None:
    store.roles = frozenset({"operator"})
    editor = QuickAnswerEditor(store, runner)
    qtbot.addWidget(editor)
    editor.show()
    child(editor, QLineEdit, "answerEditor.question").setText("问题")
    child(editor, QPlainTextEdit, "answerEditor.answer").setPlainText("答复")
    qtbot.mouseClick(child(editor, QPushButton, "answerEditor.save"), Qt.MouseButton.LeftButton)
    status = child(editor, QLabel, "answerEditor.status")
    qtbot.waitUntil(lambda: "只有管理员和值班长" in status.text())
    assert editor.isVisible()


def test_operators_see_no_edit_buttons(qtbot: Any, store: Store, runner: TaskRunner) -> None:
    pane = QuickAnswerPane(store, runner)  # can_edit defaults to False
    qtbot.addWidget(pane)
    pane.show()
    assert not child(pane, QPushButton, "answers.new").isVisible()
    assert not child(pane, QPushButton, "answers.edit").isVisible()
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    pane.close()


def test_a_change_at_another_seat_updates_rows_in_place(
        qtbot: Any, pane: QuickAnswerPane, feed: ChangeFeed, database_url: str) -> None:
    search(qtbot, pane, "sb")
    qtbot.keyClick(pane.search_field, Qt.Key.Key_Down)
    second = pane.model.answer(1)
    assert second is not None
    other = Store(database_url, "op_b")  # another seat
    other.roles = frozenset({"shift_leader"})
    try:
        run(qtbot, qa.save_answer(other, AnswerDraft(
            second.question, "新的口径", second.keywords, id=second.id, version=second.version)))
        resets: list[bool] = []
        pane.model.modelReset.connect(lambda: resets.append(True))
        reloads = count_reloads(pane)
        with qtbot.waitSignal(pane.follower.reloaded):
            run(qtbot, feed.wake())  # the listener's wake-up
        text = child(pane, QPlainTextEdit, "answers.text")
        assert text.toPlainText() == "新的口径"
        assert resets == [] and pane.results.currentIndex().row() == 1 and reloads == [True]
        # A use counted at another seat changes nothing shown here: no reload.
        run(qtbot, qa.record_hit(other, second.id))
        run(qtbot, feed.wake())
        assert not pane.follower.busy and reloads == [True]
    finally:
        run(qtbot, other.close())
