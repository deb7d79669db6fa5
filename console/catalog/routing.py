"""Which unit a case should go to, offered to the dispatcher as a suggestion.

Plain Python over the catalog a seat holds. It follows automatic dispatch at
intake (``console/casework/first_move.py``: ``ROUTE``): a category the street
handles where the case happened (属地) goes to that street's unit, a category
with an owner unit to its owner. It goes one step further for the dispatcher:
a category with no single owner (or an owner no longer active) goes to the
street's unit too. A street's unit is its sub-centre (街道指挥分中心), or its
street office (街道办事处) where it has no sub-centre.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.catalog.catalog import Catalog

STREET_KINDS = ("centre", "street")  # tried in this order


@dataclass(frozen=True)
class Suggestion:
    unit_id: int
    reason: str  # "owner": the category's owner unit; "street": the case's street's unit


def street_unit(catalog: Catalog, street_code: str | None) -> int | None:
    """The active unit that takes a street's cases, or None."""
    if street_code is None:
        return None
    for kind in STREET_KINDS:
        found = sorted((u.code, u.id) for u in catalog.units.values()
                       if u.active and u.kind == kind and u.street_code == street_code)
        if found:
            return found[0][1]
    return None


def suggest_unit(catalog: Catalog, category_id: int | None,
                 street_code: str | None) -> Suggestion | None:
    """The unit to offer for a case of this category on this street, or None."""
    category = catalog.categories.get(category_id) if category_id is not None else None
    owner = (catalog.units.get(category.owner_unit_id)
             if category is not None and category.owner_unit_id is not None else None)
    if category is not None and not category.territorial and owner is not None \
            and owner.active:
        return Suggestion(owner.id, "owner")
    unit = street_unit(catalog, street_code)
    return None if unit is None else Suggestion(unit, "street")
