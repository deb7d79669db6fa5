"""The cases an alert was about, shown in bold for a while at the seat (the queue and
the countdown panel); no Qt here."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection


class Highlights:
    """Cases shown in bold until a moment each (an alert was about them). Those whose
    moment has passed are let go when cases are next marked, so a seat that runs for
    weeks holds the cases of its last alerts only, not every case it ever alerted on."""

    def __init__(self) -> None:
        self._until: dict[uuid.UUID, dt.datetime] = {}

    def mark(self, ids: Collection[uuid.UUID], until: dt.datetime, now: dt.datetime) -> None:
        self._until = {case_id: at for case_id, at in self._until.items() if at > now}
        self._until.update(dict.fromkeys(ids, until))

    def shown(self, case_id: uuid.UUID, now: dt.datetime) -> bool:
        until = self._until.get(case_id)
        return until is not None and until > now

    def __len__(self) -> int:
        return len(self._until)
