import datetime as dt

import pytest

from trangxa.law.loading import load_profile
from trangxa.read.records import convert

PROFILE = load_profile("nd224-2026")
DOCUMENT = PROFILE.record_types["van-ban"]
BUDGET = PROFILE.record_types["bao-cao-ngan-sach"]
SESSION = PROFILE.record_types["lich-tiep-cong-dan"]


def one(record_type, key, value):
    record = convert(record_type, {key: value}, {key: 7})
    return record.values.get(key), [p for p in record.problems if p.params.get("field") == key]


@pytest.mark.parametrize("text", ["17/11/2026", "17-11-2026", "2026-11-17", "17/11/2026 "])
def test_dates_as_staff_type_them(text):
    value, problems = one(DOCUMENT, "ngay_ban_hanh", text)
    assert value == dt.date(2026, 11, 17) and problems == []


def test_two_digit_years_are_ambiguous():
    value, problems = one(DOCUMENT, "ngay_ban_hanh", "17/11/23")
    assert value is None and [(p.rule, p.line) for p in problems] == [("ambiguous-date", 7)]


@pytest.mark.parametrize("text", ["31/02/2026", "17.11.2026", "hôm qua", "2026/11/17", "11/17/2026"])
def test_impossible_or_unknown_dates_are_located(text):
    value, problems = one(DOCUMENT, "ngay_ban_hanh", text)
    assert value is None
    assert [(p.rule, p.line) for p in problems] == [("bad-date", 7)]


@pytest.mark.parametrize("text, expected", [("quyết định", "Quyết định"), ("Nghị quyết", "Nghị quyết")])
def test_choices_ignore_case(text, expected):
    assert one(DOCUMENT, "loai_van_ban", text) == (expected, [])


def test_choice_outside_the_list():
    value, problems = one(DOCUMENT, "loai_van_ban", "Thư mời")
    assert value is None and problems[0].rule == "bad-choice"
    assert "Giấy mời" in problems[0].params["choices"]


@pytest.mark.parametrize("text, expected", [("2.000.000", 2000000), ("1250000000", 1250000000), ("2.500,5", 2500.5)])
def test_numbers_the_vietnamese_way(text, expected):
    assert one(BUDGET, "tong_thu", text) == (expected, [])


@pytest.mark.parametrize("text, expected", [("7:30", "07:30"), ("14h00", "14:00"), ("7h", "07:00")])
def test_times(text, expected):
    assert one(SESSION, "gio_bat_dau", text) == (expected, [])


def test_a_single_file_is_a_list_of_one():
    assert one(DOCUMENT, "tep", "a.pdf") == (("a.pdf",), [])


def test_missing_required_fields_and_unknown_keys():
    record = convert(DOCUMENT, {"so_ky_hieu": "15/QĐ-UBND", "trich_yue": "x"}, {"trich_yue": 3}, header_line=2)
    missing = sorted(p.params["field"] for p in record.problems if p.rule == "missing-field")
    assert missing == ["co_quan_ban_hanh", "loai_van_ban", "ngay_ban_hanh", "ngay_dang", "nguoi_ky", "tep",
                       "tinh_trang_hieu_luc", "trich_yeu"]
    assert all(p.line == 2 for p in record.problems if p.rule == "missing-field")
    unknown = [p for p in record.problems if p.rule == "unknown-field"]
    assert unknown[0].line == 3 and "trich_yeu" in unknown[0].params["suggestion"]


def test_a_nested_value_where_text_is_expected():
    value, problems = one(DOCUMENT, "trich_yeu", {"a": "b"})
    assert value is None and problems[0].rule == "wrong-type"
