"""A commune's identity, as its staff declare it in ``communes/<slug>/commune.yml``.

Its schema is the legal profile's ``don-vi`` record type (each field's kind, whether it is required, the values it
may take). An error in it stops that commune only: it is reported and not built (its previous site stays), and the
other communes build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from trangxa.law.findings import Problem, ProblemError, severity
from trangxa.law.profile import Profile
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

    @property
    def obligations_since(self) -> dt.date | None:
        """The first day the law's publishing duties apply to this commune's page (None: not declared)."""
        days = [day for day in (self.established, self.site_start) if day]
        return max(days) if days else None


IDENTITY_TYPE = "don-vi"  # the record type of commune.yml in the profile


def load_commune(path: Path, profile: Profile) -> tuple[Commune | None, list[Problem]]:
    """The commune's identity and the problems found in commune.yml; None when it has an error (not built)."""
    identity = path / IDENTITY_FILE
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
    commune = _commune(path, record.values, profile)
    return commune, problems + _identity_warnings(commune, mapping.lines, profile)


def _commune(path: Path, values: dict, profile: Profile) -> Commune:
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


def discover(communes_dir: Path) -> list[Path]:
    """Every commune folder, in a stable order; folders starting with '.' or '_' are not communes."""
    return sorted(p for p in communes_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))

