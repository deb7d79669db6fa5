"""Generated centre staff (deterministic fake names) and the duty posts with one
generated person per team at each."""

from __future__ import annotations

import random

from . import SEED

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


def build_handlers(units: list[dict], staff: list[dict], rng: random.Random) -> list[dict]:
    """One generated handler (承办人) per responsible unit, at the unit's own seat."""
    from pypinyin import Style, lazy_pinyin

    used_names = {p["name"] for p in staff}
    used_logins = {p["login"] for p in staff}
    weights = [w for _s, _p, w in SURNAMES]
    handlers = []
    for unit in units:
        while True:
            sur, sur_py, _w = rng.choices(SURNAMES, weights)[0]
            pool = GIVEN_M if rng.random() < 0.5 else GIVEN_F
            given = "".join(rng.sample(pool, 1 if rng.random() < 0.35 else 2))
            login = f"uh_{sur_py}_" + "".join(lazy_pinyin(given, style=Style.NORMAL))
            if sur + given not in used_names and login not in used_logins:
                break
        used_names.add(sur + given)
        used_logins.add(login)
        handlers.append({"login": login, "name": sur + given, "team": None,
                         "roles": ["unit_handler"], "unit": unit["code"]})
    return handlers
