"""Words for a boundary import: the levels and every problem's reason
(console/geo/boundaries.py ``REASONS``; a test checks each has words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.geo.boundaries import Level, Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("BoundaryWords", text)


def level_name(level: Level) -> str:
    return {Level.STREET: _t("街道"), Level.COMMUNITY: _t("社区"),
            Level.CELL: _t("网格")}[level]


def feature_number(problem: Problem) -> str:
    """The feature's place in its file, counted from 1 ('' for the file as a whole
    or a boundary kept from the database)."""
    return "" if problem.index is None else str(problem.index + 1)


def reason_words() -> dict[str, str]:
    """Each reason's words; ``{detail}`` is the problem's detail, ``{parent}`` the
    parent level's name."""
    return {
        "file.unreadable": _t("文件无法读取：{detail}"),
        "file.not_json": _t("不是 JSON 文件：{detail}"),
        "file.not_geojson": _t("不是 GeoJSON 要素集合（FeatureCollection）"),
        "file.empty": _t("文件中没有要素"),
        "file.too_large": _t("文件过大（{detail} MB），请检查是否选错了文件"),
        "geometry.missing": _t("没有图形"),
        "geometry.not_polygon": _t("图形须为面（Polygon 或 MultiPolygon），此处为 {detail}"),
        "geometry.unreadable": _t("图形无法识别：{detail}"),
        "geometry.empty": _t("图形为空"),
        "geometry.invalid": _t("多边形无效：{detail}"),
        "geometry.overlap": _t("与 {detail} 重叠"),
        "crs.not_lonlat": _t("坐标 ({detail}) 不是所选坐标系的经纬度：经纬度是否颠倒，"
                             "或是以米为单位的投影坐标？"),
        "extent.far": _t("距其他图形中心 {detail} 公里，不像本辖区的边界"),
        "extent.outside_district": _t("远在现有辖区之外：坐标系是否选错？"
                                      "如确为新辖区，请取消“限于现有辖区”"),
        "code.missing": _t("属性“{detail}”中没有编码"),
        "code.too_long": _t("编码过长，最多 {detail} 个字符"),
        "code.duplicate": _t("编码与第 {detail} 个要素重复"),
        "code.in_use_by_cases": _t("导入后不再有此编码，但仍有 {detail} 件案件使用它"),
        "code.in_use_by_units": _t("导入后不再有此编码，但仍有 {detail} 个责任单位使用它"),
        "name.missing": _t("属性“{detail}”中没有名称"),
        "name.too_long": _t("名称过长，最多 {detail} 个字"),
        "parent.missing": _t("属性“{detail}”中没有所属{parent}的编码"),
        "parent.unknown": _t("所属{parent} {detail} 不存在"),
        "parent.outside": _t("不在所写的{parent}内（所写 / 实际所在）：{detail}"),
        "parent.none": _t("不在任何{parent}内"),
        "parent.ambiguous": _t("同时位于多个{parent}内：{detail}；请在文件中写明所属{parent}"),
    }


def problem_text(problem: Problem) -> str:
    detail = problem.detail
    if problem.reason == "code.duplicate" and detail.isdigit():
        detail = str(int(detail) + 1)  # counted from 1, as the feature column is
    parent = problem.level.parent
    words = reason_words().get(problem.reason)
    if words is None:  # a reason this version has no words for: never the English
        return _t("无法导入（{reason}）").format(reason=problem.reason)
    text = words.format(detail=detail, parent=level_name(parent) if parent else "")
    if problem.reason == "parent.none" and detail:
        text += _t("（与 {codes} 相交）").format(codes=detail)
    return text
