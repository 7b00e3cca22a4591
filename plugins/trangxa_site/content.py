"""Items, already read and checked, as the Pelican pages templates and feeds use.

The item's HTML was rendered when its file was read (``trangxa.read.markdown``); here it is only placed on its page:
pictures resolved to their renditions, links to files that are not published shown as text, and relative links
rewritten for the page's place (the page of ``tin-tuc/ra-quan.md`` is one folder deeper than the file).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path, PurePosixPath

from pelican.contents import Page

from trangxa.law.profile import Profile
from trangxa.read.items import CONTENT_SUFFIXES, INDEX_STEM, Item
from trangxa.text import slugify
from trangxa_media import body

# A relative link or image in an item's body: written beside the source file, but the item's page is one
# folder deeper (<folder>/<slug>/), so it is rewritten; links to another item's source file become its page.
RELATIVE_LINK = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\{|\?)[^"]+)"')
SRCSET = re.compile(r'\bsrcset="(?P<value>[^"]+)"')


class Placing:
    """What placing an item's HTML on its page needs to know of the site."""

    def __init__(self, profile: Profile, pictures: dict, published: set[str], source_files: set[str]):
        self.pictures = pictures  # rel → trangxa_media.images.Picture, once processed
        self.published = published  # every file published beside the pages (attachments and pictures)
        self.source_files = source_files  # every item's file: a link to one leads to its page
        self.folder_stems = frozenset({INDEX_STEM} | {PurePosixPath(rt.folder_file).stem
                                                       for rt in profile.record_types.values() if rt.folder_file})

    def exists(self, rel: str) -> bool:
        return rel in self.published or (rel.endswith(CONTENT_SUFFIXES) and rel in self.source_files)

    def html(self, item: Item, html: str) -> str:
        """A rendered text of the item as its page shows it (a commune's items only get pictures resolved)."""
        if item.category:
            html = body.rewrite(html, item.folder, self.pictures, self.exists)
        up = (0 if item.is_index or item.folder_page else 1) + (1 if item.lang else 0)
        return relink(html, up, self.folder_stems)


def page_of(item: Item, profile: Profile, placing: Placing, settings: dict, context: dict, source: Path) -> Page:
    """The Pelican page of an item: its HTML placed, its values (Markdown fields as ``<key>_html``); ``source`` is
    the folder its file was read from (a commune's, or a folder of ``content/`` for the pages every site carries)."""
    html_fields = {f"{key}_html": placing.html(item, html) for key, html in item.html_fields.items()}
    metadata = {
        "title": item.title,
        "slug": slugify(PurePosixPath(item.rel).stem),
        "url": item.url,
        "save_as": "" if item.is_index and item.category and not item.lang else f"{item.url}index.html",
        "record": {**item.values, **html_fields},
        "record_type": item.record_type,
        "category_slug": item.category,
        "is_index": item.is_index and bool(item.category),
        "folder_page": item.folder_page,
        "lang": item.lang or "vi",
        "folder": item.folder,
        "entry": item,
        "rel": item.rel,  # its file in the commune: the "Sửa trang này" link
    }
    if item.date:
        metadata["date"] = dt.datetime.combine(item.date, dt.time())
    summary_field = profile.record_types[item.record_type].summary_field
    if summary_field and item.values.get(summary_field):  # plain text where Pelican expects HTML (the feeds'
        metadata["summary"] = html.escape(str(item.values[summary_field]))  # <summary type="html">): escaped
    path = source / (item.rel if item.category else PurePosixPath(item.rel).name)
    return Page(placing.html(item, item.html), metadata=metadata, settings=settings, source_path=str(path),
                context=context)


def relink(html: str, up: int, folder_stems: frozenset = frozenset({INDEX_STEM})) -> str:
    """Rewrite relative links of an item's HTML for the page it is shown on (see RELATIVE_LINK): ``up`` is how
    many folders deeper than its source file the page is (an item's page 1, a category's own text 0; a
    translation's one more, since it is below its language — its links lead to the Vietnamese pages)."""
    prefix = "../" * up

    def target(match: re.Match) -> str:
        url, _, anchor = match["url"].partition("#")
        path = PurePosixPath(url)
        if path.suffix in CONTENT_SUFFIXES:
            stem = slugify(path.stem)
            url = f"{path.parent}/" if stem in folder_stems else f"{path.parent / stem}/"
            url = url.removeprefix("./")
        return f'{match["attr"]}="{prefix}{url}{"#" + anchor if anchor else ""}"'

    if not up:
        return RELATIVE_LINK.sub(target, html)

    def candidates(match: re.Match) -> str:
        entries = [entry.strip() for entry in match["value"].split(",")]
        return 'srcset="' + ", ".join(f"{prefix}{entry}" for entry in entries) + '"'

    return SRCSET.sub(candidates, RELATIVE_LINK.sub(target, html))


def pages_of(items, profile: Profile, placing: Placing, settings: dict, context: dict, source: Path) -> list[Page]:
    return [page_of(item, profile, placing, settings, context, source) for item in items]

