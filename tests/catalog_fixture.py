"""An in-memory catalog for domain tests (no database)."""

from console.catalog.catalog import Catalog, Category, Community, GridCell, Street, pinyin_initials


def _cat(id_: int, code: str, name: str, parent: int | None, level: int, path: str,
         urgency: str | None = None) -> Category:
    initials = " ".join(pinyin_initials(part) for part in path.split(" / "))
    return Category(id_, code, name, parent, level, path, initials, urgency,
                    24 if urgency == "A" else None, None if urgency == "A" else 5,
                    None, False, True)


def small_catalog() -> Catalog:
    cats = [
        _cat(1, "C01", "市政设施", None, 1, "市政设施"),
        _cat(2, "C0101", "市政、公共设施设置及维护", 1, 2, "市政设施 / 市政、公共设施设置及维护"),
        _cat(3, "C010101", "道路破损", 2, 3,
             "市政设施 / 市政、公共设施设置及维护 / 道路破损", "B"),
        _cat(4, "C010102", "井盖缺失", 2, 3,
             "市政设施 / 市政、公共设施设置及维护 / 井盖缺失", "A"),
        _cat(5, "C02", "市容环卫", None, 1, "市容环卫"),
        _cat(6, "C0201", "环境卫生", 5, 2, "市容环卫 / 环境卫生"),
        _cat(7, "C020101", "积存垃圾渣土", 6, 3, "市容环卫 / 环境卫生 / 积存垃圾渣土", "C"),
    ]
    return Catalog(
        streets={"S01": Street("S01", "坑梓街道"), "S02": Street("S02", "坪山街道")},
        communities={"S01C01": Community("S01C01", "坑梓社区", "S01"),
                     "S02C01": Community("S02C01", "六和社区", "S02")},
        grid_cells={"S01C01G001": GridCell("S01C01G001", "坑梓社区第1网格", "S01", "S01C01")},
        categories={c.id: c for c in cats},
    )
