"""Every casework and supervision write names the last event it appended (issue 12,
item 3): the seat that made it waits until the change feed has applied that id."""

import datetime as dt
import uuid

from sqlalchemy import func, select, update

from console.casework import cases
from console.catalog.catalog import Catalog
from console.core import events
from console.core.store import Store
from console.hotline import duplicates, intake
from console.hotline.intake import create_case
from console.supervision import board, ladder_rules, supervising, sweeper
from db import schema as s
from tests.db.test_cases import manual_category, some_unit
from tests.factories import draft

DESK = frozenset({"operator", "dispatcher"})


async def newest(store: Store, case_id: uuid.UUID | None = None) -> tuple[int, str]:
    """The newest event (of the case, or of all), as (id, kind)."""
    stmt = select(s.CaseEvent.id, s.CaseEvent.kind).order_by(s.CaseEvent.id.desc()).limit(1)
    if case_id is not None:
        stmt = stmt.where(s.CaseEvent.case_id == case_id)
    async with store.read() as conn:
        row = (await conn.execute(stmt)).one()
    return int(row.id), str(row.kind)


async def test_a_new_case_and_its_moves_name_their_events(store: Store,
                                                          catalog: Catalog) -> None:
    store.roles = DESK
    made = await create_case(store, catalog, draft(catalog,
                                                   category_id=manual_category(catalog)))
    assert await newest(store, made.id) == (made.event_id, "created")
    again = await create_case(store, catalog, draft(catalog, id=made.id,
                                                    category_id=manual_category(catalog)))
    assert not again.created and again.event_id == made.event_id  # a resubmission

    moved = await cases.perform(store, made.id, "dispatch", None, unit_id=some_unit(catalog))
    assert isinstance(moved, cases.Move) and moved.after.status == "dispatched"
    assert await newest(store, made.id) == (moved.event_id, "dispatch")
    async with store.read() as conn:  # the event is typed: its payload reads back
        payload = (await conn.execute(select(s.CaseEvent.payload).where(
            s.CaseEvent.id == moved.event_id))).scalar_one()
    assert events.read("dispatch", payload, on_a_case=True) == events.CaseMoved("dispatch", payload)


async def test_a_master_s_closing_names_the_last_duplicate_s_event(
        store: Store, catalog: Catalog) -> None:
    store.roles = DESK
    master = await create_case(store, catalog, draft(catalog,
                                                     category_id=manual_category(catalog)))
    duplicate = await duplicates.record_as_duplicate(
        store, catalog, draft(catalog, category_id=manual_category(catalog)), master.id)
    assert await newest(store, duplicate.id) == (duplicate.event_id, "merge")
    await cases.perform(store, master.id, "dispatch", None, unit_id=some_unit(catalog))
    await cases.perform(store, master.id, "resolve", None, result="已处理")
    closed = await cases.perform(store, master.id, "callback_closed", None, satisfaction=5)
    assert await newest(store) == (closed.event_id, "closed_with_master")
    assert await newest(store, duplicate.id) == (closed.event_id, "closed_with_master")
    (entry,) = [e for e in await cases.timeline(store, duplicate.id)
                if e.kind == "closed_with_master"]
    assert entry.data == events.ClosedWithMaster(master.id)

    answered = await intake.answer_on_the_spot(
        store, catalog, draft(catalog, category_id=manual_category(catalog)), "已当场解答")
    assert await newest(store, answered.id) == (answered.event_id, "answer")


async def test_orders_replies_and_the_ladder_name_their_events(store: Store,
                                                               catalog: Catalog) -> None:
    made = [await create_case(store, catalog, draft(catalog, text=f"超时{i}")) for i in range(2)]
    async with store.transaction() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        await conn.execute(update(s.Case).where(s.Case.id.in_([m.id for m in made])).values(
            accepted_at=now - dt.timedelta(days=10), due_at=now - dt.timedelta(days=5)))
    store.roles = frozenset({"supervisor", "admin"})
    chosen = [c for c in await board.at_risk(store, catalog.calendar)
              if c.id in {m.id for m in made}]
    due = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    report = await supervising.supervise(store, chosen, "限期办结", due)
    assert len(report.event_ids) == 2 and report.event_id == max(report.event_ids)
    for case, event_id in zip(report.issued, report.event_ids, strict=True):
        assert await newest(store, case.id) == (event_id, "escalation")
    nothing = await supervising.supervise(store, chosen, "再次督办", due)
    assert nothing.event_ids == [] and nothing.event_id == 0  # nothing to wait for

    order = next(o for o in await board.open_orders(store) if o.case_id == made[0].id)
    acknowledged = await sweeper.acknowledge(store, order.id)
    replied = await sweeper.reply(store, order.id, "已整改")
    assert (await newest(store, made[0].id))[0] == replied > acknowledged
    entries = await cases.timeline(store, made[0].id)
    assert [e.data for e in entries if e.id in (acknowledged, replied)] == [
        events.Escalation(level="supervision", acknowledged=order.id),
        events.Escalation(level="supervision", replied=order.id, text="已整改")]

    rule = await ladder_rules.set_rule(store, 0.7, 1)
    assert await newest(store) == (rule.event_id, "ladder_changed")
    assert rule.reminder_share == 0.7
