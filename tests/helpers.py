"""Test helpers: scratch provinces written from dedented strings, builds into tmp_path, an internal-link checker."""

from __future__ import annotations

import datetime as dt
import html.parser
import re
import subprocess
import textwrap
from dataclasses import dataclass, replace
import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from trangxa.options import BuildOptions
from trangxa.build.results import BuildResult
from trangxa.runs import build

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 20)

COMMUNE_YML = """\
    ten: {name}
    loai: {kind}
    tinh: Tỉnh Minh Hải
    ten_mien: {host}.minhhai.gov.vn
    dia_chi: Số 1, đường Trần Hưng Đạo
    dien_thoai: 0290 3831 000
    email: {host}@minhhai.gov.vn
    nguoi_chiu_trach_nhiem: Nguyễn Văn An
    chuc_vu_nguoi_chiu_trach_nhiem: Chủ tịch UBND
"""

PROVINCE_YML = """\
    ten: Tỉnh Thử Nghiệm
    cong_thong_tin: https://thunghiem.gov.vn
    dia_chi_web: https://xa.thunghiem.gov.vn
    che_do_url: {mode}
    ho_so_phap_ly: {profile}
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (path → dedented text, or bytes) below root."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def commune_files(slug: str, name: str, kind: str = "xa", host: str | None = None) -> dict[str, str]:
    host = host or slug.replace("-", "")
    return {f"{slug}/commune.yml": COMMUNE_YML.format(name=name, kind=kind, host=host)}


def scratch_province(tmp_path: Path, files: dict[str, str | bytes], mode: str = "thu-muc",
                     profile: str = "nd224-2026") -> BuildOptions:
    """A province of the given commune files in tmp_path; returns the options that build it."""
    communes = write_tree(tmp_path / "communes", files)
    write_tree(tmp_path, {"province.yml": PROVINCE_YML.format(mode=mode, profile=profile)})
    return BuildOptions(communes_dir=communes, output=tmp_path / "output", jobs=1, as_of=TODAY)


def build_scratch(tmp_path: Path, files: dict[str, str | bytes], **kwargs) -> tuple[BuildResult, Path]:
    options = scratch_province(tmp_path, files, **kwargs)
    return build(options), options.output


def read(output: Path, rel: str) -> str:
    return (output / rel).read_text(encoding="utf-8")


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not (tag == "link" and ("rel", "canonical") in attrs):
                self.links.append(value)


def links_of(text: str) -> list[str]:
    parser = _Links()
    parser.feed(text)
    return parser.links


@dataclass(frozen=True)
class Site:
    """How a built tree is addressed: URL prefixes (absolute mode) mapped to output folders."""

    output: Path
    bases: dict[str, Path]  # "https://x/slug/" → output/slug


def walk(folder: Path, pattern: str = "*") -> list[Path]:
    """Every file below ``folder`` whose name matches ``pattern``, through the links a release makes to its
    communes' sites (``Path.rglob`` does not follow them)."""
    import fnmatch

    return sorted(Path(root, name) for root, _, names in os.walk(folder, followlinks=True)
                  for name in names if fnmatch.fnmatch(name, pattern))


def broken_links(site: Site) -> list[tuple[str, str]]:
    """Every (page, link) inside the output that points at no file. External links are not followed."""
    broken = []
    for page in walk(site.output, "*.html"):
        page_url = "file://" + page.as_posix()
        for link in links_of(page.read_text(encoding="utf-8")):
            target = _target(site, page_url, link)
            if target is not None and not _exists(target):
                broken.append((str(page.relative_to(site.output)), link))
    return broken


def _target(site: Site, page_url: str, link: str) -> Path | None:
    if link.startswith(("mailto:", "tel:", "#")):
        return None
    for base, folder in site.bases.items():
        if link.startswith(base):
            return folder / unquote(urlparse(link).path[len(urlparse(base).path):])
    if urlparse(link).scheme in ("http", "https"):
        return None  # external: the national portal, the provincial portal
    return Path(unquote(urlparse(urljoin(page_url, link)).path))


def _exists(path: Path) -> bool:
    return path.is_file() or (path / "index.html").is_file()


def relative_site(output: Path) -> Site:
    return Site(output, {})


def same_options(options: BuildOptions, **changes) -> BuildOptions:
    return replace(options, **changes)


THEME_SCRIPT = re.compile(r'<script src="[^"]*theme/js/[a-z-]+\.js" defer></script>')


def inline_scripts(html: str) -> list[str]:
    """Every script element that is not one of the theme's own deferred files: none is allowed (CSP)."""
    return [tag for tag in re.findall(r"<script\b[^>]*>.*?</script>|<script\b[^>]*>", html, re.S)
            if not THEME_SCRIPT.fullmatch(tag)]


UNSTABLE = re.compile(r"pagefind/(filter/[^/]+\.pf_filter|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta|pagefind-entry\.json)$")


def manifest(folder: Path) -> dict[str, str]:
    """Every file's content hash, for comparing two builds. Two kinds of file are not byte-reproducible and count
    by name only: an XLSX (a zip stamped with its writing time); and Pagefind's filter chunks, metadata file and
    the entry file naming it (their order, hence bytes and hashed names, follows a hash map): counted per folder."""
    import hashlib

    found: dict[str, str] = {}
    for path in walk(folder):
        rel = path.relative_to(folder).as_posix()
        if UNSTABLE.search(rel):
            key = f"{rel.rpartition('pagefind/')[0]}pagefind/(filter and meta files)"  # the province's too: at the root
            found[key] = str(int(found.get(key, "0")) + 1)
        else:
            found[rel] = "" if path.suffix == ".xlsx" else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def git(*args, cwd) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def repositories(tmp_path: Path) -> tuple[Path, Path]:
    """A bare repository to push to and a work repository whose ``origin`` it is."""
    bare, work = tmp_path / "remote.git", tmp_path / "work"
    git("init", "-q", "--bare", str(bare), cwd=tmp_path)
    git("init", "-q", str(work), cwd=tmp_path)
    for key, value in (("user.name", "Thử"), ("user.email", "thu@example.invalid")):
        git("config", key, value, cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    return bare, work
