"""Reading a legal profile: its file and the files it ``extends``, a province's overlay (``bo_sung``), each checked
against the profile schema (``law.schema``) with its own lines, then merged — categories by slug, record types and
fields by name, ``remove: true`` drops an entry — and built into the frozen model of ``law.profile``, with the
checks that only the merged whole allows (a category's record type exists, every field a rule names exists).

Every error of every file is collected and reported at once (``ProfileError``); nothing is silently ignored.
"""

from __future__ import annotations

from pathlib import Path

from trangxa.law.profile import (NUMBERING_MAPS, Category, CommuneType, FieldSpec, Home, HomeBlock, Language,
                                 Listing, NotArising, Profile, ProfileError, RecordType)
from trangxa.law.schema import CATEGORY, PROFILE
from trangxa.schema import ConfigError, check

PROFILES_DIR = Path(__file__).resolve().parents[3] / "profiles"


def load_profile(profile_id: str, overlay: dict | None = None, profiles_dir: Path = PROFILES_DIR,
                 overlay_file: str = "province.yml", overlay_paths: dict[str, int] | None = None) -> Profile:
    """Read a profile by id, apply its ``extends`` chain and a province overlay, and check the result. The
    overlay's errors are reported in ``overlay_file`` at the lines ``overlay_paths`` gives (``bo_sung.…``)."""
    errors: list[ConfigError] = []
    raw = _raw_profile(profile_id, profiles_dir, (), errors)
    if overlay:
        part, found = check(overlay, PROFILE, overlay_file, overlay_paths or {}, "bo_sung.", partial=True)
        errors += found + _unnamed(part, overlay_file, overlay_paths or {}, "bo_sung.")
        raw = merge(raw, part)
    if errors:
        raise ProfileError(errors)
    return _build(raw, profile_id)


def _raw_profile(profile_id: str, profiles_dir: Path, seen: tuple[str, ...], errors: list[ConfigError]) -> dict:
    from trangxa.law.findings import ProblemError
    from trangxa.read.sources import load_file_mapping

    path = profiles_dir / f"{profile_id}.yml"
    if not path.is_file():
        known = sorted(p.stem for p in profiles_dir.glob("*.yml"))
        raise ProfileError(f"Không có hồ sơ pháp lý '{profile_id}'. Các hồ sơ có sẵn: {', '.join(known)}.")
    if profile_id in seen:
        raise ProfileError(f"Hồ sơ pháp lý '{profile_id}' kế thừa vòng tròn: {' → '.join(seen + (profile_id,))}.")
    try:
        mapping = load_file_mapping(path, aliases=True)  # the province's own file: anchors allowed
    except ProblemError as err:
        raise ProfileError([ConfigError(f"profiles/{path.name}", err.problem.line,
                                         f"Viết sai cú pháp YAML ({err.problem.params.get('detail', err.problem.rule)}).")]) from None
    parent = mapping.data.get("extends")
    raw, found = check(mapping.data, PROFILE, f"profiles/{path.name}", mapping.paths, partial=bool(parent))
    errors += found + _unnamed(raw, f"profiles/{path.name}", mapping.paths)
    if parent:
        raw.pop("extends", None)
        raw = merge(_raw_profile(parent, profiles_dir, seen + (profile_id,), errors), raw)
    return raw


def _unnamed(raw: dict, file: str, paths: dict[str, int], prefix: str = "") -> list[ConfigError]:
    """Categories are merged by slug: an entry without one could not be placed."""
    return [ConfigError(file, paths.get(f"{prefix}categories.{index}"),
                        f'Mục thứ {index + 1} của "{prefix}categories" thiếu "slug" (chuyên mục được thêm hoặc sửa).')
            for index, entry in enumerate(raw.get("categories", [])) if not entry.get("slug")]


def merge(base: dict, overlay: dict) -> dict:
    """Overlay a profile-shaped dict on another: categories by slug, record types and fields by name."""
    result = dict(base)
    for key, value in overlay.items():
        if key == "categories":
            result[key] = _merge_list(base.get(key, []), value)
        elif key in ("record_types", "commune_types", "languages"):
            result[key] = _merge_named(base.get(key, {}), value)
        elif key in ("home", "not_arising") or key in NUMBERING_MAPS:  # a province adds a kind without repeating the list
            result[key] = {**base.get(key, {}), **value}
        else:
            result[key] = value
    return result


