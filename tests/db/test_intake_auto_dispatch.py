"""A category that goes out by itself (issue 16): the dispatch is sent with the case's
save in one query (``console/casework/first_move.py``), and leaves the case and its
events exactly as the dispatch move in a transaction (``cases.perform_in``) does."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

import pytest
from psycopg.rows import dict_row

from console.casework import cases
from console.catalog.catalog import Catalog, load_catalog
from console.core.store import Store
from console.hotline import case_row, intake
from console.hotline.intake import CaseDraft, create_case
from tests.db.conftest import MakeLogin
from tests.db.people import login_of, person, raw
from tests.factories import draft

# What differs between two saves of the same draft by its nature (the search's grams
# are the number's too).
OWN = {"id", "public_no", "search_grams"}
TIMES = ("now", "unit_due", "sign_due", "due")


def _owned(catalog: Catalog) -> int:
    return next(c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and c.auto_dispatch and c.owner_unit_id and not c.territorial)


def _territorial(catalog: Catalog) -> int:
    return next(c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and c.auto_dispatch and c.territorial)


def _label(value: Any, times: dict[str, Any], what: str = "") -> Any:
    """A time as which of the case's own moments it is (its transaction's time, the
    unit's deadline and sign deadline from then, its deadline); anything else as is."""
    if isinstance(value, str) and "T" in value and ":" in value:
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        found = [name for name in TIMES if times[name] == value]
        assert found, f"{what}: {value} is none of the case's moments {times}"
        return found[0]
    return value


def _as_saved(url: str, case_id: uuid.UUID) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """The case's row, its events and its citizen's notices, each time labelled."""
    with raw(url) as conn:
        conn.row_factory = dict_row  # type: ignore[assignment]
        row = conn.execute('SELECT * FROM "case" WHERE id = %s', (case_id,)).fetchone()
        assert row is not None
        times = conn.execute(
            "SELECT c.accepted_at AS now, c.due_at AS due,"
            " public.unit_deadline(c.category_id, c.urgency, c.accepted_at) AS unit_due,"
            ' public.sign_due(c.accepted_at) AS sign_due FROM "case" c WHERE c.id = %s',
            (case_id,)).fetchone()
        assert times is not None
        found = conn.execute(
            "SELECT kind, actor, at, payload FROM case_event WHERE case_id = %s ORDER BY id",
            (case_id,)).fetchall()
        notices = conn.execute(
            "SELECT kind, channel FROM citizen_message WHERE case_id = %s ORDER BY id",
            (case_id,)).fetchall()
    case = {k: _label(v, times, k) for k, v in row.items() if k not in OWN}
    # An event's time is the server's clock when it was appended (not a moment of the
    # move): within the transaction, after its start.
    assert all(e["at"] >= times["now"] for e in found)
    history = [(e["kind"], e["actor"],
                {k: "<no>" if k == "public_no" else _label(v, times)
                 for k, v in e["payload"].items()}) for e in found]
    return case, history, [tuple(n.values()) for n in notices]


async def _old_way(store: Store, catalog: Catalog, made: CaseDraft) -> uuid.UUID:
    """The save and the dispatch move in one transaction, the move by ``perform_in``."""
    clean = intake.validate(made, catalog)
    async with store.transaction() as conn:
        return (await intake.create_case_in(conn, store, catalog, clean)).id


@pytest.mark.parametrize("rule, clock, who", [
    ("owner", "dispatch", "operator"), ("territorial", "dispatch", "operator"),
    ("owner", "sign", "operator"),
    # The database's owner: its clock trigger keeps what the save writes.
    ("owner", "dispatch", "owner"), ("owner", "sign", "owner")])
async def test_a_case_dispatched_in_its_save_is_the_one_the_move_makes(
        database_url: str, login_as: MakeLogin, rule: str, clock: str, who: str) -> None:
    operator = login_as("operator") if who == "operator" else database_url
    if clock != "dispatch":
        with raw(database_url) as conn:
            conn.execute("UPDATE clock_rule SET unit_clock_starts = %s,"
                         " version = version + 1 WHERE id = 1", (clock,))
    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        category = _owned(catalog) if rule == "owner" else _territorial(catalog)
        first = draft(catalog, category_id=category)
        new = await create_case(store, catalog, first)
        old = await _old_way(store, catalog, replace(first, id=uuid.uuid4()))
    finally:
        await store.close()
    new_case, new_events, new_notices = _as_saved(database_url, new.id)
    old_case, old_events, old_notices = _as_saved(database_url, old)
    assert new_case == old_case
    assert new_events == old_events
    assert new_notices == old_notices
    # The comparison compares something: dispatched by the rule, with the clocks.
    assert (new_case["status"], new_case["version"]) == ("dispatched", 2)
    assert new_case["dispatched_at"] == "now" and new_case["sign_due_at"] == "sign_due"
    running = clock == "dispatch"
    assert (new_case["unit_clock_at"], new_case["unit_due_at"]) == (
        ("now", "unit_due") if running else (None, None))
    assert [(kind, payload.get("rule")) for kind, _who, payload in new_events] == [
        ("created", None), ("dispatch", rule)]
    assert new_events[1][1] == new_events[0][1] == new_case["created_by"]  # the login
    assert new_case["created_by"] == login_of(operator)
    assert new.event_id == max(_ids(database_url, new.id))  # the seat waits for the move


