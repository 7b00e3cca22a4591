"""A small but complete commune, written as staff would, for the build tests."""

LEADER = """\
    ho_ten: Nguyễn Văn An
    chuc_vu: Chủ tịch Ủy ban nhân dân
    co_quan: Ủy ban nhân dân
    nhiem_vu: |
      Lãnh đạo, điều hành chung; phụ trách **tài chính, ngân sách**.
    anh: nguyen-van-an.jpg
    dien_thoai: 0290 3831 001
    tu_ngay: 07/07/2025
    thu_tu: 1
"""

FORMER_LEADER = """\
    ho_ten: Trần Thị Bình
    chuc_vu: Phó Chủ tịch Ủy ban nhân dân
    co_quan: Ủy ban nhân dân
    nhiem_vu: Phụ trách văn hóa - xã hội.
    tu_ngay: 01/07/2025
    den_ngay: 30/09/2026
"""

DOCUMENT = """\
    so_ky_hieu: 112/QĐ-UBND
    loai_van_ban: Quyết định
    co_quan_ban_hanh: Ủy ban nhân dân xã Tân Thành
    nguoi_ky: Nguyễn Văn An
    chuc_vu_nguoi_ky: TM. UBND, Chủ tịch
    ngay_ban_hanh: 17/11/2026
    tinh_trang_hieu_luc: Còn hiệu lực
    trich_yeu: Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2026
    tep: [112-qd-ubnd.pdf]
    ngay_dang: 18/11/2026
"""

SESSION = """\
    tieu_de: Lịch tiếp công dân của Chủ tịch UBND xã ngày 23/11/2026
    ngay: 23/11/2026
    gio_bat_dau: "07:30"
    gio_ket_thuc: "11:00"
    nguoi_chu_tri: Nguyễn Văn An
    chuc_vu_chu_tri: Chủ tịch UBND
    dia_diem: Phòng tiếp công dân, trụ sở UBND xã
    ngay_dang: 12/11/2026
"""

PROCEDURE = """\
    ma_thu_tuc: "1.001193"
    ten: Đăng ký khai sinh
    linh_vuc: Hộ tịch
    muc_do: Toàn trình
    lien_ket: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193
"""

NEWS = """\
    ---
    tieu_de: Ra quân vệ sinh môi trường
    ngay_dang: 18/11/2026
    tom_tat: Đoàn Thanh niên xã ra quân làm sạch kênh rạch.
    anh_bia: ra-quan.jpg
    anh_bia_alt: Đoàn viên thu gom rác ven kênh
    ---
    Sáng 18/11, **Đoàn Thanh niên** xã ra quân. ![Ven kênh](ra-quan.jpg)
    Xem [quyết định](../van-ban/112-qd-ubnd.yml).
"""

CONTACT = """\
    tieu_de: Liên hệ
    dia_chi: Số 1, đường Trần Hưng Đạo
    dien_thoai: 0290 3831 000
    email: tanthanh@minhhai.gov.vn
    dau_moi_ho_ten: Lê Văn Cường
    phat_ngon_ho_ten: Nguyễn Văn An
"""

INTRO = """\
    ---
    tieu_de: Điều kiện tự nhiên
    ngay_cap_nhat: 01/10/2026
    ---
    Xã có diện tích tự nhiên 45,2 km².
"""

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
def _jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), (150, 40, 30)).save(buffer, "JPEG", quality=60)
    return buffer.getvalue()


JPEG = _jpeg()


def commune(slug: str = "xa-tan-thanh") -> dict[str, str | bytes]:
    return {
        f"{slug}/gioi-thieu/lanh-dao/nguyen-van-an.yml": LEADER,
        f"{slug}/gioi-thieu/lanh-dao/nguyen-van-an.jpg": JPEG,
        f"{slug}/gioi-thieu/lanh-dao/tran-thi-binh.yml": FORMER_LEADER,
        f"{slug}/gioi-thieu/dieu-kien-tu-nhien/index.md": INTRO,
        f"{slug}/van-ban/112-qd-ubnd.yml": DOCUMENT,
        f"{slug}/van-ban/112-qd-ubnd.pdf": PDF,
        f"{slug}/tiep-cong-dan/2026-11-23.yml": SESSION,
        f"{slug}/thu-tuc-hanh-chinh/dang-ky-khai-sinh.yml": PROCEDURE,
        f"{slug}/tin-tuc/ra-quan.md": NEWS,
        f"{slug}/tin-tuc/ra-quan.jpg": JPEG,
        f"{slug}/lien-he/index.yml": CONTACT,
    }


TAN_THANH = ("xa-tan-thanh", "Xã Tân Thành", "xa")
DONG_HAI = ("phuong-dong-hai", "Phường Đông Hải", "phuong")
HON_DA_BAC = ("dac-khu-hon-da-bac", "Đặc khu Hòn Đá Bạc", "dac-khu")


def communes(*units: tuple[str, str, str]) -> dict[str, str | bytes]:
    """Files of several small but complete communes: (slug, full name, type) each."""
    from helpers import commune_files

    files: dict[str, str | bytes] = {}
    for slug, name, kind in units:
        files.update(commune_files(slug, name, kind))
        files.update(commune(slug))
    return files
