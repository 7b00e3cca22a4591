"""The "Tiếp cận thông tin" pages, generated from a commune's records (never typed by hand):
the list of information that must be disclosed (Luật Tiếp cận thông tin Điều 19.1.g; NĐ 13/2018 Điều 6) and the
quarterly register of what was disclosed (Luật Thực hiện dân chủ ở cơ sở Điều 13.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pelican.contents import Content

from trangxa.checks import published_on
from trangxa.checks.periods import QUARTER_NAMES
from trangxa.law.profile import Profile

DEMOCRACY_LAW = "Thực hiện dân chủ ở cơ sở Điều 11"  # the basis that puts a category in the quarterly register


@dataclass(frozen=True)
class Disclosure:
    title: str
    category: str
    number: str
    created: dt.date | None
    form: str
    published: dt.date | None
    period: str
    url: str


def _disclosure(item: Content, category_name: str, profile: Profile) -> Disclosure:
    """One row: the number and the date the information was created come from the fields the record type names
    for them (``number_field``, ``created_field``)."""
    values, record_type = item.record, profile.record_types[item.record_type]
    number = values.get(record_type.number_field, "") if record_type.number_field else ""
    created = values.get(record_type.created_field) if record_type.created_field else None
    created = created if isinstance(created, dt.date) else None
    start, end = values.get("niem_yet_tu"), values.get("niem_yet_den")
    posted = isinstance(start, dt.date)
    period = f"{start:%d/%m/%Y} – {end:%d/%m/%Y}" if posted and isinstance(end, dt.date) else "Thường xuyên"
    form = "Trang thông tin điện tử; niêm yết tại trụ sở" if posted else "Trang thông tin điện tử"
    return Disclosure(item.title, category_name, number, created, form, published_on(item.entry), period, item.url)


def catalogue(profile: Profile, items: list[Content]) -> list[Disclosure]:
    """Every record of a category the law requires, in the profile's order, newest first within it."""
    rows = []
    for category in profile.categories:
        if category.required not in ("always", "where-exists"):
            continue
        own = [item for item in items if item.category_slug == category.slug]
        rows += sorted((_disclosure(item, category.name, profile) for item in own),
                       key=lambda row: row.published or dt.date.min, reverse=True)
    return rows


def by_quarter(profile: Profile, items: list[Content]) -> list[tuple[str, list[Disclosure]]]:
    """What was disclosed under Điều 11, grouped by the quarter it was posted in, newest quarter first."""
    democratic = {cat.slug: cat.name for cat in profile.categories if any(DEMOCRACY_LAW in b for b in cat.basis)}
    quarters: dict[tuple[int, int], list[Disclosure]] = {}
    for item in items:
        day = published_on(item.entry)
        if item.category_slug in democratic and day:
            key = (day.year, (day.month - 1) // 3 + 1)
            quarters.setdefault(key, []).append(_disclosure(item, democratic[item.category_slug], profile))
    return [(f"Quý {QUARTER_NAMES[q]}/{y}", sorted(rows, key=lambda r: r.published))
            for (y, q), rows in sorted(quarters.items(), reverse=True)]


@dataclass(frozen=True)
class NotArising:
    """One "không phát sinh" declaration as the Tiếp cận thông tin page lists it."""

    title: str
    categories: tuple[str, ...]  # the names of the categories it covers
    period: str
    published: dt.date | None
    url: str


def not_arising(profile: Profile, items: list[Content]) -> list[NotArising]:
    """Every "không phát sinh" declaration, newest first, with the categories and the quarters it covers."""
    from trangxa.checks.declared import declarations

    pages = {item.entry.rel: item for item in items}
    rows = []
    for found in declarations(profile, [item.entry for item in items]):
        names = tuple(profile.category(slug).name for slug in found.categories)
        page = pages[found.item.rel]
        rows.append(NotArising(page.title, names, found.period or "chưa rõ kỳ", published_on(found.item), page.url))
    return sorted(rows, key=lambda row: row.published or dt.date.min, reverse=True)
