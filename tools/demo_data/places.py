"""The district's streets and communities (public facts) and its responsible units
(责任单位) as a tree, with the mapping of the source data's unit names onto them."""

from __future__ import annotations

import collections
import html
import re

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


# Fewer archived events than this and a unit's own on-time share says little: the
# demo gives it the district's.
ON_TIME_MIN_EVENTS = 30


def unit_on_time(rows: list[dict], unit_of: dict[str, str | None],
                 units: list[dict]) -> float:
    """Write each unit's share of events archived on time in the source (``on_time``,
    None where it had too few) into ``units``; returns the district's share."""
    on_time, late = collections.Counter(), collections.Counter()
    for r in rows:
        code = unit_of.get(r["DISPOSE_UNIT_ID"])
        if code is None or not r["INTIME_ARCHIVE_NUM"].isdigit():
            continue
        on_time[code] += int(r["INTIME_ARCHIVE_NUM"])
        late[code] += int(r["OVERTIME_ARCHIVE_NUM"])
    for unit in units:
        n = on_time[unit["code"]] + late[unit["code"]]
        unit["on_time"] = (round(on_time[unit["code"]] / n, 3)
                           if n >= ON_TIME_MIN_EVENTS else None)
    total = sum(on_time.values()) + sum(late.values())
    return round(sum(on_time.values()) / total, 4)
