"""Reading a commune's folder into items — the *read* stage: each file is read once, whatever is done with it next
(checked as of one date or several, rendered by Pelican).

An item is one content file (Markdown with front matter, or a YAML record) in a category folder. Its category
comes from its folder (the profile's longest matching slug), never from a field the author must repeat. Its
Markdown is rendered to safe HTML here too (``markdown``): the HTML depends on nothing but the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
import os
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from trangxa.read import drafts, markdown, names, placement, sanitize
from trangxa.read.attachments import IMAGE_SUFFIXES, check_attachment
from trangxa.read.bodylinks import scan_body
from trangxa.read.cache import ItemCache, listing_digest
from trangxa.read.collisions import filter_spellings, unique_urls
from trangxa.read.personal import file_name_problems, own_numbers, personal_data, without_own_numbers
from trangxa.law.findings import Problem, ProblemError
from trangxa.law.profile import Profile, RecordType
from trangxa.read.records import convert
from trangxa.read.sources import Mapping, load_mapping, read_source, split_front_matter
from trangxa.text import fold, slugify

CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
INDEX_STEM = "index"  # index.md / index.yml is the category's own text, shown on its page
IDENTITY_FILE = "commune.yml"  # the commune's identity (trangxa.config.commune), not an item
FILE_TYPES = ("file", "image", "files", "photos")


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
    folder_page: bool = False  # a folder's own record (an album's album.yml): its page is the folder
    lang: str = ""  # a translation (lien-he/index.en.yml): its language; "" for the Vietnamese original
    html: str = ""  # the body rendered and sanitised; links still relative to the file's folder
    title: str = ""  # from the record type's title field (else the file name)
    date: dt.date | None = None  # its own date (date_field): the order of listings and feeds
    posted: dt.date | None = None  # when it was put on the site (posted_field): what counts as of a date
    html_fields: dict = field(default_factory=dict)  # the same for each Markdown field: key → HTML

    @property
    def folder(self) -> str:
        return str(PurePosixPath(self.rel).parent)

    @property
    def stem(self) -> str:
        """The file name without extension, and without the language of a translation."""
        stem = PurePosixPath(self.rel).stem
        return stem.removesuffix(f".{self.lang}") if self.lang else stem

    @property
    def original_rel(self) -> str:
        """The Vietnamese original's file (itself, for an original)."""
        path = PurePosixPath(self.rel)
        return str(path.with_name(self.stem + path.suffix)) if self.lang else self.rel

    @property
    def is_index(self) -> bool:
        return self.stem == INDEX_STEM

    @property
    def url(self) -> str:
        """The item's page, relative to the site root: the folder, then the file name as a slug; a translation's
        page is the original's, below the language (en/lien-he/)."""
        prefix = f"{self.lang}/" if self.lang else ""
        if self.is_index or self.folder_page:
            return f"{prefix}{self.folder}/"
        return f"{prefix}{self.folder}/{slugify(self.stem)}/"


@dataclass
class Scan:
    """A commune's files sorted into content files (with their category), attachments, and problems."""

    content: list[tuple[str, str]] = field(default_factory=list)  # (rel, category slug)
    assets: list[str] = field(default_factory=list)
    problems: list[tuple[str, Problem]] = field(default_factory=list)


def scan(root: Path, profile: Profile) -> Scan:
    """Every file below a commune's folder, sorted; hidden files are skipped, links leading outside the folder
    refused (a commune must not publish another's or the server's files), and so are names no publisher may
    write (``names``)."""
    base = root.resolve()
    result = Scan()
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            rel = path.relative_to(base).as_posix()
            if names.unsafe(rel):
                result.problems.append((names.shown(rel), Problem("unsafe-file-name", {"value": names.shown(rel)})))
            elif not path.resolve().is_relative_to(base):
                result.problems.append((rel, Problem("file-outside", {"field": "-", "value": rel})))
            elif rel != IDENTITY_FILE:
                result.problems += [(rel, problem) for problem in file_name_problems(rel)]
                _sort_file(rel, profile, result, base)
    result.problems += _unnamed_folders(profile, result)
    return result


