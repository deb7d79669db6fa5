"""The seat's settings, declared once: every key the console keeps on the seat, its
type, its default, the settings version that brought it, and how a value that an
older version wrote is read or moved.

The schema is plain data over a ``Storage`` (a key-value store): on the desktop
that is QSettings through the thin adapter in widgets/shell/settings.py; the
tests use a dict. ``SeatSettings.open`` brings a store written by any older
version up to ``SETTINGS_VERSION`` once, then reads and writes by the schema.

Settings versions:

1. the first releases: ``ui/language``, ``login/last_user``, ``alerts/kinds``,
   ``alerts/sound`` and one layout for every role, ``layout/v1`` … ``layout/v6``;
2. a layout per role (``layout/v7/<role>``);
3. the file says its version (``settings/version``);
4. the unit view's dock and a layout for unit handlers (``layout/v8/<role>``);
5. the map's dock (``layout/v9/<role>``);
6. the read-only replica statistics and reports may read from (``database/reporting_url``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.exc import ArgumentError

from console.casework.lifecycle import DISPATCHER, LEADER, OPERATOR, SUPERVISOR, UNIT
from console.supervision.alert_kinds import KINDS
from db.engine import normalise_url

log = logging.getLogger(__name__)

T = TypeVar("T")

SETTINGS_VERSION = 6
# The version of the set of docks a saved layout belongs to (Qt's saveState takes
# it too). Raise it when docks come or go, with SETTINGS_VERSION and a step that
# runs ``layouts_to_current``: every older layout's window geometry is carried over
# and its dock state, made for other docks, is dropped.
LAYOUT_VERSION = 10  # 2 countdowns; 3 callbacks; 4 quick answers; 5 board; 6 duty; 7 per role;
# 8 the unit view; 9 the map; 10 the statistics
LAYOUT_ROLES = (SUPERVISOR, LEADER, DISPATCHER, OPERATOR, UNIT)
LANGUAGES = ("zh_CN", "en")


class Storage(Protocol):
    """Where the values are kept (a value may be None: QSettings reads an empty list
    back as nothing)."""

    def all_keys(self) -> list[str]: ...
    def has(self, key: str) -> bool: ...
    def get(self, key: str) -> object: ...
    def put(self, key: str, value: object) -> None: ...
    def remove(self, key: str) -> None: ...
    def sync(self) -> None: ...


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A type of value: how a stored value is read (ValueError when it cannot be)."""

    name: str
    read: Callable[[object], T]
    write: Callable[[T], object] = lambda value: value
    shown: Callable[[object], str] = repr  # a stored value in a log message


