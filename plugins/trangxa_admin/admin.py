"""Writing a commune's ``admin/`` (Decap CMS): ``config.yml``, ``index.html`` with its own Content-Security-Policy,
``trangxa.js`` (the complete Vietnamese locale, the site's stylesheet and a template for the preview pane),
``admin.css``, and the vendored Decap script — beside each commune when every commune has its own domain, once for
the whole province (``decap-cms/`` beside the provincial index) when the communes share its origin."""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from trangxa.law.findings import Problem
from trangxa.scaffold import COMMUNES_FOLDER

from trangxa_admin.config import cms_config, used_values

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"  # decap-cms.js and the chunks it loads beside it
SHARED = "decap-cms"  # thu-muc mode: the province's one copy, beside the provincial index
SCRIPT = "decap-cms.js"
# What the editor needs, per Git host: its API (connect-src) and where avatars come from (img-src). The login
# windows of either host are navigations, which the policy does not govern.
HOSTS = {"github": ("https://api.github.com", "https://avatars.githubusercontent.com"),
         "gitlab": ("{origin}", "{origin} https://secure.gravatar.com")}
PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>Quản trị nội dung – {name}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="admin.css">
</head>
<body>
<div class="can-may-tinh" role="note">
<p><strong>Trình soạn thảo nội dung cần màn hình máy tính</strong> (rộng từ 800 điểm ảnh trở lên).</p>
<p>Trên điện thoại, hãy sửa nội dung trực tiếp trên giao diện web Git: <a href="{folder}">thư mục của {name}</a>.</p>
</div>
<noscript>Trang quản trị cần JavaScript. Cũng có thể sửa nội dung trực tiếp trên giao diện web Git:
<a href="{folder}">thư mục của {name}</a>.</noscript>
<script src="{script}"></script>
<script src="trangxa.js"></script>
</body>
</html>
"""

Report = Callable[[str, Problem], None]


def write_admin(folder: Path, province, commune, report: Report, backend: dict | None = None) -> None:
    """``folder`` is the site just written: a commune's (``commune`` given) gets its ``admin/``; the provincial
    index's (``commune`` None) gets the province's one copy of Decap when the communes share its origin."""
    shared = province.url_mode == "thu-muc"
    if commune is None:
        if shared:
            _vendor(folder / SHARED, lambda: report("tinh/admin", _missing()))
        return
    admin = folder / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    config = cms_config(province.profile, province.repository, commune, province.commune_url(commune),
                        used_values(folder, province.profile), backend)
    (admin / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    script = f"../../{SHARED}/{SCRIPT}" if shared else SCRIPT
    (admin / "index.html").write_text(page(commune.name, folder_url(province.repository, commune.slug),
                                           script, policy(config["backend"], province.repository)), encoding="utf-8")
    names = [entry["name"] for entry in config["collections"]]
    (admin / "trangxa.js").write_text(editor_script(names), encoding="utf-8")
    shutil.copyfile(HERE / "admin.css", admin / "admin.css")
    if not shared:
        _vendor(admin, lambda: report(f"{commune.slug}/admin", _missing()))


def page(name: str, folder: str, script: str, csp: str) -> str:
    """The admin page; every value is escaped (a commune's name may hold "&" or worse)."""
    values = {key: html.escape(value, quote=True) for key, value in
              {"name": name, "folder": folder, "script": script, "csp": csp}.items()}
    return PAGE.format(**values)


def policy(backend: dict, repository: dict) -> str:
    """The admin page's own Content-Security-Policy, exactly what Decap was seen to need in Chromium (tests/
    test_admin.py records every violation): its scripts from the site, and 'unsafe-eval' (it compiles its
    configuration schema with new Function: without it the page stays blank); its styles, which it injects as
    <style> elements ('unsafe-inline'); pictures from the site, from memory and the host's avatars; the Git host's
    API. Nothing else: no fonts, frames, workers or media from anywhere."""
    api, images = "", ""
    if backend.get("name") in HOSTS:
        parts = urlsplit(repository.get("url", ""))
        origin = f"{parts.scheme}://{parts.netloc}"
        api, images = (text.format(origin=origin) for text in HOSTS[backend["name"]])
    return "; ".join(part.strip() for part in (
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {images}",  # blob: an uploaded picture shown before it is saved
        f"connect-src 'self' {api}",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
    ))


def folder_url(repository: dict, commune: str) -> str:
    """The commune's folder in the Git web UI (for a phone, and without script)."""
    infix = "/-/tree/" if repository.get("platform") == "gitlab" else "/tree/"
    return f"{repository.get('url', '')}{infix}{repository.get('branch', 'main')}/{COMMUNES_FOLDER}/{commune}"


def editor_script(collections: list[str]) -> str:
    """trangxa.js: its data (the Vietnamese phrases Decap lacks, from vi.yml; the collections to give the preview
    template), then the code that registers them (editor.js)."""
    phrases = yaml.safe_load((HERE / "vi.yml").read_text(encoding="utf-8"))
    return (f"window.TRANGXA_VI = {json.dumps(phrases, ensure_ascii=False)};\n"
            f"window.TRANGXA_COLLECTIONS = {json.dumps(collections)};\n"
            + (HERE / "editor.js").read_text(encoding="utf-8"))


def _vendor(target: Path, missing: Callable[[], None]) -> None:
    """Decap's script and its chunks, linked from node_modules (one copy on disk), else copied."""
    if not (DECAP_DIST / SCRIPT).is_file():
        missing()
        return
    target.mkdir(parents=True, exist_ok=True)
    for script in DECAP_DIST.glob(f"*{SCRIPT}"):
        (target / script.name).unlink(missing_ok=True)  # never write through an old link into node_modules
        try:
            os.link(script, target / script.name)
        except OSError:  # another file system (a scratch output elsewhere)
            shutil.copyfile(script, target / script.name)


def _missing() -> Problem:
    return Problem("cms-missing", {"path": "node_modules/decap-cms"})