def _unnamed_folders(profile: Profile, found: Scan) -> list[tuple[str, Problem]]:
    """In a category of folder records (albums), pictures in a folder without its album.yml, or loose in the
    category's own folder, are still shown — and reported, so that they get a title and descriptions."""
    problems = []
    for category in profile.categories:
        name = profile.record_types[category.record_type].folder_file
        if not name:
            continue
        named = {str(PurePosixPath(rel).parent) for rel, slug in found.content if slug == category.slug}
        folders = sorted({str(PurePosixPath(rel).parent) for rel in found.assets
                          if profile.category_for(str(PurePosixPath(rel).parent)) == category
                          and PurePosixPath(rel).suffix.lower() in IMAGE_SUFFIXES})
        for folder in folders:
            if folder == category.slug:
                problems.append((f"{folder}/", Problem("loose-photo", {"category": category.slug})))
            elif folder not in named:
                problems.append((f"{folder}/", Problem("album-yml-missing", {"folder": folder})))
    return problems


def _sort_file(rel: str, profile: Profile, result: Scan, base: Path) -> None:
    folder = str(PurePosixPath(rel).parent).removeprefix(".")
    category = profile.category_for(folder)
    content = rel.endswith(CONTENT_SUFFIXES)
    if category is None and (content or folder):
        # an attachment too: in no category's folder it would be published where the site writes its own
        # (theme/, pagefind/…); only the commune's own root holds loose ones (its emblem)
        where = f"{base.name}/{folder + '/' if folder else ''}"
        params = {"folder": where, "profile": profile.id, "candidates": placement.candidates(profile, folder, base / rel)}
        result.problems.append((rel, Problem("unknown-folder", params)))
    elif not content:
        problem = check_attachment(base / rel)
        if problem:
            result.problems.append((rel, problem))
        else:
            result.assets.append(rel)
    else:
        result.content.append((rel, category.slug))


def read_item(root: Path, rel: str, category: str, profile: Profile, clock: markdown.Clock | None = None) -> Item:
    """Read one content file; raises ProblemError when nothing can be read from it. ``clock``: the time the
    commune's Markdown may take (``markdown.Clock``)."""
    path = root / rel
    lang = language_of(rel, profile)
    record_type = profile.record_types[_record_type_name(rel, category, profile, lang)]
    _check_place(record_type, rel, category, lang)
    source = read_source(path)
    mapping, body, body_line = _parse(source.text, path.suffix)
    record_type = declaration_type(profile, category, record_type, mapping.data) or record_type
    record = convert(record_type, mapping.data, mapping.lines)
    rules = profile.category(category).rules if category else {}
    problems = source.problems + record.problems + tuple(_check_files(record_type, record.values, mapping, path, root))
    problems += tuple(_unsafe_html(record_type, record.values, mapping, body, body_line))
    problems += tuple(personal_data(source.text, "minimise_personal_data" in rules))
    problems += tuple(_missing_alts(record_type, record.values, mapping, path))
    problems += tuple(scan_body(body, body_line, path, root))
    problems += tuple(drafts.untitled(record_type, record.values, PurePosixPath(_base_name(rel, lang)).stem))
    problems += tuple(drafts.template_text(record_type, record.values, mapping.lines, body, body_line))
    if mapping.duplicates:  # which value is meant is unknown: not published, every problem reported now
        raise ProblemError(mapping.duplicates[0], mapping.duplicates + problems)
    clock = clock or markdown.Clock()
    html, trouble = markdown.render_checked(body, body_line, clock)
    html_fields = {}
    for spec in record_type.fields:
        if spec.type == "markdown" and spec.key in record.values:
            html_fields[spec.key], more = markdown.render_checked(record.values[spec.key], record.lines.get(spec.key, 1),
                                                                  clock)
            trouble += more
    problems += tuple(trouble)
    return Item(rel, category, record_type.name, record.values, record.lines, body, body_line, problems,
                folder_page=bool(record_type.folder_file), lang=lang, html=html,
                html_fields=html_fields, title=record.values.get(record_type.title_field) or PurePosixPath(rel).stem,
                date=_date(record.values, record_type.date_field) or _first_day(record_type, record.values),
                posted=_date(record.values, record_type.posted_field))


def declaration_type(profile: Profile, category: str, record_type: RecordType, data: dict) -> RecordType | None:
    """The "không phát sinh" record type, when a record of a category that may declare so is such a declaration:
    it has the declaration's own key, or its title says so ("… không phát sinh …")."""
    rule = profile.not_arising
    if rule is None or not category or "not_arising" not in profile.category(category).rules:
        return None
    title = data.get(record_type.title_field) or data.get(profile.record_types[rule.record_type].title_field)
    said = isinstance(title, str) and any(fold(word) in fold(title) for word in rule.words)
    return profile.record_types[rule.record_type] if rule.marker in data or said else None


