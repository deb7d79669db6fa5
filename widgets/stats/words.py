"""The statistics pane's words: periods, tiles, how figures are written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.mapview.heat import Period


def _t(text: str) -> str:
    return QCoreApplication.translate("StatsPane", text)


def period_name(period: Period) -> str:
    return {Period.TODAY: _t("今天"), Period.WEEK: _t("本周"), Period.MONTH: _t("本月"),
            Period.RANGE: _t("自定义时段")}[period]


def percent(done: int, of: int) -> str:
    """"97.7%" (one decimal, never rounded up to 100% unless it is), "—" for nothing."""
    if not of:
        return "—"
    share = done / of * 100
    text = f"{share:.1f}%"
    return "99.9%" if text == "100.0%" and done < of else text


def count(n: int) -> str:
    return f"{n:,}"


def elide(name: str, most: int = 8) -> str:
    """A name for an axis: at most ``most`` characters, "…" for the rest."""
    return name if len(name) <= most else name[:most - 1] + "…"
