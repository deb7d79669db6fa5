"""The period and the filters every indicator is computed for (docs/INDICATORS.md).

A ``Scope`` is [start, end) by the database's clock, and optionally a street, a
category and its subtree, an intake channel and a responsible unit (the unit that
has the case now, or had it last). ``at`` is the moment "overdue" and "open" are
judged at: the server's now unless given (tests and reports pass their own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from console.core.clock import CENTRE_TZ
from console.geo.area_stats import SUBTREE
from console.mapview.heat import HeatQuery, Period, period_bounds

CENTRE_ZONE = "Asia/Shanghai"  # the centre's days and hours: CENTRE_TZ's name
assert str(CENTRE_TZ) == CENTRE_ZONE
# What is not counted anywhere: a duplicate merged into another case, an invalid one.
NOT_COUNTED = "('merged', 'invalid')"
AT = "coalesce(CAST(:at AS timestamptz), now())"


@dataclass(frozen=True)
class Scope:
    start: dt.datetime
    end: dt.datetime
    street_code: str | None = None
    category_id: int | None = None  # the category and its subtree
    channel: str | None = None
    unit_id: int | None = None
    at: dt.datetime | None = None

    def __post_init__(self) -> None:
        bounds = (self.start, self.end) + ((self.at,) if self.at is not None else ())
        if any(b.tzinfo is None for b in bounds):
            raise ValueError("the period's bounds must be timezone-aware")
        if self.end < self.start:
            raise ValueError("a period must not end before it begins")

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in (self.street_code, self.category_id, self.channel,
                                           self.unit_id))

    def unfiltered(self) -> Scope:
        return replace(self, street_code=None, category_id=None, channel=None, unit_id=None)

    def params(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "street": self.street_code,
                "category": self.category_id, "channel": self.channel,
                "unit": self.unit_id, "at": self.at}

    def filters(self, alias: str = "c") -> str:
        """The filters as SQL on the case ``alias`` (" AND ..." or "")."""
        parts = []
        if self.street_code is not None:
            parts.append(f"{alias}.street_code = :street")
        if self.channel is not None:
            parts.append(f"{alias}.channel = :channel")
        if self.unit_id is not None:
            parts.append(f"{alias}.assigned_unit_id = :unit")
        sql = "".join(f"\n      AND {p}" for p in parts)
        if self.category_id is not None:
            sql += SUBTREE.replace("c.category_id", f"{alias}.category_id")
        return sql

    def received(self, alias: str = "c") -> str:
        """The cases received in the period that count, filtered: the WHERE of most figures."""
        return (f"{alias}.created_at >= :start AND {alias}.created_at < :end"
                f" AND {alias}.status NOT IN {NOT_COUNTED}{self.filters(alias)}")


def period_scope(period: Period, now: dt.datetime, first_day: dt.date | None = None,
                 last_day: dt.date | None = None, **filters: object) -> Scope:
    """Today, this week, this month or a range of whole days of the centre's calendar
    (the map's heat's periods), with the filters given."""
    start, end = period_bounds(HeatQuery(period=period, first_day=first_day,
                                         last_day=last_day), now)
    return Scope(start, end, **filters)  # type: ignore[arg-type]
