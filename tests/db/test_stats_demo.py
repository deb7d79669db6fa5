"""console/stats against the same figures computed in plain Python over the demo's
cases (their whole histories: dispatches, signings, resolutions, callbacks,
verifications, escalation orders), read as a supervisor, with and without filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from console.catalog.catalog import Catalog
from console.core.store import Store
from console.demodata import demo
from console.stats import callbacks, callers, intake, outcomes, times
from console.stats.dimensions import By
from console.stats.scope import Scope
from db import schema as s
from tests.db import stats_expected as x
from tests.db.conftest import MakeLogin
from tests.db.people import person
from tests.db.test_area_stats import top
from tests.factories import leaf


async def _everything(store: Store) -> dict[str, Any]:
    async with store.read() as conn:
        now = (await conn.execute(select(s.func.now()))).scalar_one()
        return {"now": now, **{name: (await conn.execute(select(table))).all() for name, table in
                               (("cases", s.Case), ("callbacks", s.Callback),
                                ("verifications", s.Verification),
                                ("orders", s.EscalationOrder), ("callers", s.Caller))}}


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "street and category"])
async def test_every_figure_agrees_with_python_over_the_demo_cases(
        store: Store, catalog: Catalog, login_as: MakeLogin, filtered: bool) -> None:
    assert await demo.generate_cases(store, count=3000) > 2900
    data = await _everything(store)
    now, cases = data["now"], data["cases"]
    road = top(catalog, leaf(catalog).id)
    subtree = set(catalog.subtree_ids(road))
    scope = Scope(now - dt.timedelta(days=60), now - dt.timedelta(days=3), at=now,
                  **({"street_code": "S01", "category_id": road} if filtered else {}))

    def keep(c: Any) -> bool:
        return not filtered or (c.street_code == "S01" and c.category_id in subtree)

    period = x.received(cases, scope.start, scope.end, keep)
    assert len(period) > (30 if filtered else 1000)
    supervisor = await person(login_as("supervisor"))
    try:
        for by in By:
            key = x.key_of(by.value, catalog)
            got = await intake.intake(supervisor, scope, by)
            assert {c.key: c.value for c in got} == x.counts(period, key), by
            assert [c.value for c in got] == sorted((c.value for c in got), reverse=True)
            assert {r.key: (r.done, r.of) for r in await outcomes.on_time(supervisor, scope, by)
                    } == x.shares(period, key, lambda c: x.verdict(c, now)), by
            assert {r.key: (r.done, r.of) for r in await outcomes.closure(supervisor, scope, by)
                    } == x.shares(period, key, lambda c: c.status in x.FINISHED), by
            overdue = {k: n for k, (done, of) in x.shares(
                period, key, lambda c: x.verdict(c, now)).items() if (n := of - done)}
            assert {r.key: r.value for r in await outcomes.overdue(supervisor, scope, by)
                    } == overdue, by
        names = {str(u.id): u.name for u in catalog.units.values()}
        assert all(r.name == names[r.key] for r in await outcomes.on_time(
            supervisor, scope, By.UNIT) if r.key)

        late_now = [c for c in cases if keep(c) and c.status in x.OPEN and c.paused_at is None
                    and (c.unit_due_at or c.due_at) < now]
        assert {r.key: r.value for r in await outcomes.overdue_now(supervisor, scope, By.UNIT)
                } == x.counts(late_now, x.key_of("unit", catalog))
        assert await intake.open_now(supervisor, scope) == sum(
            1 for c in cases if keep(c) and c.status in x.OPEN)

        series = await intake.intake_series(supervisor, scope)
        assert {(p.at.strftime("%Y-%m-%d"), p.channel): p.value for p in series} == x.counts(
            period, lambda c: (x.key_of("day", catalog)(c), c.channel))  # type: ignore[arg-type,return-value]

        [whole] = await times.durations(supervisor, scope)
        for name, (begin, end) in times.STAGES.items():
            n, mean, p90 = x.stage(period, begin[2:], end[2:])
            got_stage = getattr(whole, name)
            assert got_stage.cases == n and n > 0, name
            assert got_stage.mean_s == pytest.approx(mean) and got_stage.p90_s == pytest.approx(p90)

        kept = {c.id for c in cases if keep(c)}
        last = x.last_callbacks(data["callbacks"], scope.start, scope.end, kept)
        rated = [b.satisfaction for b in last.values() if b.satisfaction is not None]
        got_s = await callbacks.satisfaction(supervisor, scope)
        assert got_s.called == len(last) > 0
        assert got_s.unreachable == sum(b.result == "unreachable" for b in last.values())
        assert got_s.levels == {n: rated.count(n) for n in callbacks.LEVELS}
        checked = [v for v in data["verifications"]
                   if scope.start <= v.at < scope.end and v.case_id in kept]
        got_v = await callbacks.verification(supervisor, scope)
        assert (got_v.done, got_v.of) == (sum(v.result == "passed" for v in checked),
                                          len(checked))
        assert got_v.of > 0

        assert {(e.unit_key, e.level): e.cases for e in await outcomes.escalated(
            supervisor, scope)} == x.escalated(data["orders"], scope.start, scope.end, kept)

        per_caller = x.counts([c for c in period if c.caller_id is not None],
                              lambda c: c.caller_id)
        repeat = {k: n for k, n in per_caller.items() if n >= 2}
        got_r = await callers.repeat_callers(supervisor, scope, limit=5)
        assert (got_r.callers, got_r.cases) == (len(repeat), sum(repeat.values()))
        assert [c.cases for c in got_r.top] == sorted(repeat.values(), reverse=True)[:5]
    finally:
        await supervisor.close()
