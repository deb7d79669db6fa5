"""English translations: every string in the code is translated, and the built .qm works."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from tests.catalog_fixture import small_catalog

ROOT = Path(__file__).resolve().parent.parent
QM = ROOT / "resources" / "i18n" / "hotline_en.qm"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def extracted() -> tuple[list[str], set[tuple[str, str, str]]]:
    return tool.extract()  # type: ignore[no-any-return]


def test_extraction_finds_tr_and_helper_strings(
        extracted: tuple[list[str], set[tuple[str, str, str]]]) -> None:
    _, keys = extracted
    contexts = {context for context, _, _ in keys}
    # Helper contexts (_t / _tr) and self.tr class contexts alike.
    assert {"Texts", "Commands", "CaseTableModel", "CallScreen", "MainWindow"} <= contexts
    assert ("Texts", "投诉", "") in keys
    assert ("Commands", "文件(&F)", "") in keys


def test_every_string_can_be_extracted(
        extracted: tuple[list[str], set[tuple[str, str, str]]]) -> None:
    problems, _ = extracted
    assert problems == [], "\n".join(problems)


def test_every_string_has_a_finished_english_translation(
        extracted: tuple[list[str], set[tuple[str, str, str]]]) -> None:
    _, keys = extracted
    existing = tool.read_ts(tool.TS)
    missing = sorted(f"{c}: {s}" for c, s, d in keys
                     if (c, s, d) not in existing or not existing[(c, s, d)].finished)
    assert missing == [], ("no finished translation in hotline_en.ts (run "
                           "tools/update_translations.py, then translate):\n" + "\n".join(missing))


def test_translations_keep_placeholders_and_accelerators() -> None:
    problems = tool.placeholder_problems(tool.read_ts(tool.TS))
    assert problems == [], "\n".join(problems)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    if not QM.exists():
        pytest.skip(f"{QM.relative_to(ROOT)} is not built; `make translations` builds it")
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)  # the other tests expect Chinese


def test_compiled_translation_is_used(english: QTranslator, qtbot: Any) -> None:
    from widgets.common import texts
    from widgets.common.pickers import CategoryPicker

    assert QCoreApplication.translate("Texts", "投诉") == "Complaint"
    assert texts.nature_name("complaint") == "Complaint"
    assert texts.status_name("closed") == "Closed"
    # A widget's own self.tr, looked up under its class name at run time.
    picker = CategoryPicker(small_catalog())
    qtbot.addWidget(picker)
    expected = tool.read_ts(tool.TS)[("CategoryPicker", "输入分类名称或拼音首字母，如 dlps", "")]
    assert picker.placeholderText() == expected.translation != "输入分类名称或拼音首字母，如 dlps"
