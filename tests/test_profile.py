import re
from pathlib import Path

import pytest

from trangxa.law.loading import load_profile
from trangxa.law.profile import ProfileError

LAW = Path(__file__).resolve().parents[2] / "shared" / "domain" / "LAW.md"


def law_slugs() -> set[str]:
    """Category slugs named in LAW.md's tables (``ngan-sach/du-toan-trinh, du-toan, …`` expanded)."""
    slugs = set()
    for cell in re.findall(r"^\| ([a-z][a-z0-9/,\- ]+?) \|", LAW.read_text(encoding="utf-8"), re.M):
        parts = [p.strip() for p in cell.split(",")]
        parent = parts[0].rpartition("/")[0]
        slugs.add(parts[0])
        slugs.update(f"{parent}/{p}" if parent and "/" not in p else p for p in parts[1:])
    return slugs - {"slug", "instrument"}  # table headings


@pytest.mark.skipif(not LAW.is_file(), reason="../shared/domain/LAW.md is not beside the project")
def test_default_profile_has_every_category_of_the_law():
    profile = load_profile("nd224-2026")
    slugs = {cat.slug for cat in profile.categories}
    assert law_slugs() - slugs == set()


def test_both_profiles_load_and_differ_where_the_decrees_differ():
    current, old = load_profile("nd224-2026"), load_profile("nd42-2022")
    assert current.category("danh-gia-hai-long").required == "always"
    assert old.category("danh-gia-hai-long").required == "recommended"
    assert old.category("van-ban").basis[0].startswith("NĐ 42/2022")
    assert {c.slug for c in old.categories} == {c.slug for c in current.categories}


def test_folder_to_category_takes_the_longest_slug():
    profile = load_profile("nd224-2026")
    assert profile.category_for("gioi-thieu/lanh-dao").slug == "gioi-thieu/lanh-dao"
    assert profile.category_for("thu-vien-anh/le-hoi-2026").slug == "thu-vien-anh"
    assert profile.category_for("gioi-thieu/khong-co").slug == "gioi-thieu"
    assert profile.category_for("khong-co") is None
    assert profile.category_for("") is None


def test_menu_comes_from_the_profile():
    profile = load_profile("nd224-2026")
    assert [c.slug for c in profile.menu()][:3] == ["gioi-thieu", "tin-tuc", "van-ban"]
    assert profile.category("thu-tuc-hanh-chinh").label == "Dịch vụ công"
    top = {c.slug for c in profile.children(None)}
    assert top == {c.slug for c in profile.menu()} | {c.slug for c in profile.menu_more()}


def test_province_overlay_adds_changes_and_removes_without_code():
    overlay = {
        "categories": [
            {"slug": "tin-tuc", "rules": {"quota_per_month": "4"}},
            {"slug": "video", "remove": "true"},
            {"slug": "khuyen-nong", "name": "Khuyến nông", "required": "recommended", "record_type": "bai-viet",
             "menu": "10"},
        ],
        "record_types": {"bai-viet": {"fields": {"chuyen_muc_phu": {"label": "Mục phụ", "type": "text"}}}},
    }
    profile = load_profile("nd224-2026", overlay)
    assert profile.category("tin-tuc").rules == {"quota_per_month": 4, "max_age_days": 60, "minimise_personal_data": True}
    assert profile.category("tin-tuc").name == "Tin tức, sự kiện"
    assert profile.category("video") is None
    assert profile.menu()[-1].slug == "khuyen-nong"
    assert profile.record_types["bai-viet"].field("chuyen_muc_phu").label == "Mục phụ"
    assert profile.record_types["bai-viet"].field("tieu_de").required


@pytest.mark.parametrize(
    "overlay, words",
    [
        ({"categories": [{"slug": "x", "name": "X", "required": "always", "record_type": "khong-co"}]}, "không có mẫu"),
        ({"categories": [{"slug": "x", "name": "X", "required": "bat-buoc", "record_type": "trang"}]}, "required"),
        ({"categories": [{"slug": "a/b", "name": "X", "required": "always", "record_type": "trang"}]}, "chuyên mục cha"),
        ({"record_types": {"trang": {"fields": {"x": {"type": "ngay"}}}}}, "phải là một trong"),
    ],
)
def test_invalid_overlays_are_refused_with_a_reason(overlay, words):
    with pytest.raises(ProfileError, match=words):
        load_profile("nd224-2026", overlay)


def test_unknown_profile_lists_the_known_ones():
    with pytest.raises(ProfileError, match="nd224-2026"):
        load_profile("nd99-2030")
