"""The words of the filed reports. Like the roster's export (console/duty/roster_export.py)
a report is the centre's document and is always in Chinese."""

CHANNELS = {"phone_12345": "12345热线", "wechat": "微信", "app": "美丽深圳APP",
            "hotline_12319": "12319热线", "mailbox": "政府信箱", "landline": "固话投诉",
            "web": "网站", "grid_worker": "网格员上报"}
NATURES = {"complaint": "投诉", "consultation": "咨询", "suggestion": "建议",
           "request": "求决", "thanks": "感谢", "other": "其他"}
STATUSES = {"new": "新建", "accepted": "已受理", "dispatched": "已分拨",
            "in_progress": "办理中", "resolved": "已办结", "closed": "已归档",
            "returned": "已退回", "disputed": "争议中", "referred": "区领导协调中",
            "merged": "已合并", "answered": "当场答复", "invalid": "无效"}
ROLL_CALL_CHANNELS = {"phone": "电话查岗", "video": "视频点名", "radio": "对讲机点名"}
ROLL_CALL_RESULTS = {"answered": "应答", "late": "迟到", "absent": "缺岗",
                     "no_answer": "未应答"}
SATISFACTION = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
# The same colour for a channel wherever it is drawn.
CHANNEL_COLOURS = {"phone_12345": "#1f77b4", "wechat": "#2ca02c", "app": "#ff7f0e",
                   "hotline_12319": "#9467bd", "mailbox": "#8c564b", "landline": "#e377c2",
                   "web": "#17becf", "grid_worker": "#7f7f7f"}


def word(table: dict[str, str], code: object) -> str:
    return table.get(str(code), str(code)) if code is not None else "（未填）"
