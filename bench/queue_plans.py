"""The queries the queue and the call screen run at scale, the index each must use,
and their plans (EXPLAIN (FORMAT JSON)): printed by the queue benchmark and checked
by tests/db/test_queue_plans.py on a 100,000-case database. The statements are the
product's own (console.casework.queue), built for one sample of the data: a street
and a category subtree that meet in it, a searched word, a frequent caller, the
cursor after a first page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import Select

from console.casework import queue
from console.casework.queue import C, CaseFilter, Cursor
from db import schema as s

SEARCHED = "金牛路"  # the example: a road the demo's addresses name often
CREATED = frozenset({"ix_case_created_at", "ix_case_figures", "ix_case_stats"})  # created_at order
STREET = frozenset({"ix_case_street_created", "ix_case_street_category"})
GRAMS = frozenset({"ix_case_search_grams"})
CALLER = frozenset({"ix_case_caller_id"})


@dataclass(frozen=True)
class Query:
    name: str
    statement: Select
    indexes: frozenset[str]  # its plan must read "case" through one of these
    settings: tuple[str, ...] = ()  # SET LOCAL before it, as fetch_ids does


@dataclass(frozen=True)
class Sample:
    street: str
    categories: tuple[int, ...]
    caller_id: int
    phone: str  # that caller's: a word few cases hold
    cursor: Cursor  # after the first page of all statuses


async def sample(conn: AsyncConnection) -> Sample:
    """The most common street + parent category pair, the caller with most cases,
    and where the first page of the whole queue ends."""
    parent = select(s.Category.parent_id).where(s.Category.id == C.category_id
                                                ).scalar_subquery()
    street, category = (await conn.execute(
        select(C.street_code, parent).where(C.street_code.is_not(None))
        .group_by(C.street_code, parent).order_by(func.count().desc()).limit(1))).one()
    leaves = tuple((await conn.execute(select(s.Category.id).where(
        s.Category.parent_id == category))).scalars())
    caller, phone = (await conn.execute(
        select(C.caller_id, func.min(C.caller_phone)).where(C.caller_id.is_not(None))
        .group_by(C.caller_id).order_by(func.count().desc()).limit(1))).one()
    flt = CaseFilter(statuses=None)
    last = (await conn.execute(queue.id_page(flt, queue.PAGE - 1))).all()[-1]
    return Sample(street, (category, *leaves), caller, phone, Cursor(last.key, last.id))


def main_queries(at: Sample) -> list[Query]:
    everything = CaseFilter(statuses=None)
    search = CaseFilter(statuses=None, text=SEARCHED)
    rare = CaseFilter(statuses=None, text=at.phone)
    street = CaseFilter(statuses=None, street_code=at.street, category_ids=at.categories)
    dense = queue.DENSE_PLAN
    return [
        Query("queue, all statuses: first page", queue.id_page(everything, queue.PAGE),
              CREATED),
        Query("queue, all statuses: next page",
              queue.id_page(everything, queue.PAGE, at.cursor), CREATED),
        Query("queue, open: first page", queue.id_page(CaseFilter(), queue.PAGE),
              CREATED | {"ix_case_status_created"}),
        Query(f"search '{SEARCHED}' (a frequent word): first page",
              queue.id_page(search, queue.PAGE, dense=True), CREATED, dense),
        Query("search a caller's phone: count", queue.bounded_count(rare), GRAMS),
        Query("search a caller's phone: first page", queue.id_page(rare, queue.PAGE), GRAMS),
        Query("street + category: count", queue.bounded_count(street), STREET),
        Query("street + category: first page", queue.id_page(street, queue.PAGE), STREET),
        Query("caller's history: counts", queue.history_counts(at.caller_id), CALLER),
        Query("caller's history: rows", queue.history_rows(at.caller_id, 50), CALLER),
    ]


async def explain(conn: AsyncConnection, query: Query, analyze: bool = False
                  ) -> dict[str, Any]:
    """The plan's top node, as EXPLAIN (FORMAT JSON) gives it, in a transaction rolled
    back (the settings stay in it)."""
    compiled = query.statement.compile(dialect=postgresql.psycopg.dialect(),
                                       compile_kwargs={"render_postcompile": True})
    options = "ANALYZE, BUFFERS, FORMAT JSON" if analyze else "FORMAT JSON"
    scope = await (conn.begin_nested() if conn.in_transaction() else conn.begin())
    try:
        for setting in query.settings:
            await conn.exec_driver_sql(setting)
        result = await conn.exec_driver_sql(f"EXPLAIN ({options}) {compiled}",
                                            compiled.params)
        raw = result.scalar_one()
    finally:
        await scope.rollback()  # the settings go with it
    plan = raw if isinstance(raw, list) else json.loads(raw)
    return dict(plan[0])


def nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    node = plan.get("Plan", plan)
    yield node
    for child in node.get("Plans", []):
        yield from nodes(child)


def case_reads(plan: dict[str, Any]) -> list[tuple[str, str | None]]:
    """How the plan reads table "case": (node type, index name or None)."""
    return [(n["Node Type"], n.get("Index Name")) for n in nodes(plan)
            if n.get("Relation Name") == "case" or (
                n.get("Index Name") or "").startswith(("ix_case_", "case_"))]


def text_plan(plan: dict[str, Any]) -> str:
    """A short indented outline of a plan: node, relation or index, rows, time."""
    lines = []

    def walk(node: dict[str, Any], depth: int) -> None:
        what = node.get("Index Name") or node.get("Relation Name") or ""
        actual = (f" rows={node['Actual Rows']} {node['Actual Total Time']:.1f} ms"
                  if "Actual Rows" in node else f" est. rows={node.get('Plan Rows')}")
        lines.append(f"{'  ' * depth}{node['Node Type']} {what}{actual}".rstrip())
        for child in node.get("Plans", []):
            walk(child, depth + 1)

    walk(plan["Plan"], 0)
    return "\n".join(lines)
