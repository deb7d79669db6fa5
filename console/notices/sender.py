"""The sender: the plug-in that hands a message to the citizen's phone.

A sender is any object with an ``async send(message)`` that returns when the
gateway took the message and raises ``SendFailed`` (with words for the log and
the outbox) when it did not. ``message.id`` is the message's id in the outbox:
a gateway that accepts a client reference should be given it, so that a send
repeated after a seat died mid-send is dropped there.

Which sender a seat uses is named by the environment variable
``HOTLINE_SMS_SENDER``: a name registered under the entry-point group
``hotline_console.senders`` (``log``, the one shipped, is built in) or a dotted
path ``package.module:factory``. The factory is called with no arguments and
reads its own configuration (address, key) from the environment.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

import platformdirs

from console.core.errors import ConsoleError

SENDER_VARIABLE = "HOTLINE_SMS_SENDER"
LOG_VARIABLE = "HOTLINE_SMS_LOG"
ENTRY_POINTS = "hotline_console.senders"
APP_NAME = "hotline-console"


@dataclass(frozen=True)
class Outgoing:
    """What a sender gets: the outbox id (the gateway's client reference), the
    recipient in E.164, the text, and for the record the case and the kind."""

    id: int
    recipient: str
    text: str
    case_no: str
    kind: str


class SendFailed(Exception):
    """The gateway did not take the message; ``reason`` goes to the outbox."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Sender(Protocol):
    name: str

    async def send(self, message: Outgoing) -> None: ...


class SenderNotFound(ConsoleError):
    code = "notice.sender_unknown"


class LogFileSender:
    """The sender shipped: each message becomes one JSON line in a local file
    (written and flushed to disk before it counts as sent), for a centre without
    an SMS gateway yet, a test seat, or the demo."""

    name = "log"

    def __init__(self, path: Path | None = None) -> None:
        default = Path(platformdirs.user_data_dir(APP_NAME)) / "sms-outbox.log"
        self.path = path or Path(os.environ.get(LOG_VARIABLE) or default)

    async def send(self, message: Outgoing) -> None:
        line = json.dumps({"at": dt.datetime.now(dt.UTC).isoformat(), "id": message.id,
                           "to": message.recipient, "case": message.case_no,
                           "kind": message.kind, "text": message.text},
                          ensure_ascii=False)
        try:
            await asyncio.to_thread(self._write, line)
        except OSError as exc:
            raise SendFailed(f"log file {self.path}: {exc.strerror or exc}") from exc

    def _write(self, line: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())


BUILT_IN: dict[str, Callable[[], Sender]] = {"log": LogFileSender}


def load_sender(name: str | None = None) -> Sender:
    """The sender named (or by ``HOTLINE_SMS_SENDER``; ``log`` when unset)."""
    name = (name if name is not None else os.environ.get(SENDER_VARIABLE, "")).strip() or "log"
    factory: Callable[[], Sender] | None = BUILT_IN.get(name)
    if factory is None and ":" not in name:
        found = [e for e in entry_points(group=ENTRY_POINTS) if e.name == name]
        factory = found[0].load() if found else None
    elif factory is None:
        module, _, attribute = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError) as exc:
            raise SenderNotFound(name) from exc
    if factory is None:
        raise SenderNotFound(name)
    sender = factory()
    if not callable(getattr(sender, "send", None)):
        raise SenderNotFound(name)
    return sender
