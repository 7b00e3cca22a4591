"""Jinja filters for Vietnamese readers: dates as "Thứ Sáu, 17/11/2023", money as "2.000 đồng"."""

from __future__ import annotations

import datetime as dt
import os

from .text import vn_date, vn_number


def date_vi(value, weekday: bool = True) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return vn_date(value, weekday) if isinstance(value, dt.date) else str(value or "")


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


FILTERS = {
    "date_from_iso": date_from_iso,
    "date_vi": date_vi,
    "iso_date": iso_date,
    "number_vi": vn_number,
    "basename": os.path.basename,
    "file_size": file_size,
}


def add_filters(generator) -> None:
    """Connected to Pelican's ``generator_init``: every generator's Jinja environment gets these filters."""
    generator.env.filters.update(FILTERS)
