"""The legal profile (hồ sơ pháp lý): what the law asks a commune page to publish, as frozen dataclasses.

A profile lists record types (the fields of a leader, a document, a reception session …, and which field plays
which part: title, date, posting date, number), categories (chuyên mục: folder slug, names, legal basis, required
or not, record type, rules, menu place) and what the home page shows. It is read from ``profiles/`` and checked
against its schema by ``loading``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trangxa.schema import ConfigInvalid

FIELD_TYPES = frozenset(
    "text markdown date time choice number url email phone host file image list files photos docnumber dates"
    .split()
)
NUMBERING_MAPS = ("document_types", "document_copies", "party_document_types")  # profile maps: kind → abbreviation
REQUIREMENTS = frozenset({"always", "where-exists", "recommended", "generated"})


@dataclass(frozen=True)
class Language:
    code: str  # the language's code in file names and URLs: en, km, cjm
    name: str  # its name in itself, for the language switcher: English, ភាសាខ្មែរ
    name_vi: str  # its name in Vietnamese
    locale: str  # the Babel locale for dates ("vi" for Cham, which Babel does not know)
    html_lang: str  # the lang attribute (BCP 47)
    untranslated: str = ""  # the switcher's link to this language's home from a page not translated into it


class ProfileError(ConfigInvalid):
    """The profile or a province overlay is not valid: the run cannot be done."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: str
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""
    pattern: str = ""  # a regular expression the text must match, e.g. the form of so_ky_hieu
    pattern_hint: str = ""
    alt_field: str = ""  # an image's text alternative lives in this field; without it the image is a finding
    refers: str = ""  # a list naming other records of the category by this field (thay_the → so_ky_hieu)
    inverse: str = ""  # the label of the link back, shown on the record referred to ("Bị thay thế bởi")
    aliases: tuple[tuple[str, str], ...] = ()  # (another way of writing a choice, the choice it means)
    numbering: tuple[tuple[str, str], ...] = ()  # a docnumber's (abbreviation, system): ("TTr", "state")
    suggestions: tuple[str, ...] = ()  # the editor's pick-list ("{don_vi}": the commune, e.g. "xã Tân Thành")


@dataclass(frozen=True)
class RecordType:
    name: str
    fields: tuple[FieldSpec, ...]
    title_field: str
    date_field: str | None = None
    summary_field: str | None = None
    posted_field: str | None = None  # when a record was put on the site (its posting or review date)
    number_field: str | None = None  # its number or code (số ký hiệu, mã thủ tục) in the disclosure list
    created_field: str | None = None  # when the information was created (issued, decided) in that list
    prose: bool = False  # written as Markdown with a front-matter block, not as a YAML record
    one_of: tuple[tuple[str, ...], ...] = ()  # groups of fields of which at least one must be given
    folder_file: str = ""  # one record per sub-folder, in a file of this name (album.yml); its page is the folder
    file_name: tuple[str, ...] = ()  # fields naming a new item's file (a date gives its year): 151-qd-ubnd-2026

    def field(self, key: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.fields)


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    name_en: str
    basis: tuple[str, ...]
    required: str
    record_type: str
    menu: int | None = None
    menu_label: str = ""
    description: str = ""
    rules: dict = field(default_factory=dict)
    listing: "Listing | None" = None

    @property
    def parent_slug(self) -> str | None:
        return self.slug.rpartition("/")[0] or None

    @property
    def url(self) -> str:
        return f"{self.slug}/"

    @property
    def label(self) -> str:
        return self.menu_label or self.name

    @property
    def basis_text(self) -> str:
        return "; ".join(self.basis)


@dataclass(frozen=True)
class Listing:
    """A category shown as a registry: sorted by a date both ways, a page per value of each filter field, and
    its records as ``<data>.json`` and ``<data>.csv`` for reuse."""

    sort: str | None
    filters: tuple[str, ...]
    data: str


@dataclass(frozen=True)
class CommuneType:
    slug: str
    name: str
    name_en: str
    legacy: bool = False


@dataclass(frozen=True)
class HomeBlock:
    """A block of the commune's home page: the newest ``count`` records of a category."""

    category: str
    count: int = 5
    until: str = ""  # shown only while this date field has not passed (an open consultation, a planned outage)
    date: str = ""  # shown only when this date field is today or later, soonest first (reception sessions)


@dataclass(frozen=True)
class Home:
    """What a commune's home page leads with, and what the provincial index shows of each commune."""

    news: HomeBlock | None = None
    notices: tuple[HomeBlock, ...] = ()
    documents: HomeBlock | None = None
    procedures: HomeBlock | None = None
    reception: HomeBlock | None = None
    contact: str = ""  # the category whose own record is the contact page
    index_news: int = 5  # news items of each commune the provincial index may show


@dataclass(frozen=True)
class NotArising:
    """How a "không phát sinh" declaration is told apart from a record of its category: a key only it has
    (``marker``), or words in its title that say so (``words``, read without diacritics)."""

    record_type: str
    marker: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    name_en: str
    in_force_from: dt.date | None
    record_types: dict  # name → RecordType; treat as read-only
    categories: tuple[Category, ...]
    commune_types: dict  # slug → CommuneType; treat as read-only
    languages: dict = field(default_factory=dict)  # code → Language; treat as read-only
    home: Home = Home()
    document_types: dict = field(default_factory=dict)  # NĐ 30/2020: kind → abbreviation ("" for a công văn)
    document_copies: dict = field(default_factory=dict)  # copies: kind → abbreviation (SY, TrS, SL)
    party_document_types: dict = field(default_factory=dict)  # Hướng dẫn 36-HD/VPTW: kind → abbreviation
    not_arising: NotArising | None = None  # "không phát sinh" declarations

    def category(self, slug: str) -> Category | None:
        return next((cat for cat in self.categories if cat.slug == slug), None)

    def category_for(self, folder: str) -> Category | None:
        """The category a folder belongs to: the longest category slug that is the folder or a parent of it."""
        parts = folder.strip("/").split("/") if folder.strip("/") else []
        for size in range(len(parts), 0, -1):
            found = self.category("/".join(parts[:size]))
            if found:
                return found
        return None

    def children(self, slug: str | None) -> tuple[Category, ...]:
        return tuple(cat for cat in self.categories if cat.parent_slug == slug)

    def menu(self) -> tuple[Category, ...]:
        """Top-level categories with a menu place, in menu order."""
        placed = [cat for cat in self.children(None) if cat.menu is not None]
        return tuple(sorted(placed, key=lambda cat: cat.menu))

    def menu_more(self) -> tuple[Category, ...]:
        """Top-level categories without a menu place: the "Khác" (more) entry lists them."""
        return tuple(cat for cat in self.children(None) if cat.menu is None)
