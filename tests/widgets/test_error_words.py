"""Every error code console/ raises has words in both languages: Chinese in
widgets/common/texts.py, English in resources/i18n/hotline_en.ts. The codes are
found by reading console/'s source (ast), so a new code without words fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from console.core.errors import ConflictError, ConsoleError, FieldError
from tools import update_translations as tool
from widgets.common import texts

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Codes in the login flow have their words in the login dialog, not here.
ELSEWHERE = {"login.tls", "login.unreachable", "login.password", "login.other"}


def _constants(node: ast.AST | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):  # "roster.two_shifts" if … else "roster.rest"
        return _constants(node.body) + _constants(node.orelse)
    return []


def raised_codes() -> dict[str, set[str]]:
    """Codes by kind: field codes, transition codes, class codes, conflict actions."""
    found: dict[str, set[str]] = {"field": set(), "transition": set(), "class": set(),
                                  "conflict": set()}
    for path in (ROOT / "console").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                if name == "PhoneError" and node.args:  # becomes a FieldError of the phone
                    found["field"].update(_constants(node.args[0]))
                elif name == "FieldError" and len(node.args) >= 2:
                    found["field"].update(_constants(node.args[1]))
                elif name == "TransitionError" and node.args:
                    found["transition"].update(_constants(node.args[0]))
                elif name in ("ConflictError", "AnswerConflict"):
                    for keyword in node.keywords:
                        if keyword.arg == "action":
                            found["conflict"].update(_constants(keyword.value))
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (isinstance(item, ast.Assign) and len(item.targets) == 1
                            and isinstance(item.targets[0], ast.Name)
                            and item.targets[0].id == "code"):
                        found["class"].update(_constants(item.value))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for item in ast.walk(node):  # code = "a" if … else "b"; FieldError(…, code)
                    if (isinstance(item, ast.Assign) and len(item.targets) == 1
                            and isinstance(item.targets[0], ast.Name)
                            and item.targets[0].id == "code"):
                        found["field"].update(c for c in _constants(item.value)
                                              if c and c not in ELSEWHERE)
    return found


def words(kind: str, code: str) -> str:
    """The Chinese source words the console shows for a code (no translator installed)."""
    if kind == "field":  # a unit's or a master case's code reads as a move's refusal
        text = texts.field_error(FieldError("field", code))
        return text if text != code else texts.transition_error(code)
    if kind == "transition":
        return texts.transition_error(code)
    if kind == "conflict":
        return texts.user_error(ConflictError("changed", changed_by="{who}", action=code))
    error = ConsoleError("an English sentence")
    error.code = code
    return texts.user_error(error)


@pytest.fixture(scope="module")
def translations() -> dict[tuple[str, str, str], object]:
    return tool.read_ts(tool.TS)


def test_the_walk_finds_the_codes_it_should() -> None:
    codes = raised_codes()
    assert {"phone.invalid", "text.too_long", "roster.rest", "roster.two_shifts"} <= codes["field"]
    assert {"database.busy", "database.unavailable", "case.not_found"} <= codes["class"]
    assert "ladder_changed" in codes["conflict"]


def test_every_code_raised_in_console_has_chinese_words_and_an_english_translation(
        translations: dict[tuple[str, str, str], object]) -> None:
    missing = []
    for kind, codes in sorted(raised_codes().items()):
        # The base classes' codes are never shown: a ValidationError shows its fields.
        for code in sorted(codes - {"validation", "error"}):
            text = words(kind, code)
            if code in text or "English" in text or not CJK.search(text):
                missing.append(f"{kind} {code}: no Chinese words ({text!r})")
                continue
            entry = translations.get(("Texts", text, ""))
            if entry is None or not getattr(entry, "finished", False):
                missing.append(f"{kind} {code}: no English for {text!r}")
    assert missing == []


def test_an_unknown_code_is_never_shown_as_the_exceptions_english() -> None:
    error = ConsoleError("connection to server at 10.0.0.9 failed: timeout expired")
    error.code = "something.new"
    shown = texts.user_error(error)
    assert "timeout" not in shown and CJK.search(shown)
