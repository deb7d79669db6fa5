"""The main screens' queries keep their indexes at scale (issue 16): on a database of
100,000 cases, each query of bench/queue_plans.py must read table "case" through the
index it was built for, never by a sequential scan. The plan is checked, not the
time. The cases are written by one INSERT ... SELECT (the benchmark's loader tells
each case's whole story and takes minutes for as many): realistic texts from the
demo's roads and places, most cases closed, spread over two years."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bench import queue_plans
from console.casework import queue
from console.casework.queue import C, CaseFilter, search_document
from console.core.store import Store
from console.demodata.demo import COMPLAINTS, PLACES, ROADS
from tests.conftest import _admin, copy_database
from tests.db.people import raw

CASES = 100_000

# Numbers as varied as real ones in their last digits.
CALLERS = "INSERT INTO caller (phone) SELECT '+86138' || lpad(((n::bigint * 48271 * 7919)" \
          " % 100000000)::text, 8, '0') FROM generate_series(1, 20000) n"
INDEXES = """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
WHERE i.indrelid = 'public.case'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"""
FILL = """
WITH cells AS (SELECT array_agg(code ORDER BY code) AS codes FROM grid_cell),
     leaves AS (SELECT array_agg(id ORDER BY id) AS ids FROM category WHERE level = 3),
     callers AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(phone ORDER BY id) AS phones
                 FROM caller),
     rows AS (SELECT n, now() - (%(count)s::int - n) * interval '10 minutes' AS at,
                     n > %(count)s::int - %(open)s::int AS open,
                     (1 + (n::bigint * 104729) %% 20000)::int AS c,
                     (1 + (n::bigint * 7919) %% array_length(leaves.ids, 1))::int AS leaf,
                     (1 + (n * 31) %% array_length(cells.codes, 1))::int AS cell
              FROM generate_series(1, %(count)s::int) n, cells, leaves)
INSERT INTO "case" (id, public_no, channel, caller_id, caller_phone, text, address, street_code,
                    community_code, grid_code, category_id, urgency, status, due_at, created_at,
                    closed_at, resolved_at)
SELECT gen_random_uuid(), 'T' || lpad(n::text, 9, '0'), 'phone_12345',
       callers.ids[c], callers.phones[c],
       (%(roads)s::text[])[1 + n %% 15] || (%(places)s::text[])[1 + (n / 15) %% 10]
           || (%(complaints)s::text[])[1 + n %% 6],
       (%(roads)s::text[])[1 + (n / 7) %% 15] || ' ' || (n %% 300) || ' 号',
       g.street_code, g.community_code, g.code, leaves.ids[leaf], 'C',
       CASE WHEN open THEN 'accepted' ELSE 'closed' END, at + interval '3 days', at,
       CASE WHEN open THEN NULL ELSE at + interval '1 day' END,
       CASE WHEN open THEN NULL ELSE at + interval '1 day' END
FROM rows, cells, leaves, callers, grid_cell g
WHERE g.code = cells.codes[cell]
"""


@pytest.fixture(scope="module")
def large_url(admin_url: str, template_db: str) -> Iterator[str]:
    name = f"hc_test_plans_{os.getpid()}"
    _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    url = copy_database(admin_url, template_db, name)
    try:
        with raw(url) as conn:
            conn.execute("SET session_replication_role = replica")  # no move triggers
            conn.execute("SET maintenance_work_mem = '256MB'")
            conn.execute(CALLERS)
            # The migrations' indexes, made again after the load (faster than kept up).
            indexes = conn.execute(INDEXES).fetchall()
            for index, _definition in indexes:
                conn.execute(f"DROP INDEX {index}")  # type: ignore[arg-type]
            conn.execute(FILL, {"roads": list(ROADS), "places": list(PLACES),  # type: ignore[arg-type]
                                "complaints": list(COMPLAINTS), "count": CASES, "open": 5000})
            for _name, definition in indexes:
                conn.execute(definition)
            conn.execute('VACUUM ANALYZE "case"')
            conn.execute("VACUUM ANALYZE caller")
        yield url
    finally:
        _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def test_every_main_screen_query_reads_the_cases_through_its_index(
        large_url: str) -> None:
    store = Store(large_url, "plans")
    try:
        async with store.read() as conn:
            at = await queue_plans.sample(conn)
            queries = queue_plans.main_queries(at)
            plans = {q.name: (q, await queue_plans.explain(conn, q)) for q in queries}
    finally:
        await store.close()
    assert len(plans) >= 10
    for name, (query, plan) in plans.items():
        reads = queue_plans.case_reads(plan)
        outline = queue_plans.text_plan(plan)
        assert reads, (name, outline)
        assert all(node != "Seq Scan" for node, _index in reads), (name, outline)
        assert {index for _node, index in reads} & query.indexes, (name, outline)


async def test_a_frequent_word_is_read_in_order_and_a_rare_one_through_the_grams(
        large_url: str) -> None:
    """The statistics choose the way; either way the rows are the plain search's."""
    store = Store(large_url, "plans")
    try:
        for word, dense in ((queue_plans.SEARCHED, True), ("T000012345", False),
                            ("噪音 T00001", False)):
            flt = CaseFilter(statuses=None, text=word)
            first = await queue.fetch_ids(store, flt)
            assert first.cursor is None or first.cursor.dense == dense, word
            pages = [first.ids]
            if first.cursor is not None and first.more:
                pages.append((await queue.fetch_ids(store, flt, after=first.cursor)).ids)
            terms = [search_document().ilike(f"%{w}%") for w in word.split()]
            async with store.read() as conn:
                plain = list((await conn.execute(
                    select(C.id).where(*terms).order_by(C.created_at.desc(), C.id.desc())
                    .limit(len(pages) * queue.PAGE))).scalars())
            assert [i for page in pages for i in page] == plain, word
            assert (first.total, first.counted_all) == (
                (queue.PAGE, False) if dense else (len(plain), True)), word
    finally:
        await store.close()
