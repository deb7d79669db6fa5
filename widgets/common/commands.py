"""Commands and keys declared once, as data.

Each entry says what a key does (``id``, ``title``), which key (``key``, in
QKeySequence's portable text), where it works (``scope``) and who may use it
(``roles``). The main window builds its menus, tool bar and shortcuts from the
entries of scope ``APP`` (widgets/shell/commands.py); a pane handles the keys
of its own scope where it has the focus, asking ``pressed`` which entry a key
press is, so the key is written only here. The README's keyboard table is made
from this list (tools/keyboard_table.py) and a test keeps the two equal.

A few entries are Qt's own behaviour (Tab, Shift+Enter in a text box): they are
declared for the keyboard table and say so (``native``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from console.casework.lifecycle import ADMIN, DISPATCHER, LEADER, SUPERVISOR, UNIT
from widgets.common import texts

APP = "app"            # anywhere in the program: a menu command and its shortcut
WINDOW = "window"      # anywhere in the main window, its panes included
# A pane's scope: its keys work where it (or the named part of it) has the focus.
CALL_SCREEN, LISTS, FORMS = "callScreen", "lists", "forms"
CALLBACKS, ROLL_CALL, ROSTER, BOARD = "callbackDesk", "rollCallPane", "rosterPane", "board"
VERIFICATIONS = "verificationDesk"
ANSWERS = "quickAnswers"
UNIT_DESK, REQUESTS = "unitDesk", "unitRequests"
MAP = "mapPane"
PICKING = "mapPicking"  # the map while it picks a place for the call screen
# Where each scope's keys work, in the README's words, in the keyboard table's order.
SCOPES = {
    APP: "anywhere", WINDOW: "main window, any pane", CALL_SCREEN: "call screen",
    LISTS: "queue, countdowns, board, roll-call history", FORMS: "dialogs, handover notes",
    ANSWERS: "quick answers",
    CALLBACKS: "callbacks list", VERIFICATIONS: "field verification list",
    ROLL_CALL: "roll-call list", ROSTER: "roster: the day's list",
    BOARD: "supervision board",
    UNIT_DESK: "unit view: the unit's cases", REQUESTS: "unit view: requests to decide",
    MAP: "map", PICKING: "map, picking a place for the call screen",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


@dataclass(frozen=True)
class Command:
    id: str
    title: Callable[[], str]
    key: str = ""                 # QKeySequence's portable text; "" for none
    scope: str = APP
    menu: str = ""                # the menu of an APP command
    roles: frozenset[str] = frozenset()  # who may use it; none named: everyone
    doc: str = ""                 # the README's words (English)
    toolbar: bool = False
    checkable: bool = False       # a setting: the handler gets the new state
    dock: str = ""                # "go to": this dock is shown and raised first
    native: bool = False          # Qt's own behaviour, declared for the table

    def allowed(self, roles: Iterable[str]) -> bool:
        held = set(roles)
        return not self.roles or ADMIN in held or bool(held & self.roles)

    def label(self) -> str:
        """The title with its key, for a button: "保存 (Enter)"."""
        return f"{self.title()} ({self.key})" if self.key else self.title()


LEADERS, SUPERVISORS, ADMINS = frozenset({LEADER}), frozenset({SUPERVISOR}), frozenset({ADMIN})
UNITS, DECIDERS = frozenset({UNIT}), frozenset({DISPATCHER, LEADER, SUPERVISOR})


def _satisfaction(level: int) -> Command:
    return Command(f"callback.sat{level}", lambda: texts.satisfaction_name(level), str(level),
                   CALLBACKS, doc="satisfaction 5 (very satisfied) … 1 (very dissatisfied); "
                   "closes the case")


def _crosshair(way: str, title: Callable[[], str], key: str) -> Command:
    return Command(f"pick.{way}", title, key, PICKING,
                   doc="move the crosshair (each arrow key; a step is a share of the view, "
                   "so zoom in for finer steps)")


COMMANDS: tuple[Command, ...] = (
    # ---- the menus, with shortcuts anywhere in the program --------------------------------
    Command("call.incoming", lambda: _t("模拟来电…"), "F2", menu="call", toolbar=True,
            doc="simulated incoming call (stands in for the telephony link)"),
    Command("call.new", lambda: _t("新建诉求"), "Ctrl+N", menu="call", toolbar=True,
            doc="new case: clears the call form"),
    Command("call.focus", lambda: _t("转到来电登记"), "F3", menu="view", dock="dock.call",
            doc="go to the call screen (its tab comes to the front first, as with every "
            "go-to key)"),
    Command("queue.focus", lambda: _t("转到案件队列"), "F4", menu="view", dock="dock.queue",
            doc="go to the queue"),
    Command("countdown.focus", lambda: _t("转到倒计时"), "F6", menu="view",
            dock="dock.countdown", doc="go to the countdowns"),
    Command("callbacks.focus", lambda: _t("转到电话回访"), "F7", menu="view",
            dock="dock.callbacks", doc="go to the callbacks"),
    Command("verify.focus", lambda: _t("转到现场核查"), "Shift+F7", menu="view",
            dock="dock.callbacks", doc="go to the field verification of grid reports "
            "(the tab beside the callbacks)"),
    Command("board.focus", lambda: _t("转到督办台"), "F11", menu="view", dock="dock.board",
            doc="go to the supervision board"),
    Command("units.focus", lambda: _t("转到承办单位"), "Ctrl+Shift+U", menu="view",
            dock="dock.units",
            doc="go to the unit view (a unit's cases; requests waiting for a decision)"),
    Command("map.focus", lambda: _t("转到地图"), "Ctrl+Shift+M", menu="view", dock="dock.map",
            doc="go to the map (Shift+drag on it selects cases into the queue)"),
    Command("map.export", lambda: _t("导出地图图片…"), menu="view",
            doc="save the map as shown as a PNG for print (A4 landscape, 300 dpi)"),
    Command("stats.focus", lambda: _t("转到统计"), "Ctrl+Shift+S", menu="stats",
            dock="dock.stats", doc="go to the statistics: today's figures, intake by channel "
            "over time, ranked bars (arrows pick a bar, Enter or a click shows its cases in "
            "the queue)"),
    Command("duty.roster", lambda: _t("排班"), "Ctrl+Shift+P", menu="duty",
            dock="dock.roster", doc="go to the roster"),
    Command("duty.roll_call", lambda: _t("查岗点名"), "Ctrl+Shift+D", menu="duty",
            dock="dock.rollCall", doc="go to the roll call"),
    Command("duty.handover", lambda: _t("交接班"), "Ctrl+Shift+J", menu="duty",
            dock="dock.handover", doc="go to the handover"),
    Command("duty.reports", lambda: _t("值班报表…"), "Ctrl+Shift+R", menu="duty",
            roles=LEADERS | SUPERVISORS,
            doc="make a duty report (daily, weekly briefing, monthly, special) as PDF or "
                "Excel"),
    Command("answers.focus", lambda: _t("搜索秒回知识库"), "Ctrl+K", menu="call",
            dock="dock.quickAnswers", doc="search the quick-answer base"),
    Command("queue.refresh", lambda: _t("刷新队列"), "F5", menu="view", doc="refresh the queue"),
    Command("view.reset_layout", lambda: _t("恢复默认布局"), menu="view"),
    Command("admin.rules", lambda: _t("办理时限与工作日…"), menu="admin", roles=ADMINS),
    Command("admin.accounts", lambda: _t("账号管理…"), menu="admin", roles=ADMINS),
    Command("admin.boundaries", lambda: _t("导入辖区边界…"), menu="admin", roles=ADMINS),
    Command("admin.import_history", lambda: _t("导入历史案件…"), menu="admin", roles=ADMINS),
    Command("alerts.new_a_class", lambda: _t("新 A 类案件"), menu="alerts", checkable=True),
    Command("alerts.overdue", lambda: _t("案件超时"), menu="alerts", checkable=True),
    Command("alerts.reply_due", lambda: _t("督办回复到期"), menu="alerts", checkable=True),
    Command("alerts.sound", lambda: _t("提醒时发出声音"), menu="alerts", checkable=True),
    Command("lang.zh_CN", lambda: _t("中文"), menu="language"),
    Command("lang.en", lambda: _t("English"), menu="language"),
    Command("queue.export", lambda: _t("导出案件…"), "Ctrl+E", menu="file",
            doc="export the cases of the queue's current filter: CSV for Excel, or Open311 "
            "GeoReport v2 JSON or XML (a unit's handler: their unit's cases)"),
    Command("app.quit", lambda: _t("退出"), "Ctrl+Q", menu="file", doc="quit"),
    # ---- the call screen ---------------------------------------------------------------------
    Command("call.answer", lambda: _t("当场答复"), "F9", WINDOW,
            doc="answer on the spot: save the call closed as answered (from the quick-answer "
            "search too, with the answer shown there)"),
    Command("call.tab", lambda: _t("下一项"), "Tab", CALL_SCREEN, native=True,
            doc="the next field of the call form, in reading order (the cursor starts in "
            "the number)"),
    Command("call.save", lambda: _t("保存"), "Enter", CALL_SCREEN,
            doc="in the number field: look up the caller and go to the case text; in the "
            "street, community, grid and category boxes: take the best match of what was "
            "typed (part of the name or its pinyin initials, e.g. `dlps`) and go on; "
            "elsewhere: save. When the case looks like a duplicate, the first Enter says so "
            "and a second Enter saves it as a new case"),
    Command("call.new_line", lambda: _t("换行"), "Shift+Enter", CALL_SCREEN, native=True,
            doc="new line in the case text"),
    Command("call.clear", lambda: _t("清空"), "Esc", CALL_SCREEN,
            doc="clear the form (a new case)"),
    Command("call.put_back", lambda: _t("恢复刚清空的内容"), "Ctrl+Z", CALL_SCREEN,
            doc="right after clearing: put the cleared form back"),
    Command("call.duplicate", lambda: _t("记为重复来电"), "F8", CALL_SCREEN,
            doc="record the call as a duplicate of the selected possible duplicate"),
    Command("call.pick_place", lambda: _t("地图选点"), "Ctrl+G", CALL_SCREEN,
            doc="pick the case's place on the map: the map comes forward with a crosshair; "
            "the point picked fills longitude and latitude, grid cell, community and street, "
            "and the cursor comes back to where it was"),
    # ---- lists and forms -------------------------------------------------------------------
    Command("list.open", lambda: _t("打开"), "Enter", LISTS,
            doc="open the row: a case (its history and the moves your role allows) or a "
            "past roll call"),
    Command("form.leave_text", lambda: _t("离开文本框"), "Tab", FORMS, native=True,
            doc="leave a text box (Enter is a new line in a text box)"),
    Command("form.submit", lambda: _t("保存"), "Ctrl+Enter", FORMS,
            doc="save, from any field"),
    # ---- quick answers -----------------------------------------------------------------------
    Command("answers.to_results", lambda: _t("转到结果"), "Down", ANSWERS,
            doc="in the search: go down to the results"),
    Command("answers.use", lambda: _t("采用答复"), "Enter", ANSWERS,
            doc="on a result: take its answer (F9 then closes the call with it)"),
    Command("answers.back", lambda: _t("返回搜索"), "Esc", ANSWERS,
            doc="on the results: back to the search; in the search: clear it"),
    # ---- callbacks -------------------------------------------------------------------------------
    *(_satisfaction(level) for level in (5, 4, 3, 2, 1)),
    Command("callback.unreachable", lambda: _t("未接通"), "0", CALLBACKS,
            doc="no answer (the case stays for another try)"),
    Command("callback.not_fixed", lambda: _t("未解决（重新办理）"), "R", CALLBACKS,
            doc="not fixed: reopens the case to the same unit, with a reason"),
    # ---- field verification of grid workers' reports ------------------------------------------
    Command("verify.passed", lambda: _t("核查通过（结案）"), "P", VERIFICATIONS,
            doc="the grid's squad found it fixed: closes the case"),
    Command("verify.failed", lambda: _t("核查未通过（重新办理）"), "F", VERIFICATIONS,
            doc="not fixed on the spot: reopens it to the same unit, with a "
            "reason and a fresh time limit"),
    # ---- roll call -------------------------------------------------------------------------------
    Command("rollCall.answered", lambda: _t("应答"), "1", ROLL_CALL,
            doc="answered; the next post is selected (as after every mark)"),
    Command("rollCall.late", lambda: _t("迟到（输入分钟后回车）"), "2", ROLL_CALL,
            doc="late: type the minutes, Enter"),
    Command("rollCall.absent", lambda: _t("缺岗"), "3", ROLL_CALL, doc="absent"),
    Command("rollCall.no_answer", lambda: _t("无人应答"), "4", ROLL_CALL, doc="no answer"),
    Command("rollCall.start", lambda: _t("开始点名（在岗岗位）"), scope=ROLL_CALL, roles=LEADERS),
    Command("rollCall.finish", lambda: _t("结束点名"), scope=ROLL_CALL, roles=LEADERS),
    # ---- roster ----------------------------------------------------------------------------------
    Command("roster.leave", lambda: _t("请假/顶班…"), "L", ROSTER, roles=LEADERS,
            doc="leave, with a stand-in"),
    Command("roster.swap", lambda: _t("调班…"), "T", ROSTER, roles=LEADERS,
            doc="swap duties"),
    Command("roster.replace", lambda: _t("换人…"), "H", ROSTER, roles=LEADERS,
            doc="replace the person"),
    Command("roster.remove", lambda: _t("撤下"), "Del", ROSTER, roles=LEADERS,
            doc="remove the entry"),
    Command("roster.generate", lambda: _t("生成本月排班"), scope=ROSTER, roles=LEADERS),
    # ---- unit view -------------------------------------------------------------------------------
    Command("unit.sign", lambda: _t("签收"), "S", UNIT_DESK, roles=UNITS,
            doc="sign for the case (within its signing time)"),
    Command("unit.return", lambda: _t("申请退回…"), "R", UNIT_DESK, roles=UNITS,
            doc="apply to return the case, with a reason (within the window after dispatch)"),
    Command("unit.extend", lambda: _t("申请延期…"), "E", UNIT_DESK, roles=UNITS,
            doc="apply for more working days, with a reason"),
    Command("unit.progress", lambda: _t("记录进展…"), "P", UNIT_DESK, roles=UNITS,
            doc="record how the work goes"),
    Command("unit.reply", lambda: _t("回复办结…"), "F", UNIT_DESK, roles=UNITS,
            doc="reply with the result and a description of what is attached"),
    Command("unit.forward", lambda: _t("转派社区…"), "D", UNIT_DESK, roles=UNITS,
            doc="a street sub-centre: dispatch the case on to a community of its street"),
    Command("request.approve", lambda: _t("同意"), "A", REQUESTS, roles=DECIDERS,
            doc="approve the request (a return: dispatchers; an extension: shift leaders "
            "and supervisors)"),
    Command("request.refuse", lambda: _t("不同意…"), "X", REQUESTS, roles=DECIDERS,
            doc="refuse the request, with a reason"),
    # ---- map -------------------------------------------------------------------------------------
    Command("map.zoom_in", lambda: _t("放大"), "+", MAP, doc="zoom in (the wheel too)"),
    Command("map.zoom_out", lambda: _t("缩小"), "-", MAP, doc="zoom out"),
    Command("map.home", lambda: _t("全区"), "Home", MAP, doc="the whole district"),
    Command("map.pan_left", lambda: _t("左移"), "Left", MAP, doc="pan (each arrow key)"),
    Command("map.pan_right", lambda: _t("右移"), "Right", MAP, doc="pan (each arrow key)"),
    Command("map.pan_up", lambda: _t("上移"), "Up", MAP, doc="pan (each arrow key)"),
    Command("map.pan_down", lambda: _t("下移"), "Down", MAP, doc="pan (each arrow key)"),
    Command("map.hotspots", lambda: _t("热点列表"), "H", MAP,
            doc="the heat layer's hotspot list beside the map: arrows move, Enter (or a click) "
            "zooms to the area and shows its cases in the queue"),
    Command("map.cancel", lambda: _t("取消"), "Esc", MAP, doc="clear the map's selection"),
    # ---- the map picking a place (the zoom keys and Home work as on the map) ----------------
    _crosshair("left", lambda: _t("十字左移"), "Left"),
    _crosshair("right", lambda: _t("十字右移"), "Right"),
    _crosshair("up", lambda: _t("十字上移"), "Up"),
    _crosshair("down", lambda: _t("十字下移"), "Down"),
    Command("pick.take", lambda: _t("选定十字处"), "Enter", PICKING,
            doc="pick the place at the crosshair (a click picks where it is)"),
    Command("pick.cancel", lambda: _t("取消选点"), "Esc", PICKING,
            doc="cancel picking: the call form keeps the place it had"),
    # ---- supervision board -----------------------------------------------------------------------
    Command("board.supervise", lambda: _t("督办所选案件…"), scope=BOARD, roles=SUPERVISORS),
)

MENUS = (
    ("file", lambda: _t("文件(&F)")),
    ("call", lambda: _t("来电(&C)")),
    ("view", lambda: _t("视图(&V)")),
    ("duty", lambda: _t("值班(&D)")),
    ("stats", lambda: _t("统计(&S)")),
    ("alerts", lambda: _t("提醒(&T)")),
    ("admin", lambda: _t("管理(&A)")),
    ("language", lambda: _t("语言(&L)")),
)

BY_ID = {c.id: c for c in COMMANDS}


def command(command_id: str) -> Command:
    return BY_ID[command_id]


def allowed(command_id: str, roles: Iterable[str]) -> bool:
    return BY_ID[command_id].allowed(roles)


def _combination(key: int | QKeyCombination, modifiers: Qt.KeyboardModifier) -> tuple[int, int]:
    """A key as compared: either Enter is Enter, and the keypad is no modifier."""
    code = key.key().value if isinstance(key, QKeyCombination) else int(key)
    if code == Qt.Key.Key_Enter.value:
        code = Qt.Key.Key_Return.value
    return code, (modifiers & ~Qt.KeyboardModifier.KeypadModifier).value


def _declared(text: str) -> tuple[int, int]:
    combination = QKeySequence(text)[0]  # type: ignore[index]  # PySide6's stubs lack it
    return _combination(combination, combination.keyboardModifiers())


def matches(command_id: str, event: QKeyEvent) -> bool:
    declared = BY_ID[command_id].key
    return bool(declared) and _declared(declared) == _combination(event.key(), event.modifiers())


def pressed(scope: str, event: QKeyEvent) -> Command | None:
    """The entry of ``scope`` whose key this is, if any."""
    return next((c for c in COMMANDS if c.scope == scope and c.key and not c.native
                 and matches(c.id, event)), None)


def key_sequence(command_id: str) -> QKeySequence:
    return QKeySequence(BY_ID[command_id].key)
