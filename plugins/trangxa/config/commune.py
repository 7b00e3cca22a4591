"""A commune's identity, as its staff declare it in ``communes/<slug>/commune.yml``.

Its schema is the legal profile's ``don-vi`` record type (each field's kind, whether it is required, the values it
may take). An error in it stops that commune only: it is reported and not built (its previous site stays), and the
other communes build.

The folder's name is the commune's address (``<slug>/``) beside the provincial index's own pages, so it must be
a slug (``[a-z0-9-]+``) and none of the names the index writes (RESERVED); a folder that is a symbolic link (to
another commune, or outside ``communes/``) is refused, and so is a commune.yml that is one. Two communes may not
declare one domain (``duplicate_domains``): it goes into their addresses and CNAME files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from trangxa.law.findings import Problem, ProblemError, severity
from trangxa.law.profile import Profile
from trangxa.read.names import shown
from trangxa.read.records import convert
from trangxa.read.sources import load_file_mapping
from trangxa.text import fold, slugify


IDENTITY_FILE = "commune.yml"


@dataclass(frozen=True)
class Commune:
    """A commune's identity, as its staff declare it in commune.yml."""

    slug: str
    path: Path
    name: str
    type: str
    type_name: str
    province: str
    code: str
    domain: str
    address: str
    phone: str
    email: str
    responsible: str
    responsible_title: str
    languages: tuple[str, ...]
    emblem: str
    description: str
    established: dt.date | None = None  # ngay_thanh_lap: nothing is owed for a time before the unit existed
    site_start: dt.date | None = None  # ngay_bat_dau_trang: the site's first day, when later
    domain_line: int | None = None  # the line of ten_mien in commune.yml

    @property
    def obligations_since(self) -> dt.date | None:
        """The first day the law's publishing duties apply to this commune's page (None: not declared)."""
        days = [day for day in (self.established, self.site_start) if day]
        return max(days) if days else None


IDENTITY_TYPE = "don-vi"  # the record type of commune.yml in the profile


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Every top-level name the provincial index writes (trangxa_province; a test builds it and compares), those its
# site may write one day, and the release's own: a commune there would overwrite them, or they it.
# Names with a dot (index.html, sitemap.xml, robots.txt, 404.html, CNAME, .nojekyll) are not slugs anyway.
RESERVED = frozenset({"bao-cao", "tim-kiem", "tinh-trang", "trang", "theme", "pagefind", "feeds", "admin", "static",
                      "sites"})


def refusal(path: Path, profile: Profile) -> Problem | None:
    """Why a folder of ``communes/`` cannot be a commune (its name, or a link), or None."""
    name = path.name
    if not SLUG.match(name):
        return Problem("commune-slug-invalid", {"value": shown(name), "suggestion": slugify(name) or "xa-ten-xa"})
    if name in RESERVED or name in profile.languages:
        return Problem("commune-slug-reserved", {"value": name})
    if path.is_symlink():
        return Problem("commune-folder-link", {"value": name})
    return None


def valid_slug(name: str) -> bool:
    """A folder name that can be a commune's address (a link may still be refused: ``refusal``)."""
    return bool(SLUG.match(name)) and name not in RESERVED


def is_commune(path: Path) -> bool:
    """A folder of ``communes/`` that is a commune: shown on the index, counted in the report (a refused one is
    only a finding)."""
    return valid_slug(path.name) and not path.is_symlink()


def load_commune(path: Path, profile: Profile) -> tuple[Commune | None, list[Problem]]:
    """The commune's identity and the problems found in commune.yml; None when it has an error (not built)."""
    refused = refusal(path, profile)
    if refused:
        return None, [refused]
    identity = path / IDENTITY_FILE
    if identity.is_symlink():
        return None, [Problem("file-outside-link", {"value": IDENTITY_FILE})]
    if not identity.is_file():
        return None, [Problem("commune-yml-missing")]
    try:
        mapping = load_file_mapping(identity)
    except ProblemError as err:
        return None, [err.problem]
    record = convert(profile.record_types[IDENTITY_TYPE], mapping.data, mapping.lines)
    problems = list(record.problems)
    if any(severity(problem.rule) == "error" for problem in problems):
        return None, problems
    commune = _commune(path, record.values, profile, mapping.lines.get("ten_mien"))
    return commune, problems + _identity_warnings(commune, mapping.lines, profile)


