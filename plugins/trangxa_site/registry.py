"""Registries (sổ): a category the profile gives a ``listing`` — the documents, the procedures — shown as a table
that works without JavaScript: sorted by its date both ways on the server, a generated page for each value of
each filter field (a date field by year), and its records as ``<data>.json`` and ``<data>.csv`` for reuse.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath

from pelican.contents import Content

from trangxa.law.profile import Category, FieldSpec, RecordType
from trangxa.read.collisions import filter_slug
from trangxa.spreadsheets import safe_cell
from trangxa.text import slugify

from trangxa_site.sections import ListingPage, Section, paginate

OLDEST_FIRST = "cu-nhat/"  # the registry sorted oldest first, beside the default newest-first page
FILTERS = "loc/"  # loc/<field>/<value>/: one page per value of a filter field
YEAR = "nam"  # the URL segment of a date field's filter: by year


@dataclass(frozen=True)
class FacetValue:
    label: str
    url: str  # the filtered listing's first page
    items: tuple[Content, ...]


@dataclass(frozen=True)
class Facet:
    """One filter of a registry: a field, and a page for each value it takes."""

    spec: FieldSpec
    values: tuple[FacetValue, ...]

    @property
    def label(self) -> str:
        return f"Năm ({self.spec.label.lower()})" if self.spec.type == "date" else self.spec.label


def facets(category: Category, record_type: RecordType, items: list[Content]) -> list[Facet]:
    """The filters of a registry, each value with its items (newest first, as in ``items``). Values that differ only
    in case, spacing or accents of the same letters share one page (``filter_slug``), labelled as first written;
    the reading stage has warned of each other spelling (``filter-spelling``)."""
    result = []
    for key in category.listing.filters:
        spec = record_type.field(key)
        groups: dict[str, list[Content]] = {}
        labels: dict[str, str] = {}
        for item in items:
            for value in _facet_values(spec, item.record.get(key)):
                slug = filter_slug(value)
                labels.setdefault(slug, value)
                if item not in groups.setdefault(slug, []):
                    groups[slug].append(item)
        segment = YEAR if spec.type == "date" else slugify(key)
        ordered = sorted((slug for slug in groups if slug), reverse=spec.type == "date",
                         key=_choice_order(spec, labels))
        values = tuple(FacetValue(labels[slug], f"{category.url}{FILTERS}{segment}/{slug}/", tuple(groups[slug]))
                       for slug in ordered)
        result.append(Facet(spec, values))
    return result


def _facet_values(spec: FieldSpec, value) -> list[str]:
    if isinstance(value, dt.date):
        return [str(value.year)]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)] if value not in (None, "") else []


def _choice_order(spec: FieldSpec, labels: dict[str, str]):
    """Choices in the profile's order (the types of NĐ 30/2020 as the law lists them), other values by name."""
    position = {choice: index for index, choice in enumerate(spec.choices)}
    return lambda slug: (position.get(labels[slug], len(position)), labels[slug])


def listing_pages(section: Section, record_type: RecordType) -> list[ListingPage]:
    """Every page of a registry: newest first, oldest first, and one listing per filter value."""
    category = section.category
    pages = paginate(category.url, section.items)
    if category.listing.sort:
        pages += paginate(f"{category.url}{OLDEST_FIRST}", _oldest_first(section.items, category.listing.sort),
                          order="oldest")
    for facet in facets(category, record_type, section.items):
        for value in facet.values:
            heading = f"Năm {value.label}" if facet.spec.type == "date" else value.label
            pages += paginate(value.url, list(value.items), heading, filter=(facet.spec.key, value.label))
    return pages


def _oldest_first(items: list[Content], key: str) -> list[Content]:
    dated = [item for item in items if isinstance(item.record.get(key), dt.date)]
    undated = [item for item in items if item not in dated]
    return sorted(dated, key=lambda item: item.record[key]) + undated


def export_rows(section: Section, record_type: RecordType, relations: dict, published: set[str],
                source: str) -> list[dict]:
    """The registry's records as plain data: every field (dates ISO), the page, files with size and format (of a
    published file only: nothing is derived from a path that was refused), and the links both ways."""
    return [_row(item, record_type, relations.get(item.url), published, source) for item in section.items]


def _row(item: Content, record_type: RecordType, links, published: set[str], source: str) -> dict:
    row: dict = {"url": item.url}
    for spec in record_type.fields:
        value = item.record.get(spec.key)
        if value is None:
            continue
        if spec.type in ("files", "file"):
            names = value if spec.type == "files" else [value]
            row[spec.key] = [_file(item.folder, name, published, source) for name in names]
        elif isinstance(value, dt.date):
            row[spec.key] = value.isoformat()
        else:
            row[spec.key] = list(value) if isinstance(value, tuple) else value
    if links is not None:  # the records it names, and those that name it, by their pages
        for link in links.out:
            if link.target is not None:
                row.setdefault("lien_ket", {}).setdefault(link.label, []).append(link.target.url)
        for label, sources in links.inverse.items():
            row.setdefault("lien_ket_nguoc", {})[label] = [source.url for source in sources]
    return row


def _file(folder: str, name: str, published: set[str], source: str) -> dict:
    rel = posixpath.normpath(f"{folder}/{name}")
    if rel not in published:  # missing, refused or outside the commune: its name as written, nothing derived
        return {"tep": name, "url": None, "dinh_dang": PurePosixPath(name).suffix.lstrip(".").upper(), "kich_thuoc": None}
    size = os.path.getsize(os.path.join(source, rel))
    return {"tep": name, "url": rel, "dinh_dang": PurePosixPath(name).suffix.lstrip(".").upper(), "kich_thuoc": size}


def write_exports(output_path: str, category: Category, rows: list[dict]) -> list[str]:
    """``<data>.json`` (every field) and ``<data>.csv`` (one row a record, lists joined by "; ", UTF-8 with a
    byte-order mark so that Excel reads the Vietnamese right); returns their site paths."""
    folder = os.path.join(output_path, category.slug)
    os.makedirs(folder, exist_ok=True)
    base = f"{category.slug}/{category.listing.data}"
    with open(os.path.join(output_path, f"{base}.json"), "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False, indent=1)
    with open(os.path.join(output_path, f"{base}.csv"), "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(_csv(rows))
    return [f"{base}.json", f"{base}.csv"]


def _csv(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(_cell(row.get(key))) for key in columns})  # never a formula (spreadsheets)
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join((item["url"] or item["tep"]) if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{label}: {', '.join(urls)}" for label, urls in value.items())
    return "" if value is None else str(value)
