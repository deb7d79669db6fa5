"""The 3-level event classification with its urgency, time limits, owner units and
automatic dispatch; the channel mix and the other aggregate frequencies of cases."""

from __future__ import annotations

import collections
import html
import re

from .places import community_index

# Urgency / time-limit rules.  Each rule: (regex on the level-3 name, regex on
# the level-2 name or None, urgency, limit hours, limit working days).  The
# first matching rule wins; level-2 names are only matched under 安全隐患
# (safety hazards) for the A rules.
RULES = [
    # class A, 2 hours: immediate danger
    (r"燃气管道|塌陷|坍塌|易燃易爆|粉尘涉爆|危险化学|危险性物品|交通事故|管破裂|危险用电",
     None, "A", 2, None),
    # class A, 4 hours: open manholes, fallen trees, outages, blocked fire lanes
    (r"井盖|雨水箅子|倒压占路|道路积水|交通信号|电力设施|高压线|供水设施故障|消防通道|"
     r"消防设施无法|危房安全|危险山塘|电梯|热水器", None, "A", 4, None),
    # class A, 24 hours: other hazards
    (r"隐患|消防安全|地质灾害|暗渠化河道|燃气|^消防设施$", r"隐患|燃气|地质", "A", 24, None),
    # class B, 3 working days: ongoing nuisance, wages
    (r"噪声|噪音|超时施工|油烟|臭味|焚烧|暴露垃圾|积存垃圾|垃圾清理|游商|店外经营|占道|乱停放|"
     r"道路保洁|遗撒|下水道堵塞|管道堵塞|污水|废气|扬尘|露天烧烤|饲养|扰民|欠薪|工资|劳动报酬",
     r"噪声|废气|扬尘|水污染|占道经营|车辆乱停放|道路保洁", "B", None, 3),
    # class B, 5 working days: violations and disputes, even if worded like policy
    (r"违法|违规|违反|非法|纠纷", r"违法|违规|违反|非法|纠纷", "B", None, 5),
    # class C: thanks, policy / planning questions, other consultative matters
    (r"致敬致谢", r"表达情感", "C", None, 5),
    (r"规划|政策|体制|改革|人才战略|资源配置|统筹管理|精神文明|信息产业|新能源|能源开发|"
     r"知识产权|作风建设|党的建设|宣传教育|普法|义工|社团|工商经济联络|生态示范|居民自治|"
     r"职业资格|专业资格|认证认可", None, "C", None, 15),
    (r"^其[他它]$|工作作风|服务态度|服务质量|工作效率|社区建设|福利事业|公共文化|文化艺术|"
     r"体育事业|人力市场|学历学位|教学管理|计划安置|职务管理|招聘录用", None, "C", None, 10),
]
CONSULT_NATURES = ("咨询", "建议", "感谢")


def clean_name(name: str) -> str:
    return html.unescape(name).strip().rstrip("、，, ")


def classify(sub: str, main: str, top: str, consult_share: float, n: int):
    """Return (urgency, limit_hours, limit_working_days) for a level-3 type."""
    for sub_rx, main_rx, urg, hours, days in RULES:
        main_ok = main_rx and (urg != "A" or top == "安全隐患") and re.search(main_rx, main)
        if re.search(sub_rx, sub) or main_ok:
            return urg, hours, days
    if n >= 3 and consult_share >= 0.5:       # mostly 咨询/建议/感谢 in the data
        return "C", None, 10
    return "B", None, 5


def choose_owner(disposers: collections.Counter, units: dict[str, dict]):
    """Return (owner code or None, territorial, auto_dispatch).

    Street-level units (street offices and their sub-units, communities,
    street sub-centres) are pooled: a sub-type they mostly handle is
    *territorial* -- it goes to the street where the case is (its street
    sub-centre), so it gets no owner.  Otherwise the owner is the district-level
    unit that disposed it most often.  Auto-dispatch when the winner (the
    owner, or the streets together) disposed >= 90 % of at least 5 events.
    """
    pooled = collections.Counter()
    for code, n in disposers.items():
        pooled["streets" if units[code]["street"] else code] += n
    if not pooled:
        return None, False, False
    total = sum(pooled.values())
    winner, n = pooled.most_common(1)[0]
    auto = n >= AUTO_MIN_EVENTS and n / total >= AUTO_MIN_SHARE
    if winner == "streets":
        return None, True, auto
    if units[winner]["kind"] == "centre":        # the centre itself never auto-dispatches
        auto = False
    return winner, False, auto


AUTO_MIN_SHARE = 0.9
AUTO_MIN_EVENTS = 5