def _flag(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if str(raw).strip().lower() in ("true", "1", "yes"):
        return True
    if str(raw).strip().lower() in ("false", "0", "no", ""):
        return False
    raise ValueError(raw)


def _text(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    raise ValueError(raw)


def _names(raw: object) -> tuple[str, ...]:
    """A list of names. QSettings gives back a list of one as its item, and an
    empty list as nothing at all."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,) if raw else ()
    if isinstance(raw, list | tuple) and all(isinstance(n, str) for n in raw):
        return tuple(raw)
    raise ValueError(raw)


def _blob(raw: object) -> bytes:
    if isinstance(raw, bytes | bytearray):
        return bytes(raw)
    raise ValueError(raw)


def _number(raw: object) -> int:
    if isinstance(raw, int | str) and not isinstance(raw, bool):
        return int(raw)
    raise ValueError(raw)


def _server_url(raw: object) -> str:
    """A database server's URL without a password (passwords are never kept in files;
    the seat's person logs in with their own), or "" for none."""
    url = _text(raw).strip()
    if not url:
        return ""
    try:
        parsed = normalise_url(url)
    except (ArgumentError, ValueError) as exc:
        raise ValueError(raw) from exc
    if parsed.password:
        raise ValueError("a URL with a password")
    return url


def _url_shown(raw: object) -> str:
    """A stored URL for a log message, its password (if any) hidden."""
    try:
        return repr(normalise_url(str(raw)).render_as_string(hide_password=True))
    except (ArgumentError, ValueError):
        return "a value that is not a URL"


def _language(raw: object) -> str:
    """One of ours. A locale's name (en_US, zh-CN, zh_Hans) is read as its language:
    the value may come from a hand-edited file or another program's settings."""
    name = _text(raw)
    if name in LANGUAGES:
        return name
    primary = re.split(r"[-_.@]", name.strip().lower(), maxsplit=1)[0]
    found = {"zh": "zh_CN", "en": "en"}.get(primary)
    if found is None:
        raise ValueError(raw)
    return found


FLAG: Kind[bool] = Kind("bool", _flag)
TEXT: Kind[str] = Kind("str", _text)
NAMES: Kind[tuple[str, ...]] = Kind("list of names", _names, list)
BLOB: Kind[bytes | None] = Kind("bytes", _blob)
NUMBER: Kind[int] = Kind("int", _number)
LANGUAGE_KIND: Kind[str] = Kind("language", _language)
SERVER_URL: Kind[str] = Kind("database URL without a password", _server_url,
                             shown=_url_shown)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str             # may name a parameter: "layout/v7/{role}/state"
    kind: Kind[T]
    default: T
    since: int           # the settings version that brought it
    doc: str

    def key_for(self, **params: str) -> str:
        return self.key.format(**params)


LANGUAGE = Setting("ui/language", LANGUAGE_KIND, "zh_CN", 1,
                   "the language of the window from the next start (--lang overrides it)")
LAST_USER = Setting("login/last_user", TEXT, "", 1,
                    "who logged in last at this seat of the embedded server")
ALERT_KINDS = Setting("alerts/kinds", NAMES, tuple(KINDS), 1,
                      "the alerts this seat wants (提醒 menu)")
ALERT_SOUND = Setting("alerts/sound", FLAG, False, 1, "a sound with each alert")
LAYOUT_STATE: Setting[bytes | None] = Setting(
    f"layout/v{LAYOUT_VERSION}/{{role}}/state", BLOB, None, 2,
    "where the docks are, per role (Qt's saveState)")
LAYOUT_GEOMETRY: Setting[bytes | None] = Setting(
    f"layout/v{LAYOUT_VERSION}/{{role}}/geometry", BLOB, None, 2,
    "the window's place on the screen, per role (Qt's saveGeometry)")
VERSION = Setting("settings/version", NUMBER, 0, 3,
                  "the settings version the file was last brought up to")
REPORTING_URL = Setting("database/reporting_url", SERVER_URL, "", 6,
                        "a read-only replica for statistics and reports, e.g. "
                        "postgresql://replica:5432/hotline (no user or password: the "
                        "seat's login is used); --reporting-url overrides it; "
                        "empty: they read the primary")
SCHEMA: tuple[Setting[Any], ...] = (LANGUAGE, LAST_USER, ALERT_KINDS, ALERT_SOUND,
                                    LAYOUT_STATE, LAYOUT_GEOMETRY, VERSION, REPORTING_URL)


# ---- bringing an older seat's settings up to date ------------------------------------------
_OLD_LAYOUT = re.compile(r"layout/v(\d+)/(?:(\w+)/)?(geometry|state)")


def layouts_to_current(storage: Storage) -> None:
    """Layouts saved for an older set of docks: the window's geometry goes on (the
    newest one to each role; a layout of before roles to every role) unless the role
    has one already; the dock state goes (Qt refuses a state saved for other docks)."""
    found = []
    for key in storage.all_keys():
        match = _OLD_LAYOUT.fullmatch(key)
        if match and int(match[1]) < LAYOUT_VERSION:
            found.append((int(match[1]), match[2], match[3], key))
    for _version, role, what, key in sorted(found, reverse=True):
        if what == "geometry":
            for to in (role,) if role else LAYOUT_ROLES:
                target = LAYOUT_GEOMETRY.key_for(role=to)
                if to in LAYOUT_ROLES and not storage.has(target):
                    storage.put(target, storage.get(key))
        storage.remove(key)


def values_in_their_type(storage: Storage) -> None:
    """Each value as its setting reads it: a locale's name as our language, a flag
    kept as a word as a flag; a value that cannot be read goes, so its default holds."""
    for setting in SCHEMA:
        for key in _keys_of(setting, storage):
            raw = storage.get(key)
            try:
                value = setting.kind.read(raw)
            except (TypeError, ValueError):
                log.warning("setting %s: %s is not a %s; the default is used",
                            key, setting.kind.shown(raw), setting.kind.name)
                storage.remove(key)
                continue
            written = setting.kind.write(value)
            if written != raw:
                storage.put(key, written)


def _keys_of(setting: Setting[Any], storage: Storage) -> Iterable[str]:
    if "{role}" in setting.key:
        return [k for k in (setting.key_for(role=r) for r in LAYOUT_ROLES) if storage.has(k)]
    return [setting.key] if storage.has(setting.key) else []


@dataclass(frozen=True)
class Step:
    to: int  # the settings version it brings a seat to
    run: Callable[[Storage], None]


STEPS = (Step(2, layouts_to_current), Step(3, values_in_their_type),
         Step(4, layouts_to_current), Step(5, layouts_to_current),
         Step(6, layouts_to_current))


class SeatSettings:
    """The settings of the schema, read and written by their type."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    @classmethod
    def open(cls, storage: Storage) -> SeatSettings:
        """The seat's settings, brought up to this version first."""
        settings = cls(storage)
        settings.migrate()
        return settings

    def version(self) -> int:
        return self.get(VERSION)

    def migrate(self) -> None:
        version = self.version()
        if version > SETTINGS_VERSION:
            log.info("settings of version %s, newer than this program's %s: read as they are",
                     version, SETTINGS_VERSION)
            return
        for step in STEPS:
            if step.to > version:
                step.run(self.storage)
        if version < SETTINGS_VERSION:
            self.set(VERSION, SETTINGS_VERSION)

    def get(self, setting: Setting[T], **params: str) -> T:
        key = setting.key_for(**params)
        if not self.storage.has(key):
            return setting.default
        raw = self.storage.get(key)
        try:
            return setting.kind.read(raw)
        except (TypeError, ValueError):
            log.warning("setting %s: %s is not a %s; the default is used",
                        key, setting.kind.shown(raw), setting.kind.name)
            return setting.default

    def sync(self) -> None:
        """Written to where they are kept now (QSettings also writes later by itself)."""
        self.storage.sync()

    def set(self, setting: Setting[T], value: T, **params: str) -> None:
        key = setting.key_for(**params)
        if value is None:
            self.storage.remove(key)
        else:
            self.storage.put(key, setting.kind.write(value))