def _commune(path: Path, values: dict, profile: Profile, domain_line: int | None = None) -> Commune:
    kind = profile.commune_types[values["loai"]]
    return Commune(
        slug=path.name,
        path=path,
        name=values["ten"],
        type=kind.slug,
        type_name=kind.name,
        province=values.get("tinh", ""),
        code=values.get("ma", ""),
        domain=values.get("ten_mien", ""),
        address=values.get("dia_chi", ""),
        phone=values.get("dien_thoai", ""),
        email=values.get("email", ""),
        responsible=values.get("nguoi_chiu_trach_nhiem", ""),
        responsible_title=values.get("chuc_vu_nguoi_chiu_trach_nhiem", ""),
        languages=values.get("ngon_ngu", ("vi",)),
        emblem=values.get("bieu_trung", ""),
        description=values.get("mo_ta", ""),
        established=values.get("ngay_thanh_lap"),
        site_start=values.get("ngay_bat_dau_trang"),
        domain_line=domain_line,
    )


def expected_hosts(commune: Commune, profile: Profile) -> list[str]:
    """The first label of the domain NĐ 224/2026 Điều 11.4.c asks for: the unit's name without diacritics, run
    together — provinces write it with the unit's type ("xatanthanh") or without it ("tanthanh"); both are
    accepted."""
    full = fold(commune.name).replace(" ", "")
    kind = fold(profile.commune_types[commune.type].name).replace(" ", "")
    return [full, full.removeprefix(kind)] if full.startswith(kind) and full != kind else [full]


def _identity_warnings(commune: Commune, lines: dict[str, int], profile: Profile) -> list[Problem]:
    hosts = expected_hosts(commune, profile)
    labels = commune.domain.split(".")
    province_host = labels[1] if len(labels) >= 4 else "tentinh"
    problems = []
    if commune.domain and not (len(labels) >= 4 and labels[0] in hosts and labels[-2:] == ["gov", "vn"]):
        expected = " hoặc ".join(f"{host}.{province_host}.gov.vn" for host in hosts)
        problems.append(Problem("domain-pattern", {"value": commune.domain, "expected": expected}, lines.get("ten_mien")))
    if commune.slug != slugify(commune.name):
        params = {"folder": commune.slug, "name": commune.name, "expected": slugify(commune.name)}
        problems.append(Problem("slug-mismatch", params, lines.get("ten")))
    return problems


def duplicate_domains(units: list[tuple[str, str, int | None]], site_url: str) -> dict[str, Problem]:
    """For each commune (slug, domain, line of ten_mien) whose domain another commune declares too, or that is
    the provincial site's own: the problem, naming the others. Compared without case and a final dot."""
    owners: dict[str, list[str]] = {}
    for slug, domain, _ in units:
        if domain:
            owners.setdefault(domain.lower().rstrip("."), []).append(slug)
    province = (urlparse(site_url).hostname or "").lower()
    problems = {}
    for slug, domain, line in units:
        key = domain.lower().rstrip(".")
        others = [other for other in owners.get(key, []) if other != slug]
        if domain and key == province:
            others.insert(0, "cổng thông tin của tỉnh")
        if others:
            problems[slug] = Problem("duplicate-domain", {"value": domain, "other": ", ".join(others)}, line)
    return problems


def discover(communes_dir: Path) -> list[Path]:
    """Every commune folder, in a stable order; folders starting with '.' or '_' are not communes."""
    return sorted(p for p in communes_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))