def build_categories(rows: list[dict], unit_of: dict[str, str | None], units: list[dict]):
    """Return (category list, {level-3 code: event count}, source key -> code)."""
    by_code = {u["code"]: u for u in units}
    tree = collections.OrderedDict()   # (tid, tname) -> {(mid, mname) -> {sname: [rows]}}
    for r in rows:
        t = (int(r["EVENT_TYPE_ID"]), clean_name(r["EVENT_TYPE_NAME"]))
        m = (int(r["MAIN_TYPE_ID"]), clean_name(r["MAIN_TYPE_NAME"]))
        s = clean_name(r["SUB_TYPE_NAME"])
        tree.setdefault(t, {}).setdefault(m, {}).setdefault(s, []).append(r)

    cats, weights = [], {}
    for i, t in enumerate(sorted(tree)):
        c1 = f"C{i + 1:02d}"
        cats.append({"code": c1, "name": t[1], "parent": None, "level": 1})
        for j, m in enumerate(sorted(tree[t])):
            c2 = f"{c1}{j + 1:02d}"
            cats.append({"code": c2, "name": m[1], "parent": c1, "level": 2})
            subs = tree[t][m]
            order = sorted(subs, key=lambda s: min(int(r["SUB_TYPE_ID"]) for r in subs[s]))
            for k, s in enumerate(order):
                c3 = f"{c2}{k + 1:02d}"
                ev = subs[s]
                n = len(ev)
                consult = sum(r["EVENT_PROPERTY_NAME"] in CONSULT_NATURES for r in ev) / n
                urg, hours, days = classify(s, m[1], t[1], consult, n)
                disposers = collections.Counter(
                    unit_of[r["DISPOSE_UNIT_ID"]] for r in ev if unit_of[r["DISPOSE_UNIT_ID"]])
                owner, territorial, auto = choose_owner(disposers, by_code)
                cats.append({"code": c3, "name": s, "parent": c2, "level": 3,
                             "urgency": urg, "limit_hours": hours, "limit_working_days": days,
                             "owner": owner, "territorial": territorial, "auto_dispatch": auto})
                weights[c3] = n
    return cats, weights


# ---------------------------------------------------------------------------
# Channels, nature, hours, communities
# ---------------------------------------------------------------------------

# Citizen-channel vs grid-worker volumes of a year (Pingshan 2017 report).
CITIZEN_PER_YEAR = 18630
GRID_WORKER_PER_YEAR = 34718
# The 2018 export has no web channel: intake offers it, the demo generates none.
WEB_SHARE_OF_CITIZEN = 0.0

CHANNELS = [   # code, name, source EVENT_SRC_NAME
    ("phone_12345", "12345热线电话", "12345"),
    ("wechat", "@坪山微信", "@坪山"),
    ("app", "美丽深圳APP", "美丽深圳"),
    ("hotline_12319", "12319城建热线", "12319"),
    ("mailbox", "政府信箱", "政府信箱"),
    ("landline", "固话投诉", "固话投诉"),
    ("web", "网站", None),
    ("grid_worker", "网格员上报", None),
]
NATURES = ["投诉", "咨询", "建议", "求决", "感谢"]


def build_channels(rows: list[dict]) -> list[dict]:
    src = collections.Counter(r["EVENT_SRC_NAME"] for r in rows)
    citizen_total = sum(src[c[2]] for c in CHANNELS if c[2])
    citizen = CITIZEN_PER_YEAR / (CITIZEN_PER_YEAR + GRID_WORKER_PER_YEAR)
    out = []
    for code, name, source in CHANNELS:
        if source:
            share = citizen * (1 - WEB_SHARE_OF_CITIZEN) * src[source] / citizen_total
        elif code == "web":
            share = citizen * WEB_SHARE_OF_CITIZEN
        else:
            share = 1 - citizen
        origin = (f"2018 export ({src[source]} of {len(rows)} events), scaled to the"
                  " citizen share of the 2017 report" if source
                  else "not in the 2018 export: offered at intake, none generated"
                  if code == "web" else
                  f"2017 report: {GRID_WORKER_PER_YEAR} grid events a year (the 2018"
                  " export has citizen channels only)")
        out.append({"code": code, "name": name, "share": round(share, 4),
                    "aliases": [source] if source else [], "source": origin})
    # make the rounded shares add up to exactly 1
    out[-1]["share"] = round(1 - sum(c["share"] for c in out[:-1]), 4)
    return out


def build_case_mix(rows, weights, district) -> dict:
    nature = collections.Counter(r["EVENT_PROPERTY_NAME"] for r in rows)
    ntot = sum(nature[n] for n in NATURES)
    hours = collections.Counter(int(r["CREATE_TIME"][11:13]) for r in rows)
    comm = community_index(district)
    cw = collections.Counter(comm[r["COMMUNITY_NAME"]][1] for r in rows
                             if r["COMMUNITY_NAME"] in comm)
    all_comms = [c["code"] for s in district["streets"] for c in s["communities"]]
    return {
        "category_weights": weights,
        "nature": {n: round(nature[n] / ntot, 4) for n in NATURES},
        "hour_of_day": [hours[h] for h in range(24)],
        "community_weights": {c: cw[c] for c in all_comms},
    }
