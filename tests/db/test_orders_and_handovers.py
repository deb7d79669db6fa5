"""Issue 11, finding 5: an order changes only by acknowledgement and reply, by the
groups the policy names; a signed handover is final, for everyone."""

from __future__ import annotations

import datetime as dt

import pytest
from psycopg import errors

from console.duty import handover
from console.supervision import sweeper
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, login_of, person, raw

ORDER = "SELECT level, text, reply_due_at, acknowledged_at, replied_at, version" \
        " FROM escalation_order WHERE id = %s"


def read(url: str, statement: str, key: int) -> tuple[object, ...] | None:
    with raw(url) as conn:
        row = conn.execute(statement, (key,)).fetchone()  # type: ignore[arg-type]
    return None if row is None else tuple(row)


async def test_an_order_is_only_acknowledged_and_answered(login_as: MakeLogin) -> None:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await a_case(operator)
    boss = await person(login_as("supervisor"))
    try:
        order = (await sweeper.issue_supervision(
            boss, case_id, "限期办结", dt.datetime.now(dt.UTC) + dt.timedelta(hours=4))).order_id
    finally:
        await boss.close()
    issued = read(operator, ORDER, order)
    for url, change in ((operator, "level = 'reminder'"), (dispatcher, "level = 'inspection'"),
                        (dispatcher, "reply_due_at = now() + interval '30 days'"),
                        (dispatcher, "text = '不用办了'"), (dispatcher, "issuer = session_user")):
        with raw(url) as conn, pytest.raises(errors.InsufficientPrivilege):
            conn.execute(f"UPDATE escalation_order SET {change}"  # type: ignore[arg-type]
                         " WHERE id = %s", (order,))
    for url in (operator, dispatcher):
        with raw(url) as conn, pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM escalation_order WHERE id = %s", (order,))
    with raw(operator) as conn:  # not the operator's to acknowledge: the policy hides it
        touched = conn.execute("UPDATE escalation_order SET acknowledged_at = now(),"
                               " version = version + 1 WHERE id = %s", (order,))
        assert touched.rowcount == 0
    assert read(operator, ORDER, order) == issued

    desk = await person(dispatcher)
    try:
        await sweeper.acknowledge(desk, order)
        await sweeper.reply(desk, order, "已整改完毕")
    finally:
        await desk.close()
    answered = read(operator, ORDER, order)
    assert answered is not None and answered[0] == "supervision" and answered[4] is not None
    for change in ("acknowledged_at = NULL", "replied_at = now() - interval '1 day'",
                   "reply_text = '改过的回复'"):
        with raw(dispatcher) as conn, pytest.raises(errors.InsufficientPrivilege):
            conn.execute(f"UPDATE escalation_order SET {change},"  # type: ignore[arg-type]
                         " version = version + 1 WHERE id = %s", (order,))
    assert read(operator, ORDER, order) == answered


HANDOVER = "SELECT notes, summary, incoming_leader, signed_at, version FROM handover" \
           " WHERE id = %s"


async def test_a_signed_handover_is_final(login_as: MakeLogin, database_url: str) -> None:
    outgoing, incoming, third = (login_as("shift_leader") for _ in range(3))
    day = dt.date(2030, 1, 1)
    with raw(outgoing) as conn:
        shifts = [r[0] for r in conn.execute("SELECT id FROM shift_template ORDER BY id")]
    stores = [await person(url) for url in (outgoing, incoming)]
    try:
        handed = await handover.hand_over(stores[0], day, shifts[0], "交班：一切正常", None)
        assert handed.id is not None and handed.version is not None
        signed = await handover.sign_off(stores[1], handed.id, handed.version, "已接班")
        open_one = await handover.hand_over(stores[0], day, shifts[1], "待接班", None)
        assert open_one.id is not None and open_one.incoming_leader is None
    finally:
        for store in stores:
            await store.close()
    final = read(database_url, HANDOVER, signed.id or 0)
    for url in (third, incoming, outgoing):
        with raw(url) as conn:
            for statement in ("UPDATE handover SET notes = '改', version = version + 1"
                              " WHERE id = %s",
                              "UPDATE handover SET incoming_notes = '改' WHERE id = %s",
                              "DELETE FROM handover WHERE id = %s"):
                with pytest.raises(errors.InsufficientPrivilege):
                    conn.execute(statement, (signed.id,))  # type: ignore[arg-type]
    with raw(database_url) as conn:  # not even the owner
        for statement in ("UPDATE handover SET notes = '改' WHERE id = %s",
                          "DELETE FROM handover WHERE id = %s"):
            with pytest.raises(errors.InsufficientPrivilege, match="final"):
                conn.execute(statement, (signed.id,))  # type: ignore[arg-type]
    assert read(database_url, HANDOVER, signed.id or 0) == final

    waiting = read(database_url, HANDOVER, open_one.id)
    sign = ("UPDATE handover SET incoming_leader = %s, signed_at = now(),"
            " version = version + 1 WHERE id = %s")
    with raw(third) as conn, pytest.raises(errors.InsufficientPrivilege):  # in another's name
        conn.execute(sign, (login_of(incoming), open_one.id))  # type: ignore[arg-type]
    with raw(outgoing) as conn, pytest.raises(errors.InsufficientPrivilege):  # one's own
        conn.execute(sign, (login_of(outgoing), open_one.id))  # type: ignore[arg-type]
    with raw(third) as conn, pytest.raises(errors.InsufficientPrivilege):  # and rewrite it
        conn.execute("UPDATE handover SET incoming_leader = session_user, signed_at = now(),"
                     " notes = '改', version = version + 1 WHERE id = %s", (open_one.id,))
    assert read(database_url, HANDOVER, open_one.id) == waiting