def _merge_list(base: list, overlay: list) -> list:
    merged = {entry["slug"]: dict(entry) for entry in base if "slug" in entry}
    for entry in overlay:
        slug = entry.get("slug")
        if entry.get("remove"):
            merged.pop(slug, None)
        else:
            current = merged.get(slug, {})
            rules = {**current.get("rules", {}), **entry.get("rules", {})}  # a province adds a rule, keeps the rest
            merged[slug] = {**current, **entry, **({"rules": rules} if rules else {})}
    return list(merged.values())


def _merge_named(base: dict, overlay: dict) -> dict:
    merged = {name: dict(value) for name, value in base.items()}
    for name, value in overlay.items():
        if value.get("remove"):
            merged.pop(name, None)
            continue
        current = merged.get(name, {})
        fields = _merge_named(current.get("fields", {}), value.get("fields", {}))
        merged[name] = {**current, **value, **({"fields": fields} if fields else {})}
    return merged


def _build(raw: dict, profile_id: str) -> Profile:
    errors: list[str] = []
    maps = {name: dict(raw.get(name, {})) for name in NUMBERING_MAPS}
    record_types = {name: _record_type(name, spec, maps, errors) for name, spec in raw.get("record_types", {}).items()}
    categories = tuple(_category(entry, record_types, errors) for entry in raw.get("categories", []))
    slugs = {cat.slug for cat in categories}
    errors += [f"Chuyên mục '{cat.slug}' không có chuyên mục cha '{cat.parent_slug}'." for cat in categories
               if cat.parent_slug and cat.parent_slug not in slugs]
    home = _home(raw.get("home", {}), slugs, errors)
    not_arising = _not_arising(raw.get("not_arising"), record_types, errors)
    if errors:
        raise ProfileError([ConfigError(f"hồ sơ pháp lý {profile_id}", None, error) for error in errors])
    return Profile(
        id=raw.get("id", ""),
        name=raw.get("name", ""),
        name_en=raw.get("name_en", ""),
        in_force_from=raw.get("in_force_from"),
        record_types=record_types,
        categories=categories,
        commune_types={slug: CommuneType(slug, **spec) for slug, spec in raw.get("commune_types", {}).items()},
        languages={code: Language(code, **spec) for code, spec in raw.get("languages", {}).items()},
        home=home,
        **maps,
        not_arising=not_arising,
    )


def _not_arising(raw: dict | None, record_types: dict, errors: list[str]) -> NotArising | None:
    if not raw:
        return None
    found = NotArising(raw["record_type"], raw["marker"], tuple(raw.get("words", ())))
    record_type = record_types.get(found.record_type)
    if record_type is None or record_type.field(found.marker) is None:
        errors.append(f"not_arising: mẫu '{found.record_type}' phải có và có trường '{found.marker}'.")
    return found


def _record_type(name: str, spec: dict, maps: dict, errors: list[str]) -> RecordType:
    fields = tuple(_field(key, value, name, maps, errors) for key, value in spec.get("fields", {}).items())
    record = RecordType(name, fields, spec.get("title_field", ""), spec.get("date_field"), spec.get("summary_field"),
                        spec.get("posted_field"), spec.get("number_field"), spec.get("created_field"),
                        spec.get("prose", False), tuple(tuple(group) for group in spec.get("one_of", ())),
                        spec.get("folder_file", ""), tuple(spec.get("file_name", ())))
    roles = ("title_field", "date_field", "summary_field", "posted_field", "number_field", "created_field")
    named = [getattr(record, role) for role in roles]
    named += [key for group in record.one_of for key in group] + [f.alt_field for f in fields] + list(record.file_name)
    errors += [f"Mẫu '{name}': '{key}' không phải là một trường của mẫu." for key in named
               if key and record.field(key) is None]
    return record


def _field(key: str, spec: dict, record_name: str, maps: dict, errors: list[str]) -> FieldSpec:
    kind = spec.get("type", "text")
    choices = _choices(spec, maps)
    if kind == "choice" and not choices:
        errors.append(f"Mẫu '{record_name}', trường '{key}': kiểu choice cần danh sách choices.")
    if spec.get("refers") and kind != "list":
        errors.append(f"Mẫu '{record_name}', trường '{key}': refers chỉ dùng cho kiểu list.")
    aliases = tuple(spec.get("aliases", {}).items())
    errors += [f"Mẫu '{record_name}', trường '{key}': aliases '{alias}' chỉ đến '{meant}', không có trong choices."
               for alias, meant in aliases if meant not in choices]
    numbering = _numbering(maps) if kind == "docnumber" else ()
    return FieldSpec(key, spec.get("label", key), kind, spec.get("required", False), choices, spec.get("help", ""),
                     spec.get("pattern", ""), spec.get("pattern_hint", ""), spec.get("alt_field", ""),
                     spec.get("refers", ""), spec.get("inverse", ""), aliases, numbering,
                     tuple(spec.get("suggestions", ())))


