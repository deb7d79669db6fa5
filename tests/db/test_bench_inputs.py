"""The benchmarks' bulk loader stays in step with the product (benchmarks are not
run by the suite; this keeps them from breaking unseen)."""

from sqlalchemy import func, select

from bench._bulk import populate
from console.core.store import Store
from db import schema as s


async def test_the_bulk_loader_writes_cases_events_and_counters(empty_database_url: str) -> None:
    from db.migrate import upgrade

    upgrade(empty_database_url)
    import asyncio

    statuses = await asyncio.to_thread(populate, empty_database_url, 200)
    store = Store(empty_database_url, "t")
    try:
        async with store.read() as conn:
            cases = (await conn.execute(select(func.count()).select_from(s.Case))).scalar_one()
            events = (await conn.execute(select(func.count()).select_from(s.CaseEvent)
                                         .where(s.CaseEvent.kind == "created"))).scalar_one()
            no_due = (await conn.execute(select(func.count()).select_from(s.Case)
                                         .where(s.Case.due_at.is_(None)))).scalar_one()
            latest = (await conn.execute(select(func.max(s.CaseEvent.at) <= func.now())
                                         )).scalar_one()
            moves = (await conn.execute(select(func.count(func.distinct(s.CaseEvent.kind)))
                                        )).scalar_one()
            decided = [(await conn.execute(select(func.count()).select_from(table))).scalar_one()
                       for table in (s.Callback, s.Verification)]
    finally:
        await store.close()
    assert cases == sum(statuses.values()) == events > 150
    assert no_due == 0 and latest  # the events kept their own (past) times
    assert moves >= 8 and all(n > 0 for n in decided)  # the cases' histories came along


async def test_the_raw_write_floor_still_fits_the_schema(store: Store) -> None:
    """The floor of the seat-to-seat benchmark writes raw rows: they must pass the
    schema's checks as the product's own rows do."""
    from bench._floors import insert_commit_read

    async with store.read() as conn:
        category = (await conn.execute(select(s.Category.id).where(s.Category.level == 3)
                                       .limit(1))).scalar_one()
    floor = await insert_commit_read(store.libpq, 2, category)
    assert len(floor.commit) == len(floor.commit_to_read) == 2
