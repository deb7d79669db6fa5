"""What a figure can be broken down by: each dimension is a key and a name (both SQL on
the case ``c``) and the joins they need. Keys are what a filter takes (a channel's
code, a street's code, a category's or unit's id); names are the database's words
(empty for channels and natures, whose words the widgets hold). Cases without the
dimension's value (no street, no unit yet) group under the key "" ."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from console.stats.scope import CENTRE_ZONE


class By(enum.StrEnum):
    CHANNEL = "channel"
    NATURE = "nature"
    STREET = "street"
    COMMUNITY = "community"
    CATEGORY_1 = "category_1"  # the case's category's ancestor of level 1
    CATEGORY_2 = "category_2"
    CATEGORY_3 = "category_3"
    UNIT = "unit"
    HOUR = "hour"        # hour of the day, 0-23, the centre's time
    WEEKDAY = "weekday"  # ISO: 1 Monday - 7 Sunday
    DAY = "day"          # the centre's calendar day, YYYY-MM-DD
    ALL = "all"          # one group: the whole


@dataclass(frozen=True)
class Dimension:
    key: str
    name: str
    joins: str = ""


LOCAL = f"timezone('{CENTRE_ZONE}', c.created_at)"
_ANCESTOR = ("CASE {n} WHEN k.level THEN k.{col} WHEN kp.level THEN kp.{col}"
             " WHEN kg.level THEN kg.{col} END")
_CATEGORY_JOINS = ("\nJOIN public.category k ON k.id = c.category_id"
                   "\nLEFT JOIN public.category kp ON kp.id = k.parent_id"
                   "\nLEFT JOIN public.category kg ON kg.id = kp.parent_id")


def _category(level: int) -> Dimension:
    return Dimension(f"coalesce(({_ANCESTOR.format(n=level, col='id')})::text, '')",
                     f"coalesce({_ANCESTOR.format(n=level, col='name')}, '')", _CATEGORY_JOINS)


DIMENSIONS: dict[By, Dimension] = {
    By.CHANNEL: Dimension("c.channel", "''"),
    By.NATURE: Dimension("c.nature", "''"),
    By.STREET: Dimension("coalesce(c.street_code, '')", "coalesce(s.name, '')",
                         "\nLEFT JOIN public.street s ON s.code = c.street_code"),
    By.COMMUNITY: Dimension("coalesce(c.community_code, '')", "coalesce(m.name, '')",
                            "\nLEFT JOIN public.community m ON m.code = c.community_code"),
    By.CATEGORY_1: _category(1),
    By.CATEGORY_2: _category(2),
    By.CATEGORY_3: _category(3),
    By.UNIT: Dimension("coalesce(c.assigned_unit_id::text, '')", "coalesce(u.name, '')",
                       "\nLEFT JOIN public.unit u ON u.id = c.assigned_unit_id"),
    By.HOUR: Dimension(f"extract(hour FROM {LOCAL})::int::text", "''"),
    By.WEEKDAY: Dimension(f"extract(isodow FROM {LOCAL})::int::text", "''"),
    By.DAY: Dimension(f"to_char({LOCAL}, 'YYYY-MM-DD')", "''"),
    By.ALL: Dimension("'all'", "''"),
}


def grouped(by: By, figures: str, where: str, order: str = "1") -> str:
    """One grouped query: key, name, then ``figures`` over the cases ``c`` that ``where``
    keeps, by the dimension."""
    d = DIMENSIONS[by]
    return (f'SELECT {d.key} AS key, min({d.name}) AS name, {figures}\n'
            f'FROM public."case" c{d.joins}\nWHERE {where}\nGROUP BY 1\nORDER BY {order}')
