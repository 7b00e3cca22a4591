import datetime as dt
import unicodedata

import pytest

from trangxa.text import fold, nfc, same_name, slugify, vn_date, vn_number


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Đoàn Thanh niên", "doan-thanh-nien"),
        ("Phường Hoà Thành", "phuong-hoa-thanh"),
        ("Đặc khu Hòn Đá Bạc", "dac-khu-hon-da-bac"),
        ("  Kế hoạch số 45/KH-UBND  ", "ke-hoach-so-45-kh-ubnd"),
        (unicodedata.normalize("NFD", "Xã Tân Thành"), "xa-tan-thanh"),
    ],
)
def test_slug_is_ascii_with_d_for_đ(text, slug):
    assert slugify(text) == slug
    assert slugify(text).isascii()


def test_slug_is_stable():
    assert slugify("Lãnh đạo") == slugify("Lãnh đạo") == "lanh-dao"


def test_nfc_joins_macos_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Thủy")
    assert len(decomposed) > len("Thủy")
    assert nfc(decomposed) == "Thủy"


def test_fold_removes_marks_and_maps_đ():
    assert fold("ĐẢNG ỦY Đường") == "dang uy duong"


@pytest.mark.parametrize(
    "a, b, same",
    [("xã Hoà Bình", "Xã Hòa Bình", True), ("Thuỷ", "Thủy", True), ("Hoàng", "Hòang", False),
     ("dương", "đường", False)],
)
def test_old_and_new_tone_placement_match(a, b, same):
    assert same_name(a, b) is same


def test_vietnamese_dates_and_numbers():
    assert vn_date(dt.date(2023, 11, 17)) == "Thứ Sáu, 17/11/2023"
    assert vn_date(dt.date(2026, 11, 22)) == "Chủ Nhật, 22/11/2026"
    assert vn_date(dt.date(2026, 1, 5), weekday=False) == "05/01/2026"
    assert vn_number(2000) == "2.000"
    assert vn_number(1234567.5) == "1.234.567,5"
