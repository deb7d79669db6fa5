"""Small builders shared by tests."""

from __future__ import annotations

import uuid

from console.catalog.catalog import Catalog
from console.hotline.intake import CaseDraft


def leaf(catalog: Catalog, name: str = "道路破损"):
    return next(c for c in catalog.categories.values() if c.is_leaf and c.name == name)


def draft(catalog: Catalog, **overrides: object) -> CaseDraft:
    cell = sorted(catalog.grid_cells.values(), key=lambda g: g.code)[0]
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "channel": "phone_12345",
        "caller_phone": "138 1234 5678",
        "text": "坑梓大道路面破损，有坑洼，车辆经过颠簸",
        "address": "坑梓大道 100 号",
        "grid_code": cell.code,
        "category_id": leaf(catalog).id,
        "urgency": None,  # the category's class
    }
    values.update(overrides)
    return CaseDraft(**values)  # type: ignore[arg-type]
