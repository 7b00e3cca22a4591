"""Decap CMS's ``config.yml`` for one commune, from the legal profile: one collection per category, in the order
and grouping of the site's menu, with the profile's Vietnamese labels, required fields (a required list of files
needs at least one), choices and pick-lists, dates that default to today, and file names as the registry names
them (``151-qd-ubnd-2026``)."""

from __future__ import annotations

import json
from pathlib import Path

from trangxa.law.profile import Category, FieldSpec, Profile, RecordType
from trangxa.read.numbers import SHAPE as DOCUMENT_NUMBER_SHAPE
from trangxa.scaffold import COMMUNES_FOLDER

PREVIEW_CONTEXT = "deploy/xem-truoc"  # the commit status CI sets with the preview's address (trangxa.build.preview)
# Dates stored as 2026-11-17 (the build reads it like 17/11/2026): the only form Decap's slug filters can read,
# for the year in a document's file name; the browser still shows the date in the officer's own form.
DATE = {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
WIDGETS = {
    "text": {"widget": "string"},
    "choice": {"widget": "select"},
    "markdown": {"widget": "markdown"},
    "date": DATE,
    "time": {"widget": "string", "pattern": ["^\\d{1,2}:\\d{2}$", "Giờ:phút, ví dụ 07:30"]},
    "number": {"widget": "string", "pattern": ["^[\\d.]+(,\\d+)?$", "Chỉ chữ số, ví dụ 2.000.000"]},
    "url": {"widget": "string", "pattern": ["^https?://", "Bắt đầu bằng https://"]},
    "email": {"widget": "string"},
    "phone": {"widget": "string"},
    # attachments live beside the item (the build refuses anything else): no "Chèn từ địa chỉ web"
    "file": {"widget": "file", "choose_url": False},
    "image": {"widget": "image", "choose_url": False},
    "list": {"widget": "list"},
    # one file widget choosing several: unlike an empty list, an empty choice fails "required"
    "files": {"widget": "file", "choose_url": False, "media_library": {"config": {"multiple": True}}},
    "photos": {"widget": "list", "fields": [{"name": "tep", "label": "Ảnh", "widget": "image", "choose_url": False},
                                            {"name": "mo_ta", "label": "Mô tả ảnh", "widget": "string"}]},
    "docnumber": {"widget": "string"},  # its shape here; the profile's abbreviations when the site is built
    "dates": {"widget": "list", "field": {"name": "ngay", "label": "Ngày", **DATE}},
}
OTHERS = "Khác"  # the menu's entry for the top-level categories without a menu place


def cms_config(profile: Profile, repository: dict, commune, site_url: str, used: dict[str, set[str]],
               backend: dict | None = None) -> dict:
    """The whole configuration; ``used`` holds the values the commune's records already give each field (its
    own "Lĩnh vực" join the profile's pick-list); ``backend`` replaces the repository's (tests: test-repo)."""
    return {
        "backend": backend or repository_backend(repository),
        "publish_mode": "editorial_workflow",  # every change goes through a pull/merge request: checks run on it
        "locale": "vi",
        "site_url": site_url,
        "media_folder": f"{COMMUNES_FOLDER}/{commune.slug}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},  # đ → d, / → -
        "collections": [collection(profile, category, commune, label, used) for category, label in menu_order(profile)],
    }


def repository_backend(repository: dict) -> dict:
    return {"name": repository["platform"], "repo": repository["url"].split("/", 3)[3],
            "branch": repository["branch"], "preview_context": PREVIEW_CONTEXT}


def menu_order(profile: Profile) -> list[tuple[Category, str]]:
    """The editable categories as the site's menu shows them: each menu entry, then its sub-categories labelled
    "Entry › Sub-category", then "Khác › …" for the categories the menu puts under "Khác"."""
    ordered = []
    for top, group in [(cat, cat.menu_label or cat.name) for cat in profile.menu()] + \
                      [(cat, f"{OTHERS} › {cat.name}") for cat in profile.menu_more()]:
        ordered.append((top, group))
        ordered += [(child, f"{group} › {child.name}") for child in profile.children(top.slug)]
    return [(category, label) for category, label in ordered if category.required != "generated"]


def collection(profile: Profile, category: Category, commune, label: str, used: dict[str, set[str]]) -> dict:
    record_type = profile.record_types[category.record_type]
    prose = record_type.prose
    fields = [field(spec, commune, used.get(spec.key, set())) for spec in record_type.fields]
    if prose:
        fields.append({"name": "body", "label": "Nội dung", "widget": "markdown", "required": False})
    entry = {
        "name": category.slug.replace("/", "__"),
        "label": label,
        "label_singular": category.name,
        "description": category.description,
        "folder": f"{COMMUNES_FOLDER}/{commune.slug}/{category.slug}",
        "create": True,
        "extension": "md" if prose else "yml",
        "format": "frontmatter" if prose else "yaml",
        "identifier_field": record_type.title_field,
        "slug": slug_template(record_type),
        "preview_path": f"{commune.slug}/{category.slug}/{{{{slug}}}}/",
        "media_folder": "",  # attachments beside the item, as the build expects
        "public_folder": "",
        "fields": fields,
    }
    if record_type.folder_file:  # a folder record (album.yml) lives in a folder of its own, beside its photos
        entry["path"] = "{{slug}}/" + Path(record_type.folder_file).stem
    return {key: value for key, value in entry.items() if value != "" or key.endswith("_folder")}


def slug_template(record_type: RecordType) -> str:
    """Decap's file-name template: the profile's ``file_name`` fields (a date by its year), else date and title."""
    if not record_type.file_name:
        return "{{year}}-{{month}}-{{day}}-{{slug}}"
    parts = []
    for key in record_type.file_name:
        spec = record_type.field(key)
        parts.append(f"{{{{fields.{key} | date('YYYY')}}}}" if spec.type == "date" else f"{{{{fields.{key}}}}}")
    return "-".join(parts)


def field(spec: FieldSpec, commune, used: set[str]) -> dict:
    entry = {"name": spec.key, "label": spec.label, **WIDGETS[spec.type], "required": spec.required}
    if spec.type == "choice":
        entry.update(widget="select", options=list(spec.choices))
    elif spec.suggestions:
        options = pick_list(spec, commune, used)
        entry.update(widget="select", options=options, default=options[0] if spec.required else "")
    if spec.type == "date" and spec.required:
        entry["default"] = "{{now}}"
    if spec.help or spec.pattern_hint:
        entry["hint"] = spec.help or spec.pattern_hint
    pattern = DOCUMENT_NUMBER_SHAPE if spec.type == "docnumber" else spec.pattern
    if pattern and entry["widget"] == "string":
        entry["pattern"] = [pattern, spec.pattern_hint or spec.help or "Không đúng dạng"]
    return {key: value for key, value in entry.items() if value != "" or key == "required"}


def pick_list(spec: FieldSpec, commune, used: set[str]) -> list[str]:
    """The profile's suggestions for the commune ("{don_vi}" → "xã Tân Thành"), then what its records already
    use, without repeats."""
    unit = commune.name[:1].lower() + commune.name[1:]
    options = [text.replace("{don_vi}", unit) for text in spec.suggestions]
    return options + sorted(used - set(options))


def used_values(site: Path, profile: Profile) -> dict[str, set[str]]:
    """The values the commune's registries publish for each pick-list field, read from their data files
    (``van-ban/van-ban.json``): the site is already written, so no content file is read again."""
    keys = {spec.key for record_type in profile.record_types.values() for spec in record_type.fields
            if spec.suggestions}
    found: dict[str, set[str]] = {key: set() for key in keys}
    for category in profile.categories:
        data = site / category.slug / f"{category.listing.data}.json" if category.listing else None
        if data is None or not data.is_file():
            continue
        for row in json.loads(data.read_text(encoding="utf-8")):
            for key in keys:
                if isinstance(row.get(key), str) and row[key].strip():
                    found[key].add(row[key].strip())
    return found