def _first_day(record_type: RecordType, values: dict) -> dt.date | None:
    """A record dated by a list of days (a notice of several sessions): its first."""
    days = [day for spec in record_type.fields if spec.type == "dates" for day in values.get(spec.key, ())]
    return min(days) if days else None


def _date(values: dict, key: str | None) -> dt.date | None:
    value = values.get(key) if key else None
    return value if isinstance(value, dt.date) else None


def language_of(rel: str, profile: Profile) -> str:
    """The language of a translation, from its file name (index.en.md → en); "" for a Vietnamese original."""
    suffixes = PurePosixPath(rel).suffixes
    code = suffixes[-2].lstrip(".") if len(suffixes) >= 2 else ""
    return code if code in profile.languages and code != "vi" else ""


def _base_name(rel: str, lang: str) -> str:
    name = PurePosixPath(rel).name
    return name.replace(f".{lang}.", ".", 1) if lang else name


def _check_place(record_type: RecordType, rel: str, category: str, lang: str) -> None:
    """A folder record (album.yml) must be named so and sit in a sub-folder of its category."""
    name = record_type.folder_file
    if name and (_base_name(rel, lang) != name or str(PurePosixPath(rel).parent) == category):
        raise ProblemError(Problem("record-file-name", {"category": category, "name": name}, 1))


def _missing_alts(record_type: RecordType, values: dict, mapping: Mapping, path: Path) -> list[Problem]:
    """Images without a text alternative: a field's ``alt_field`` left blank, an album photo without ``mo_ta``,
    a picture in an album's folder that album.yml does not describe."""
    problems = []
    for spec in record_type.fields:
        if spec.alt_field and spec.key in values and spec.alt_field not in values:
            problems.append(Problem("missing-alt", {"value": values[spec.key], "field": spec.alt_field},
                                    mapping.lines.get(spec.key)))
        if spec.type == "photos":
            listed = values.get(spec.key, ())
            problems += [Problem("missing-alt", {"value": photo["tep"], "field": "mo_ta"}, mapping.lines.get(spec.key))
                         for photo in listed if not photo["mo_ta"]]
            if record_type.folder_file:
                problems += _undescribed(path.parent, {photo["tep"] for photo in listed})
    return problems


def _undescribed(folder: Path, listed: set[str]) -> list[Problem]:
    return [Problem("photo-not-described", {"value": picture.name})
            for picture in sorted(folder.iterdir())
            if picture.suffix.lower() in IMAGE_SUFFIXES and picture.name not in listed]


def _unsafe_html(record_type, values: dict, mapping: Mapping, body: str, body_line: int) -> list[Problem]:
    """What the sanitiser will remove from the body and the Markdown fields, reported at its line."""
    found = sanitize.scan(body, body_line)
    for spec in record_type.fields:
        if spec.type == "markdown" and spec.key in values:
            found += sanitize.scan(values[spec.key], mapping.lines.get(spec.key, 1))
    return found


def _record_type_name(rel: str, category: str, profile: Profile, lang: str = "") -> str:
    """A category's items use its record type; its index.md is prose about the category (a ``trang``), while an
    index.yml is the category's single record (the contacts of lien-he/, say)."""
    if not category or _base_name(rel, lang) == f"{INDEX_STEM}.md":
        return "trang"
    return profile.category(category).record_type


def _parse(text: str, suffix: str) -> tuple[Mapping, str, int]:
    if not text.strip():
        raise ProblemError(Problem("empty-file", {}, 1))
    if suffix == ".md":
        front = split_front_matter(text)
        return load_mapping(front.header, front.header_line, duplicates=True), front.body, front.body_line
    return load_mapping(text, duplicates=True), "", 1


def _check_files(record_type, values: dict, mapping: Mapping, path: Path, root: Path) -> list[Problem]:
    """Files named by a field must exist beside the item and stay inside the commune's folder."""
    base = root.resolve()
    problems = []
    for spec in record_type.fields:
        if spec.type not in FILE_TYPES or spec.key not in values:
            continue
        names = _file_names(spec.type, values[spec.key])
        for name in names:
            target = (path.parent / name).resolve()
            params = {"field": spec.key, "value": name}
            if not target.is_relative_to(base):
                problems.append(Problem("file-outside", params, mapping.lines.get(spec.key)))
            elif not target.is_file():
                problems.append(Problem("missing-file", params, mapping.lines.get(spec.key)))
    return problems


