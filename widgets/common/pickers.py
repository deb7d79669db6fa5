"""Pickers for reference data: the category tree (search by Chinese text or
pinyin initials) and the street / community / grid cell cascade. Each is a
``SearchPicker``: type part of a name, Enter takes the best match."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.catalog.catalog import Catalog, Category, pinyin_initials
from widgets.common.search_picker import Match, SearchPicker


class Named(Protocol):
    @property
    def name(self) -> str: ...


class CategoryPicker(SearchPicker):
    """A level-3 category by its name, path or pinyin initials (道路 or dlps);
    ``subtrees``: a category of any level, standing for its whole subtree."""

    category_chosen = Signal(object)  # Category | None

    def __init__(self, catalog: Catalog, parent: QWidget | None = None, *,
                 subtrees: bool = False) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._subtrees = subtrees
        self._chosen: Category | None = None
        self.setPlaceholderText(self.tr("输入分类名称或拼音首字母，如 dlps"))

    @property
    def chosen(self) -> Category | None:
        return self._chosen

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def choose(self, category: Category | None) -> None:
        self._chosen = category
        self.show_taken(category.path if category else "")
        self.category_chosen.emit(category)

    def search(self, text: str) -> Sequence[Match]:
        found = self._catalog.search_categories(text, limit=40, any_level=self._subtrees)
        return [(c.id, c.path) for c in found]

    def _take(self, key: Hashable | None) -> None:
        if key is None:  # the text was edited: what it named is no longer chosen
            self._chosen = None
            self.category_chosen.emit(None)
        else:
            self.choose(self._catalog.categories.get(key))  # type: ignore[call-overload]


@lru_cache(maxsize=4096)
def _initials(name: str) -> str:
    return pinyin_initials(name)


def rank_names(text: str, items: Iterable[tuple[str, str]]) -> list[Match]:
    """Items (code, name) whose name contains every term of ``text`` (or whose
    pinyin initials do), best first: the whole name, then a name beginning with
    the text, then the shortest name (so 3 finds 第3网格 before 第13网格)."""
    terms = text.lower().split()
    ranked = []
    for code, name in items:
        lower, initials = name.lower(), _initials(name)
        if not all(t in lower or t in initials for t in terms):
            continue
        whole = "".join(terms)
        rank = (0 if lower == whole else 1 if lower.startswith(whole)
                or initials.startswith(whole) else 2)
        ranked.append(((rank, len(name), code), (code, name)))
    ranked.sort(key=lambda pair: pair[0])
    return [match for _key, match in ranked]


class PlaceField(SearchPicker):
    """One level of the place cascade; its owner says what it offers and takes."""

    def __init__(self, owner: PlacePicker, level: str, placeholder: str) -> None:
        super().__init__(owner)
        self._owner, self._level = owner, level
        self.setObjectName(f"call.{level}")
        self.setPlaceholderText(placeholder)

    def search(self, text: str) -> Sequence[Match]:
        return rank_names(text, self._owner.offered(self._level))

    def _take(self, key: Hashable | None) -> None:
        self._owner.take(self._level, key if isinstance(key, str) else None)


class PlacePicker(QWidget):
    """Street -> community -> grid cell. A community or cell taken fills in the
    levels above it; a street or community taken empties the levels below it
    that are not inside it."""

    changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._codes: dict[str, str | None] = {"street": None, "community": None, "grid": None}
        self.street = PlaceField(self, "street", self.tr("街道"))
        self.community = PlaceField(self, "community", self.tr("社区"))
        self.grid = PlaceField(self, "grid", self.tr("网格"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for field in self.fields():
            layout.addWidget(field, 1)
        self.setFocusProxy(self.street)

    def fields(self) -> tuple[PlaceField, PlaceField, PlaceField]:
        return self.street, self.community, self.grid

    def offered(self, level: str) -> list[tuple[str, str]]:
        """What a level offers: everything inside the levels above it that are chosen."""
        catalog, street, community = self._catalog, self.street_code, self.community_code
        if level == "street":
            return [(s.code, s.name) for s in catalog.streets.values()]
        if level == "community":
            return [(c.code, c.name) for c in catalog.communities_of(street)]
        return [(g.code, g.name) for g in catalog.grid_cells.values()
                if (community is None or g.community_code == community)
                and (street is None or g.street_code == street)]

    def take(self, level: str, code: str | None) -> None:
        catalog = self._catalog
        if code is None:  # its text was edited: it names nothing yet
            self._codes[level] = None
        else:
            self._set(level, code)
        if code is not None and level == "grid":
            cell = catalog.grid_cells[code]
            self._set("community", cell.community_code)
            self._set("street", cell.street_code)
        elif code is not None and level == "community":
            self._set("street", catalog.communities[code].street_code)
            chosen = catalog.grid_cells.get(self.grid_code or "")
            if chosen is not None and chosen.community_code != code:
                self._set("grid", None)
        elif code is not None and level == "street":
            community = catalog.communities.get(self.community_code or "")
            if community is not None and community.street_code != code:
                self._set("community", None)
                self._set("grid", None)
        self.changed.emit()

    def _set(self, level: str, code: str | None) -> None:
        self._codes[level] = code
        getattr(self, level).show_taken(self._shown_name(level, code))

    def _shown_name(self, level: str, code: str | None) -> str:
        """A level's name; a cell's without its community's, which shows beside it."""
        catalog = self._catalog
        levels: dict[str, Mapping[str, Named]] = {
            "street": catalog.streets, "community": catalog.communities,
            "grid": catalog.grid_cells}
        names = levels[level]
        if code is None or code not in names:
            return ""
        name = names[code].name
        community = catalog.communities.get(catalog.grid_cells[code].community_code) if (
            level == "grid") else None
        return (name.removeprefix(community.name) or name) if community else name

    @property
    def street_code(self) -> str | None:
        return self._codes["street"]

    @property
    def community_code(self) -> str | None:
        return self._codes["community"]

    @property
    def grid_code(self) -> str | None:
        return self._codes["grid"]

    def set_codes(self, street: str | None, community: str | None, grid: str | None) -> None:
        for level, code in (("street", street), ("community", community), ("grid", grid)):
            self._set(level, code)
        self.changed.emit()

    def clear(self) -> None:
        self.set_codes(None, None, None)
