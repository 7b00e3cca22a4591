"""Working-day arithmetic with the Vietnamese calendar: Tết, bridges, swapped Saturdays, the province's own days."""

import datetime as dt

import pytest

from trangxa.law.calendar import WorkCalendar

D = dt.date
CAL = WorkCalendar()


@pytest.mark.parametrize(
    "start, end, days",
    [
        (D(2026, 11, 16), D(2026, 11, 20), 4),  # an ordinary week
        (D(2026, 11, 20), D(2026, 11, 23), 1),  # Friday → Monday: the weekend does not count
        (D(2026, 2, 12), D(2026, 2, 24), 3),  # across Tết Bính Ngọ (16–20/02/2026) and two weekends
        (D(2026, 4, 29), D(2026, 5, 6), 3),  # 30/4 and 1/5 bridged to the weekend
        (D(2026, 4, 24), D(2026, 4, 28), 1),  # Giỗ Tổ 26/4 falls on a Sunday, observed Monday 27/4
        (D(2026, 8, 21), D(2026, 8, 24), 2),  # Saturday 22/8/2026 is worked, to bridge 31/8–2/9
        (D(2026, 11, 20), D(2026, 11, 20), 0),
        (D(2026, 11, 23), D(2026, 11, 20), -1),
    ],
)
def test_working_days_between(start, end, days):
    assert CAL.working_days_between(start, end) == days


def test_adding_working_days_skips_tet():
    assert CAL.add_working_days(D(2026, 2, 12), 5) == D(2026, 2, 26)  # 13/2, then 23, 24, 25, 26/2


def test_the_province_adds_its_own_days_off_and_make_up_days():
    province = WorkCalendar(days_off=frozenset({D(2026, 12, 7)}), workdays=frozenset({D(2026, 12, 5)}))
    assert CAL.working_days_between(D(2026, 12, 4), D(2026, 12, 8)) == 2  # Mon 7, Tue 8
    assert province.working_days_between(D(2026, 12, 4), D(2026, 12, 8)) == 2  # Sat 5 worked, Mon 7 off, Tue 8
    assert province.working_days_between(D(2026, 12, 4), D(2026, 12, 7)) == 1
    assert not province.is_working_day(D(2026, 12, 7)) and province.is_working_day(D(2026, 12, 5))


def test_vietnam_culture_day_is_a_holiday():
    assert not CAL.is_working_day(D(2026, 11, 24))  # Ngày Văn hóa Việt Nam, a day off from 2025
