"""Typed event payloads as JSON: a payload is a frozen dataclass whose fields are
its JSON keys; dates and times travel as ISO text, ids as strings, tuples as lists.
Reading tolerates keys a newer version added (they are dropped) and missing keys
that have defaults. The payloads themselves are in ``console/core/events.py``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import uuid
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar, Union, get_args, get_origin, get_type_hints


def encode(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item, *_rest) = get_args(hint)
        return tuple(decode(item, v) for v in value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is uuid.UUID:
        return uuid.UUID(str(value))
    if hint is int and not isinstance(value, bool):
        return int(value)
    return value


P = TypeVar("P", bound="TypedPayload")


@dataclass(frozen=True)
class TypedPayload:
    """A payload of a fixed kind: its fields are the JSON keys."""

    KIND: ClassVar[str]  # the event kind (events.Kind)

    @property
    def kind(self) -> str:
        return str(self.KIND)

    def to_json(self) -> dict[str, Any]:
        return {f.name: encode(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_json(cls: type[P], raw: dict[str, Any]) -> P:
        hints = get_type_hints(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: decode(hints[k], v) for k, v in raw.items() if k in known})
