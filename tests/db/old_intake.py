"""A case saved as the intake saved it up to revision 0021, for tests that make cases
on an older schema: the seat numbered the case from the day's counter (since 0022 the
database numbers it, and today's intake gives no number)."""

from __future__ import annotations

import uuid

from console.catalog.catalog import load_catalog
from tests.db.people import person, raw
from tests.factories import draft


async def a_case_on_an_old_schema(url: str, **kw: object) -> tuple[uuid.UUID, str]:
    """A case and its ``created`` event by the URL's login (a web report: nobody to
    tell); its id and public number."""
    store = await person(url)
    try:
        catalog = await load_catalog(store)
    finally:
        await store.close()
    made = draft(catalog, channel="web", caller_phone="", **kw)
    category = catalog.categories[made.category_id or 0]
    cell = catalog.grid_cells[made.grid_code or ""]
    with raw(url) as conn, conn.transaction():
        day, last = conn.execute(
            "INSERT INTO case_number_counter (day, last) VALUES"
            " ((now() AT TIME ZONE 'Asia/Shanghai')::date, 1) ON CONFLICT (day) DO UPDATE"
            " SET last = case_number_counter.last + 1 RETURNING day, last").fetchone() or (0, 0)
        public_no = f"PS-{day:%Y%m%d}-{last:06d}"
        conn.execute(
            'INSERT INTO "case" (id, public_no, channel, text, address, street_code,'
            " community_code, grid_code, category_id, urgency, status, accepted_at,"
            " created_by, due_at) VALUES (%s, %s, 'web', %s, %s, %s, %s, %s, %s, %s,"
            " 'accepted', now(), session_user, now() + interval '3 days')",
            (made.id, public_no, made.text, made.address, cell.street_code,
             cell.community_code, cell.code, category.id, category.urgency))
        conn.execute("INSERT INTO case_event (case_id, actor, kind, payload) VALUES"
                     " (%s, session_user, 'created', jsonb_build_object('public_no', %s::text))",
                     (made.id, public_no))
    return made.id, public_no
