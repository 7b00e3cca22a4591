"""The item reader: one file (``.md`` or ``.yml``) → HTML and the metadata Pelican and our templates use."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath

import markdown
from pelican.readers import BaseReader

from trangxa.findings import Problem, ProblemError
from trangxa.profile import Category, Profile, RecordType
from trangxa.records import convert
from trangxa.sources import Mapping, load_mapping, read_text, split_front_matter
from trangxa.text import slugify

INDEX_STEM = "index"  # index.md / index.yml is the category's own text, shown on its page
FILE_TYPES = ("file", "image", "files")
# A relative link or image in an item's body: written beside the source file, but the item's page is one
# folder deeper (<folder>/<slug>/), so it is rewritten; links to another item's source file become its page.
RELATIVE_LINK = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\{|\?)[^"]+)"')


class ItemReader(BaseReader):
    enabled = True
    file_extensions = ["md", "yml", "yaml"]

    def __init__(self, settings):
        super().__init__(settings)
        self._markdown = markdown.Markdown(**settings["MARKDOWN"])

    def read(self, source_path: str):
        path = Path(source_path)
        profile: Profile = self.settings["TRANGXA_PROFILE"]
        root = Path(self.settings["PATH"])
        folder = path.parent.relative_to(root).as_posix() if path.is_relative_to(root) else ""
        category = profile.category_for(folder) if path.is_relative_to(root) else None
        record_type = profile.record_type(category) if category else profile.record_types["trang"]
        mapping, body, header_line = self._parse(path)
        record = convert(record_type, mapping.data, mapping.lines, header_line)
        problems = list(record.problems) + self._check_files(record_type, record.values, mapping, path)
        is_index = category is not None and path.stem == INDEX_STEM
        html = relink(self._render(body), is_index)
        return html, self._metadata(path, folder, category, record_type, record, problems)

    def _parse(self, path: Path) -> tuple[Mapping, str, int]:
        text = read_text(path)
        if not text.strip():
            raise ProblemError(Problem("empty-file", {}, 1))
        if path.suffix == ".md":
            front = split_front_matter(text)
            return load_mapping(front.header, front.header_line), front.body, 1
        return load_mapping(text), "", 1

    def _render(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text) if text.strip() else ""

    def _check_files(self, record_type: RecordType, values: dict, mapping: Mapping, path: Path) -> list[Problem]:
        """Files named by a field must exist beside the item and stay inside the commune's folder."""
        root = Path(self.settings["PATH"]).resolve()
        problems = []
        for spec in record_type.fields:
            if spec.type not in FILE_TYPES or spec.key not in values:
                continue
            names = values[spec.key] if spec.type == "files" else (values[spec.key],)
            for name in names:
                target = (path.parent / name).resolve()
                params = {"field": spec.key, "value": name}
                if not target.is_relative_to(root):
                    problems.append(Problem("file-outside", params, mapping.lines.get(spec.key)))
                elif not target.is_file():
                    problems.append(Problem("missing-file", params, mapping.lines.get(spec.key)))
        return problems

    def _metadata(self, path, folder, category: Category | None, record_type, record, problems) -> dict:
        stem_slug = slugify(path.stem)
        is_index = category is not None and path.stem == INDEX_STEM
        self._is_index = is_index
        base = folder if category else "trang"
        url = f"{base}/" if is_index else f"{base}/{stem_slug}/"
        values = {**record.values, **self._render_markdown_fields(record_type, record.values)}
        metadata = {
            "title": values.get(record_type.title_field) or path.stem,
            "slug": stem_slug,
            "url": url,
            "save_as": "" if is_index else f"{url}index.html",
            "record": values,
            "record_type": record_type.name,
            "category_slug": category.slug if category else "",
            "is_index": is_index,
            "problems": tuple(problems),
        }
        day = values.get(record_type.date_field) if record_type.date_field else None
        if isinstance(day, dt.date):
            metadata["date"] = dt.datetime.combine(day, dt.time())
        if record_type.summary_field and values.get(record_type.summary_field):
            metadata["summary"] = str(values[record_type.summary_field])
        return metadata

    def _render_markdown_fields(self, record_type: RecordType, values: dict) -> dict:
        return {
            f"{spec.key}_html": relink(self._render(values[spec.key]), self._is_index)
            for spec in record_type.fields
            if spec.type == "markdown" and spec.key in values
        }


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
