"""A mypy plugin for one habit of PySide6 that its stubs do not describe.

PySide6 takes any Qt property of a class as a keyword of its constructor, the
properties of its base classes included: ``QLabel(text, objectName="status")``
(``objectName`` is QObject's), ``QDateEdit(calendarPopup=True)`` (QDateTimeEdit's).
The stubs list only each class's own properties. This plugin lets a constructor
of a Qt class (or of our subclass that keeps Qt's constructor, or passes
``**kwargs`` on) take the keyword-only properties its Qt base classes declare,
with their types; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_NAMED_OPT, ARG_STAR2, TypeInfo
from mypy.plugin import FunctionSigContext, MethodSigContext, Plugin
from mypy.types import (
    CallableType,
    Instance,
    Overloaded,
    ProperType,
    Type,
    get_proper_type,
)

QOBJECT = "PySide6.QtCore.QObject"


def _base_properties(info: TypeInfo) -> dict[str, Type]:
    """Keyword-only arguments of the Qt base classes' constructors: their properties."""
    found: dict[str, Type] = {}
    for base in info.mro[1:]:
        init = base.names.get("__init__") if base.fullname.startswith("PySide6.") else None
        typ = get_proper_type(init.type) if init is not None else None
        items = (typ.items if isinstance(typ, Overloaded)
                 else [typ] if isinstance(typ, CallableType) else [])
        for item in items:
            for kind, name, arg in zip(item.arg_kinds, item.arg_names, item.arg_types,
                                       strict=True):
                if kind == ARG_NAMED_OPT and name:
                    found.setdefault(name, arg)
    return found


def _with_properties(sig: CallableType, owner: ProperType) -> CallableType:
    if not (isinstance(owner, Instance) and owner.type.has_base(QOBJECT)):
        return sig
    definition = sig.definition.fullname if sig.definition is not None else ""
    if ARG_STAR2 in sig.arg_kinds or not definition.startswith("PySide6."):
        return sig  # our own constructor: it says what it takes
    extra = {n: t for n, t in _base_properties(owner.type).items() if n not in sig.arg_names}
    if not extra:
        return sig
    return sig.copy_modified(arg_types=[*sig.arg_types, *extra.values()],
                             arg_kinds=[*sig.arg_kinds, *[ARG_NAMED_OPT] * len(extra)],
                             arg_names=[*sig.arg_names, *extra])


def _constructor(ctx: FunctionSigContext) -> CallableType:
    sig = ctx.default_signature
    return _with_properties(sig, get_proper_type(sig.ret_type))


def _init(ctx: MethodSigContext) -> CallableType:
    return _with_properties(ctx.default_signature, get_proper_type(ctx.type))


class PySidePlugin(Plugin):
    def get_function_signature_hook(
            self, fullname: str) -> Callable[[FunctionSigContext], CallableType] | None:
        return _constructor

    def get_method_signature_hook(
            self, fullname: str) -> Callable[[MethodSigContext], CallableType] | None:
        return _init if fullname.endswith(".__init__") else None


def plugin(version: str) -> type[Plugin]:
    return PySidePlugin
