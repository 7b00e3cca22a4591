"""Working days (ngày làm việc) in Vietnam: weekends, public holidays and the province's own changes.

Public holidays come from the maintained ``holidays`` package, which knows Tết and Giỗ Tổ Hùng Vương by the
lunar calendar and the government's swapped days (a Saturday worked to bridge a holiday). The province adds its
own extra days off and make-up working Saturdays in province.yml (``lich.nghi_them``, ``lich.lam_bu``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import holidays

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    days_off: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.days_off:
            return False
        return _national().is_working_day(day)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end is before start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start``."""
        day = start
        while count > 0:
            day += ONE_DAY
            count -= self.is_working_day(day)
        return day


@functools.cache
def _national() -> holidays.HolidayBase:
    """Vietnam's public holidays, built once per process (years are added as they are asked for)."""
    return holidays.Vietnam()
