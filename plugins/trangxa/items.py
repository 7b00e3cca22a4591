"""Reading a commune's folder into items — the *read* stage, shared by the site build and the checker.

An item is one content file (Markdown with front matter, or a YAML record) in a category folder. Its category
comes from its folder (the profile's longest matching slug), never from a field the author must repeat.
"""

from __future__ import annotations

import difflib
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import sanitize
from .findings import Problem, ProblemError
from .profile import Profile
from .records import convert
from .sources import Mapping, load_mapping, read_source, split_front_matter
from .text import slugify

CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
INDEX_STEM = "index"  # index.md / index.yml is the category's own text, shown on its page
IDENTITY_FILE = "commune.yml"
FILE_TYPES = ("file", "image", "files")


@dataclass(frozen=True)
class Item:
    """One content file, read and converted: where it is, what it is, its typed values and their lines."""

    rel: str  # path relative to the commune's folder, POSIX
    category: str  # category slug
    record_type: str
    values: dict
    lines: dict = field(default_factory=dict)
    body: str = ""  # the Markdown body of a .md file
    body_line: int = 1  # its first line in the file
    problems: tuple[Problem, ...] = ()

    @property
    def folder(self) -> str:
        return str(PurePosixPath(self.rel).parent)

    @property
    def is_index(self) -> bool:
        return PurePosixPath(self.rel).stem == INDEX_STEM

    @property
    def url(self) -> str:
        """The item's page, relative to the site root: the folder, then the file name as a slug."""
        return f"{self.folder}/" if self.is_index else f"{self.folder}/{slugify(PurePosixPath(self.rel).stem)}/"


@dataclass
class Scan:
    """A commune's files sorted into content files (with their category), attachments, and problems."""

    content: list[tuple[str, str]] = field(default_factory=list)  # (rel, category slug)
    assets: list[str] = field(default_factory=list)
    problems: list[tuple[str, Problem]] = field(default_factory=list)


def scan(root: Path, profile: Profile) -> Scan:
    """Every file below a commune's folder, sorted; hidden files are skipped and links leading outside the
    folder refused (a commune must not publish another's or the server's files)."""
    base = root.resolve()
    result = Scan()
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            rel = path.relative_to(base).as_posix()
            if not path.resolve().is_relative_to(base):
                result.problems.append((rel, Problem("file-outside", {"field": "-", "value": rel})))
            elif rel != IDENTITY_FILE:
                _sort_file(rel, profile, result, base)
    return result


ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .doc .docx .xls .xlsx .odt .ods .odp .ppt .pptx .csv .txt .zip .jpg .jpeg .png .webp .gif .mp4 .webm "
    ".vtt".split())  # no .svg (it can carry script), no programs
IMAGE_SUFFIXES = frozenset(".jpg .jpeg .png .webp .gif".split())
MAX_ATTACHMENT_BYTES = 50_000_000
MAX_IMAGE_PIXELS = 100_000_000  # beyond any phone camera: a decompression bomb


