"""Rules every piece of free text typed at a seat follows."""

from __future__ import annotations

import re

from console.core.errors import FieldError

# C0 and C1 control characters other than tab and newline (NUL cannot even be
# stored), and lone UTF-16 surrogates (a broken paste: no encoding can carry them,
# so they would fail far from the field instead of here).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(value: str, name: str, limit: int, errors: list[FieldError],
               *, required: bool = True) -> str:
    """The text stripped; a problem is appended to ``errors`` as a code for ``name``:
    '<name>.empty', 'text.too_long' (with limit and length), 'text.control' (position of
    a control character or a lone surrogate). Anything but a string is 'text.invalid'."""
    if not isinstance(value, str):
        errors.append(FieldError(name, "text.invalid"))
        return ""
    stripped = value.strip()
    if required and not stripped:
        errors.append(FieldError(name, f"{name}.empty"))
    elif len(stripped) > limit:
        errors.append(FieldError(name, "text.too_long", {"limit": limit, "length": len(stripped)}))
    elif (bad := CONTROL.search(stripped)) is not None:
        errors.append(FieldError(name, "text.control", {"position": bad.start() + 1}))
    return stripped