def _file_names(kind: str, value) -> tuple[str, ...]:
    if kind == "photos":
        return tuple(photo["tep"] for photo in value)
    return value if kind == "files" else (value,)


@dataclass(frozen=True)
class Reading:
    """What a folder holds, read: its items, the files published beside them, and what was wrong (rel, problem)."""

    items: tuple[Item, ...]
    assets: tuple[str, ...]
    problems: tuple[tuple[str, Problem], ...]


def read_commune(root: Path, profile: Profile, progress: Callable[[str], None] | None = None,
                 cache: ItemCache | None = None, own: tuple[str, ...] = ()) -> Reading:
    """All items of a commune's folder, each file read once; ``progress(rel)`` is told of each file before it is
    read (so that a crash can be located); with a ``cache``, a file read before with the same content is not
    parsed again. A file that cannot be opened (deleted while the build runs) is a problem of its own. ``own``:
    texts with the commune's own numbers (its commune.yml's phone), never warned of as personal data — nor those
    of its contact page and phone fields."""
    found = scan(root, profile)
    listing = listing_digest([rel for rel, _ in found.content] + list(found.assets) + [rel for rel, _ in found.problems])
    items, problems, unread = [], list(found.problems), []
    clock = markdown.Clock()
    for rel, category in found.content:
        if progress:
            progress(rel)
        read = _cached_read(root, rel, category, profile, cache, listing, clock) if cache \
            else _read(root, rel, category, profile, clock)
        if isinstance(read, Item):
            items.append(read)
        else:
            problems += [(rel, problem) for problem in read]
            unread.append(rel)
    if cache:
        cache.prune()
    items = _without_own_numbers(items, profile, own)
    assets, held = placement.hold_attachments(root, found.assets, unread)
    kept, collisions = unique_urls(items)
    collisions += filter_spellings(profile, kept)
    return Reading(tuple(kept), tuple(assets), tuple(problems + held + collisions))


def _read(root: Path, rel: str, category: str, profile: Profile, clock: markdown.Clock) -> Item | list[Problem]:
    """The item, or the problems that made the file unreadable (a file that cannot be opened, e.g. deleted while
    the build runs, is one)."""
    try:
        return read_item(root, rel, category, profile, clock)
    except ProblemError as err:
        return list(err.problems)
    except OSError as err:
        return [Problem("file-unreadable", {"detail": err.strerror or type(err).__name__})]


def _cached_read(root: Path, rel: str, category: str, profile: Profile, cache: ItemCache, listing: str,
                 clock: markdown.Clock):
    try:
        key = cache.key((root / rel).read_bytes(), rel, listing)
    except OSError:
        return _read(root, rel, category, profile, clock)
    found = cache.get(key)
    if found is None:
        found = _read(root, rel, category, profile, clock)
        problems = found.problems if isinstance(found, Item) else found
        if not any(problem.rule in UNSETTLED for problem in problems):
            cache.put(key, found)
    return found


# what depends on the moment a file was read, not on its content: never kept in the item cache
UNSETTLED = ("markdown-too-complex", "file-unreadable")


def _without_own_numbers(items: list[Item], profile: Profile, own: tuple[str, ...]) -> list[Item]:
    """Items whose mobile-number warnings about the commune's own published numbers are dropped: those of its
    contact page (every value), of every phone field, and ``own``."""
    contact = profile.home.contact
    texts = list(own)
    for item in items:
        record_type = profile.record_types[item.record_type]
        phones = {spec.key for spec in record_type.fields if spec.type == "phone"}
        texts += [str(value) for key, value in item.values.items() if item.category == contact or key in phones]
    numbers = own_numbers(texts)
    return [replace(item, problems=without_own_numbers(item.problems, numbers)) for item in items]


SHARED_FOLDER = "trang"  # pages of content/ (shared by every site, or the provincial index's own): trang/<slug>/


def read_pages(folder: Path, profile: Profile) -> Reading:
    """The prose pages of a folder of ``content/`` (no category: each is a ``trang`` at trang/<slug>/)."""
    items, problems = [], []
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".md") if folder.is_dir() else []
    for name in names:
        try:
            item = read_item(folder, name, "", profile)
        except ProblemError as err:
            problems += [(name, problem) for problem in err.problems]
            continue
        items.append(replace(item, rel=f"{SHARED_FOLDER}/{name}"))
    return Reading(tuple(items), (), tuple(problems))
