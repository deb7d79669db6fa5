"""Set the English translation of source strings in hotline_en.ts.

    python tools/fill_translation.py CONTEXT SOURCE TRANSLATION
    python tools/fill_translation.py --json FILE   # {"Context": {"source": "translation"}}
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


def fill_many(table: dict[str, dict[str, str]], path: Path = TS) -> list[str]:
    """Fill every (context, source) of ``table``; the ones not found."""
    tree = ET.parse(path)
    missing = {(c, s) for c, sources in table.items() for s in sources}
    for ctx in tree.getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            source = message.findtext("source") or ""
            if source in table.get(context, {}):
                element = message.find("translation")
                assert element is not None
                element.text = table[context][source]
                element.attrib.pop("type", None)
                missing.discard((context, source))
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return [f"{c}: {s}" for c, s in sorted(missing)]


if __name__ == "__main__":
    if sys.argv[1] == "--json":
        import json

        not_found = fill_many(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
        if not_found:
            raise SystemExit("not in the .ts file:\n" + "\n".join(not_found))
    else:
        fill(*sys.argv[1:4])
