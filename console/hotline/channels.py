"""Intake channels and case natures (codes; the widgets hold the words)."""

from db.schema import GRID_REPORT_CHANNEL

CHANNELS = (
    "phone_12345",   # 12345 热线电话
    "wechat",        # 微信公众号 (@坪山)
    "app",           # 美丽深圳 app
    "hotline_12319", # 12319 城建热线
    "mailbox",       # 政府信箱
    "landline",      # 固话投诉
    "web",           # 网站
    GRID_REPORT_CHANNEL,  # grid_worker: 网格员上报 (verified in the field, no callback)
)
# Channels where the caller's number is the way back to them: it is required.
PHONE_CHANNELS = frozenset({"phone_12345", "hotline_12319", "landline"})

NATURES = ("complaint", "consultation", "suggestion", "request", "thanks", "other")
