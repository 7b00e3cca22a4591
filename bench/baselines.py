"""The same synthetic content for the baselines: plain Pelican (default theme) and Hugo (minimal templates).

Every item of a commune becomes one page of the other tool: a Markdown article keeps its title, date, summary,
body and cover picture; a YAML record becomes a page whose body lists its fields. Pictures and PDFs are copied as
static files (neither baseline resizes pictures: that work is trangxa's alone, and the figures say so).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

TITLE_FIELDS = ("tieu_de", "ten", "ho_ten", "so_ky_hieu", "cau_hoi", "ma_thu_tuc")
DATE_FIELDS = ("ngay_dang", "ngay_ban_hanh", "ngay", "ngay_cap_nhat")
BINARY = {".jpg", ".jpeg", ".png", ".pdf", ".webp"}
FALLBACK_DATE = dt.date(2026, 1, 1)

PELICAN_CONF = """# Plain Pelican, default theme: the baseline of bench/run.py
AUTHOR = "Ban biên tập"
SITENAME = "Xã"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = 10
STATIC_PATHS = ["images"]
LOAD_CONTENT_CACHE = False
"""

HUGO_CONF = """baseURL = "/"
title = "Xã"
languageCode = "vi"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
paginate = 10
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '<meta name="viewport" content="width=device-width"></head>'
        '<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>'),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "02/01/2006" }}</time>'
        '{{ .Content }}</article>{{ end }}'),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .RegularPagesRecursive).Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 160 }}</li>'
        '{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}'),
}


def parse_date(text: str | None) -> dt.date:
    try:
        day, month, year = (int(part) for part in str(text).split("/"))
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return FALLBACK_DATE


def item(path: Path, commune: Path) -> dict | None:
    """One of our items as {title, date, category, summary, body, picture}; None for what is not an item."""
    rel = path.relative_to(commune)
    if len(rel.parts) < 2:  # commune.yml
        return None
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, head, body = text.split("---", 2)
        meta = yaml.safe_load(head) or {}
    else:
        meta, body = yaml.safe_load(text) or {}, ""
        body = "\n".join(f"- **{key}**: {value}" for key, value in meta.items())
    title = next((str(meta[f]) for f in TITLE_FIELDS if meta.get(f)), rel.stem)
    date = next((parse_date(meta[f]) for f in DATE_FIELDS if meta.get(f)), FALLBACK_DATE)
    picture = meta.get("anh_bia") or meta.get("anh")
    return {"title": title, "date": date, "category": rel.parts[0], "summary": str(meta.get("tom_tat", "")),
            "body": body.strip(), "picture": (rel.parent / picture).as_posix() if picture else None,
            "slug": "-".join(rel.with_suffix("").parts)}


def items(commune: Path) -> list[dict]:
    found = [item(path, commune) for path in sorted(commune.rglob("*")) if path.suffix in (".md", ".yml")]
    return [entry for entry in found if entry]


def binaries(commune: Path) -> list[Path]:
    return [path for path in sorted(commune.rglob("*")) if path.suffix.lower() in BINARY]


def copy_binaries(commune: Path, images: Path) -> None:
    for path in binaries(commune):
        target = images / path.relative_to(commune)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pelican_content(commune: Path, out: Path) -> None:
    """``out/`` as a Pelican content folder: articles with Pelican's own metadata, pictures under images/."""
    copy_binaries(commune, out / "images")
    for entry in items(commune):
        picture = f"\n\n![]({{static}}/images/{entry['picture']})" if entry["picture"] else ""
        head = (f"Title: {entry['title']}\nDate: {entry['date'].isoformat()}\nCategory: {entry['category']}\n"
                f"Slug: {entry['slug']}\nSummary: {entry['summary']}\n\n")
        (out / f"{entry['slug']}.md").write_text(head + entry["body"] + picture + "\n", encoding="utf-8")


def hugo_site(commune: Path, out: Path) -> None:
    """``out/`` as a Hugo site: configuration, minimal layouts, content with YAML front matter, static/images."""
    (out / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (out / "hugo.toml").write_text(HUGO_CONF, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (out / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "layouts" / name).write_text(text, encoding="utf-8")
    copy_binaries(commune, out / "static" / "images")
    for entry in items(commune):
        picture = f"\n\n![](/images/{entry['picture']})" if entry["picture"] else ""
        head = (f"---\ntitle: {_quoted(entry['title'])}\ndate: {entry['date'].isoformat()}\n"
                f"summary: {_quoted(entry['summary'])}\n---\n")
        target = out / "content" / entry["category"] / f"{entry['slug']}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + entry["body"] + picture + "\n", encoding="utf-8")


def convert(communes: Path, out: Path) -> None:
    """``out/pelican/<slug>/`` and ``out/hugo/<slug>/`` for every commune, and Pelican's settings file."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    for commune in sorted(p for p in communes.iterdir() if (p / "commune.yml").is_file()):
        pelican_content(commune, out / "pelican" / commune.name)
        hugo_site(commune, out / "hugo" / commune.name)
