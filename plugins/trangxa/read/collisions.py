"""Two sources, one page: found when the files are read, named both, before anything is rendered.

Pelican stops mid-build with an English ``FileOverwriteFailedError`` when two things write the same file. Here
each collision is a located finding instead: two items whose pages share an address (the second is not
published), an item named like a page the site makes itself (``trang-2``, ``cu-nhat``, ``loc``), and filter
values of a registry that differ only in case, accents of the same letters or spacing (``Hộ tịch`` and
``Hộ Tịch``) — those share one filter page, with a warning, since the reader sees them as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trangxa.law.findings import Problem
from trangxa.law.profile import Profile
from trangxa.text import slugify

# Pages every category or registry writes itself (``trangxa_site``): listings' pages, the registry's order and
# filters. An item whose page would be one of them is not published.
GENERATED = re.compile(r"^(trang-\d+|cu-nhat|loc)$")


def unique_urls(items: list) -> tuple[list, list[tuple[str, Problem]]]:
    """Keep the first item of each URL; a second one is a problem (it would overwrite the first page)."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for item in items:
        slug = item.url.rstrip("/").rpartition("/")[2]
        other = seen.setdefault(item.url, item.rel)
        if GENERATED.match(slug) and not (item.is_index or item.folder_page):
            problems.append((item.rel, Problem("reserved-slug", {"url": item.url, "slug": slug})))
        elif other == item.rel:
            kept.append(item)
        else:
            problems.append((item.rel, Problem("duplicate-slug", {"url": item.url, "other": other})))
    return kept, problems


def filter_slug(value: str) -> str:
    """The address segment of a registry's filter value: values with the same slug share one page."""
    return slugify(value)


def filter_spellings(profile: Profile, items: Iterable) -> list[tuple[str, Problem]]:
    """A warning on each record whose filter value is written differently from the first record with the same
    filter page (``Hộ Tịch`` beside ``Hộ tịch``)."""
    problems = []
    for category in profile.categories:
        if category.listing is None:
            continue
        record_type = profile.record_types[category.record_type]
        for key in category.listing.filters:
            spec = record_type.field(key)
            if spec.type == "date":
                continue  # filtered by year: no spelling
            first: dict[str, tuple[str, str]] = {}
            for item in (i for i in items if i.category == category.slug and not i.lang):
                for value in _values(item.values.get(key)):
                    slug = filter_slug(value)
                    spelling, rel = first.setdefault(slug, (value, item.rel))
                    if slug and spelling != value:
                        params = {"field": key, "label": spec.label, "value": value, "other": spelling,
                                  "other_file": rel}
                        problems.append((item.rel, Problem("filter-spelling", params, item.lines.get(key))))
    return problems


def _values(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) and value else []
