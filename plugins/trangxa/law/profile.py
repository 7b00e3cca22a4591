"""The legal profile (hồ sơ pháp lý): what the law asks a commune page to publish, read from ``profiles/``.

A profile file lists record types (the fields of a leader, a document, a reception session …) and categories
(chuyên mục: folder slug, names, legal basis, required or not, record type, rules, menu place). A profile may
``extends`` another, and a province's configuration may add an overlay of the same shape; both merge by slug
(categories) and by name (record types, fields), and ``remove: true`` drops an entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml


PROFILES_DIR = Path(__file__).resolve().parents[3] / "profiles"
FIELD_TYPES = frozenset(
    "text markdown date time choice number url email phone file image list files photos".split()
)
REQUIREMENTS = frozenset({"always", "where-exists", "recommended", "generated"})


@dataclass(frozen=True)
class Language:
    code: str  # the language's code in file names and URLs: en, km, cjm
    name: str  # its name in itself, for the language switcher: English, ភាសាខ្មែរ
    name_vi: str  # its name in Vietnamese
    locale: str  # the Babel locale for dates ("vi" for Cham, which Babel does not know)
    html_lang: str  # the lang attribute (BCP 47)
    untranslated: str = ""  # the switcher's link to this language's home from a page not translated into it


class ProfileError(Exception):
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
    suggestions: tuple[str, ...] = ()  # the editor's pick-list ("{don_vi}": the commune, e.g. "xã Tân Thành")


@dataclass(frozen=True)
class RecordType:
    name: str
    fields: tuple[FieldSpec, ...]
    title_field: str
    date_field: str | None = None
    summary_field: str | None = None
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
class Profile:
    id: str
    name: str
    name_en: str
    in_force_from: dt.date | None
    record_types: dict  # name → RecordType; treat as read-only
    categories: tuple[Category, ...]
    commune_types: dict  # slug → CommuneType; treat as read-only
    languages: dict = field(default_factory=dict)  # code → trangxa.i18n.Language; treat as read-only

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


def load_profile(profile_id: str, overlay: dict | None = None, profiles_dir: Path = PROFILES_DIR) -> Profile:
    """Read a profile by id, apply its ``extends`` chain and a province overlay, and validate it."""
    try:
        raw = _raw_profile(profile_id, profiles_dir, seen=())
        if overlay:
            raw = merge(raw, overlay)
        return _build(raw)
    except yaml.YAMLError as err:
        raise ProfileError(f"Hồ sơ pháp lý '{profile_id}' viết sai cú pháp YAML: {err}") from None
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise ProfileError(f"Hồ sơ pháp lý '{profile_id}' hoặc phần bo_sung của tỉnh có mục không đúng dạng "
                           f"({type(err).__name__}: {err}).") from None


def _raw_profile(profile_id: str, profiles_dir: Path, seen: tuple[str, ...]) -> dict:
    path = profiles_dir / f"{profile_id}.yml"
    if not path.is_file():
        known = sorted(p.stem for p in profiles_dir.glob("*.yml"))
        raise ProfileError(f"Không có hồ sơ pháp lý '{profile_id}'. Các hồ sơ có sẵn: {', '.join(known)}.")
    if profile_id in seen:
        raise ProfileError(f"Hồ sơ pháp lý '{profile_id}' kế thừa vòng tròn: {' → '.join(seen)}.")
    with path.open(encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)) or {}
    parent = raw.pop("extends", None)
    if parent:
        raw = merge(_raw_profile(parent, profiles_dir, seen + (profile_id,)), raw)
    return raw


def merge(base: dict, overlay: dict) -> dict:
    """Overlay a profile-shaped dict on another: categories by slug, record types and fields by name."""
    result = dict(base)
    for key, value in overlay.items():
        if key == "categories":
            result[key] = _merge_list(base.get(key, []), value)
        elif key in ("record_types", "commune_types", "languages"):
            result[key] = _merge_named(base.get(key, {}), value)
        else:
            result[key] = value
    return result


def _merge_list(base: list, overlay: list) -> list:
    merged = {entry["slug"]: dict(entry) for entry in base}
    for entry in overlay:
        slug = entry["slug"]
        if _removed(entry):
            merged.pop(slug, None)
        else:
            merged[slug] = {**merged.get(slug, {}), **entry}
    return list(merged.values())


def _merge_named(base: dict, overlay: dict) -> dict:
    merged = {name: dict(value) for name, value in base.items()}
    for name, value in overlay.items():
        if _removed(value):
            merged.pop(name, None)
            continue
        current = merged.get(name, {})
        fields = _merge_named(current.get("fields", {}), value.get("fields", {}))
        merged[name] = {**current, **value, **({"fields": fields} if fields else {})}
    return merged


def _removed(entry: dict) -> bool:
    return str(entry.get("remove", "")).lower() in ("true", "yes", "1")


def _build(raw: dict) -> Profile:
    record_types = {name: _record_type(name, spec) for name, spec in raw.get("record_types", {}).items()}
    categories = tuple(_category(entry, record_types) for entry in raw.get("categories", []))
    slugs = {cat.slug for cat in categories}
    for cat in categories:
        if cat.parent_slug and cat.parent_slug not in slugs:
            raise ProfileError(f"Chuyên mục '{cat.slug}' không có chuyên mục cha '{cat.parent_slug}'.")
    types = {slug: _commune_type(slug, spec) for slug, spec in raw.get("commune_types", {}).items()}
    languages = {code: _language(code, spec) for code, spec in raw.get("languages", {}).items()}
    return Profile(
        id=raw.get("id", ""),
        name=raw.get("name", ""),
        name_en=raw.get("name_en", ""),
        in_force_from=dt.date.fromisoformat(raw["in_force_from"]) if raw.get("in_force_from") else None,
        record_types=record_types,
        categories=categories,
        commune_types=types,
        languages=languages,
    )


def _record_type(name: str, spec: dict) -> RecordType:
    fields = tuple(_field(key, value, name) for key, value in spec.get("fields", {}).items())
    one_of = tuple(tuple(group) for group in spec.get("one_of", ()))
    record = RecordType(name, fields, spec.get("title_field", ""), spec.get("date_field"), spec.get("summary_field"),
                        _flag(spec.get("prose")), one_of, spec.get("folder_file", ""), tuple(spec.get("file_name", ())))
    named = [getattr(record, role) for role in ("title_field", "date_field", "summary_field")]
    named += [key for group in one_of for key in group] + [f.alt_field for f in fields] + list(record.file_name)
    for key in named:
        if key and record.field(key) is None:
            raise ProfileError(f"Mẫu '{name}': '{key}' không phải là một trường của mẫu.")
    return record


def _flag(value) -> bool:
    return str(value or "false").lower() == "true"


def _field(key: str, spec: dict, record_name: str) -> FieldSpec:
    kind = spec.get("type", "text")
    if kind not in FIELD_TYPES:
        raise ProfileError(f"Mẫu '{record_name}', trường '{key}': kiểu '{kind}' không được hỗ trợ.")
    choices = tuple(spec.get("choices", ()))
    if kind == "choice" and not choices:
        raise ProfileError(f"Mẫu '{record_name}', trường '{key}': kiểu choice cần danh sách choices.")
    if spec.get("refers") and kind != "list":
        raise ProfileError(f"Mẫu '{record_name}', trường '{key}': refers chỉ dùng cho kiểu list.")
    return FieldSpec(key, spec.get("label", key), kind, _flag(spec.get("required")), choices, spec.get("help", ""),
                     spec.get("pattern", ""), spec.get("pattern_hint", ""), spec.get("alt_field", ""),
                     spec.get("refers", ""), spec.get("inverse", ""), tuple(spec.get("suggestions", ())))


def _category(entry: dict, record_types: dict) -> Category:
    slug = entry.get("slug", "")
    if entry.get("required") not in REQUIREMENTS:
        raise ProfileError(f"Chuyên mục '{slug}': required phải là một trong {sorted(REQUIREMENTS)}.")
    if entry.get("record_type") not in record_types:
        raise ProfileError(f"Chuyên mục '{slug}': không có mẫu '{entry.get('record_type')}'.")
    return Category(
        slug=slug,
        name=entry.get("name", slug),
        name_en=entry.get("name_en", ""),
        basis=tuple(entry.get("basis", ())),
        required=entry["required"],
        record_type=entry["record_type"],
        menu=int(entry["menu"]) if entry.get("menu") else None,
        menu_label=entry.get("menu_label", ""),
        description=entry.get("description", ""),
        rules=dict(entry.get("rules", {})),
        listing=_listing(entry, record_types[entry["record_type"]]),
    )


def _listing(entry: dict, record_type: RecordType) -> Listing | None:
    spec = entry.get("listing")
    if not spec:
        return None
    listing = Listing(spec.get("sort"), tuple(spec.get("filters", ())), spec.get("data") or entry["slug"])
    for key in filter(None, (listing.sort, *listing.filters)):
        if record_type.field(key) is None:
            raise ProfileError(f"Chuyên mục '{entry['slug']}': listing nêu '{key}', không phải trường của mẫu "
                               f"'{record_type.name}'.")
    if listing.sort and record_type.field(listing.sort).type != "date":
        raise ProfileError(f"Chuyên mục '{entry['slug']}': listing.sort phải là một trường ngày.")
    return listing


def _language(code: str, spec: dict) -> Language:
    return Language(code, spec.get("name", code), spec.get("name_vi", code), spec.get("locale", "vi"),
                    spec.get("html_lang", code), spec.get("untranslated", ""))


def _commune_type(slug: str, spec: dict) -> CommuneType:
    legacy = str(spec.get("legacy", "false")).lower() == "true"
    return CommuneType(slug, spec.get("name", slug), spec.get("name_en", ""), legacy)
