"""A commune's identity, as its staff declare it in ``communes/<slug>/commune.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trangxa.law.findings import Problem, ProblemError
from trangxa.law.profile import Profile
from trangxa.read.items import IDENTITY_FILE
from trangxa.read.records import convert
from trangxa.read.sources import load_file_mapping
from trangxa.text import fold, slugify


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


def load_commune(path: Path, profile: Profile) -> tuple[Commune | None, list[Problem]]:
    """The commune's identity and the problems found in commune.yml; None when it cannot be built at all."""
    identity = path / IDENTITY_FILE
    if not identity.is_file():
        return None, [Problem("commune-yml-missing")]
    try:
        mapping = load_file_mapping(identity)
    except ProblemError as err:
        return None, [err.problem]
    record = convert(profile.record_types["don-vi"], mapping.data, mapping.lines)
    values = record.values
    problems = list(record.problems)
    if any(p.rule == "missing-field" and p.params["field"] in ("ten", "loai") for p in problems) or (
        "loai" not in values
    ):
        return None, problems
    commune = _commune(path, values, profile)
    problems += _identity_warnings(commune, mapping.lines)
    return commune, problems


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
    )


def _identity_warnings(commune: Commune, lines: dict[str, int]) -> list[Problem]:
    """The domain should be the full name without diacritics (NĐ 224/2026 Điều 11.4.c)."""
    expected_host = fold(commune.name).replace(" ", "")
    province_host = commune.domain.split(".")[1] if commune.domain.count(".") >= 3 else "tentinh"
    expected = f"{expected_host}.{province_host}.gov.vn"
    problems = []
    if commune.domain != expected:
        problems.append(Problem("domain-pattern", {"value": commune.domain, "expected": expected}, lines.get("ten_mien")))
    if commune.slug != slugify(commune.name):
        params = {"folder": commune.slug, "name": commune.name, "expected": slugify(commune.name)}
        problems.append(Problem("slug-mismatch", params, lines.get("ten")))
    return problems


def discover(communes_dir: Path) -> list[Path]:
    """Every commune folder, in a stable order; folders starting with '.' or '_' are not communes."""
    return sorted(p for p in communes_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))

