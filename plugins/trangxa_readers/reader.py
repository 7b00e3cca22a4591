"""The item reader: one file (``.md`` or ``.yml``) → HTML and the metadata Pelican and our templates use.

Reading and converting is the core's (``trangxa.items``); this reader adds what a page needs: Markdown rendered
to HTML, links rewritten for the page's place, and Pelican's title, date, slug and URL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

import markdown
from pelican.readers import BaseReader

from trangxa import sanitize
from trangxa.items import INDEX_STEM, Item, read_item
from trangxa.profile import Profile
from trangxa.text import slugify

# A relative link or image in an item's body: written beside the source file, but the item's page is one
# folder deeper (<folder>/<slug>/), so it is rewritten; links to another item's source file become its page.
RELATIVE_LINK = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\{|\?)[^"]+)"')
SHARED_FOLDER = "trang"  # pages shared by every site (content/chung) live at trang/<slug>/


class ItemReader(BaseReader):
    enabled = True
    file_extensions = ["md", "yml", "yaml"]

    def __init__(self, settings):
        super().__init__(settings)
        self._markdown = markdown.Markdown(**settings["MARKDOWN"])

    def read(self, source_path: str):
        item = self._read(Path(source_path))
        return relink(self._render(item.body), item.is_index), self._metadata(item)

    def _read(self, path: Path) -> Item:
        profile: Profile = self.settings["TRANGXA_PROFILE"]
        root = Path(self.settings["PATH"])
        if path.is_relative_to(root):
            rel = path.relative_to(root).as_posix()
            category = profile.category_for(str(PurePosixPath(rel).parent))
            if category is not None:
                return read_item(root, rel, category.slug, profile)
        # a page of content/ (shared by every commune, or the provincial index's own): trang/<slug>/
        item = read_item(path.parent, path.name, "", profile)
        return replace(item, rel=f"{SHARED_FOLDER}/{path.name}")

    def _render(self, text: str) -> str:
        """Markdown to HTML, then through the allow-list: raw HTML in staff text cannot inject anything."""
        self._markdown.reset()
        return sanitize.clean(self._markdown.convert(text)) if text.strip() else ""

    def _metadata(self, item: Item) -> dict:
        record_type = self.settings["TRANGXA_PROFILE"].record_types[item.record_type]
        html_fields = {
            f"{spec.key}_html": relink(self._render(item.values[spec.key]), item.is_index)
            for spec in record_type.fields
            if spec.type == "markdown" and spec.key in item.values
        }
        metadata = {
            "title": item.values.get(record_type.title_field) or PurePosixPath(item.rel).stem,
            "slug": slugify(PurePosixPath(item.rel).stem),
            "url": item.url,
            "save_as": "" if item.is_index and item.category else f"{item.url}index.html",
            "record": {**item.values, **html_fields},
            "record_type": item.record_type,
            "category_slug": item.category,
            "is_index": item.is_index and bool(item.category),
            "folder": item.folder,
            "entry": item,
        }
        day = item.values.get(record_type.date_field) if record_type.date_field else None
        if isinstance(day, dt.date):
            metadata["date"] = dt.datetime.combine(day, dt.time())
        if record_type.summary_field and item.values.get(record_type.summary_field):
            metadata["summary"] = str(item.values[record_type.summary_field])
        return metadata


def relink(html: str, is_index: bool) -> str:
    """Rewrite relative links of an item's HTML for the page it is shown on (see RELATIVE_LINK)."""

    def target(match: re.Match) -> str:
        url, _, anchor = match["url"].partition("#")
        path = PurePosixPath(url)
        if path.suffix in (".md", ".yml", ".yaml"):
            stem = slugify(path.stem)
            url = f"{path.parent}/" if stem == INDEX_STEM else f"{path.parent / stem}/"
            url = url.removeprefix("./")
        prefix = "" if is_index else "../"
        return f'{match["attr"]}="{prefix}{url}{"#" + anchor if anchor else ""}"'

    return RELATIVE_LINK.sub(target, html)