def _choices(spec: dict, maps: dict) -> tuple[str, ...]:
    """A field's choices: its own, those of the profile's lists it names (choices_from), and a province's additions
    (extra_choices) — each once, in that order."""
    found = list(spec.get("choices", ()))
    for name in spec.get("choices_from", ()):
        found += list(maps.get(name, {}))
    found += list(spec.get("extra_choices", ()))
    return tuple(dict.fromkeys(found))


def _numbering(maps: dict) -> tuple[tuple[str, str], ...]:
    """The abbreviations a document number may carry, with the numbering system each belongs to."""
    state = [*maps.get("document_types", {}).values(), *maps.get("document_copies", {}).values()]
    party = maps.get("party_document_types", {}).values()
    return tuple(dict.fromkeys([(abbr, "state") for abbr in state if abbr] + [(abbr, "party") for abbr in party if abbr]))


def _category(entry: dict, record_types: dict, errors: list[str]) -> Category:
    slug = entry.get("slug", "")
    missing = [key for key, spec in CATEGORY.items() if spec.required and key not in entry]
    errors += [f"Chuyên mục '{slug}': thiếu khóa bắt buộc '{key}'." for key in missing]
    record_type = record_types.get(entry.get("record_type", ""))
    if record_type is None and "record_type" in entry:
        errors.append(f"Chuyên mục '{slug}': không có mẫu '{entry['record_type']}'.")
    category = Category(slug=slug, name=entry.get("name", slug), name_en=entry.get("name_en", ""),
                        basis=tuple(entry.get("basis", ())), required=entry.get("required", "recommended"),
                        record_type=entry.get("record_type", ""), menu=entry.get("menu"),
                        menu_label=entry.get("menu_label", ""), description=entry.get("description", ""),
                        rules=dict(entry.get("rules", {})), listing=None)
    if record_type is None:
        return category
    errors += _rule_fields(category, record_type)
    listing = _listing(entry, record_type, errors)
    return Category(**{**category.__dict__, "listing": listing})


def _rule_fields(category: Category, record_type: RecordType) -> list[str]:
    """Every field a rule of the category names must be a field of its record type."""
    from trangxa.law.rules import RULES

    errors = []
    for rule, params in category.rules.items():
        for key, value in _named_fields(RULES[rule], params):
            if record_type.field(value) is None:
                errors.append(f"Chuyên mục '{category.slug}', quy tắc {rule}.{key}: '{value}' không phải là một "
                              f"trường của mẫu '{record_type.name}' (các trường: {', '.join(record_type.keys)}).")
    return errors


def _named_fields(schema, params) -> list[tuple[str, str]]:
    if schema.field_ref and isinstance(params, str):
        return [("", params)]
    if schema.kind == "section" and isinstance(params, dict):
        return [(f"{name}{'.' + sub if sub else ''}", value) for name, key in schema.keys.items() if name in params
                for sub, value in _named_fields(key, params[name])]
    if schema.kind == "list" and isinstance(params, list):
        return [(str(index), value) for index, item in enumerate(params) for _, value in _named_fields(schema.item, item)]
    return []


def _listing(entry: dict, record_type: RecordType, errors: list[str]) -> Listing | None:
    spec = entry.get("listing")
    if not spec:
        return None
    listing = Listing(spec.get("sort"), tuple(spec.get("filters", ())), spec.get("data") or entry["slug"])
    for key in filter(None, (listing.sort, *listing.filters)):
        if record_type.field(key) is None:
            errors.append(f"Chuyên mục '{entry['slug']}': listing nêu '{key}', không phải trường của mẫu "
                          f"'{record_type.name}'.")
    if listing.sort and record_type.field(listing.sort) and record_type.field(listing.sort).type != "date":
        errors.append(f"Chuyên mục '{entry['slug']}': listing.sort phải là một trường ngày.")
    return listing


def _home(raw: dict, slugs: set[str], errors: list[str]) -> Home:
    blocks = {name: HomeBlock(**value) for name, value in raw.items() if name not in ("notices", "contact", "index_news")}
    notices = tuple(HomeBlock(**value) for value in raw.get("notices", ()))
    named = [block.category for block in (*blocks.values(), *notices)] + ([raw["contact"]] if raw.get("contact") else [])
    errors += [f"home: không có chuyên mục '{slug}'." for slug in named if slug not in slugs]
    return Home(notices=notices, contact=raw.get("contact", ""), index_news=raw.get("index_news", 5), **blocks)
