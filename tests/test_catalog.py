from console.catalog.catalog import pinyin_initials
from tests.catalog_fixture import small_catalog


def test_pinyin_initials() -> None:
    assert pinyin_initials("市容环卫") == "srhw"
    assert pinyin_initials("道路破损") == "dlps"


def test_search_by_chinese_text_and_by_initials_finds_leaves_only() -> None:
    catalog = small_catalog()
    assert [c.name for c in catalog.search_categories("道路")] == ["道路破损"]
    assert [c.name for c in catalog.search_categories("dlps")] == ["道路破损"]
    # A parent's name matches its leaves, never the parent itself.
    assert {c.name for c in catalog.search_categories("市政")} == {"道路破损", "井盖缺失"}
    assert {c.name for c in catalog.search_categories("szss")} == {"道路破损", "井盖缺失"}


def test_every_term_must_match_and_no_match_is_empty() -> None:
    catalog = small_catalog()
    assert [c.name for c in catalog.search_categories("市政 井盖")] == ["井盖缺失"]
    assert catalog.search_categories("不存在的分类") == []


def test_subtree_ids_include_every_descendant() -> None:
    catalog = small_catalog()
    assert sorted(catalog.subtree_ids(1)) == [1, 2, 3, 4]
    assert catalog.subtree_ids(7) == [7]