def _ids(url: str, case_id: uuid.UUID) -> list[int]:
    with raw(url) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM case_event WHERE case_id = %s",
                                           (case_id,))]


async def test_the_save_is_one_read_and_one_query(database_url: str,
                                                  login_as: MakeLogin) -> None:
    """Traced at the driver: a warm seat's save of a case that goes out by itself
    waits for the server twice, and leaves no transaction open in between."""
    from bench._intake_probes import round_trips
    operator = login_as("operator")
    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        category = _owned(catalog)
        cell = sorted(catalog.grid_cells)[0]
    finally:
        await store.close()
    trips = await asyncio.to_thread(round_trips, operator, login_of(operator),
                                    (category, cell))
    assert trips == 2


async def _saved_twice(store: Store) -> tuple[Any, Any, list[Any]]:
    """A draft in a category that goes out by itself, sent twice; the case's events.
    The store is closed after."""
    try:
        catalog = await load_catalog(store)
        first = draft(catalog, category_id=_owned(catalog))
        made = await create_case(store, catalog, first)
        again = await create_case(store, catalog, first)
        return made, again, await cases.timeline(store, made.id)
    finally:
        await store.close()


async def test_a_route_changed_after_the_read_is_followed_as_the_database_has_it(
        database_url: str, login_as: MakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another seat gives the category another owner between the save's read and its
    query: the query's move changes nothing, and the case goes where the database
    says after all, by the move in a transaction of its own; nothing is dispatched
    twice, and a resubmission of the draft makes nothing more."""
    operator = login_as("operator")
    store = await person(operator)
    read = case_row.before
    other: list[int] = []

    async def then_the_owner_changes(*args: Any, **kw: Any) -> case_row.Before:
        known = await read(*args, **kw)
        if known.route is not None and not other:
            with raw(database_url) as conn:
                other.append(conn.execute(
                    "SELECT min(id) FROM unit WHERE active AND id <> %s",
                    (known.route.unit_id,)).fetchone()[0])  # type: ignore[index]
                conn.execute("UPDATE category SET owner_unit_id = %s WHERE id = %s",
                             (other[0], args[2]))
        return known

    monkeypatch.setattr(case_row, "before", then_the_owner_changes)
    made, again, events = await _saved_twice(store)
    assert other and made.created and not again.created
    assert [e.kind for e in events] == ["created", "dispatch"]
    assert events[1].payload["unit_id"] == other[0] and events[1].payload["auto"] is True
    assert made.event_id == again.event_id == events[1].id
    with raw(database_url) as conn:
        assert conn.execute('SELECT assigned_unit_id, version FROM "case" WHERE id = %s',
                            (made.id,)).fetchone() == (other[0], 2)


async def test_a_resubmission_makes_no_second_move(login_as: MakeLogin) -> None:
    store = await person(login_as("operator"))
    made, again, events = await _saved_twice(store)
    assert made.created and not again.created and again.public_no == made.public_no
    assert [e.kind for e in events] == ["created", "dispatch"]
    assert again.event_id == made.event_id == events[1].id


async def test_a_save_whose_wake_up_failed_is_not_dispatched_twice(
        login_as: MakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save committed but its wake-up failed (a full notification queue): the seat
    does not know whether the move was made, makes it unless it was, and waits for
    the case's newest event."""
    store = await person(login_as("operator"))
    commit = Store.commit_at_once

    async def not_woken(self: Store, *args: Any) -> None:
        await commit(self, *args)  # committed; its rows are not known

    monkeypatch.setattr(Store, "commit_at_once", not_woken)
    try:
        catalog = await load_catalog(store)
        made = await create_case(store, catalog, draft(catalog, category_id=_owned(catalog)))
        events = await cases.timeline(store, made.id)
    finally:
        await store.close()
    assert [e.kind for e in events] == ["created", "dispatch"]
    assert made.created and made.event_id == events[1].id
