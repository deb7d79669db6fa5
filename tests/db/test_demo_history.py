"""The demo looks like the district (issue 13, item 7): its history is told through
the lifecycle at each move's own time, nothing in it lies in the future, its on-time
rates are those of the real 2018 sample, and every side road of the case flow is
walked at a believable rate."""

from __future__ import annotations

import datetime as dt
import json

import psycopg
import pytest
from sqlalchemy import text

from console.core.store import Store
from console.demodata import demo
from console.demodata.files import RESOURCES
from console.notices import rates
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin

CASES = 1500

# What happened, in every table the demo writes (deadlines and retry times may be ahead).
HAPPENED = {
    '"case"': ("created_at", "updated_at", "accepted_at", "dispatched_at", "resolved_at",
               "closed_at", "signed_at", "unit_clock_at", "first_resolved_at"),
    "case_event": ("at",), "callback": ("at",), "verification": ("at",),
    "unit_request": ("requested_at", "decided_at"),
    "citizen_message": ("queued_at", "sent_at"),
    "dispute_referral": ("referred_at",), "dispute_decision": ("decided_at", "recorded_at"),
}


@pytest.fixture
async def demo_store(store: Store) -> Store:
    assert await demo.generate_cases(store, count=CASES) > CASES * 0.95
    return store


async def _rows(store: Store, sql: str) -> list[tuple]:
    async with store.read() as conn:
        return [tuple(r) for r in await conn.execute(text(sql))]


async def test_nothing_lies_in_the_future_and_events_keep_their_times(
        demo_store: Store) -> None:
    for table, columns in HAPPENED.items():
        latest = ", ".join(f"max({c})" for c in columns)
        (row,) = await _rows(demo_store, f"SELECT now(), {latest} FROM {table}")
        assert all(t is None or t <= row[0] for t in row[1:]), (table, row)
    # Each case's first event is its intake, at the time it came in, not at loading.
    (mismatched, cases), = await _rows(demo_store, """
        SELECT count(*) FILTER (WHERE e.at <> c.created_at), count(*)
        FROM "case" c JOIN case_event e ON e.case_id = c.id AND e.kind = 'created'""")
    assert cases > CASES * 0.95 and mismatched == 0


async def test_on_time_overall_and_by_unit_like_the_2018_sample(demo_store: Store) -> None:
    # The real sample: 9,071 of 9,995 archived on time (90.8 %), units from 37 % to 100 %.
    ((share, resolved),) = await _rows(demo_store, """
        SELECT avg((first_resolved_at <= unit_due_at)::int), count(*) FROM "case"
        WHERE first_resolved_at IS NOT NULL AND unit_due_at IS NOT NULL""")
    assert resolved > CASES * 0.8 and 0.87 <= share <= 0.95
    units = await _rows(demo_store, """
        SELECT avg((e.payload->>'on_time')::boolean::int) FROM case_event e
        JOIN "case" c ON c.id = e.case_id WHERE e.kind = 'reply' AND e.payload ? 'on_time'
        GROUP BY c.assigned_unit_id HAVING count(*) >= 15""")
    shares = sorted(float(u[0]) for u in units)
    assert len(shares) >= 10 and shares[0] < 0.65 and shares[-1] > 0.97


async def test_every_side_road_is_walked(demo_store: Store) -> None:
    counts = dict(await _rows(demo_store, """
        SELECT 'callback ' || result, count(*) FROM callback GROUP BY 1
        UNION ALL SELECT 'verification ' || result, count(*) FROM verification GROUP BY 1
        UNION ALL SELECT kind || ' ' || coalesce(decision, 'waiting'), count(*)
                  FROM unit_request GROUP BY 1
        UNION ALL SELECT 'message ' || kind || ' ' || result, count(*)
                  FROM citizen_message GROUP BY 1
        UNION ALL SELECT 'referral', count(*) FROM dispute_referral
        UNION ALL SELECT 'event ' || kind, count(*) FROM case_event GROUP BY 1"""))
    for road in ("callback satisfied", "callback unreachable", "callback not_fixed",
                 "verification passed", "verification failed", "return approved",
                 "return refused", "extension approved", "extension refused",
                 "message acceptance sent", "message result sent", "message acceptance failed",
                 "referral", "event forward", "event answer", "event sign", "event reply",
                 "event settle"):
        assert counts.get(road, 0) > 0, road
    resolved = counts["event reply"]
    assert 0.02 < (counts["return approved"] + counts["return refused"]) / resolved < 0.08
    # Some numbers never answer: three tries, then the case closes unreached.
    ((gave_up, called),) = await _rows(demo_store, """
        SELECT count(*) FILTER (WHERE e.payload ? 'gave_up'), count(DISTINCT b.case_id)
        FROM callback b LEFT JOIN case_event e ON e.case_id = b.case_id
             AND e.kind = 'callback_unreachable' AND b.attempt = 3""")
    assert 0.04 < gave_up / called < 0.2
    # Signed by a handler of the unit the case was with.
    (strangers,), = await _rows(demo_store, """
        SELECT count(*) FROM case_event e LEFT JOIN staff p ON p.login = e.actor
        WHERE e.kind = 'sign' AND p.unit_id IS DISTINCT FROM (e.payload->>'unit_id')::int""")
    assert strangers == 0


