"""Set the English translation of one source string in hotline_en.ts.

    python tools/fill_translation.py CONTEXT SOURCE TRANSLATION
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "hotline_en.ts"


def fill(context: str, source: str, translation: str, path: Path = TS) -> None:
    tree = ET.parse(path)
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") == source:
                element = message.find("translation")
                assert element is not None
                element.text = translation
                element.attrib.pop("type", None)
                tree.write(path, encoding="utf-8", xml_declaration=True)
                return
    raise SystemExit(f"no message {source!r} in context {context!r}")


if __name__ == "__main__":
    fill(*sys.argv[1:4])
