"""The compliance checks: the law (the profile's rules) against what a commune has, as of a date.

One rule per module, each a function ``check(ctx)`` that yields :class:`Hit` (the item's file, the problem, the
category). Rules read their parameters from the category's ``rules`` in the profile — no category is named in
code. The findings feed the checker's report, the commune's status page, the provincial dashboard and the
quarterly report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from trangxa.law.calendar import WorkCalendar
from trangxa.law.findings import Problem
from trangxa.read.items import Item
from trangxa.law.profile import Category, Profile


@dataclass(frozen=True)
class Hit:
    """A rule broken by an item (``rel`` its file) or by a category as a whole (``rel`` its folder). ``on``: the day
    it belongs to — when an obligation fell due (a late posting, a week without reception) or when a state began (a
    page went stale) — which places it in a quarter's report."""

    rel: str
    problem: Problem
    category: str
    on: dt.date | None = None


@dataclass(frozen=True)
class CheckContext:
    profile: Profile
    items: tuple[Item, ...]  # only what was published by ``as_of``
    as_of: dt.date
    calendar: WorkCalendar
    since: dt.date | None = None  # when the commune's obligations began (its establishment, its site's start)

    def owed(self, day: dt.date) -> bool:
        """Whether something due on ``day`` was owed at all: nothing is owed for a time before the unit existed."""
        return self.since is None or day >= self.since

    def in_category(self, slug: str) -> list[Item]:
        return [item for item in self.items if item.category == slug]

    def with_rule(self, name: str) -> Iterator[tuple[Category, object]]:
        for category in self.profile.categories:
            if name in category.rules:
                yield category, category.rules[name]


def published_on(item: Item) -> dt.date | None:
    """When an item was put on the site: the date of its record type's ``posted_field`` (its posting date, or
    the date a page was last reviewed)."""
    return item.posted


def visible(items: list[Item], as_of: dt.date) -> tuple[Item, ...]:
    """Items as they stood on ``as_of``: anything posted later did not exist yet (reports are reproducible).
    Only the Vietnamese originals count: a translation repeats its original."""
    return tuple(item for item in items if not item.lang and (published_on(item) or as_of) <= as_of)


def run_checks(profile: Profile, items: list[Item], as_of: dt.date, calendar: WorkCalendar,
               since: dt.date | None = None) -> list[Hit]:
    from trangxa.checks import rules  # the rule modules, in the order their findings are listed

    ctx = CheckContext(profile, visible(items, as_of), as_of, calendar, since)
    return [hit for rule in rules.ALL for hit in rule.check(ctx)]
