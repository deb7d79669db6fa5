"""Messages to citizens (受理告知, 办理反馈): queued with the intake and the
resolution, sent by the plug-in one seat at a time, never twice, retried with a
pause, recorded as told by phone; the outbox as staff see it."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from console.casework import cases
from console.catalog.catalog import load_catalog
from console.core.errors import ValidationError
from console.core.store import Store
from console.hotline.intake import answer_on_the_spot, create_case
from console.notices import delivery, messages
from console.notices.sender import LogFileSender, Outgoing, SendFailed
from tests.db.conftest import MakeLogin
from tests.db.people import login_of, person, raw
from tests.factories import draft


class Gateway:
    """A sender that keeps what it was given, and refuses while told to."""

    name = "test"

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.sent: list[Outgoing] = []

    async def send(self, message: Outgoing) -> None:
        if self.refuse:
            raise SendFailed("gateway says no")
        self.sent.append(message)


async def new_case(url: str, **kw: object) -> uuid.UUID:
    store = await person(url)
    try:
        catalog = await load_catalog(store)
        return (await create_case(store, catalog, draft(catalog, **kw))).id
    finally:
        await store.close()


async def outbox(url: str, case_id: uuid.UUID) -> list[messages.Message]:
    store = await person(url)
    try:
        return await messages.messages_of(store, case_id)
    finally:
        await store.close()


async def deliver(url: str, gateway: Gateway) -> delivery.DeliveryReport:
    store = await person(url)
    try:
        return await delivery.deliver_due(store, gateway)
    finally:
        await store.close()


async def test_intake_queues_the_acceptance_notice_from_the_template(
        login_as: MakeLogin) -> None:
    operator = login_as("operator")
    case_id = await new_case(operator)
    (notice,) = await outbox(operator, case_id)
    with raw(operator) as conn:
        no, due, created = conn.execute(
            'SELECT public_no, due_at, created_at FROM "case" WHERE id = %s',
            (case_id,)).fetchone()  # type: ignore[misc]
    assert (notice.kind, notice.channel, notice.state) == ("acceptance", "sms", "pending")
    assert notice.recipient == "+8613812345678"
    assert no in notice.text and "道路破损" in notice.text and "承诺" in notice.text
    assert notice.due_by == created + dt.timedelta(hours=2)
    assert due is not None


async def test_nobody_is_told_of_a_grid_report_an_anonymous_case_or_an_answered_call(
        login_as: MakeLogin) -> None:
    operator = login_as("operator")
    grid = await new_case(operator, channel="grid_worker", caller_phone="")
    anonymous = await new_case(operator, channel="web", caller_phone="")
    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        answered = (await answer_on_the_spot(store, catalog, draft(catalog), "见答复")).id
    finally:
        await store.close()
    for case_id in (grid, anonymous, answered):
        assert await outbox(operator, case_id) == []


async def test_the_resolution_queues_the_result_feedback(login_as: MakeLogin) -> None:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await new_case(operator)
    desk = await person(dispatcher)
    try:
        unit = min(u.id for u in (await load_catalog(desk)).units.values() if u.active)
        await cases.perform(desk, case_id, "dispatch", None, unit_id=unit)
        await cases.perform(desk, case_id, "resolve", None, result="路面已修复")
    finally:
        await desk.close()
    acceptance, result = await outbox(operator, case_id)
    assert result.kind == "result" and "路面已修复" in result.text
    assert acceptance.kind == "acceptance"


async def test_the_sender_sends_each_due_message_once_and_the_case_hears_of_it(
        login_as: MakeLogin) -> None:
    operator, sender = login_as("operator"), login_as("sender")
    first, second = await new_case(operator), await new_case(operator)
    gateway = Gateway()
    report = await deliver(sender, gateway)
    assert report == delivery.DeliveryReport(sent=2)
    assert len({m.id for m in gateway.sent}) == len({m.case_no for m in gateway.sent}) == 2
    assert await deliver(sender, gateway) == delivery.DeliveryReport()  # nothing twice
    assert len(gateway.sent) == 2
    for case_id in (first, second):
        (notice,) = await outbox(operator, case_id)
        assert notice.state == "sent" and notice.in_time and notice.attempts == 1
        assert notice.sent_by is not None and notice.sent_by.startswith("hc_t_")
    with raw(operator) as conn:
        kinds = conn.execute("SELECT payload ->> 'action' FROM case_event"
                             " WHERE kind = 'notice' AND case_id = %s", (first,)).fetchall()
    assert kinds == [("sent",)]


@pytest.mark.expected_log(r"message \d+ to the citizen of .* not sent")
async def test_a_refused_send_is_tried_again_later_and_fails_after_the_last_try(
        login_as: MakeLogin, admin_url: str, database_url: str) -> None:
    operator, sender = login_as("operator"), login_as("sender")
    case_id = await new_case(operator)
    refusing = Gateway(refuse=True)
    assert await deliver(sender, refusing) == delivery.DeliveryReport(retried=1)
    (notice,) = await outbox(operator, case_id)
    assert notice.state == "retrying" and notice.last_error == "gateway says no"
    assert await deliver(sender, refusing) == delivery.DeliveryReport()  # not yet again
    with raw(database_url) as conn:  # the rule allows two tries; the pause has passed
        conn.execute("UPDATE notice_rule SET max_attempts = 2")
        conn.execute("UPDATE citizen_message SET next_try_at = now()")
    assert await deliver(sender, refusing) == delivery.DeliveryReport(failed=1)
    (notice,) = await outbox(operator, case_id)
    assert notice.state == "failed" and notice.attempts == 2
    assert await deliver(sender, Gateway()) == delivery.DeliveryReport()  # final


async def test_two_seats_never_take_the_same_message(login_as: MakeLogin) -> None:
    operator, sender = login_as("operator"), login_as("sender")
    await new_case(operator)
    with raw(sender) as one, raw(sender) as two, one.transaction(), two.transaction():
        taken = one.execute("SELECT id FROM citizen_messages_due(5)").fetchall()
        assert len(taken) == 1
        assert two.execute("SELECT id FROM citizen_messages_due(5)").fetchall() == []


async def test_the_log_sender_writes_one_line_per_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    log = LogFileSender(tmp_path / "sms" / "out.log")
    await log.send(Outgoing(7, "+8613812345678", "您好", "PS-1", "acceptance"))
    await log.send(Outgoing(8, "+8613812345678", "再见", "PS-1", "result"))
    lines = (tmp_path / "sms" / "out.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and '"id": 7' in lines[0] and "再见" in lines[1]


async def test_told_by_phone_replaces_the_sms(login_as: MakeLogin) -> None:
    operator, sender = login_as("operator"), login_as("sender")
    case_id = await new_case(operator)
    store = await person(operator)
    try:
        async with store.read() as conn:
            now = (await conn.execute(select(func.now()))).scalar_one()
        told = await messages.tell_by_phone(store, case_id, "acceptance", now,
                                            "已电话告知受理，承诺时限内办结")
        assert told.event_id > 0
        with pytest.raises(messages.NoticeRefused) as again:
            await messages.tell_by_phone(store, case_id, "acceptance", now, "再次告知")
        assert again.value.code == "notice.told_already"
        with pytest.raises(ValidationError):
            await messages.tell_by_phone(store, case_id, "acceptance",
                                         now + dt.timedelta(hours=1), "未来")
        with pytest.raises(ValidationError):
            await messages.tell_by_phone(store, case_id, "acceptance", now, "  ")
    finally:
        await store.close()
    sms, phone = await outbox(operator, case_id)
    assert (sms.state, phone.state, phone.channel) == ("cancelled", "sent", "phone")
    assert phone.in_time and phone.sent_by == operator.split("//")[1].split("@")[0]
    gateway = Gateway()
    assert await deliver(sender, gateway) == delivery.DeliveryReport()
    assert gateway.sent == []


async def test_a_grid_report_cannot_be_told_by_phone(login_as: MakeLogin,
                                                     store: Store) -> None:
    operator = login_as("operator")
    grid = await new_case(operator, channel="grid_worker", caller_phone="")
    person_store = await person(operator)
    try:
        with pytest.raises(messages.NoticeRefused) as refused:
            await messages.tell_by_phone(person_store, grid, "acceptance",
                                         dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1),
                                         "告知")
    finally:
        await person_store.close()
    assert refused.value.code == "notice.no_citizen"


async def test_a_call_before_the_case_existed_is_refused(login_as: MakeLogin) -> None:
    operator = login_as("operator")
    case_id = await new_case(operator)
    store = await person(operator)
    try:
        with pytest.raises(messages.NoticeRefused) as refused:
            await messages.tell_by_phone(store, case_id, "acceptance",
                                         dt.datetime(2020, 1, 1, tzinfo=dt.UTC), "告知")
    finally:
        await store.close()
    assert refused.value.code == "notice.out_of_order"
    assert [m.state for m in await outbox(operator, case_id)] == ["pending"]


async def test_a_seat_whose_login_sends_sends_what_its_intake_queued(
        login_as: MakeLogin, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from console import app

    monkeypatch.setattr(app, "SEND_EVERY_S", 0.05)
    monkeypatch.setattr(app, "SEND_JITTER_S", 0)
    operator, sender = login_as("operator"), login_as("sender")
    gateway, idle = Gateway(), Gateway()
    sending = app.ConsoleApp(sender, login_of(sender), journal_path=tmp_path / "s.json",
                             sender=gateway)
    not_sending = app.ConsoleApp(operator, login_of(operator), journal_path=tmp_path / "o.json",
                                 sender=idle)
    await sending.open()
    await not_sending.open()
    try:
        case_id = await new_case(operator)
        for _ in range(200):
            if gateway.sent:
                break
            await asyncio.sleep(0.05)
        assert [m.kind for m in gateway.sent] == ["acceptance"] and idle.sent == []
        assert not_sending._sends is not None and not_sending._sends.done()  # noqa: SLF001
        (notice,) = await outbox(operator, case_id)
        assert notice.state == "sent"
    finally:
        await sending.close()
        await not_sending.close()
