"""The statistics' figures computed again in plain Python over rows read plainly, for
the tests that hold console/stats to docs/INDICATORS.md."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ

OPEN = {"new", "accepted", "dispatched", "in_progress", "returned", "disputed", "referred"}
FINISHED = {"resolved", "closed", "answered"}


def verdict(c: Any, at: dt.datetime) -> bool | None:
    """On time (True), overdue (False) or not judged yet (None)."""
    if c.imported_from is not None:
        return c.imported_on_time  # type: ignore[no-any-return]
    if c.unit_due_at is None:
        return None
    if c.first_resolved_at is not None:
        return c.first_resolved_at <= c.unit_due_at  # type: ignore[no-any-return]
    return False if c.unit_due_at < (c.paused_at or at) else None


def ancestor(catalog: Catalog, category_id: int, level: int) -> str:
    current: int | None = category_id
    while current is not None:
        category = catalog.categories[current]
        if category.level == level:
            return str(category.id)
        current = category.parent_id
    return ""


def key_of(by: str, catalog: Catalog) -> Callable[[Any], str]:
    local: Callable[[Any], dt.datetime] = lambda c: c.created_at.astimezone(CENTRE_TZ)  # noqa: E731
    keys: dict[str, Callable[[Any], str]] = {
        "channel": lambda c: c.channel, "nature": lambda c: c.nature,
        "street": lambda c: c.street_code or "", "community": lambda c: c.community_code or "",
        "unit": lambda c: "" if c.assigned_unit_id is None else str(c.assigned_unit_id),
        "hour": lambda c: str(local(c).hour), "weekday": lambda c: str(local(c).isoweekday()),
        "day": lambda c: local(c).strftime("%Y-%m-%d"), "all": lambda c: "all"}
    for level in (1, 2, 3):
        keys[f"category_{level}"] = lambda c, n=level: ancestor(catalog, c.category_id, n)
    return keys[by]


def received(cases: Iterable[Any], start: dt.datetime, end: dt.datetime,
             keep: Callable[[Any], bool] = lambda c: True) -> list[Any]:
    return [c for c in cases if start <= c.created_at < end
            and c.status not in ("merged", "invalid") and keep(c)]


def counts(cases: Iterable[Any], key: Callable[[Any], str]) -> dict[str, int]:
    return dict(Counter(key(c) for c in cases))


def shares(cases: Iterable[Any], key: Callable[[Any], str],
           judge: Callable[[Any], bool | None]) -> dict[str, tuple[int, int]]:
    done: Counter[str] = Counter()
    of: Counter[str] = Counter()
    for c in cases:
        v = judge(c)
        if v is not None:
            of[key(c)] += 1
            done[key(c)] += bool(v)
    return {k: (done[k], of[k]) for k in of}


def p90(values: list[float]) -> float | None:
    """PostgreSQL's percentile_cont(0.9): linear between the two nearest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    pos = 0.9 * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (pos - low) * (ordered[high] - ordered[low])


def stage(cases: Iterable[Any], begin: str, end: str) -> tuple[int, float | None, float | None]:
    seconds = [(getattr(c, end) - getattr(c, begin)).total_seconds() for c in cases
               if getattr(c, begin) is not None and getattr(c, end) is not None
               and getattr(c, end) >= getattr(c, begin)]
    return (len(seconds), sum(seconds) / len(seconds) if seconds else None, p90(seconds))


def last_callbacks(callbacks: Iterable[Any], start: dt.datetime, end: dt.datetime,
                   cases: set[Any]) -> dict[Any, Any]:
    last: dict[Any, Any] = {}
    for b in sorted(callbacks, key=lambda b: (b.at, b.id)):
        if start <= b.at < end and b.case_id in cases:
            last[b.case_id] = b
    return last


def escalated(orders: Iterable[Any], start: dt.datetime, end: dt.datetime,
              cases: set[Any]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], set[Any]] = defaultdict(set)
    for o in orders:
        if start <= o.issued_at < end and o.case_id in cases:
            unit = "" if o.target_unit_id is None else str(o.target_unit_id)
            found[(unit, o.level)].add(o.case_id)
    return {k: len(v) for k, v in found.items()}
