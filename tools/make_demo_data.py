#!/usr/bin/env python3
"""Generate the demo data shipped in ``resources/demo/``.

The product reads only ``resources/demo/`` at run time.  This script reads the
real, read-only reference data in ``../shared/data`` (beside the checkout) at
generation time and writes our own demo data from it:

``district.json``
    The 6 streets and 23 communities of Pingshan (public facts).
``units.json``
    About 150 responsible units (责任单位) as a tree: district departments,
    city-level branches in the district, utilities and operators, the district
    command centre with its 6 street sub-centres, the 6 street offices with a
    uniform set of street sub-units, and the 23 community workstations.
    Unit names are public facts; the list is modelled on the disposing units
    of the 2018 events but normalised (one name per unit).
``categories.json``
    The 3-level event classification (18 / 134 / 372) as a flat list, parents
    before children.  Level-3 rows carry urgency, time limit, owner unit,
    ``territorial`` and ``auto_dispatch``.  Owner and auto-dispatch come from
    who disposed each sub-type in the 2018 events (see ``choose_owner``: a
    territorial sub-type has no owner and goes to the street sub-centre of the
    case's street); urgency and limits come from the ``RULES`` table.
``grid_cells.geojson`` / ``district_outline.geojson``
    A generated hexagonal grid of about 670 cells (网格) clipped to the
    simplified district outline, grouped into contiguous communities and
    streets.  The grid is synthetic: there are no public grid boundaries.
``staff.json``
    Generated centre staff (deterministic fake names).
``duty.json``
    Duty posts (centre seats, street sub-centre duty rooms, community duty
    rooms, grid squads), the centre post of each role, and one generated
    person per team at every other post (fake names and numbers).
``channels.json`` / ``case_mix.json``
    Aggregate frequencies (channel mix, category weights, nature, hour of day,
    community weights) for generating realistic demo cases.

No row of the source data is copied: only names that are public facts and
aggregate counts are written.

Usage::

    python tools/make_demo_data.py [--data ../shared/data] [--out resources/demo]

Needs shapely (>= 2.0), numpy and pypinyin.  Deterministic (fixed seed);
runs in a few seconds.  Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import collections
import csv
import html
import json
import math
import os
import random
import re
import sys
from pathlib import Path

SEED = 440310
REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "resources" / "demo"

EVENTS_CSV = Path("pingshan-events") / "pingshan_events_2018.csv"
OUTLINE_JSON = Path("shenzhen-geo") / "440310_pingshan_from_440300_full.json"

# ---------------------------------------------------------------------------
# District: streets and communities (public facts)
# ---------------------------------------------------------------------------

DISTRICT_CODE = "440310"
DISTRICT_NAME = "坪山区"

# (short name, community short names, rough area km2, anchor lon/lat for the
# synthetic grid).  Order gives the codes S01..S06 and C01..C04.
STREETS = [
    ("坑梓", ["坑梓", "沙田", "秀新", "金沙"], 32.0, (114.400, 22.745)),
    ("坪山", ["六和", "六联", "和平", "坪山"], 20.0, (114.345, 22.692)),
    ("石井", ["田头", "田心", "石井", "金龟"], 34.0, (114.410, 22.665)),
    ("碧岭", ["汤坑", "沙湖", "碧岭"], 20.0, (114.290, 22.668)),
    ("马峦", ["坪环", "江岭", "沙坣", "马峦"], 40.0, (114.330, 22.635)),
    ("龙田", ["南布", "竹坑", "老坑", "龙田"], 20.0, (114.345, 22.742)),
]


def street_code(i: int) -> str:
    return f"S{i + 1:02d}"


def build_district() -> dict:
    streets = []
    for i, (name, comms, _area, _anchor) in enumerate(STREETS):
        sc = street_code(i)
        streets.append({
            "code": sc,
            "name": name + "街道",
            "communities": [{"code": f"{sc}C{j + 1:02d}", "name": c + "社区"}
                            for j, c in enumerate(comms)],
        })
    return {"code": DISTRICT_CODE, "name": DISTRICT_NAME, "streets": streets}


def community_index(district: dict) -> dict[str, tuple[str, str]]:
    """Map community name (e.g. '坑梓社区') -> (street code, community code)."""
    return {c["name"]: (s["code"], c["code"])
            for s in district["streets"] for c in s["communities"]}


# ---------------------------------------------------------------------------
# Units (责任单位)
# ---------------------------------------------------------------------------

# District-level bodies: (name, kind, parent name or None, source-name aliases)
DISTRICT_UNITS = [
    ("坪山区城市管理和综合执法局", "department", None, ["城市管理局"]),
    ("坪山区环境保护和水务局", "department", None, ["环境保护和水务局"]),
    ("坪山区交通运输局", "department", None, ["坪山交通运输局"]),
    ("坪山区住房和建设局", "department", None, ["住房和建设局"]),
    ("坪山区教育局", "department", None, ["教育局"]),
    ("坪山区卫生和计划生育局", "department", None, ["卫生和计划生育局"]),
    ("坪山区人力资源局", "department", None, ["人力资源局"]),
    ("坪山区民政局", "department", None, ["民政局"]),
    ("坪山区经济和科技促进局", "department", None, ["经济和科技促进局"]),
    ("坪山区发展和改革局（统计局）", "department", None, ["发展和改革局（统计局）"]),
    ("坪山区财政局（国资办）", "department", None, ["财政局（国资办）"]),
    ("坪山区城市更新局", "department", None, ["城市更新局"]),
    ("坪山区土地整备局", "department", None, ["土地整备局"]),
    ("坪山区建筑工务局", "department", None, ["建筑工务局"]),
    ("坪山区交通轨道办", "department", None, ["交通轨道办"]),
    ("坪山区安全生产监督管理局", "department", None, ["安全生产监督管理局"]),
    ("坪山区机关事务管理局", "department", None, ["机关事务管理局"]),
    ("坪山区科技创新服务署", "department", None, ["科技创新服务署"]),
    ("坪山区政府投资项目前期工作管理办公室", "department", None,
     ["政府投资项目前期工作管理办公室"]),
    ("坪山区城中村综合整治办", "department", None, ["坪山区城中村综合整治办"]),
    ("坪山区委政法委", "department", None, ["区委政法委"]),
    ("坪山区委组织部", "department", None, ["区委组织部"]),
    ("坪山区委宣传部（文体旅游局）", "department", None, ["区委宣传部（文体旅游局）"]),
    ("坪山区委（区政府）办公室", "department", None, ["区委（区政府）办公室"]),
    ("坪山区群团工作部", "department", None, ["群团工作部"]),
    ("坪山区规划土地监察大队", "department", None, ["规划土地监察大队"]),
    ("坪山区环境水政监察大队", "department", "坪山区环境保护和水务局", ["环境水政监察大队"]),
    # city-level bodies working in the district
    ("深圳市公安局坪山分局", "department", None, ["坪山公安分局"]),
    ("深圳市公安局交通警察支队坪山大队", "department", None, ["市交警支队坪山大队"]),
    ("深圳市市场和质量监管委坪山局", "department", None, ["市市场和质量监管委坪山局"]),
    ("深圳市规划国土委坪山管理局", "department", None,
     ["市规划国土委坪山管理局", "市规土委坪山管理局"]),
    ("深圳市社会保险基金管理局坪山分局", "department", None, ["社保坪山分局"]),
    # utilities and operators
    ("深圳市大工业区水务有限公司", "enterprise", None, ["大工业区水务有限公司"]),
    ("坪山自来水有限公司", "enterprise", None, ["坪山自来水有限公司"]),
    ("坑梓自来水公司", "enterprise", None, ["坑梓自来水公司"]),
    ("深圳供电局坪山供电局", "enterprise", None, ["坪山供电局"]),
    ("广东移动深圳公司", "enterprise", None, ["广东移动深圳公司"]),
    ("坪山街道电信营业中心", "enterprise", None, ["坪山街道电信营业中心"]),
    ("坪山联通营业中心", "enterprise", None, ["坪山联通营业中心"]),
    ("天隆广播电视网络有限公司", "enterprise", None, ["天隆广播电视网络有限公司"]),
    ("坪山区城市建设投资有限公司", "enterprise", None, ["城投公司"]),
    # the command centre
    ("坪山区指挥中心", "centre", None, ["区指挥中心", "区指挥中心处置"]),
]

# The uniform set of sub-units each street office gets in the demo, with the
# source spellings that map onto them.
STREET_SUBUNITS = [
    ("综合执法队", ["综合执法队"]),
    ("城市管理办公室", ["城管办", "城市管理办公室"]),
    ("市政服务中心", ["市政服务中心"]),
    ("城建办公室", ["城建办", "城建办公室"]),
    ("劳动管理办公室", ["劳动办", "劳动管理办公室"]),
    ("土地整备中心", ["土地整备中心"]),
    ("消防安全委员会办公室", ["消安委办", "消防安全委员会办公室", "消防安全管理委员会办公室"]),
    ("综治维稳办公室", ["综治维稳办", "综治维稳办公室"]),
    ("公共服务办公室", ["公共服务办", "公共服务办公室"]),
    ("安全生产监督管理办公室", ["安监办", "安全生产监督管理办公室"]),
    ("机关事务服务中心", ["机关事务中心", "机关事务服务中心"]),
]
# Street-internal offices too small for their own demo unit: mapped to the
# street office itself.
STREET_OFFICE_ALIASES = ["办公室", "纪工委", "纪律检查工作委员会", "组织部", "武装部",
                         "宣传统战办公室", "街区发展办公室"]
SUBCENTRE_ALIASES = ["值班应急与智慧管理指挥分中心", "分中心处置"]
# Source units that are not real units (test accounts, empty values).
IGNORED_SOURCE_UNITS = {"-", "区测试责任单位一", "区责任单位"}


def build_units(district: dict) -> list[dict]:
    units: list[dict] = []

    def add(name, kind, parent=None, street=None, community=None):
        code = f"U{len(units) + 1:03d}"
        units.append({"code": code, "name": name, "kind": kind, "parent": parent,
                      "street": street, "community": community})
        return code

    by_name: dict[str, str] = {}
    for name, kind, parent, _aliases in DISTRICT_UNITS:
        by_name[name] = add(name, kind, by_name[parent] if parent else None)
    centre = by_name["坪山区指挥中心"]
    for s in district["streets"]:
        add(s["name"] + "指挥分中心", "centre", centre, s["code"])
    for s in district["streets"]:
        office = add(s["name"] + "办事处", "street", None, s["code"])
        for sub, _aliases in STREET_SUBUNITS:
            add(s["name"] + sub, "department", office, s["code"])
        for c in s["communities"]:
            add(c["name"] + "工作站", "community", office, s["code"], c["code"])
    return units


class UnitMapper:
    """Map a disposing-unit name of the source data to one of our unit codes."""

    SUFFIX = re.compile(r"（([^（）]*)）$")
    PREFIX = re.compile(r"^(坑梓|坪山|石井|碧岭|马峦|龙田)(街道|办事处)(.+)$")

    def __init__(self, units: list[dict], district: dict):
        self.by_name = {u["name"]: u["code"] for u in units}
        self.alias: dict[str, str] = {}
        for name, _kind, _parent, aliases in DISTRICT_UNITS:
            for a in aliases:
                self.alias[a] = self.by_name[name]
        self.streets = {s["name"][:2]: s for s in district["streets"]}
        self.communities = community_index(district)
        self.role = {}
        for sub, aliases in STREET_SUBUNITS:
            for a in aliases:
                self.role[a] = sub

    def street_hint(self, text: str) -> str | None:
        for short in self.streets:
            if text.startswith(short):
                return short
        return None

    def map(self, name: str, street_of_unit: str | None) -> str | None:
        """Return our unit code for a source name, None for ignored ones.

        ``street_of_unit`` (short street name) resolves street-office
        sub-units that the source names without their street.
        """
        name = html.unescape(name).strip()
        if name in IGNORED_SOURCE_UNITS:
            return None
        hint = None
        m = self.SUFFIX.search(name)
        base = name
        if m and name not in self.alias:
            hint = self.street_hint(m.group(1))
            base = name[:m.start()]
        if base in self.alias:
            return self.alias[base]
        m = self.PREFIX.match(base)
        if m:
            hint, base = m.group(1), m.group(3)
        if base.endswith("工作站"):
            base = base[:-3]
        if base in self.communities:
            return self.by_name[base + "工作站"]
        street = hint or street_of_unit
        if street is None:
            raise ValueError(f"cannot place unit {name!r} in a street")
        sname = self.streets[street]["name"]
        if base in self.role:
            return self.by_name[sname + self.role[base]]
        if base in STREET_OFFICE_ALIASES:
            return self.by_name[sname + "办事处"]
        if any(base.endswith(a) for a in SUBCENTRE_ALIASES):
            return self.by_name[sname + "指挥分中心"]
        raise ValueError(f"unmapped disposing unit {name!r}")


def map_source_units(rows: list[dict], mapper: UnitMapper) -> dict[str, str | None]:
    """Source DISPOSE_UNIT_ID -> our unit code (None: ignored)."""
    names = collections.defaultdict(set)
    streets = collections.defaultdict(collections.Counter)
    for r in rows:
        names[r["DISPOSE_UNIT_ID"]].add(r["DISPOSE_UNIT_NAME"])
        streets[r["DISPOSE_UNIT_ID"]][r["STREET_NAME"][:2]] += 1
    result = {}
    for uid, ns in names.items():
        # the street an un-suffixed street sub-unit belongs to: from a sibling
        # spelling with a suffix, else where all its events happened
        hint = None
        for n in ns:
            m = UnitMapper.SUFFIX.search(n)
            if m and mapper.street_hint(m.group(1)):
                hint = mapper.street_hint(m.group(1))
        if hint is None and len(streets[uid]) == 1:
            only = next(iter(streets[uid]))
            hint = only if only in mapper.streets else None
        codes = {mapper.map(n, hint) for n in ns}
        if len(codes) != 1:
            raise ValueError(f"unit id {uid} maps to several units: {codes}")
        result[uid] = codes.pop()
    return result


# ---------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------

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
WEB_SHARE_OF_CITIZEN = 0.02   # no web channel in the 2018 export; a small guess

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
        out.append({"code": code, "name": name, "share": round(share, 4),
                    "aliases": [source] if source else []})
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


# ---------------------------------------------------------------------------
# Staff
# ---------------------------------------------------------------------------

# (surname, pinyin, weight) -- weights loosely follow Guangdong frequencies
SURNAMES = [
    ("陈", "chen", 12), ("李", "li", 9), ("黄", "huang", 8), ("张", "zhang", 7),
    ("梁", "liang", 5), ("林", "lin", 5), ("刘", "liu", 5), ("吴", "wu", 4),
    ("罗", "luo", 4), ("何", "he", 4), ("郑", "zheng", 3), ("杨", "yang", 3),
    ("钟", "zhong", 3), ("谢", "xie", 3), ("王", "wang", 3), ("叶", "ye", 2),
    ("曾", "zeng", 2), ("邓", "deng", 2), ("周", "zhou", 2), ("赖", "lai", 2),
    ("徐", "xu", 2), ("朱", "zhu", 2), ("许", "xu", 2), ("冯", "feng", 2),
    ("蔡", "cai", 2), ("彭", "peng", 2), ("潘", "pan", 1), ("肖", "xiao", 1),
    ("卢", "lu", 1), ("邱", "qiu", 1), ("温", "wen", 1), ("欧阳", "ouyang", 1),
    ("孙", "sun", 1), ("马", "ma", 1), ("胡", "hu", 1), ("郭", "guo", 1),
]
GIVEN_M = "伟强磊军勇杰涛斌浩鹏俊峰建国明辉志华文宇晨泽凯健锋毅"
GIVEN_F = "芳娜敏静丽艳娟霞燕婷玲雪琳颖慧欣怡佳晓倩洁莹嘉雯秀梅"
TEAMS = ["一班", "二班", "三班", "四班"]
TEAM_SHAPE = [("sl", ["shift_leader"], 1), ("op", ["operator"], 10), ("dp", ["dispatcher"], 3)]


def build_staff(rng: random.Random) -> list[dict]:
    from pypinyin import Style, lazy_pinyin

    used_names, used_logins, staff = set(), set(), []
    weights = [w for _s, _p, w in SURNAMES]

    def person(prefix, roles, team):
        while True:
            sur, sur_py, _w = rng.choices(SURNAMES, weights)[0]
            pool = GIVEN_M if rng.random() < 0.5 else GIVEN_F
            given = "".join(rng.sample(pool, 1 if rng.random() < 0.35 else 2))
            name = sur + given
            login = f"{prefix}_{sur_py}_" + "".join(lazy_pinyin(given, style=Style.NORMAL))
            if name not in used_names and login not in used_logins:
                break
        used_names.add(name)
        used_logins.add(login)
        staff.append({"login": login, "name": name, "team": team, "roles": roles})

    for team in TEAMS:
        for prefix, roles, count in TEAM_SHAPE:
            for _ in range(count):
                person(prefix, roles, team)
    for _ in range(3):
        person("sv", ["supervisor"], None)
    person("admin", ["admin"], None)
    return staff


CENTRE_POSTS = [("C-LEAD", "指挥中心值班长席", "shift_leader"),
                ("C-SEAT", "指挥中心12345话务席", "operator"),
                ("C-DISP", "指挥中心分拨席", "dispatcher")]


def build_duty(district: dict, units: list[dict], staff: list[dict]) -> dict:
    """Posts that stand duty around the clock, and who stands it (per team)."""
    rng = random.Random(f"{SEED}-duty")
    by_street = {u["street"]: u["code"] for u in units if u["kind"] == "centre" and u["street"]}
    by_community = {u["community"]: u["code"] for u in units if u["kind"] == "community"}
    centre = next(u["code"] for u in units if u["kind"] == "centre" and not u["parent"])
    posts = [{"code": c, "name": n, "kind": "centre_seat", "unit": centre}
             for c, n, _role in CENTRE_POSTS]
    for street in district["streets"]:
        posts.append({"code": f"P-{street['code']}", "name": f"{street['name']}分中心值班室",
                      "kind": "street", "unit": by_street[street["code"]]})
    for street in district["streets"]:
        for community in street["communities"]:
            posts.append({"code": f"P-{community['code']}", "name": f"{community['name']}值班室",
                          "kind": "community", "unit": by_community[community["code"]]})
    for street in district["streets"]:
        posts.append({"code": f"G-{street['code']}",
                      "name": f"{street['name'].removesuffix('街道')}网格巡查队",
                      "kind": "grid_squad", "unit": by_street[street["code"]]})
    used = {p["name"] for p in staff}
    weights = [w for _s, _p, w in SURNAMES]
    people = []
    for post in posts[len(CENTRE_POSTS):]:
        for team in TEAMS:
            while True:
                sur = rng.choices(SURNAMES, weights)[0][0]
                pool = GIVEN_M if rng.random() < 0.5 else GIVEN_F
                name = sur + "".join(rng.sample(pool, 1 if rng.random() < 0.35 else 2))
                if name not in used:
                    break
            used.add(name)
            # 170 0000 xxxx: a virtual-operator block, not a real subscriber number
            people.append({"name": name, "team": team, "post": post["code"],
                           "phone": f"1700000{rng.randrange(10_000):04d}"})
    return {"posts": posts, "centre_posts": {role: c for c, _n, role in CENTRE_POSTS},
            "people": people}


# ---------------------------------------------------------------------------
# Geometry: outline and grid
# ---------------------------------------------------------------------------

OUTLINE_TOLERANCE = 0.0005      # degrees (about 50 m)
PRECISION = 1e-6                # 6 decimals
TARGET_CELLS = (660, 680)
SLIVER = 0.20                   # pieces below 20 % of a full cell are merged/dropped
KM_PER_DEG_LAT = 110.574


class LocalProjection:
    """Equirectangular km projection around the district (affine, so straight
    edges stay straight and area ratios are exact)."""

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = 111.320 * math.cos(math.radians(lat0))
        self.ky = KM_PER_DEG_LAT

    def to_deg(self, x, y):
        return self.lon0 + x / self.kx, self.lat0 + y / self.ky

    def to_km(self, lon, lat):
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky


def load_outline(path: Path):
    import shapely
    from shapely.geometry import shape

    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    geom = shape(fc["features"][0]["geometry"])
    simple = geom.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
    simple = shapely.set_precision(simple, PRECISION)
    if simple.geom_type == "MultiPolygon":
        simple = max(simple.geoms, key=lambda g: g.area)
    return geom, simple


def hex_lattice(outline, proj: LocalProjection, side_km: float):
    """Pointy-top hexagons (in km, converted to degrees) covering the outline."""
    from shapely.geometry import Polygon

    minx, miny, maxx, maxy = outline.bounds
    x0, y0 = proj.to_km(minx, miny)
    x1, y1 = proj.to_km(maxx, maxy)
    w, h = math.sqrt(3) * side_km, 1.5 * side_km
    cells = []
    row = 0
    y = y0 - side_km
    while y < y1 + side_km:
        x = x0 - w + (w / 2 if row % 2 else 0)
        while x < x1 + w:
            pts = [proj.to_deg(x + side_km * math.cos(math.radians(30 + 60 * k)),
                               y + side_km * math.sin(math.radians(30 + 60 * k)))
                   for k in range(6)]
            cells.append(Polygon(pts))
            x += w
        y += h
        row += 1
    return cells


def shared_length(a, b) -> float:
    inter = a.boundary.intersection(b.boundary)
    return inter.length if not inter.is_empty else 0.0


def clip_grid(outline, proj, side_km):
    """Clip the lattice to the outline; merge or drop slivers.  Returns polygons."""
    import shapely
    from shapely.strtree import STRtree

    full = None
    pieces = []
    for cell in hex_lattice(outline, proj, side_km):
        if full is None:
            full = cell.area
        if not cell.intersects(outline):
            continue
        clipped = shapely.intersection(cell, outline, grid_size=PRECISION)
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type == "Polygon" and part.area > 0:
                pieces.append(part)
    big = [p for p in pieces if p.area >= SLIVER * full]
    small = [p for p in pieces if p.area < SLIVER * full]
    tree = STRtree(big)
    for s in small:
        best, best_len = None, 0.0
        for idx in tree.query(s):
            ln = shared_length(s, big[idx])
            if ln > best_len:
                best, best_len = idx, ln
        if best is not None and best_len > 1e-6:
            merged = shapely.union(big[best], s, grid_size=PRECISION)
            if merged.geom_type == "Polygon":
                big[best] = merged
    return big


def make_grid(outline, proj):
    """Tune the hexagon size until the cell count is in TARGET_CELLS."""
    area_km2 = outline.area * proj.kx * proj.ky
    target = sum(TARGET_CELLS) / 2
    side = math.sqrt(area_km2 / target / (1.5 * math.sqrt(3)))
    lo, hi = side * 0.8, side * 1.25
    for _ in range(40):
        cells = clip_grid(outline, proj, side)
        n = len(cells)
        if TARGET_CELLS[0] <= n <= TARGET_CELLS[1]:
            return cells, side
        if n > target:
            lo = side
        else:
            hi = side
        side = (lo + hi) / 2
    raise RuntimeError("could not tune the grid size")


def adjacency(cells) -> list[set[int]]:
    from shapely.strtree import STRtree

    tree = STRtree(cells)
    nb = [set() for _ in cells]
    for i, c in enumerate(cells):
        for j in tree.query(c):
            j = int(j)
            if j > i and shared_length(c, cells[j]) > 1e-6:
                nb[i].add(j)
                nb[j].add(i)
    return nb


def balanced_regions(points, members, seeds, targets, nb, iterations=200):
    """Split ``members`` (indices into points) into len(seeds) contiguous groups
    of roughly ``targets`` sizes: a capacity-balanced k-means (additive weights,
    i.e. a power diagram) followed by a contiguity repair on the cell graph."""
    import numpy as np

    pts = points[members]
    seeds = np.array(seeds, dtype=float)
    targets = np.array(targets, dtype=float)
    targets = targets / targets.sum() * len(members)
    w = np.zeros(len(seeds))
    scale = np.mean(np.linalg.norm(pts - pts.mean(0), axis=1)) ** 2
    for it in range(iterations):
        d = ((pts[:, None, :] - seeds[None, :, :]) ** 2).sum(-1) - w[None, :]
        lab = d.argmin(1)
        sizes = np.bincount(lab, minlength=len(seeds))
        w += 0.5 * scale * (targets - sizes) / len(members)
        if it % 5 == 4:   # gentle Lloyd step keeps the regions compact
            for k in range(len(seeds)):
                if sizes[k]:
                    seeds[k] = 0.7 * seeds[k] + 0.3 * pts[lab == k].mean(0)
    label = {m: int(g) for m, g in zip(members, lab, strict=True)}
    _repair_contiguity(label, nb)
    return label


def _repair_contiguity(label: dict[int, int], nb):
    """Give every non-largest connected piece of a group to its neighbour group."""
    changed = True
    while changed:
        changed = False
        groups = collections.defaultdict(set)
        for m, g in label.items():
            groups[g].add(m)
        for grp, cells in groups.items():
            comps, seen = [], set()
            for start in cells:
                if start in seen:
                    continue
                comp, stack = set(), [start]
                seen.add(start)
                while stack:
                    c = stack.pop()
                    comp.add(c)
                    for n in nb[c]:
                        if n in cells and n not in seen:
                            seen.add(n)
                            stack.append(n)
                comps.append(comp)
            comps.sort(key=len, reverse=True)
            for comp in comps[1:]:
                around = collections.Counter(label[n] for c in comp for n in nb[c]
                                             if n in label and label[n] != grp)
                if around:
                    new = around.most_common(1)[0][0]
                    for c in comp:
                        label[c] = new
                    changed = True
            if changed:
                break


def assign_cells(cells, district, proj, rng):
    """Label each cell with (street index, community index).

    First the cells are split into the 6 streets (seeded at rough real
    positions, sized by rough real areas), then each street into its
    communities (farthest-point seeds, sizes varied +-25 %).  Both levels are
    contiguous on the cell graph (checked again in ``check``)."""
    import numpy as np

    nb = adjacency(cells)
    pts = np.array([proj.to_km(*c.representative_point().coords[0]) for c in cells])
    members = list(range(len(cells)))
    seeds = [proj.to_km(*anchor) for _n, _c, _a, anchor in STREETS]
    street_of = balanced_regions(pts, members, seeds, [a for _n, _c, a, _s in STREETS], nb)
    result = {}
    for si, (_name, comms, _a, _anchor) in enumerate(STREETS):
        mem = [m for m in members if street_of[m] == si]
        sub = pts[mem]
        chosen = [rng.randrange(len(mem))]
        while len(chosen) < len(comms):   # farthest-point seeding
            d = np.min([((sub - sub[c]) ** 2).sum(1) for c in chosen], axis=0)
            chosen.append(int(d.argmax()))
        sizes = [rng.uniform(0.75, 1.25) for _ in comms]
        comm_of = balanced_regions(pts, mem, [sub[c] for c in chosen], sizes, nb)
        for m in mem:
            result[m] = (si, comm_of[m])
    return result


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def dump_json(obj, path: Path):
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def dump_geojson(fc: dict, path: Path):
    """indent=1 like the other files, but each coordinate array on one line."""
    coords = []
    feats = []
    for f in fc["features"]:
        g = dict(f["geometry"])
        coords.append(json.dumps(g["coordinates"], separators=(",", ":")))
        g["coordinates"] = f"@@COORDS{len(coords) - 1}@@"
        feats.append({**f, "geometry": g})
    text = json.dumps({**fc, "features": feats}, indent=1, ensure_ascii=False)
    text = re.sub(r'"@@COORDS(\d+)@@"', lambda m: coords[int(m.group(1))], text)
    path.write_text(text + "\n", encoding="utf-8")


def rounded_coords(poly):
    """GeoJSON (RFC 7946: exterior counter-clockwise) rings rounded to 6 decimals."""
    from shapely.geometry.polygon import orient

    poly = orient(poly, 1.0)
    def ring(r):
        return [[round(x, 6), round(y, 6)] for x, y in r.coords]

    return [ring(poly.exterior)] + [ring(i) for i in poly.interiors]


def build_grid_features(cells, labels, district, proj):
    feats = []
    for si, s in enumerate(district["streets"]):
        for ci, c in enumerate(s["communities"]):
            mine = [i for i, (a, b) in labels.items() if a == si and b == ci]
            # number north to south, west to east (rows about one cell high)
            def key(i):
                x, y = proj.to_km(*cells[i].centroid.coords[0])
                return (-round(y / 0.45), x)
            for n, i in enumerate(sorted(mine, key=key), start=1):
                feats.append({
                    "type": "Feature",
                    "properties": {"code": f"{c['code']}G{n:03d}",
                                   "name": f"{c['name']}第{n}网格",
                                   "street": s["code"], "community": c["code"]},
                    "geometry": {"type": "Polygon", "coordinates": rounded_coords(cells[i])},
                })
    return {"type": "FeatureCollection", "features": feats}


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def check(out: dict, outline_full):
    import shapely
    from shapely.geometry import shape

    district, units, cats = out["district.json"], out["units.json"], out["categories.json"]
    grid, outline_fc = out["grid_cells.geojson"], out["district_outline.geojson"]
    problems = []
    ucodes = [u["code"] for u in units]
    if len(set(ucodes)) != len(ucodes):
        problems.append("duplicate unit codes")
    for u in units:
        if u["parent"] and u["parent"] not in ucodes:
            problems.append(f"unit {u['code']} has unknown parent")
    ccodes = [c["code"] for c in cats]
    if len(set(ccodes)) != len(ccodes):
        problems.append("duplicate category codes")
    seen = set()
    for c in cats:
        if c["parent"] and c["parent"] not in seen:
            problems.append(f"category {c['code']} before its parent")
        seen.add(c["code"])
        if c["level"] == 3:
            if (c["limit_hours"] is None) == (c["limit_working_days"] is None):
                problems.append(f"category {c['code']} needs exactly one limit")
            if c["owner"] is not None and c["owner"] not in ucodes:
                problems.append(f"category {c['code']} owner unknown")
            if c["auto_dispatch"] and c["owner"] is None and not c["territorial"]:
                problems.append(f"category {c['code']} auto-dispatches to nobody")
    levels = collections.Counter(c["level"] for c in cats)
    outline = shape(outline_fc["features"][0]["geometry"])
    gcodes = [f["properties"]["code"] for f in grid["features"]]
    if len(set(gcodes)) != len(gcodes):
        problems.append("duplicate grid codes")
    polys = [shape(f["geometry"]) for f in grid["features"]]
    for f, p in zip(grid["features"], polys, strict=True):
        if not p.is_valid or not p.within(outline):
            problems.append(f"cell {f['properties']['code']} invalid or outside the outline")
    comms = {c["code"] for s in district["streets"] for c in s["communities"]}
    with_cells = {f["properties"]["community"] for f in grid["features"]}
    if comms - with_cells:
        problems.append(f"communities without cells: {sorted(comms - with_cells)}")
    union = shapely.union_all(polys)
    overlap = sum(p.area for p in polys) - union.area
    # each community and street contiguous
    for key in ("community", "street"):
        groups = collections.defaultdict(list)
        for f, p in zip(grid["features"], polys, strict=True):
            groups[f["properties"][key]].append(p)
        for g, ps in groups.items():
            u = shapely.union_all([q.buffer(1e-7) for q in ps])
            if u.geom_type != "Polygon":
                problems.append(f"{key} {g} is not contiguous")
    stats = {
        "units": len(units),
        "units_by_kind": dict(collections.Counter(u["kind"] for u in units)),
        "categories_by_level": dict(sorted(levels.items())),
        "cells": len(polys),
        "grid_coverage_of_outline": round(union.area / outline.area, 4),
        "outline_area_vs_source": round(outline.area / outline_full.area, 4),
        "outline_max_deviation_deg": round(outline.hausdorff_distance(outline_full), 6),
        "cell_overlap_area_ratio": round(overlap / union.area, 6),
    }
    return problems, stats


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def read_events(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("HOTLINE_SHARED_DATA", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    events_path, outline_path = args.data / EVENTS_CSV, args.data / OUTLINE_JSON
    missing = [p for p in (events_path, outline_path) if not p.is_file()]
    if missing:
        print("make_demo_data: skipped, reference data not found: "
              + ", ".join(str(p) for p in missing)
              + "\n(the demo data in resources/demo/ is left unchanged)")
        return 0

    import shapely

    rng = random.Random(SEED)
    rows = read_events(events_path)
    district = build_district()
    units = build_units(district)
    unit_of = map_source_units(rows, UnitMapper(units, district))
    cats, weights = build_categories(rows, unit_of, units)

    outline_full, outline = load_outline(outline_path)
    c = outline.centroid
    proj = LocalProjection(c.x, c.y)
    cells, side = make_grid(outline, proj)
    labels = assign_cells(cells, district, proj, rng)
    # Ship the exact union of the cells as the outline: it is the simplified
    # outline up to the 1e-6 deg snapping, and every cell lies strictly inside it.
    shipped = shapely.union_all(cells, grid_size=PRECISION)
    if shipped.geom_type == "Polygon" and not shipped.interiors:
        outline = shipped

    out = {
        "district.json": district,
        "units.json": units,
        "categories.json": cats,
        "grid_cells.geojson": build_grid_features(cells, labels, district, proj),
        "district_outline.geojson": {"type": "FeatureCollection", "features": [{
            "type": "Feature",
            "properties": {"code": DISTRICT_CODE, "name": DISTRICT_NAME},
            "geometry": {"type": "Polygon", "coordinates": rounded_coords(outline)},
        }]},
        "staff.json": (staff := build_staff(rng)),
        "duty.json": build_duty(district, units, staff),
        "channels.json": build_channels(rows),
        "case_mix.json": build_case_mix(rows, weights, district),
    }
    problems, stats = check(out, outline_full)
    stats["hex_side_m"] = round(side * 1000)
    l3 = [c for c in cats if c["level"] == 3]
    stats["urgency"] = dict(collections.Counter(c["urgency"] for c in l3))
    stats["auto_dispatch"] = sum(c["auto_dispatch"] for c in l3)
    stats["territorial"] = sum(c["territorial"] for c in l3)
    stats["auto_dispatch_territorial"] = sum(c["auto_dispatch"] and c["territorial"] for c in l3)
    stats["owner_null_not_territorial"] = sum(
        c["owner"] is None and not c["territorial"] for c in l3)
    stats["staff"] = len(out["staff.json"])
    if problems:
        print("make_demo_data: checks failed:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    for name, obj in out.items():
        (dump_geojson if name.endswith(".geojson") else dump_json)(obj, args.out / name)
    for k, v in stats.items():
        print(f"{k}: {v}")
    total = 0
    for name in out:
        size = (args.out / name).stat().st_size
        total += size
        print(f"  {name:26s} {size:9,d} bytes")
    print(f"  {'total':26s} {total:9,d} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
