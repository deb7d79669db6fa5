"""Where a saved case is: the point picked on the map, else its grid cell's centre as
the database has it; the created event says which. An operator saves (their role),
and the point is read back through the queue's service. A draft waiting in the
journal keeps its point."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from console.casework import queue
from console.catalog.catalog import load_catalog
from console.core.events import CaseCreated
from console.core.store import Store
from console.hotline.intake import PLACED_AT_CELL_CENTRE, PLACED_AT_POINT, create_case
from console.hotline.journal import Journal
from db import schema as s
from tests.catalog_fixture import small_catalog
from tests.db.conftest import MakeLogin
from tests.db.people import person
from tests.factories import draft

POINT = (114.3797, 22.7539)  # inside S01C01G006 (tests/db/test_locate.py)


async def created_event(store: Store, case_id: uuid.UUID) -> CaseCreated:
    async with store.read() as conn:
        payload = (await conn.execute(select(s.CaseEvent.payload).where(
            s.CaseEvent.case_id == case_id, s.CaseEvent.kind == "created"))).scalar_one()
    return CaseCreated.from_json(payload)


async def test_a_picked_point_is_saved_and_a_cell_alone_is_placed_at_its_centre(
        login_as: MakeLogin) -> None:
    operator = await person(login_as("operator"))
    try:
        catalog = await load_catalog(operator)
        picked = await create_case(operator, catalog, draft(
            catalog, grid_code="S01C01G006", lon=POINT[0], lat=POINT[1]))
        at_cell = await create_case(operator, catalog, draft(catalog, grid_code="S01C01G006"))
        nowhere = await create_case(operator, catalog, draft(catalog, grid_code=None))
        rows = {c: await queue.fetch_case(operator, c)
                for c in (picked.id, at_cell.id, nowhere.id)}
        async with operator.read() as conn:
            centre = (await conn.execute(select(s.GridCell.centroid_lon, s.GridCell.centroid_lat)
                                         .where(s.GridCell.code == "S01C01G006"))).one()
        assert (rows[picked.id].lon, rows[picked.id].lat) == POINT
        assert (rows[at_cell.id].lon, rows[at_cell.id].lat) == tuple(centre)
        assert (rows[nowhere.id].lon, rows[nowhere.id].lat) == (None, None)
        assert (await created_event(operator, picked.id)).placed == PLACED_AT_POINT
        assert (await created_event(operator, at_cell.id)).placed == PLACED_AT_CELL_CENTRE
        assert (await created_event(operator, nowhere.id)).placed is None
    finally:
        await operator.close()


def test_the_journal_keeps_a_drafts_point(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    kept = draft(small_catalog(), lon=POINT[0], lat=POINT[1])
    Journal(path).add(kept)
    (again,) = Journal(path).pending()  # as read at the next start
    assert again == kept and (again.lon, again.lat) == POINT
