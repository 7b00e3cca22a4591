"""Writing ``admin/config.yml`` and ``admin/index.html`` for a commune, and the vendored Decap CMS script."""

from __future__ import annotations

import html
import os
from pathlib import Path

import yaml

from trangxa.scaffold import COMMUNES_FOLDER
from trangxa.law.findings import Problem
from trangxa.law.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"  # decap-cms.js and the chunks it loads beside it
DATE = {"widget": "datetime", "format": "DD/MM/YYYY", "date_format": "DD/MM/YYYY", "time_format": False}
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
    "host": {"widget": "string", "pattern": ["^[a-z0-9.-]+$", "Tên miền viết thường, không dấu"]},
    "file": {"widget": "file"},
    "image": {"widget": "image"},
    "list": {"widget": "list"},
    "files": {"widget": "list", "field": {"name": "tep", "label": "Tệp", "widget": "file"}},
    "photos": {"widget": "list", "fields": [{"name": "tep", "label": "Ảnh", "widget": "image"},
                                            {"name": "mo_ta", "label": "Mô tả ảnh", "widget": "string"}]},
    "docnumber": {"widget": "string"},  # checked against the profile's abbreviations when the site is built
    "dates": {"widget": "list", "field": {"name": "ngay", "label": "Ngày", **DATE}},
}
ADMIN_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Quản trị nội dung – {name}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>Trang quản trị cần JavaScript. Cũng có thể sửa nội dung trực tiếp trên giao diện web Git.</noscript>
<script src="decap-cms.js"></script>
</body>
</html>
"""


def write_admin(site: Path, province, commune) -> list[Problem]:
    """A commune's admin/ folder, once its site is written (nothing when the province has no repository set);
    returns what is missing (the vendored script)."""
    if not province.repository:
        return []
    folder = site / "admin"
    folder.mkdir(parents=True, exist_ok=True)
    config = cms_config(province.profile, province.repository, commune.slug)
    (folder / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "index.html").write_text(ADMIN_PAGE.format(name=html.escape(commune.name)), encoding="utf-8")
    if not (DECAP_DIST / "decap-cms.js").is_file():
        return [Problem("cms-missing", {"path": "node_modules/decap-cms"})]
    for script in DECAP_DIST.glob("*decap-cms.js"):
        os.link(script, folder / script.name)  # hard links: one copy on disk for every commune
    return []


def cms_config(profile: Profile, repository: dict, commune: str) -> dict:
    """Decap CMS configuration for one commune: its repository, and a collection per category of the profile."""
    backend = {"name": repository["platform"], "repo": repository["url"].split("/", 3)[3],
               "branch": repository["branch"]}
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every change goes through a pull/merge request: checks run on it
        "locale": "vi",
        "media_folder": f"{COMMUNES_FOLDER}/{commune}",
        "collections": [collection(profile, category, commune) for category in profile.categories
                        if category.required != "generated"],
    }


def collection(profile: Profile, category, commune: str) -> dict:
    record_type = profile.record_types[category.record_type]
    prose = record_type.prose
    fields = [field(spec) for spec in record_type.fields]
    if prose:
        fields.append({"name": "body", "label": "Nội dung", "widget": "markdown", "required": False})
    return {
        "name": category.slug.replace("/", "__"),
        "label": category.name,
        "folder": f"{COMMUNES_FOLDER}/{commune}/{category.slug}",
        "create": True,
        "extension": "md" if prose else "yml",
        "format": "frontmatter" if prose else "yaml",
        "identifier_field": record_type.title_field,
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
        "media_folder": "",  # attachments beside the item, as the build expects
        "public_folder": "",
        "fields": fields,
        # a folder record (album.yml) lives in a folder of its own, beside its photos
        **({"path": "{{slug}}/" + Path(record_type.folder_file).stem,
            "media_folder": "", "public_folder": ""} if record_type.folder_file else {}),
    }


def field(spec) -> dict:
    entry = {"name": spec.key, "label": spec.label, **WIDGETS[spec.type], "required": spec.required}
    if spec.type == "choice":
        entry.update(widget="select", options=list(spec.choices))
    if spec.help:
        entry["hint"] = spec.help
    return entry
