#!/usr/bin/env python3
"""Update ``resources/i18n/hotline_en.ts`` from the sources and report what is left to translate.

    python tools/update_translations.py          # update the .ts, keeping existing translations
    python tools/update_translations.py --check  # change nothing; exit 1 if anything is missing

``pyside6-lupdate`` (from the running interpreter's environment) reads
``main.py`` and ``widgets/**/*.py``. It finds ``self.tr("…")`` and
``QCoreApplication.translate("Context", "…")``, but not the strings passed to
small helpers such as::

    def _t(text: str) -> str:
        return QCoreApplication.translate("Texts", text)

    _t("投诉")

so this tool finds those helpers (any function that passes one of its
parameters as the text of ``translate`` with a literal context) with ``ast``,
collects the literal strings passed to them, and hands lupdate one extra,
generated file of ``QT_TRANSLATE_NOOP("Texts", "投诉")`` lines. lupdate then
merges everything itself (keeping translations, dropping obsolete ones); the
generated file's locations are rewritten to point at the real call sites.

Calls that no tool can extract (``self.tr(f"…")``, ``_t(name)``) are reported
as problems, and so is any literal ``tr``/``translate`` call that lupdate
missed.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "hotline_en.ts"
SOURCE_LANGUAGE, TARGET_LANGUAGE = "zh_CN", "en"
STUB_NAME = "_translate_helper_calls.py"
TRANSLATE = {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}

Key = tuple[str, str, str]  # context, source text, disambiguation comment


def source_files(root: Path = ROOT) -> list[Path]:
    return [root / "main.py", *sorted((root / "widgets").rglob("*.py"))]


# ---- ast scan ---------------------------------------------------------------------------
@dataclass
class Scan:
    helper_calls: list[tuple[Key, Path, int]] = field(default_factory=list)
    direct: set[Key] = field(default_factory=set)  # literal tr/translate calls (lupdate's job)
    problems: list[str] = field(default_factory=list)


def _text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _helpers(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """Functions ``f(..., text, ...)`` returning ``translate("<literal>", text)``:
    name -> (context, position of the text parameter)."""
    found: dict[str, tuple[str, int]] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        for call in ast.walk(fn):
            if not (isinstance(call, ast.Call) and _callee(call) == "translate"
                    and len(call.args) >= 2):
                continue
            context, text = _text(call.args[0]), call.args[1]
            if context is not None and isinstance(text, ast.Name) and text.id in params:
                found[fn.name] = (context, params.index(text.id))
    return found


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def scan_sources(paths: list[Path], root: Path = ROOT) -> Scan:
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in paths}
    helpers_of = {_module_name(p, root): _helpers(t) for p, t in trees.items()}
    scan = Scan()
    for path, tree in trees.items():
        helpers = dict(helpers_of[_module_name(path, root)])
        for node in ast.walk(tree):  # helpers imported from another scanned module
            if isinstance(node, ast.ImportFrom) and node.module in helpers_of:
                for alias in node.names:
                    if alias.name in helpers_of[node.module]:
                        helpers[alias.asname or alias.name] = helpers_of[node.module][alias.name]
        _scan_module(tree, path, root, helpers, scan)
    return scan


def _scan_module(tree: ast.Module, path: Path, root: Path,
                 helpers: dict[str, tuple[str, int]], scan: Scan) -> None:
    rel = path.relative_to(root).as_posix()

    def visit(node: ast.AST, cls: str | None, helper_def: bool) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in helpers:
            helper_def = True
        if isinstance(node, ast.Call):
            check(node, cls, helper_def)
        for child in ast.iter_child_nodes(node):
            visit(child, cls, helper_def)

    def check(call: ast.Call, cls: str | None, helper_def: bool) -> None:
        name, where = _callee(call), f"{rel}:{call.lineno}"
        if isinstance(call.func, ast.Name) and name in helpers:
            context, index = helpers[name]
            text = _text(call.args[index]) if len(call.args) > index else None
            if text is None:
                scan.problems.append(f"{where}: {name}() needs a string literal to be translatable")
            else:
                scan.helper_calls.append(((context, text, ""), path, call.lineno))
        elif (name == "tr" and isinstance(call.func, ast.Attribute)) or name == "QT_TR_NOOP":
            text, comment = _text(call.args[0]) if call.args else None, ""
            if len(call.args) > 1:
                comment = _text(call.args[1]) or ""
            if text is None:
                scan.problems.append(f"{where}: tr() needs a string literal to be translatable")
            elif cls is None:
                scan.problems.append(f"{where}: tr() outside a class has no context")
            else:
                scan.direct.add((cls, text, comment))
        elif name in TRANSLATE and len(call.args) >= 2 and not helper_def:
            context, text = _text(call.args[0]), _text(call.args[1])
            if context is None or text is None:
                scan.problems.append(
                    f"{where}: translate() needs a literal context and text to be translatable")
            else:
                comment = _text(call.args[2]) if len(call.args) > 2 else None
                scan.direct.add((context, text, comment or ""))

    visit(tree, None, False)


# ---- the .ts file ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    translation: str
    finished: bool


def read_ts(path: Path) -> dict[Key, Message]:
    out: dict[Key, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            text = "\n".join(forms) if forms else tr.text or ""
            out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = Message(
                text, tr.get("type") is None and all(forms or [text]))
    return out


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found beside {sys.executable} or on PATH")
    return found


def run_lupdate(ts: Path, root: Path = ROOT) -> tuple[Scan, dict[Key, Message]]:
    """Update (or create) ``ts`` from the sources; return the scan and the new contents."""
    paths = source_files(root)
    scan = scan_sources(paths, root)
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / STUB_NAME
        stub.write_text("".join(
            f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, "
            f"{json.dumps(s, ensure_ascii=False)})\n" for (c, s, _), _, _ in scan.helper_calls),
            encoding="utf-8")
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete",
                        "-source-language", SOURCE_LANGUAGE, "-target-language", TARGET_LANGUAGE,
                        *[str(p.relative_to(root)) for p in paths], str(stub), "-ts", str(ts)],
                       cwd=root, check=True)
    # Point the generated file's locations at the real call sites.
    sites = [(os.path.relpath(p, ts.parent).replace(os.sep, "/"), line)
             for _, p, line in scan.helper_calls]
    pattern = re.compile(r'<location filename="[^"]*' + re.escape(STUB_NAME) + r'" line="(\d+)"/>')
    text = ts.read_text(encoding="utf-8")
    text = pattern.sub(lambda m: '<location filename="{}" line="{}"/>'.format(
        *sites[int(m.group(1)) - 1]), text)
    ts.write_text(text, encoding="utf-8", newline="\n")
    messages = read_ts(ts)
    # lupdate's Python parser can get lost (e.g. on implicitly concatenated literals).
    scan.problems += [f"lupdate did not extract {c}: {s!r}"
                      for c, s, _ in sorted(scan.direct - messages.keys())]
    scan.problems += [f"lupdate extracted {c}: {s!r}, which is not in the code as such"
                      for c, s, _ in sorted(messages.keys() - scan.direct
                                            - {k for k, _, _ in scan.helper_calls})]
    return scan, messages


def extract(root: Path = ROOT) -> tuple[list[str], set[Key]]:
    """Every translatable message in the sources, without touching the real .ts:
    (problems, message keys)."""
    with tempfile.TemporaryDirectory() as tmp:
        scan, messages = run_lupdate(Path(tmp) / "extract.ts", root)
    return scan.problems, set(messages)


def placeholder_problems(messages: dict[Key, Message]) -> list[str]:
    """Finished translations whose {placeholders} or &accelerator differ from the source."""
    def marks(s: str) -> tuple[list[str], bool]:
        return sorted(re.findall(r"\{[^{}]*\}", s)), bool(re.search(r"&[^&\s]", s))

    return [f"{c}: {s!r} -> {m.translation!r}" for (c, s, _), m in sorted(messages.items())
            if m.finished and marks(s) != marks(m.translation)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a message has no finished translation")
    args = parser.parse_args(argv)
    if args.check:
        problems, keys = extract()
        existing = read_ts(TS) if TS.exists() else {}
        messages = {k: existing.get(k, Message("", False)) for k in keys}
    else:
        scan, messages = run_lupdate(TS)
        problems = scan.problems
        print(f"updated {TS.relative_to(ROOT)}")
    problems += placeholder_problems(messages)
    unfinished = sorted(k for k, m in messages.items() if not m.finished)
    print(f"{len(messages)} messages in {len({k[0] for k in messages})} contexts, "
          f"{len(unfinished)} unfinished")
    for context, source, _ in unfinished:
        print(f"  unfinished  {context}: {source}")
    for problem in problems:
        print(f"  problem     {problem}", file=sys.stderr)
    return 1 if args.check and (unfinished or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