async def test_the_channel_mix_is_the_data_s(demo_store: Store) -> None:
    channels = json.loads((RESOURCES / "channels.json").read_text(encoding="utf-8"))
    generated = {c["code"] for c in channels if c["share"] > 0}
    assert all(c["source"] for c in channels)  # where each share comes from is said
    mix = dict(await _rows(demo_store, 'SELECT channel, count(*) FROM "case" GROUP BY 1'))
    assert set(mix) <= generated and "web" not in mix
    assert 0.55 < mix["grid_worker"] / sum(mix.values()) < 0.75


async def test_the_three_rates_come_out_of_the_demo(demo_store: Store) -> None:
    now = dt.datetime.now(dt.UTC)
    three = await rates.three_rates(demo_store, now - dt.timedelta(days=60),
                                    now - dt.timedelta(days=2))
    for rate in (three.acceptance_notice, three.result_feedback, three.callback):
        assert rate.of > 50 and rate.share is not None
    assert 0.9 < (three.acceptance_notice.share or 0) < 1
    assert 0.6 < (three.callback.share or 0) < 0.95


async def test_only_the_owner_s_loader_keeps_an_event_s_time(
        database_url: str, login_as: MakeLogin) -> None:
    past = "2020-01-01 08:00+08"
    insert = ("INSERT INTO case_event (case_id, actor, kind, payload, at) VALUES"
              " (NULL, session_user, 'catalog_loaded', '{}', %s) RETURNING at, now()")

    def stamp(url: str, history: bool, at: str = past) -> tuple[dt.datetime, dt.datetime]:
        with psycopg.connect(libpq_conninfo(url)) as conn:
            if history:
                conn.execute("SET LOCAL hotline.history = 'on'")
            row = conn.execute(insert, (at,)).fetchone()
            assert row is not None
            return row[0], row[1]

    owner = database_url
    kept, _ = stamp(owner, True)
    assert kept == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    for url, history, at in ((owner, False, past), (owner, True, "2999-01-01"),
                             (login_as("operator"), True, past)):
        at_written, now = stamp(url, history, at)
        assert now <= at_written < now + dt.timedelta(minutes=1)


async def test_late_cases_carry_the_ladder_s_orders_as_it_would_have_issued_them(
        demo_store: Store) -> None:
    levels = dict(await _rows(demo_store, "SELECT level, count(*) FROM escalation_order"
                                          " GROUP BY 1"))
    assert {"reminder", "urge", "leader_urge", "supervision"} <= set(levels)
    assert levels["reminder"] > levels["urge"] >= levels["leader_urge"] > levels["supervision"]
    # Every urge came when the unit's clock ran out (the next sweep, within minutes), to
    # the unit the case was with then, and its event names the order.
    (no_event,), = await _rows(demo_store, """
        SELECT count(*) FROM escalation_order o WHERE NOT EXISTS (
            SELECT 1 FROM case_event e WHERE e.kind = 'escalation'
              AND (e.payload->>'order_id')::bigint = o.id AND e.at = o.issued_at)""")
    assert no_event == 0
    (late_urges,), = await _rows(demo_store, """
        SELECT count(*) FROM escalation_order o JOIN "case" c ON c.id = o.case_id
        WHERE o.level = 'urge' AND o.round = c.clock_round
          AND (o.issued_at < c.unit_due_at OR o.issued_at > c.unit_due_at + interval '11 min')""")
    assert late_urges == 0
