"""Dates that cannot be true, by kind of date — so that a typo does not float an item to the top of every feed
for years, or date it before the State existed.

- every date field, when it is read (``records``): from EARLIEST (02/09/1945, the founding of the State that
  issues every document a commune publishes) to LATEST (31/12/2100); outside, the value is refused like an
  impossible date (``implausible-date``) and the item has no date;
- a posting date (the record type's ``posted_field``: ngày đăng, ngày cập nhật, ngày hỏi) not after the check
  date — the later of the day checked as of and today, so that a check as of a past quarter's end still counts
  what was posted since (``future-date``). Other dates may lie ahead: a reception session, a consultation's
  closing day, a document's end of validity.
"""

from __future__ import annotations

import datetime as dt

from trangxa.law.findings import Problem
from trangxa.law.profile import Profile

EARLIEST = dt.date(1945, 9, 2)
LATEST = dt.date(2100, 12, 31)


def plausible(day: dt.date) -> dt.date:
    """The date, or ValueError("implausible-date") outside EARLIEST–LATEST."""
    if not EARLIEST <= day <= LATEST:
        raise ValueError("implausible-date")
    return day


def future_postings(items, profile: Profile, as_of: dt.date, today: dt.date | None = None) -> list[tuple[str, Problem]]:
    """(file, problem) for each item posted after the check date (the later of ``as_of`` and ``today``)."""
    check_day = max(as_of, today or dt.date.today())
    found = []
    for item in items:
        spec = profile.record_types[item.record_type].field(profile.record_types[item.record_type].posted_field or "")
        posted = item.values.get(spec.key) if spec else None
        if isinstance(posted, dt.date) and posted > check_day:
            params = {"field": spec.key, "label": spec.label, "value": f"{posted:%d/%m/%Y}",
                      "today": f"{check_day:%d/%m/%Y}", "what": spec.label.lower()}
            found.append((item.rel, Problem("future-date", params, item.lines.get(spec.key))))
    return found
