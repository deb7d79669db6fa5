"""A street sub-centre sees the cases it sent on to its communities but does not act
for them (migration 0013): by raw SQL it cannot sign, reply, note progress, apply or
answer an order on a community's case; the community's handler can. The services
say so in words, and list those cases apart, to watch."""

from __future__ import annotations

import uuid

import pytest
from psycopg import errors

from console.casework.lifecycle import TransitionError
from console.units import requests, work
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.db.units_fixture import a_handler, dispatched_to

SIGN = ("UPDATE \"case\" SET status = 'in_progress', signed_at = now(),"
        " version = version + 1 WHERE id = %s")
REPLY = "UPDATE \"case\" SET status = 'resolved', resolved_at = now(), version = version + 1" \
        " WHERE id = %s"
EVENT = "INSERT INTO case_event (case_id, kind, payload) VALUES (%s, %s, '{}')"
APPLY = ("INSERT INTO unit_request (case_id, unit_id, kind, reason) VALUES"
         " (%s, %s, 'return', '不归我们管')")
ANSWER = ("UPDATE escalation_order SET replied_at = now(), reply_text = '已处理',"
          " version = version + 1 WHERE case_id = %s")


@pytest.fixture
async def street(login_as: MakeLogin, database_url: str) -> dict[str, object]:
    """A case dispatched to a street sub-centre and sent on to a community of its
    street, with an urge on it; the handlers of both."""
    with raw(database_url) as conn:
        centre, code = conn.execute("SELECT id, street_code FROM unit WHERE kind = 'centre'"
                                    " AND street_code IS NOT NULL ORDER BY id LIMIT 1"
                                    ).fetchone()  # type: ignore[misc]
        community, = conn.execute("SELECT id FROM unit WHERE kind = 'community'"
                                  " AND street_code = %s ORDER BY id LIMIT 1",
                                  (code,)).fetchone()  # type: ignore[misc]
    case_id = await dispatched_to(login_as("operator"), login_as("dispatcher"), centre)
    kept = await dispatched_to(login_as("operator"), login_as("dispatcher"), centre)
    centre_url = a_handler(login_as, database_url, centre)
    sub_centre = await person(centre_url)
    try:
        await work.forward(sub_centre, case_id, None, community)
    finally:
        await sub_centre.close()
    with raw(database_url) as conn:  # the sweep's urge, as the owner writes it
        conn.execute("INSERT INTO escalation_order (case_id, level, issuer, text)"
                     " VALUES (%s, 'urge', 'sweeper', '请尽快办理')", (case_id,))
    return {"case": case_id, "kept": kept, "centre": centre, "community": community,
            "centre_url": centre_url,
            "community_url": a_handler(login_as, database_url, community)}


def test_the_sub_centre_cannot_act_for_its_community_by_raw_sql(
        street: dict[str, object]) -> None:
    case_id = street["case"]
    with raw(str(street["centre_url"])) as conn:
        assert conn.execute('SELECT count(*) FROM "case" WHERE id = %s',
                            (case_id,)).fetchone() == (1,)  # it watches the case
        with conn.transaction():
            assert conn.execute(SIGN, (case_id,)).rowcount == 0
            assert conn.execute(ANSWER, (case_id,)).rowcount == 0
        for statement, params in ((EVENT, (case_id, "progress_noted")),
                                  (EVENT, (case_id, "sign")),
                                  (APPLY, (case_id, street["community"])),
                                  (APPLY, (case_id, street["centre"]))):
            with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
                conn.execute(statement, params)  # type: ignore[arg-type]
        with conn.transaction():  # its own case, still with it, it works on
            assert conn.execute(SIGN, (street["kept"],)).rowcount == 1
            conn.execute(EVENT, (street["kept"], "sign"))
    with raw(str(street["community_url"])) as conn:
        with conn.transaction():
            assert conn.execute(SIGN, (case_id,)).rowcount == 1
            conn.execute(EVENT, (case_id, "sign"))
        with conn.transaction():
            assert conn.execute(ANSWER, (case_id,)).rowcount == 1
            conn.execute(EVENT, (case_id, "escalation"))
        conn.execute(EVENT, (case_id, "progress_noted"))
    with raw(str(street["centre_url"])) as conn, conn.transaction():
        assert conn.execute(REPLY, (case_id,)).rowcount == 0


async def test_the_sub_centre_watches_and_is_told_it_is_the_communitys(
        street: dict[str, object]) -> None:
    case_id = street["case"]
    assert isinstance(case_id, uuid.UUID)
    sub_centre = await person(str(street["centre_url"]))
    community = await person(str(street["community_url"]))
    try:
        watched = await work.forwarded_cases(sub_centre)
        assert [(c.id, c.unit_id, c.status) for c in watched] == [
            (case_id, street["community"], "dispatched")]
        assert watched[0].sign_due_at is not None
        assert [c.id for c in await work.my_cases(sub_centre)] == [street["kept"]]
        for attempt in (work.sign(sub_centre, case_id, None),
                        work.reply(sub_centre, case_id, None, "已处理"),
                        work.note_progress(sub_centre, case_id, "已转社区"),
                        requests.apply_return(sub_centre, case_id, "不归我们管"),
                        requests.apply_extension(sub_centre, case_id, 2, "需协调")):
            with pytest.raises(TransitionError) as refused:
                await attempt
            assert refused.value.code == "unit.not_ours"
        assert await work.forwarded_cases(community) == []  # a community sends nothing on
        assert (await work.sign(community, case_id, None)).after.status == "in_progress"
        (still,) = await work.forwarded_cases(sub_centre)
        assert still.status == "in_progress" and still.signed_at is not None
    finally:
        await sub_centre.close()
        await community.close()
