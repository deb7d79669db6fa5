"""The one font choice for every PDF the console writes (the duty roster, the duty
reports and their charts), and the fix-up of the PDF's text for copy and search.

The family is the Simplified Chinese face of a CJK font, drawn without its OpenType
'locl' feature. With 'locl' on, HarfBuzz shapes with the language of the process's
locale (``QLocale``): under a Japanese (or Korean, Traditional Chinese) locale the
Noto/Source Han faces swap in that region's glyphs (角 骨 六 in their Japanese
forms), and Qt's PDF engine gives such a glyph the Unicode value of the radical or
compatibility ideograph that shares it (⾓ ⾻ 六), or none; after Latin letters
(a case number, "PS-20261130-000009") the digits take alternate glyphs with no
Unicode value at all. Without 'locl' the SC face draws its own forms, the Simplified
ones, whatever the seat's locale.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QRawFont

FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun"]


def pdf_font(points: float | None = None) -> QFont:
    """The PDFs' font (the SC family, no 'locl'), at ``points`` when given."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setFeature(QFont.Tag("locl"), 0)
    if points is not None:
        font.setPointSizeF(points)
    return font


# -- copy and search in the PDF ---------------------------------------------------------------
# Qt's PDF engine writes each embedded glyph's Unicode value (the ToUnicode map) as the
# lowest code point the font maps to that glyph. CJK fonts such as Noto Sans CJK share a
# glyph between a radical (⼭ U+2F2D, ⻩ U+2EE9) and its ideograph (山, 黄), so copying or
# searching the PDF finds radicals instead of the characters: "黄浩涛" is not found. The maps
# are written uncompressed with one four-digit hex value per glyph; swapping a radical for
# its ideograph keeps every byte offset, so the file is patched in place.
_RADICALS = range(0x2E80, 0x2FE0)
_IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))
_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


@functools.cache
def _ideograph_of_radical(family: str) -> dict[int, int]:
    """Radical code point → the ideograph drawn with the same glyph in ``family``."""
    font = QRawFont.fromFont(QFont(family))
    if not font.isValid():
        return {}
    glyph_of: dict[int, int] = {}
    for block in _IDEOGRAPHS:
        text = "".join(map(chr, block))
        for char, glyph in zip(block, font.glyphIndexesForString(text), strict=True):
            if glyph:
                glyph_of.setdefault(glyph, char)
    radicals = list(_RADICALS)
    glyphs = font.glyphIndexesForString("".join(map(chr, radicals)))
    return {r: glyph_of[g] for r, g in zip(radicals, glyphs, strict=True) if g in glyph_of}


def prepare(font: QFont) -> None:
    """Read ``font``'s radicals now (once a process) rather than at the first PDF."""
    _ideograph_of_radical(QRawFont.fromFont(font).familyName())


def prefer_ideographs(path: Path, font: QFont) -> None:
    """Patch the PDF at ``path`` drawn in ``font``: radicals become their ideographs."""
    mapping = _ideograph_of_radical(QRawFont.fromFont(font).familyName())
    if not mapping:
        return

    def value(token: re.Match[bytes]) -> bytes:
        ideograph = mapping.get(int(token.group(1), 16))
        return token.group(0) if ideograph is None else b"<%04X>" % ideograph

    def cmap(block: re.Match[bytes]) -> bytes:
        return _ARRAY.sub(lambda a: b"[" + _HEX.sub(value, a.group(1)) + b"]", block.group(0))

    data = path.read_bytes()
    fixed = _CMAP.sub(cmap, data)
    if fixed != data:
        path.write_bytes(fixed)


RESOLUTION = 300  # dots per inch of every PDF the product writes


def a4_pdf(path: str | Path, title: str, orientation: QPageLayout.Orientation,
           margins_mm: QMarginsF) -> QPdfWriter:
    """The writer of an A4 PDF at ``RESOLUTION``: its title, the product as creator."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Hotline Console")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     margins_mm, QPageLayout.Unit.Millimeter))
    return writer
