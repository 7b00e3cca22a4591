"""The province's configuration (``province.yml``): what the province decides once for all its communes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trangxa.law.calendar import WorkCalendar
from trangxa.law.findings import ProblemError, place
from trangxa.law.profile import Profile, ProfileError, load_profile
from trangxa.read.records import parse_date
from trangxa.read.sources import load_file_mapping

if TYPE_CHECKING:
    from trangxa.config.commune import Commune

URL_MODES = ("thu-muc", "ten-mien")  # sub-path of the provincial site | each commune at its own domain


@dataclass(frozen=True)
class Province:
    """What the province decides once for all its communes."""

    name: str
    portal_url: str  # the provincial portal every page links back to
    site_url: str  # where the provincial index (and, in thu-muc mode, the communes) are served
    url_mode: str
    profile: Profile
    sample: bool  # demo data: every page says so
    auditor: str  # who measures the communes (Sở Khoa học và Công nghệ since 2025)
    calendar: WorkCalendar = WorkCalendar()
    keep_last_good: bool = True  # publishing: a commune whose files have errors keeps its last good site
    repository: dict = field(default_factory=dict)  # the Git web UI staff edit in: nen_tang, dia_chi, nhanh
    feedback: dict = field(default_factory=dict)  # where ratings and opinions go: url (a form service), email, unit

    def commune_url(self, commune: "Commune") -> str:
        if self.url_mode == "ten-mien":
            return f"https://{commune.domain}"
        return f"{self.site_url}/{commune.slug}"


def load_province(path: Path, profile_override: str | None = None) -> Province:
    """Read province.yml; anything wrong here stops the run (it concerns every commune), with a message that
    names the file, never a traceback."""
    try:
        mapping = load_file_mapping(path)
    except OSError as err:
        raise ProfileError(f"Không đọc được cấu hình tỉnh {path}: {err.strerror}.") from None
    except ProblemError as err:
        where = f", dòng {err.problem.line}" if err.problem.line else ""
        finding = place(err.problem, "tinh", path.name)
        raise ProfileError(f"{path}{where}: {finding.message} {finding.fix}") from None
    try:
        return _province(mapping.data, path, profile_override)
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise ProfileError(f"{path}: một mục cấu hình không đúng dạng ({type(err).__name__}: {err}). "
                           "Xem phần Configuration trong README.md.") from None


def _province(data: dict, path: Path, profile_override: str | None) -> Province:
    mode = data.get("che_do_url", "thu-muc")
    if mode not in URL_MODES:
        raise ProfileError(f"{path}: che_do_url phải là một trong {', '.join(URL_MODES)}, không phải '{mode}'.")
    profile = load_profile(profile_override or data.get("ho_so_phap_ly", "nd224-2026"), data.get("bo_sung"))
    return Province(
        name=data.get("ten", ""),
        portal_url=data.get("cong_thong_tin", "").rstrip("/"),
        site_url=data.get("dia_chi_web", "").rstrip("/"),
        url_mode=mode,
        profile=profile,
        sample=str(data.get("du_lieu_mau", "false")).lower() == "true",
        auditor=data.get("co_quan_do_luong", "Sở Khoa học và Công nghệ"),
        calendar=_calendar(data.get("lich", {}), path),
        keep_last_good=data.get("xuat_ban", {}).get("khi_co_loi", "giu-ban-cu") != "dang-kem-canh-bao",
        repository=_repository(data.get("kho_noi_dung", {}), path),
        feedback=_feedback(data.get("phan_hoi", {}), path),
    )


def _feedback(data: dict, path: Path) -> dict:
    """Where a static page sends what readers say (NĐ 224 Điều 10.3.b): ``dia_chi`` a form service the province
    runs (or the national feedback system) that accepts a POST, ``thu_dien_tu`` the address of the mailto:
    fallback, ``don_vi`` the unit that receives them."""
    if not data:
        return {}
    url, email = data.get("dia_chi", ""), data.get("thu_dien_tu", "")
    if (url and not url.startswith("https://")) or (email and "@" not in email) or not (url or email):
        raise ProfileError(f"{path}: phan_hoi cần dia_chi (https://…, nơi nhận biểu mẫu) hoặc thu_dien_tu.")
    return {"url": url, "email": email, "unit": data.get("don_vi", "")}


def _repository(data: dict, path: Path) -> dict:
    """Where staff edit: ``nen_tang`` github or gitlab, ``dia_chi`` the repository's web address, ``nhanh``."""
    if not data:
        return {}
    if data.get("nen_tang") not in ("github", "gitlab") or not data.get("dia_chi", "").startswith("https://"):
        raise ProfileError(f"{path}: kho_noi_dung cần nen_tang (github hoặc gitlab) và dia_chi (https://…).")
    return {"platform": data["nen_tang"], "url": data["dia_chi"].rstrip("/"), "branch": data.get("nhanh", "main")}


def _calendar(data: dict, path: Path) -> WorkCalendar:
    """The province's own extra days off (nghi_them) and make-up working days (lam_bu)."""
    try:
        days_off = frozenset(parse_date(day) for day in data.get("nghi_them", []))
        workdays = frozenset(parse_date(day) for day in data.get("lam_bu", []))
    except (ValueError, AttributeError, TypeError):
        raise ProfileError(f"{path}: lich.nghi_them và lich.lam_bu là danh sách ngày dạng 17/11/2026.") from None
    return WorkCalendar(days_off, workdays)
