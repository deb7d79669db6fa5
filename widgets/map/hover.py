"""What the map says about the thing under the pointer: a case (number, category,
unit, time left), a cluster (how many, in which bands) or a duty post (who is on
duty now)."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QCoreApplication

from console.casework.countdown import format_left
from console.catalog.catalog import Catalog
from console.mapview.duty_places import PostPlace
from console.mapview.map_cases import CLASSES, CaseMarks
from widgets.map.style import band_name

MAX_LISTED = 8  # cases named in a cluster's text


def _t(text: str) -> str:
    return QCoreApplication.translate("MapHover", text)


def time_left_text(marks: CaseMarks, row: int, now: dt.datetime) -> str:
    left = float(marks.left(now)[row])
    overdue, text = format_left(dt.timedelta(seconds=left))
    paused = not np.isnan(marks.paused[row])
    if overdue:
        return _t("已超时 {t}").format(t=text)
    return (_t("剩余 {t}（暂停中）") if paused else _t("剩余 {t}")).format(t=text)


def case_text(marks: CaseMarks, row: int, catalog: Catalog, now: dt.datetime) -> str:
    category = catalog.categories.get(int(marks.category_id[row]))
    unit = int(marks.unit_id[row])
    lines = [
        _t("{no}（{cls} 类）").format(no=marks.public_no[row], cls=CLASSES[marks.urgency[row]]),
        category.path if category else "",
        _t("责任单位：{u}").format(u=catalog.unit_name(unit) if unit >= 0 else _t("（待分拨）")),
        time_left_text(marks, row, now),
    ]
    if marks.at_cell[row]:
        lines.append(_t("（无定位，标在所属网格中心）"))
    return "\n".join(line for line in lines if line)


def cluster_text(marks: CaseMarks, rows: np.ndarray, bands: np.ndarray) -> str:
    counts = np.bincount(bands[rows], minlength=4)
    parts = [f"{band_name(b)} {counts[b]}" for b in reversed(range(len(counts))) if counts[b]]
    lines = [_t("此处 {n} 件未办结（点击放大）").format(n=len(rows)), "，".join(parts)]
    order = rows[np.argsort(-bands[rows], kind="stable")][:MAX_LISTED]
    lines += [str(marks.public_no[r]) for r in order]
    if len(rows) > MAX_LISTED:
        lines.append("…")
    return "\n".join(lines)


def post_text(place: PostPlace) -> str:
    lines = []
    for post in place.posts:
        lines.append(post.name)
        if post.people:
            lines += [_t("  在岗：{name} {phone}").format(name=name, phone=phone).rstrip()
                      for name, phone in post.people]
        else:
            lines.append(_t("  当前无人在岗"))
    return "\n".join(lines)
