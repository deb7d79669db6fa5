"""Words for the codes that console/ speaks in: channels, statuses, errors.

Every string goes through Qt's translation; Chinese is the source language and
the default, English comes from resources/i18n/hotline_en.qm.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.casework.lifecycle import TEXT_FACTS, TransitionError
from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, ConsoleError, FieldError, ValidationError


def _t(text: str) -> str:
    return QCoreApplication.translate("Texts", text)


def channel_name(code: str) -> str:
    names = {
        "phone_12345": _t("12345热线"),
        "wechat": _t("微信"),
        "app": _t("美丽深圳APP"),
        "hotline_12319": _t("12319热线"),
        "mailbox": _t("政府信箱"),
        "landline": _t("固话投诉"),
        "web": _t("网站"),
        "grid_worker": _t("网格员上报"),
    }
    return names.get(code, code)


def nature_name(code: str) -> str:
    names = {
        "complaint": _t("投诉"),
        "consultation": _t("咨询"),
        "suggestion": _t("建议"),
        "request": _t("求决"),
        "thanks": _t("感谢"),
        "other": _t("其他"),
    }
    return names.get(code, code)


def status_name(code: str) -> str:
    names = {
        "new": _t("新建"),
        "accepted": _t("已受理"),
        "dispatched": _t("已分拨"),
        "in_progress": _t("办理中"),
        "resolved": _t("已办结"),
        "closed": _t("已归档"),
        "returned": _t("已退回"),
        "disputed": _t("争议中"),
        "referred": _t("区领导协调中"),
        "merged": _t("已合并"),
        "answered": _t("当场答复"),
        "invalid": _t("无效"),
    }
    return names.get(code, code)


def action_name(code: str) -> str:
    names = {
        "accept": _t("受理"),
        "answer": _t("当场答复"),
        "invalidate": _t("作废"),
        "dispatch": _t("分拨"),
        "start": _t("开始办理"),
        "return": _t("退回"),
        "dispute": _t("提出争议"),
        "settle": _t("裁定争议"),
        "refer": _t("提请区领导协调"),
        "decide": _t("登记区领导决定"),
        "resolve": _t("办结"),
        "merge": _t("合并为重复件"),
        "callback_closed": _t("回访满意度"),
        "callback_unreachable": _t("回访未接通"),
        "reopen": _t("回访未解决，重新办理"),
        "verify_passed": _t("现场核查通过，结案"),
        "verify_failed": _t("现场核查未通过，重新办理"),
        "pause": _t("暂停计时"),
        "resume": _t("恢复计时"),
        "created": _t("登记"),
        "imported": _t("导入"),
        "closed_with_master": _t("随主件归档"),
        "escalation": _t("升级"),
        "reply_order": _t("登记督办回复"),
        "clock_rule_changed": _t("修改单位计时规则"),
        "notice_rule_changed": _t("修改市民告知规则"),
        "sign": _t("签收"),
        "forward": _t("转派社区"),
        "reply": _t("回复办理结果"),
        "progress_noted": _t("办理进展"),
        "unit_request": _t("退回/延期申请"),
        "reclass": _t("调整紧急程度"),
        "notice": _t("告知市民"),
        "history_imported": _t("导入历史案件"),
    }
    return names.get(code, code)


def notice_name(kind: str) -> str:
    names = {"acceptance": _t("受理告知"), "result": _t("办理反馈")}
    return names.get(kind, kind)


def notice_channel_name(channel: str) -> str:
    names = {"sms": _t("短信"), "phone": _t("电话")}
    return names.get(channel, channel)


def notice_state_name(state: str) -> str:
    names = {"pending": _t("待发送"), "retrying": _t("重试中"), "sent": _t("已发送"),
             "failed": _t("发送失败"), "cancelled": _t("已取消（改为电话告知）"),
             "told": _t("已电话告知"), "retry": _t("发送未成功，稍后重试")}
    return names.get(state, state)


def urgency_name(code: str) -> str:
    names = {"A": _t("A 类（紧急）"), "B": _t("B 类（较急）"), "C": _t("C 类（一般）")}
    return names.get(code, code)


def roll_call_channel_name(code: str) -> str:
    names = {"phone": _t("电话查岗"), "video": _t("视频点名"), "radio": _t("对讲机点名")}
    return names.get(code, code)


def roll_call_result_name(code: str | None) -> str:
    names = {"answered": _t("应答"), "late": _t("迟到"), "absent": _t("缺岗"),
             "no_answer": _t("无人应答"), None: _t("未点")}
    return names.get(code, code or "")


def satisfaction_name(level: int) -> str:
    names = {5: _t("非常满意"), 4: _t("满意"), 3: _t("基本满意"), 2: _t("不满意"),
             1: _t("非常不满意")}
    return names.get(level, str(level))


def transition_error(code: str) -> str:
    messages = {
        "transition.not_from": _t("案件当前状态不允许此操作，请刷新后再看"),
        "transition.forbidden": _t("您的岗位没有此操作的权限"),
        "transition.needs_reason": _t("请填写原因"),
        "transition.needs_result": _t("请填写办理结果"),
        "transition.needs_answer": _t("请填写答复内容"),
        "transition.needs_reply": _t("请填写回复内容"),
        "transition.needs_unit_id": _t("请选择责任单位"),
        "transition.needs_master_id": _t("请填写主件编号"),
        "transition.needs_satisfaction": _t("请选择满意度"),
        "transition.needs_note": _t("请填写提请协调的说明"),
        "transition.needs_leader": _t("请填写作出决定的区领导"),
        "transition.needs_decision": _t("请填写区领导的决定"),
        "decision.future": _t("决定时间不能晚于现在"),
        "decision.when": _t("请填写正确的决定时间"),
        "decision.no_referral": _t("该案件没有提请协调的记录：请先提请区领导协调"),
        "callback.satisfaction": _t("满意度须为 1–5 级"),
        "clock.already_paused": _t("计时已暂停"),
        "clock.not_paused": _t("计时未暂停"),
        "clock.rule_unknown": _t("单位计时规则只能是“分拨起算”或“签收起算”"),
        "unit.not_ours": _t("这件案件已转派给社区，由社区签收、回复和申请；街道分中心只能查看"),
        "transition.grid_report": _t("网格员上报的案件由网格现场核查，不做电话回访"),
        "transition.needs_grid_report": _t("只有网格员上报的案件做现场核查，有来电人的案件请回访"),
        "unit.unknown": _t("责任单位不存在"),
        "unit.not_our_community": _t("只能转派给本街道的社区工作站"),
        "unit.inactive": _t("该责任单位已停用，请选择其他单位"),
        "merge.self": _t("不能与自身合并"),
        "merge.unknown": _t("找不到该编号的案件"),
        "merge.master_closed": _t("主件已归档，不能再合并"),
        "case.not_found": _t("案件不存在"),
        "transition.unknown": _t("没有这个办理操作"),
        "transition.needs_urgency": _t("请选择新的紧急程度"),
        "reclass.unknown_class": _t("紧急程度须为 A、B 或 C 类"),
        "reclass.same_class": _t("案件已是该类，无需更改"),
        "reclass.no_deadline": _t("无法按新类别计算办理时限，未作更改"),
        "notice.told_already": _t("已告知过市民，无需重复登记"),
        "notice.no_citizen": _t("该案件没有可告知的市民（网格员上报或未留电话）"),
        "notice.out_of_order": _t("告知时间须在受理（或办结）之后、现在之前"),
        "notice.sender_unknown": _t("找不到所设的短信发送插件：请检查 HOTLINE_SMS_SENDER"),
    }
    return messages.get(code, code)


ROSTER_ACTIONS = ("generated", "assigned", "replaced", "removed", "leave", "swapped")


def roster_action_name(code: str) -> str:
    names = {
        "generated": _t("生成"),
        "assigned": _t("加派人员"),
        "replaced": _t("换人"),
        "removed": _t("撤下人员"),
        "leave": _t("登记请假"),
        "swapped": _t("调班"),
    }
    return names.get(code, code)


def field_error(error: FieldError) -> str:
    p = error.params
    messages = {
        "phone.empty": _t("请输入来电号码（电话渠道必填）"),
        "phone.invalid": _t("号码无法识别：请输入手机号（11位）或带区号的固话"),
        "text.empty": _t("请填写诉求内容"),
        "caller_name.empty": _t("请填写来电人姓名"),
        "text.too_long": _t("内容过长：{length} 字，最多 {limit} 字。内容已保留，请删减后再保存"),
        "text.control": _t("第 {position} 个字符是不可见的控制字符（多为粘贴带入），"
                           "请删除后再保存"),
        "text.invalid": _t("内容无法识别，请重新填写"),
        "category.empty": _t("请选择事项分类（可输入中文或拼音首字母搜索）"),
        "category.unknown": _t("分类不存在或已停用，请重新选择"),
        "category.not_leaf": _t("请选择到第三级分类"),
        "category.no_limit": _t("该分类没有办理时限，无法计时：请选其他分类，或请管理员设定时限"),
        "urgency.unknown": _t("请选择紧急程度 A/B/C"),
        "urgency.by_category": _t("该分类标准为 {urgency} 类；如需调整，请登记后由值班长在案件窗口改类"),  # noqa: E501
        "notice.unknown_kind": _t("请选择告知类型：受理告知或办理反馈"),
        "notice.bad_time": _t("请填写告知时间"),
        "notice.in_future": _t("告知时间不能晚于现在"),
        "channel.unknown": _t("请选择来源渠道"),
        "nature.unknown": _t("请选择诉求性质"),
        "grid.unknown": _t("网格不存在，请重新选择"),
        "grid.mismatch": _t("网格不属于所选社区"),
        "grid.street_mismatch": _t("网格不属于所选街道"),
        "community.unknown": _t("社区不存在，请重新选择"),
        "community.mismatch": _t("社区不属于所选街道"),
        "street.unknown": _t("街道不存在，请重新选择"),
        "point.invalid": _t("位置坐标无效：请在地图上重新选点"),
        "point.outside_cell": _t(
            "地图选点不在所选网格内（网格边界可能刚更新）：请在地图上重新选点"),
        "place.unmatched": _t("没有这个名称的街道、社区或网格：输入其中几个字，按 Enter 选中"),
        "order_text.empty": _t("请填写督办内容"),
        "ladder.reminder_share": _t("提醒比例须在 1% 到 99% 之间"),
        "ladder.supervision_days": _t("督办工作日须为 0 或以上"),
        "ladder.leader_urge_hours": _t("二次催办的工作小时须在 1 到 720 之间"),
        "ladder.briefing_days": _t("争议通报的工作日须在 0 到 366 之间"),
        "reply_due.past": _t("回复期限须晚于现在"),
        "escalation.case_not_open": _t("案件已办结或不存在，不能督办"),
        "order.unknown": _t("督办单不存在"),
        "order.acknowledged_already": _t("该督办单已签收"),
        "order.replied_already": _t("该督办单已回复"),
        "reply_text.empty": _t("请填写回复内容"),
        "login.invalid": _t("登录名只能用小写字母、数字和下划线，2–63 位，以字母开头"),
        "login.unknown": _t("没有这个登录名的账号"),
        "name.empty": _t("请填写姓名"),
        "groups.invalid": _t("请至少选择一个岗位"),
        "groups.handler_admin": _t("承办单位账号不能同时是管理员"),
        "request.case_not_with_unit": _t("案件不在本单位办理中，不能申请或记录"),
        "request.return_window_passed": _t("已过退回申请时限（{ends}），请办理或申请延期"),
        "clock_rule.sign_limit": _t("签收时限须为 {min}–{max} 个工作小时"),
        "clock_rule.return_window": _t("退回申请期须为 {min}–{max} 个工作日"),
        "notice_rule.acceptance_minutes": _t("受理告知时限须为 {min}–{max} 分钟"),
        "notice_rule.result_minutes": _t("办理反馈时限须为 {min}–{max} 分钟"),
        "notice_rule.max_attempts": _t("短信发送次数须为 {min}–{max} 次"),
        "notice_rule.unknown_placeholder": _t("模板中有无法识别的占位符 {names}（可用：{known}）"),
        "acceptance_template.empty": _t("请填写受理告知模板"),
        "result_template.empty": _t("请填写办理反馈模板"),
        "request.pending_already": _t("该案件已有同类申请待审批"),
        "request.days": _t("延期天数须为 1–{max} 个工作日"),
        "request.unknown": _t("申请不存在"),
        "request.decided_already": _t("该申请已审批，不能再改"),
        "request.own": _t("不能审批自己提出的申请"),
        "request_reason.empty": _t("请填写申请理由"),
        "decision_reason.empty": _t("不同意时请填写理由"),
        "progress.empty": _t("请填写办理进展"),
        "account.unit_required": _t("承办单位账号请选择所属单位"),
        "password.short": _t("密码至少 {min} 位"),
        "limit.one_required": _t("请只填一种时限：小时或工作日"),
        "limit.not_positive": _t("时限须大于零"),
        "limit.not_integer": _t("时限须为整数"),
        "limit.too_large": _t("时限过长，请核对"),
        "shift.overlaps_itself": _t("「{shift}」时长 {hours} 小时：班次须在 1–24 小时之间，否则与次日同一班次重叠"),  # noqa: E501
        "shift.overlaps": _t("「{shift}」与「{other}」时间重叠，请调整开始时间或时长"),
        "code.empty": _t("请填写代码"),
        "rotation.unknown_shift": _t("轮班规则用到了不存在的班次：{codes}"),
        "rotation.empty": _t("轮班规则为空：请先设置班组和轮转顺序"),
        "rotation.unstaffed": _t("轮班规则第 {position} 天没有班组上「{shift}」"),
        "rotation.doubled": _t("轮班规则第 {position} 天有两个班组上「{shift}」"),
        "rotation.rest": _t("轮班规则使 {team} 两班之间只休息 {hours} 小时，低于规定"),
        "roster.month_exists": _t("本月已有 {count} 条排班；重新生成会覆盖所有调整"),
        "roster.post_unstaffed": _t("「{post}」没有{team}的人员，无法排班：请先为该岗位配人"),
        "roster.post_empty": _t("{day} {shift}「{post}」将无人在岗：请指定顶班人员"),
        "roster.two_shifts": _t("{person} 将同时在两个班次上岗"),
        "roster.rest": _t("{person} 两班之间只休息 {hours} 小时，少于规定的 {minimum} 小时"),
        "roster.not_duty": _t("只能对在岗排班请假或调班"),
        "roster.swap_pointless": _t("请选择另一人、另一班次的排班来调换"),
        "roster.person_unknown": _t("人员不存在或已停用"),
        "roster.entry_gone": _t("该条排班已被他人删除或改动，已刷新"),
        "reason.empty": _t("请填写请假事由"),
        "roll_call.channel": _t("请选择点名方式：电话、视频或对讲机"),
        "roll_call.no_posts": _t("没有要点名的岗位：当前排班无人在岗，或所选岗位不存在"),
        "roll_call.unknown": _t("该点名记录不存在"),
        "roll_call.result": _t("请选择结果：应答、迟到、缺岗或无人应答"),
        "roll_call.late_minutes": _t("迟到须填写分钟数（1–{max}）"),
        "roll_call.finished": _t("该次点名已结束，不能再修改"),
        "roll_call.unmarked": _t("还有 {count} 个岗位未标记结果"),
        "handover.shift_unknown": _t("班次不存在"),
        "handover.unknown": _t("交班记录不存在"),
        "handover.signed": _t("该班已由 {who} 签字接班，不能再修改"),
        "handover.own": _t("不能签收自己交出的班，请由接班值班长签字"),
        "question.empty": _t("请填写问题"),
        "answer.empty": _t("请填写答复"),
        "answer.unknown": _t("该条答复已被删除，已刷新"),
        "keyword.too_long": _t("关键词“{keyword}”过长，每个最多 {limit} 字"),
        "keyword.invalid": _t("关键词“{keyword}”含有空格、标点或不可见字符"),
        "keywords.too_many": _t("关键词 {count} 个，最多 {limit} 个"),
        "profile.invalid": _t("导入方案有误，请检查：{keys}"),
        "import.file_too_large": _t("文件超过 {limit_mb} MB：请分成几个文件导入"),
        "import.file_unreadable": _t("无法读取文件：{reason}"),
        "import.file_encoding": _t("文件编码无法识别：请另存为 UTF-8 或 GB18030 编码的 CSV"),
        "import.file_empty": _t("文件中没有数据"),
        "import.columns_missing": _t("文件缺少导入方案要读的列：{columns}"),
        "import.file_not_csv": _t("第 {line} 行无法按 CSV 读取"),
        "import.open311_json": _t("不是有效的 JSON：第 {line} 行第 {column} 列有误"),
        "import.open311_xml": _t("不是有效的 XML：第 {line} 行第 {column} 列有误"),
        "import.open311_shape": _t("不是 Open311 服务请求列表（service_requests）"),
        "import.missing": _t("缺少{field}"),
        "import.bad_time": _t("{field}无法识别：{value}"),
        "import.time_out_of_range": _t("{field}超出 2000–2199 年：{value}"),
        "import.time_in_future": _t("{field}晚于现在：{value}"),
        "import.time_before_created": _t("{field}早于登记时间：{value}"),
        "import.bad_number": _t("{field}不是有效的经纬度：{value}"),
        "import.text_too_long": _t("{field}过长，最多 {limit} 字"),
        "import.id_too_long": _t("编号过长，最多 {limit} 个字符"),
        "import.duplicate_id": _t("编号与第 {line} 行重复"),
        "import.flags_conflict": _t("同时标为按期和超期"),
        "import.open_without_due": _t("未办结的诉求缺少应办结时间"),
        "import.unmapped": _t("“{name}”还没有对应或新建"),
    }
    template = messages.get(error.code, error.code)
    return template.format(**p) if p else template


def user_error(exc: ConsoleError) -> str:
    conflicts = {
        "handed_over": _t("本班已由 {who} 提交交班记录，已显示其内容，请在其基础上补充"),
        "handover_updated": _t("{who} 刚更新了交班内容，已显示最新内容，请阅读后再签字"),
        "ladder_changed": _t("升级规则刚被 {who} 修改，未保存您的改动；"
                             "已显示最新值，请确认后再保存"),
        "clock_rule_changed": _t("计时规则刚被 {who} 修改，未保存您的改动；"
                                 "已显示最新值，请确认后再保存"),
        "notice_rule_changed": _t("告知规则刚被 {who} 修改，未保存您的改动；"
                                  "已显示最新值，请确认后再保存"),
        "supervision": _t("该案件本轮已督办，未重复下单"),
        "account_exists": _t("该登录名已被使用"),
        "import_profile_saved": _t("导入方案刚被 {who} 保存，本次未导入任何内容；"
                                   "请重新读取文件后再导入"),
        "history_imported": _t("其中一些编号刚在别处导入，本次未导入任何内容；"
                               "请重新读取文件后再导入"),
    }
    if isinstance(exc, ConflictError) and exc.action in conflicts:
        return conflicts[exc.action].format(who=exc.changed_by or "?")
    if isinstance(exc, ConflictError) and exc.action in ROSTER_ACTIONS:
        when = exc.at.astimezone(CENTRE_TZ).strftime("%H:%M:%S") if exc.at else ""
        return _t("这一天的排班刚被 {who} 于 {at} {action}，已显示最新排班，请确认后再改").format(
            who=exc.changed_by or "?", at=when, action=roster_action_name(exc.action or ""))
    if isinstance(exc, ConflictError) and exc.changed_by is None:
        return _t("该记录已被他人修改，请刷新后重试")
    if isinstance(exc, ConflictError):
        when = exc.at.astimezone(CENTRE_TZ).strftime("%H:%M:%S") if exc.at else ""
        text = _t("该案件刚被 {who} 于 {at} 执行了「{action}」，已显示最新状态，请确认后再操作")
        return text.format(who=exc.changed_by or "?", at=when,
                           action=action_name(exc.action or ""))
    if isinstance(exc, TransitionError):
        return transition_error(exc.code)
    if isinstance(exc, ValidationError) and exc.errors[0].field in ("unit", "master"):
        return transition_error(exc.errors[0].code)
    if isinstance(exc, ValidationError) and exc.errors[0].field in TEXT_FACTS:
        return "；".join(field_error(e) for e in exc.errors)  # a move's reason, result…
    if isinstance(exc, ValidationError):
        return _t("有 {n} 项需要更正，见标红的字段；未保存任何内容").format(n=len(exc.errors))
    messages = {
        "database.unavailable": _t(
            "数据库连接中断：已填写的内容保留在本机，连接恢复后按 Enter 再次保存即可"),
        "conflict": _t("该记录已被他人修改，请刷新后重试"),
        "permission.denied": _t("您的岗位没有此操作的权限"),
        "quick_answer.not_allowed": _t("只有值班长和管理员可以编辑秒回知识库"),
        "import.cancelled": _t("导入已取消，未写入任何内容"),
        "export.cancelled": _t("导出已取消，未留下任何文件"),
        "export.unwritable": _t("无法写入导出文件，未留下任何文件；请换一个位置再试"),
        "database.busy": _t(
            "数据库正忙：所需的记录被其他席位占用过久，本次未保存任何内容，请稍后再试"),
        "boundary.problems": _t("边界数据有问题，未作任何更改：见问题列表"),
    }
    if exc.code in messages:
        return messages[exc.code]
    known = transition_error(exc.code)  # a case's code raised on its own (case.not_found…)
    if known != exc.code:
        return known
    # Never the exception's own text: it may be English, or name an id.
    return _t("操作未完成（{code}）：请稍后再试；仍不行请报告技术支持").format(code=exc.code)


def problem_text(exc: ConsoleError) -> str:
    """One line for a message label: every field problem, or the error in words."""
    if isinstance(exc, ValidationError):
        return "；".join(field_error(e) for e in exc.errors)
    return user_error(exc)