def check_attachment(path: Path) -> Problem | None:
    """Why an attachment must not be published, if it must not: its type, its size, or an image that is none."""
    suffix = path.suffix.lower()
    if suffix not in ATTACHMENT_SUFFIXES:
        return Problem("unexpected-file", {"kind": suffix or "không có đuôi"})
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        return Problem("file-too-large", {"size": size // 1000, "limit": MAX_ATTACHMENT_BYTES // 1000})
    if suffix in IMAGE_SUFFIXES:
        return _check_image(path)
    return None


def _check_image(path: Path) -> Problem | None:
    from PIL import Image  # only when a commune has images

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValueError(f"{width}×{height} điểm ảnh")
                image.verify()
    except Exception as err:  # noqa: BLE001 - any failure to read means it is not a usable image
        return Problem("bad-image", {"value": path.name, "detail": str(err)[:80] or type(err).__name__})
    return None


def _sort_file(rel: str, profile: Profile, result: Scan, base: Path) -> None:
    if not rel.endswith(CONTENT_SUFFIXES):
        problem = check_attachment(base / rel)
        if problem:
            result.problems.append((rel, problem))
        else:
            result.assets.append(rel)
        return
    folder = str(PurePosixPath(rel).parent).removeprefix(".")
    category = profile.category_for(folder)
    if category is None:
        params = {"folder": folder or "/", "profile": profile.id, "suggestion": suggest_category(profile, folder)}
        result.problems.append((rel, Problem("unknown-folder", params)))
    else:
        result.content.append((rel, category.slug))


def suggest_category(profile: Profile, folder: str) -> str:
    slugs = [cat.slug for cat in profile.categories]
    close = difflib.get_close_matches(folder, slugs, n=1, cutoff=0.5)
    return f' (có phải "{close[0]}"?)' if close else ""


def read_item(root: Path, rel: str, category: str, profile: Profile) -> Item:
    """Read one content file; raises ProblemError when nothing can be read from it."""
    path = root / rel
    record_type = profile.record_types[_record_type_name(rel, category, profile)]
    source = read_source(path)
    mapping, body, body_line = _parse(source.text, path.suffix)
    record = convert(record_type, mapping.data, mapping.lines)
    rules = profile.category(category).rules if category else {}
    problems = source.problems + record.problems + tuple(_check_files(record_type, record.values, mapping, path, root))
    problems += tuple(_unsafe_html(record_type, record.values, mapping, body, body_line))
    problems += tuple(personal_data(source.text, "minimise_personal_data" in rules))
    return Item(rel, category, record_type.name, record.values, record.lines, body, body_line, problems)


def _unsafe_html(record_type, values: dict, mapping: Mapping, body: str, body_line: int) -> list[Problem]:
    """What the sanitiser will remove from the body and the Markdown fields, reported at its line."""
    found = sanitize.scan(body, body_line)
    for spec in record_type.fields:
        if spec.type == "markdown" and spec.key in values:
            found += sanitize.scan(values[spec.key], mapping.lines.get(spec.key, 1))
    return found


def _record_type_name(rel: str, category: str, profile: Profile) -> str:
    """A category's items use its record type; its index.md is prose about the category (a ``trang``), while an
    index.yml is the category's single record (the contacts of lien-he/, say)."""
    if not category or PurePosixPath(rel).name == f"{INDEX_STEM}.md":
        return "trang"
    return profile.category(category).record_type


NATIONAL_ID = re.compile(r"(?<![\d.])\d{12}(?![\d.])")  # số định danh cá nhân / CCCD: 12 digits
MOBILE = re.compile(r"(?<![\d.])(?:0|\+84)[35789](?:[ .]?\d){8}(?![\d.])")


def personal_data(text: str, minimise: bool) -> list[Problem]:
    """Warnings where a file looks like it carries citizens' ID numbers, or — in the lists the law asks to keep
    minimal (beneficiaries, call-ups) — private mobile numbers. A warning, not a block: staff decide."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if NATIONAL_ID.search(line):
            problems.append(Problem("personal-id", {}, number, NATIONAL_ID.search(line).start() + 1))
        if minimise and MOBILE.search(line):
            problems.append(Problem("personal-phone", {}, number, MOBILE.search(line).start() + 1))
    return problems


def _parse(text: str, suffix: str) -> tuple[Mapping, str, int]:
    if not text.strip():
        raise ProblemError(Problem("empty-file", {}, 1))
    if suffix == ".md":
        front = split_front_matter(text)
        return load_mapping(front.header, front.header_line), front.body, front.body_line
    return load_mapping(text), "", 1


def _check_files(record_type, values: dict, mapping: Mapping, path: Path, root: Path) -> list[Problem]:
    """Files named by a field must exist beside the item and stay inside the commune's folder."""
    base = root.resolve()
    problems = []
    for spec in record_type.fields:
        if spec.type not in FILE_TYPES or spec.key not in values:
            continue
        names = values[spec.key] if spec.type == "files" else (values[spec.key],)
        for name in names:
            target = (path.parent / name).resolve()
            params = {"field": spec.key, "value": name}
            if not target.is_relative_to(base):
                problems.append(Problem("file-outside", params, mapping.lines.get(spec.key)))
            elif not target.is_file():
                problems.append(Problem("missing-file", params, mapping.lines.get(spec.key)))
    return problems


def read_commune(root: Path, profile: Profile) -> tuple[list[Item], list[tuple[str, Problem]]]:
    """All items of a commune, without Pelican (the checker's way in); problems as (rel, problem)."""
    found = scan(root, profile)
    items, problems = [], list(found.problems)
    for rel, category in found.content:
        try:
            items.append(read_item(root, rel, category, profile))
        except ProblemError as err:
            problems.append((rel, err.problem))
    kept, duplicates = unique_urls(items)
    return kept, problems + duplicates


def unique_urls(items: list) -> tuple[list, list[tuple[str, Problem]]]:
    """Keep the first item of each URL; a second one is a problem (it would overwrite the first page)."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for item in items:
        other = seen.setdefault(item.url, item.rel)
        if other == item.rel:
            kept.append(item)
        else:
            problems.append((item.rel, Problem("duplicate-slug", {"url": item.url, "other": other})))
    return kept, problems
