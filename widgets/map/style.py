"""How the map looks: one place for its colours, line widths, marker shapes, the
zoom at which each kind of name becomes legible, and the layers' names."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from console.casework import countdown
from widgets.casework.countdown_model import BANDS

# Layers, in drawing order from the bottom (the heat fills areas over the district's
# own fill, under every line: widgets/map/heat_layer.py).
DISTRICT, STREETS, COMMUNITIES, CELLS, POSTS, CASES, HEAT = (
    "district", "streets", "communities", "cells", "posts", "cases", "heat")
LAYERS = (DISTRICT, STREETS, COMMUNITIES, CELLS, POSTS, CASES, HEAT)
# Layers the pane shows when it opens.
SHOWN_AT_START = frozenset({DISTRICT, STREETS, COMMUNITIES, CELLS, POSTS, CASES})


def _t(text: str) -> str:
    return QCoreApplication.translate("MapStyle", text)


def layer_name(layer: str) -> str:
    names = {DISTRICT: _t("区界"), STREETS: _t("街道"), COMMUNITIES: _t("社区"),
             CELLS: _t("网格"), POSTS: _t("值班岗位"), CASES: _t("未办结案件"),
             HEAT: _t("热力图")}
    return names[layer]


@dataclass(frozen=True)
class Line:
    colour: str
    width: float  # pixels on screen (scaled with the export's resolution)
    fill: str | None = None
    z: float = 0.0


LINES = {
    DISTRICT: Line("#263238", 2.6, "#f6f5ef", -30),
    STREETS: Line("#6d4c41", 2.0, None, -10),
    COMMUNITIES: Line("#1e88e5", 1.2, None, -15),
    CELLS: Line("#b0bec5", 0.7, None, -20),
}
BACKGROUND = "#dde6ea"  # outside the district

@dataclass(frozen=True)
class Names:
    colour: str
    size: int  # pixels
    bold: bool
    from_ppk: float  # shown from this many pixels per km ...
    to_ppk: float = float("inf")  # ... up to this many
    below_px: float = 0.0  # under its point by this much (a post's star stands on it)


NAMES = {
    STREETS: Names("#4e342e", 15, True, 0.0, 90.0, 16.0),
    COMMUNITIES: Names("#0d47a1", 12, False, 32.0, 170.0, 14.0),
    CELLS: Names("#546e7a", 10, False, 170.0),  # a cell's name says its community
}

# Cases: the countdown panel's band colours (its foreground, strong enough for a
# marker), a shape for each class, overdue ones larger with a dark ring.
BAND_COLOURS = tuple(BANDS[b][1] for b in countdown.BANDS_BY_SEVERITY)
OVERDUE_CODE = countdown.BANDS_BY_SEVERITY.index(countdown.OVERDUE)
CLASS_SYMBOLS = ("t1", "s", "o")  # A: a triangle, B: a square, C: a circle
MARKER_SIZE, OVERDUE_SIZE = 11, 14
RING = QColor("#000000")
SELECTED = QColor("#6a1b9a")
# Clusters: grid squares of this many pixels; no clustering from this zoom on.
CLUSTER_PX = 44
CLUSTER_UNTIL_PPK = 700.0
CLUSTER_SIZES = (22, 28, 34, 40)  # by count: < 10, < 100, < 1000, more
POST_COLOUR, POST_EMPTY = QColor("#6a1b9a"), QColor("#ffffff")
POST_SIZE = 17


def band_name(code: int) -> str:
    band = countdown.BANDS_BY_SEVERITY[code]
    names = {countdown.PLENTY: _t("时间充足"), countdown.PAUSED: _t("已暂停计时"),
             countdown.SHORT: _t("剩余不足四分之一"), countdown.OVERDUE: _t("已超时")}
    return names[band]
