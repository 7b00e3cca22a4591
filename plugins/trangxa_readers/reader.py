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

from trangxa.read import sanitize
from trangxa.read.items import CONTENT_SUFFIXES, INDEX_STEM, Item, read_item
from trangxa.law.profile import Profile
from trangxa.text import slugify
from trangxa_media import body

# A relative link or image in an item's body: written beside the source file, but the item's page is one
# folder deeper (<folder>/<slug>/), so it is rewritten; links to another item's source file become its page.
RELATIVE_LINK = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\{|\?)[^"]+)"')
SRCSET = re.compile(r'\bsrcset="(?P<value>[^"]+)"')
SHARED_FOLDER = "trang"  # pages shared by every site (content/chung) live at trang/<slug>/


class ItemReader(BaseReader):
    enabled = True
    file_extensions = ["md", "yml", "yaml"]

    def __init__(self, settings):
        super().__init__(settings)
        self._markdown = markdown.Markdown(**settings["MARKDOWN"])
        profile: Profile = settings["TRANGXA_PROFILE"]
        # files whose page is their folder: index.md, and folder records such as album.yml
        self._folder_stems = frozenset({INDEX_STEM} | {PurePosixPath(rt.folder_file).stem
                                                        for rt in profile.record_types.values() if rt.folder_file})

    def read(self, source_path: str):
        item = self._read(Path(source_path))
        return self._html(item, item.body), self._metadata(item)

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

    def _html(self, item: Item, text: str) -> str:
        """A Markdown text of the item as the page shows it: pictures, videos and files resolved (a commune's
        items only), then links rewritten for the page's place."""
        html = self._render(text)
        run = self.settings.get("TRANGXA_RUN")
        if item.category and run is not None and run.commune is not None:
            root = Path(self.settings["PATH"])
            html = body.rewrite(html, item.folder, run.pictures, lambda rel: _published(rel, run, root))
        up = (0 if item.is_index or item.folder_page else 1) + (1 if item.lang else 0)
        return relink(html, up, self._folder_stems)

    def _metadata(self, item: Item) -> dict:
        record_type = self.settings["TRANGXA_PROFILE"].record_types[item.record_type]
        html_fields = {
            f"{spec.key}_html": self._html(item, item.values[spec.key])
            for spec in record_type.fields
            if spec.type == "markdown" and spec.key in item.values
        }
        metadata = {
            "title": item.values.get(record_type.title_field) or PurePosixPath(item.rel).stem,
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
        }
        day = item.values.get(record_type.date_field) if record_type.date_field else None
        if isinstance(day, dt.date):
            metadata["date"] = dt.datetime.combine(day, dt.time())
        if record_type.summary_field and item.values.get(record_type.summary_field):
            metadata["summary"] = str(item.values[record_type.summary_field])
        return metadata


def _published(rel: str, run, root: Path) -> bool:
    """Whether a file a text links to is on the site: a published attachment or picture, or another item."""
    return rel in run.published or (rel.endswith(CONTENT_SUFFIXES) and (root / rel).is_file())


def relink(html: str, up: int, folder_stems: frozenset = frozenset({INDEX_STEM})) -> str:
    """Rewrite relative links of an item's HTML for the page it is shown on (see RELATIVE_LINK): ``up`` is how
    many folders deeper than its source file the page is (an item's page 1, a category's own text 0; a
    translation's one more, since it is below its language — its links lead to the Vietnamese pages)."""
    prefix = "../" * up

    def target(match: re.Match) -> str:
        url, _, anchor = match["url"].partition("#")
        path = PurePosixPath(url)
        if path.suffix in (".md", ".yml", ".yaml"):
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
