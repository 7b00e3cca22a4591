"""Sections: the items of a commune grouped by the profile's categories, in the order citizens read them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pelican.contents import Content

from trangxa.law.profile import Category, Profile

PAGE_SIZE = 20  # items per listing page; more go to trang-2/, trang-3/ …


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: where it is written, what it shows, how it is titled, how to reach its neighbours."""

    save_as: str
    base: str  # the listing's first page; page n is base + trang-n/
    items: list
    number: int
    count: int
    heading: str = ""  # what the page is filtered by ("Quyết định", "Năm 2026")
    order: str = "newest"
    filter: tuple[str, str] | None = None  # (field, value) of a filter page

    def page_url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}trang-{number}/"


def paginate(base: str, items: list, heading: str = "", order: str = "newest",
             size: int = PAGE_SIZE, filter: tuple[str, str] | None = None) -> list[ListingPage]:
    """A listing cut into pages of ``size``: base, base/trang-2/, … (one empty page when there is nothing)."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        url = base if number == 1 else f"{base}trang-{number}/"
        pages.append(ListingPage(url + "index.html", base, chunk, number, len(chunks), heading, order, filter))
    return pages


@dataclass
class Section:
    """A category page: the category, its own text (index.md/yml), its items newest first, its sub-sections."""

    category: Category
    intro: Content | None = None
    items: list[Content] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.category.url

    @property
    def count(self) -> int:
        """Items here and below, the category's own text included."""
        own = len(self.items) + (1 if self.intro else 0)
        return own + sum(child.count for child in self.children)


def build_sections(profile: Profile, items: list[Content]) -> dict[str, Section]:
    """Every category of the profile as a section (empty ones too: absence must show), keyed by slug."""
    sections = {cat.slug: Section(cat) for cat in profile.categories}
    for item in items:
        section = sections[item.category_slug]
        if item.is_index and section.intro is None:
            section.intro = item
        else:
            section.items.append(item)
    for section in sections.values():
        section.items.sort(key=_newest_first)
        section.children = [sections[child.slug] for child in profile.children(section.category.slug)]
    return sections


def _newest_first(item: Content) -> tuple:
    """Dated items newest first, then undated ones by their display order and title."""
    date = getattr(item, "date", None)
    stamp = -date.toordinal() if isinstance(date, (dt.date, dt.datetime)) else 0
    order = item.record.get("thu_tu", 10_000)
    return (date is None, stamp, order, item.title)


def latest(items: list[Content], count: int) -> list[Content]:
    dated = [item for item in items if getattr(item, "date", None)]
    return sorted(dated, key=_newest_first)[:count]
