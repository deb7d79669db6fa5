"""The words an exported file uses for the console's codes. An export is a document
of the centre, written in its language (Chinese) whatever the seat's; the same words
as the screen's (widgets/common/texts.py)."""

from __future__ import annotations

from console.history_import.builtin import PINGSHAN_CHANNELS, PINGSHAN_NATURES

STATUS = {
    "new": "新建", "accepted": "已受理", "dispatched": "已分拨", "in_progress": "办理中",
    "resolved": "已办结", "closed": "已归档", "returned": "已退回", "disputed": "争议中",
    "referred": "区领导协调中", "merged": "已合并", "answered": "当场答复", "invalid": "无效",
}
CHANNEL = {
    "phone_12345": "12345热线", "wechat": "微信", "app": "美丽深圳APP",
    "hotline_12319": "12319热线", "mailbox": "政府信箱", "landline": "固话投诉", "web": "网站",
    "grid_worker": "网格员上报",
}
NATURE = {"complaint": "投诉", "consultation": "咨询", "suggestion": "建议", "request": "求决",
          "thanks": "感谢", "other": "其他"}
ON_TIME = {True: "按期", False: "超期", None: ""}

# The Pingshan export's own names (the builtin profile's mappings, read backwards), so
# a CSV export re-imports by that profile; a channel it has no name for goes by its
# code, which the import knows too.
PINGSHAN_CHANNEL = {code: name for name, code in PINGSHAN_CHANNELS.items()}
PINGSHAN_NATURE = {code: name for name, code in PINGSHAN_NATURES.items() if name}
