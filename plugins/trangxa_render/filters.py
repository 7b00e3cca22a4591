"""Jinja filters for Vietnamese readers: dates as "Thứ Sáu, 17/11/2023", money as "2.000 đồng"."""

from __future__ import annotations

import datetime as dt
import os

from jinja2 import pass_context

from trangxa_render import i18n
from trangxa.text import vn_date, vn_number


@pass_context
def date_vi(context, value, weekday: bool = True) -> str:
    """A date as the page's reader writes it: Vietnamese "Thứ Sáu, 17/11/2023", else the locale's own form."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value or "")
    language = context.get("language")
    if language is None or language.locale == i18n.SOURCE:
        return vn_date(value, weekday)
    return i18n.local_date(value, language.locale, weekday)


def iso_date(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else ""


def file_size(path: str) -> str:
    """The size of a built file, for download links ("PDF, 120 KB")."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return ""
    return f"{vn_number(max(1, round(size / 1024)))} KB"


def date_from_iso(value: str) -> str:
    """An ISO date string (as in a commune summary) written the Vietnamese way, without the weekday."""
    try:
        return vn_date(dt.date.fromisoformat(value), weekday=False)
    except (TypeError, ValueError):
        return ""


def leaders(pages: list, category, today: dt.date) -> dict:
    """A leaders' listing split as the law reads it (the same test as the checks): who holds a post now, who held
    one before ("Lãnh đạo qua các thời kỳ"), and the posts the page says are vacant."""
    from trangxa.checks.rules.leaders import is_former, post_title

    rule = category.rules.get("term_ended_not_current")
    if not rule:
        return {"current": list(pages), "former": [], "vacant": []}
    former = [page for page in pages if is_former(page.entry, rule, today)]
    vacant_field = rule.get("vacant")
    vacant = [post_title(str(page.record.get(rule["post"][-1], "")), rule) for page in former
              if vacant_field and str(page.record.get(vacant_field, "")).casefold() == "có"]
    return {"current": [page for page in pages if page not in former], "former": former, "vacant": vacant}


FILTERS = {
    "leaders": leaders,
    "date_from_iso": date_from_iso,
    "date_vi": date_vi,
    "iso_date": iso_date,
    "number_vi": vn_number,
    "basename": os.path.basename,
    "file_size": file_size,
}


def add_filters(generator) -> None:
    """Connected to Pelican's ``generator_init``: every generator's Jinja environment gets these filters, and
    speaks Vietnamese until a page in another language says otherwise."""
    generator.env.filters.update(FILTERS)
    i18n.install(generator.env, i18n.SOURCE)
