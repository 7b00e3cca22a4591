"""Languages of a site: Vietnamese first; a commune may publish pages in other languages (English for its
organisation, leaders and contacts — NĐ 42/2022 Điều 7.2 — Khmer or Cham where the community speaks them).

Template strings are Vietnamese and translated through gettext message catalogues
(``themes/trangxa/translations/<lang>/LC_MESSAGES/messages.po``, kept with Babel: ``invoke i18n``), compiled in
memory when a site is built. Dates are written per locale with Babel; Vietnamese keeps "Thứ Sáu, 17/11/2023".
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from pathlib import Path

SOURCE = "vi"  # the language the templates are written in
CATALOGUES = Path(__file__).resolve().parents[2] / "themes" / "trangxa" / "translations"


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; Vietnamese (the source) and languages without one translate nothing,
    so an untranslated string shows in Vietnamese rather than blank."""
    path = CATALOGUES / code / "LC_MESSAGES" / "messages.po"
    if code == SOURCE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def install(env, code: str) -> None:
    """Make ``_()`` in the templates of ``env`` speak ``code`` (the i18n extension is on in pelicanconf.py)."""
    env.install_gettext_translations(translations(code), newstyle=True)


def local_date(day: dt.date, locale: str, weekday: bool) -> str:
    """A date the way a reader of ``locale`` writes it: "Friday, 17 November 2023" / "17 Nov 2023"."""
    from babel.dates import format_date

    return format_date(day, "EEEE, d MMMM y" if weekday else "d MMMM y", locale=locale)


TEMPLATES = CATALOGUES.parent / "templates"


def source_catalog(profile):
    """Every string a page in another language may show: the templates' _() strings (Babel's Jinja extractor),
    and the profile's names and labels, which pages show through _() too. The English catalogue starts from the
    profile's own English names (name_en)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(locale=None, project="trangxa", charset="utf-8")
    method_map = [("**.html", "jinja2.ext:babel_extract")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    for filename, line, message, comments, context in extract_from_dir(str(TEMPLATES), method_map, options):
        catalog.add(message, locations=[(f"templates/{filename}", line)])
    for text, where in profile_strings(profile):
        catalog.add(text, locations=[(where, 0)])
    return catalog


def profile_strings(profile) -> list[tuple[str, str]]:
    found = [(cat.name, f"profile:{cat.slug}") for cat in profile.categories]
    found += [(cat.menu_label, f"profile:{cat.slug}") for cat in profile.categories if cat.menu_label]
    found += [(spec.label, f"profile:{record.name}.{spec.key}") for record in profile.record_types.values()
              for spec in record.fields]
    found += [(choice, f"profile:{record.name}.{spec.key}") for record in profile.record_types.values()
              for spec in record.fields for choice in spec.choices if spec.key != "loai"]
    return found


def english_names(profile) -> dict[str, str]:
    """The profile's English category names, to seed the English catalogue."""
    return {cat.name: cat.name_en for cat in profile.categories if cat.name_en}


def update_catalogues(profile, codes: list[str]) -> list[Path]:
    """``invoke i18n``: write messages.pot and bring each language's messages.po up to date with it (new strings
    added untranslated — or, in English, from the profile's name_en — old ones kept, unused ones dropped)."""
    from babel.messages.pofile import read_po, write_po

    template = source_catalog(profile)
    written = [CATALOGUES / "messages.pot"]
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    with written[0].open("wb") as handle:
        write_po(handle, template, width=120, omit_header=True, sort_output=True)
    for code in codes:
        path = CATALOGUES / code / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        current = read_po(path.open("rb"), locale=code) if path.is_file() else None
        catalog = template.__class__(locale=code, project="trangxa", charset="utf-8")
        seed = english_names(profile) if code == "en" else {}
        for message in template:
            if not message.id:
                continue
            old = current.get(message.id) if current else None
            catalog.add(message.id, (old.string if old else "") or seed.get(message.id, ""),
                        locations=message.locations)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=120, omit_header=False, sort_output=True, include_previous=False)
        written.append(path)
    return written


def untranslated(code: str, profile) -> list[str]:
    """The template strings a language's catalogue leaves untranslated (the profile's are optional)."""
    from babel.messages.pofile import read_po

    path = CATALOGUES / code / "LC_MESSAGES" / "messages.po"
    catalog = read_po(path.open("rb"), locale=code)
    template = source_catalog(profile)
    return [m.id for m in template if m.id and any(loc.startswith("templates/") for loc, _ in m.locations)
            and not (catalog.get(m.id) and catalog.get(m.id).string)]
