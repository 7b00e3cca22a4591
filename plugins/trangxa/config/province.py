"""The province's configuration (``province.yml``): what the province decides once for all its communes.

Its keys are declared in :data:`PROVINCE` (kind, documentation, default, allowed values); the file is checked
against them as a whole, and anything wrong stops the run with every error listed, each at its line — it
concerns every commune.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trangxa.checks.waivers import Waiver
from trangxa.law.calendar import WorkCalendar
from trangxa.law.findings import ProblemError, place
from trangxa.law.loading import load_profile
from trangxa.law.profile import Profile, ProfileError
from trangxa.read.sources import load_file_mapping
from trangxa.schema import ConfigError, Key, check

if TYPE_CHECKING:
    from trangxa.config.commune import Commune

URL_MODES = ("thu-muc", "ten-mien")  # sub-path of the provincial site | each commune at its own domain
ON_ERROR = ("giu-ban-cu", "dang-kem-canh-bao")  # keep the last good site | publish it with its warnings

PROVINCE: dict[str, Key] = {
    "ten": Key("text", "Tên tỉnh, thành phố", required=True, example="Tỉnh Minh Hải"),
    "cong_thong_tin": Key("url", "Cổng thông tin điện tử của tỉnh; mọi trang liên kết về đây", required=True,
                          example="https://minhhai.gov.vn"),
    "dia_chi_web": Key("url", "Nơi phục vụ trang chỉ mục của tỉnh (và các xã, ở chế độ thu-muc)", required=True,
                       example="https://xa.minhhai.gov.vn"),
    "che_do_url": Key("choice", "Cách gọi địa chỉ các xã: thu-muc — dưới trang của tỉnh (…/<xã>/); ten-mien — "
                      "mỗi xã một tên miền (ten_mien trong commune.yml)", default="thu-muc", choices=URL_MODES),
    "ho_so_phap_ly": Key("text", "Hồ sơ pháp lý trong thư mục profiles/: nd224-2026 (hiện hành) hoặc nd42-2022",
                         default="nd224-2026"),
    "du_lieu_mau": Key("bool", "true: dữ liệu mẫu — mọi trang ghi rõ như vậy", default=False),
    "co_quan_do_luong": Key("text", "Cơ quan đo lường, đánh giá các trang (ghi trên báo cáo)",
                            default="Sở Khoa học và Công nghệ"),
    "lich": Key("section", "Lịch làm việc riêng của tỉnh, thêm vào lịch nghỉ lễ quốc gia", keys={
        "nghi_them": Key("list", "Các ngày nghỉ thêm", item=Key("date", "một ngày")),
        "lam_bu": Key("list", "Các ngày làm bù (thứ Bảy đi làm)", item=Key("date", "một ngày")),
    }),
    "kho_noi_dung": Key("section", "Kho nội dung trên giao diện web Git: mọi trang có liên kết Sửa trang này",
                        keys={
        "nen_tang": Key("choice", "github hoặc gitlab", required=True, choices=("github", "gitlab")),
        "dia_chi": Key("url", "Địa chỉ web của kho", required=True),
        "nhanh": Key("text", "Nhánh cán bộ sửa", default="main"),
    }),
    "phan_hoi": Key("section", "Nơi nhận đánh giá và ý kiến của người đọc (NĐ 224/2026 Điều 10.3.b)", keys={
        "dia_chi": Key("url", "Dịch vụ biểu mẫu của tỉnh nhận POST (hoặc hệ thống phản ánh quốc gia)"),
        "thu_dien_tu": Key("email", "Địa chỉ thư người đọc có thể gửi thay (mailto:)"),
        "don_vi": Key("text", "Đơn vị tiếp nhận"),
    }),
    "xuat_ban": Key("section", "Xuất bản", keys={
        "khi_co_loi": Key("choice", "Xã có tệp lỗi khi xuất bản: giu-ban-cu — giữ bản đã đăng; dang-kem-canh-bao "
                          "— vẫn đăng, kèm cảnh báo", default="giu-ban-cu", choices=ON_ERROR),
    }),
    "ngay_tham_chieu": Key("date", "Dữ liệu mẫu: ngày mọi lần kiểm tra, tạo trang và báo cáo được tính theo (nếu không "
                           "chỉ định --as-of), để trang mẫu hôm nay và mọi ngày sau đều như nhau; trang ghi \"tình trạng "
                           "tính đến\" ngày này", example="20/11/2026"),
    "chap_nhan": Key("list", "Các phát hiện tỉnh đã xem xét và chấp nhận: vẫn hiện, ghi là đã chấp nhận, không bị "
                     "trừ điểm đến hết ngày den_ngay", item=Key("section", "một trường hợp chấp nhận", keys={
        "xa": Key("text", "thư mục của xã (slug)", required=True),
        "quy_tac": Key("text", "mã quy tắc của phát hiện (ví dụ reception-week-missing)", required=True),
        "tep": Key("text", "tệp hoặc thư mục, tính từ thư mục của xã (bỏ trống: mọi tệp)", default=""),
        "ly_do": Key("text", "lý do chấp nhận", required=True),
        "nguoi_quyet_dinh": Key("text", "người, cơ quan quyết định", required=True),
        "den_ngay": Key("date", "chấp nhận đến hết ngày này", required=True),
    })),
    "bo_sung": Key("any", "Phần bổ sung của tỉnh, cùng dạng một hồ sơ pháp lý, gộp theo slug chuyên mục và tên "
                   "mẫu (remove: true để bỏ) — ví dụ categories: [{slug: tin-tuc, rules: {quota_per_month: 4}}]"),
}


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
    repository: dict = field(default_factory=dict)  # the Git web UI staff edit in: platform, url, branch
    feedback: dict = field(default_factory=dict)  # where ratings and opinions go: url (a form service), email, unit
    reference_date: dt.date | None = None  # sample data: the day every run is checked as of, unless told otherwise
    waivers: tuple[Waiver, ...] = ()  # findings the province accepted, until a date

    def commune_url(self, commune: "Commune") -> str:
        if self.url_mode == "ten-mien":
            return f"https://{commune.domain}"
        return f"{self.site_url}/{commune.slug}"


def load_province(path: Path, profile_override: str | None = None) -> Province:
    """Read province.yml and its legal profile; anything wrong stops the run, with every error listed."""
    try:
        mapping = load_file_mapping(path)
    except OSError as err:
        raise ProfileError(f"Không đọc được cấu hình tỉnh {path}: {err.strerror}.") from None
    except ProblemError as err:
        where = f", dòng {err.problem.line}" if err.problem.line else ""
        finding = place(err.problem, "tinh", path.name)
        raise ProfileError(f"{path}{where}: {finding.message} {finding.fix}") from None
    values, errors = check(mapping.data, PROVINCE, path.name, mapping.paths)
    errors += _feedback_errors(values.get("phan_hoi"), path.name, mapping.paths)
    errors += _waiver_errors(values, path.name, mapping.paths)
    profile = None
    try:
        profile = load_profile(profile_override or values["ho_so_phap_ly"], values.get("bo_sung"), overlay_file=path.name,
                               overlay_paths=mapping.paths)
    except ProfileError as err:
        errors += err.errors
    if errors:
        raise ProfileError(errors)
    return _province(values, profile)


def _feedback_errors(feedback: dict | None, file: str, paths: dict) -> list[ConfigError]:
    if feedback is not None and not (feedback.get("dia_chi") or feedback.get("thu_dien_tu")):
        return [ConfigError(file, paths.get("phan_hoi"), "phan_hoi cần dia_chi (https://…, nơi nhận biểu mẫu) "
                                                         "hoặc thu_dien_tu.")]
    return []


def _waiver_errors(values: dict, file: str, paths: dict) -> list[ConfigError]:
    """A reference date freezes every check: only sample data may have one. A waiver names a rule that exists."""
    from trangxa.law.findings import rules

    errors = []
    if values.get("ngay_tham_chieu") and not values.get("du_lieu_mau"):
        errors.append(ConfigError(file, paths.get("ngay_tham_chieu"), "ngay_tham_chieu chỉ dùng cho dữ liệu mẫu "
                                  "(du_lieu_mau: true): trang thật được kiểm tra theo ngày tạo trang."))
    known = rules()
    errors += [ConfigError(file, paths.get(f"chap_nhan.{n}.quy_tac"), f'chap_nhan: không có quy tắc "{w.get("quy_tac")}".')
               for n, w in enumerate(values.get("chap_nhan", ())) if w.get("quy_tac") and w["quy_tac"] not in known]
    return errors


def _province(values: dict, profile: Profile) -> Province:
    lich = values.get("lich", {})
    repository = values.get("kho_noi_dung")
    feedback = values.get("phan_hoi")
    return Province(
        name=values["ten"],
        portal_url=values["cong_thong_tin"],
        site_url=values["dia_chi_web"],
        url_mode=values["che_do_url"],
        profile=profile,
        sample=values["du_lieu_mau"],
        auditor=values["co_quan_do_luong"],
        calendar=WorkCalendar(frozenset(lich.get("nghi_them", ())), frozenset(lich.get("lam_bu", ()))),
        keep_last_good=values.get("xuat_ban", {}).get("khi_co_loi", "giu-ban-cu") == "giu-ban-cu",
        repository={"platform": repository["nen_tang"], "url": repository["dia_chi"],
                    "branch": repository["nhanh"]} if repository else {},
        feedback={"url": feedback.get("dia_chi", ""), "email": feedback.get("thu_dien_tu", ""),
                  "unit": feedback.get("don_vi", "")} if feedback else {},
        reference_date=values.get("ngay_tham_chieu") if values["du_lieu_mau"] else None,
        waivers=tuple(Waiver(w["xa"], w["quy_tac"], w["tep"], w["ly_do"], w["nguoi_quyet_dinh"], w["den_ngay"])
                      for w in values.get("chap_nhan", ())),
    )
