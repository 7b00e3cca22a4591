"""A deterministic synthetic province for the benchmarks: N communes × M articles of Vietnamese text across the
profile's categories, with records, pictures and documents in proportions a commune page actually has.

    python3 bench/synth.py OUT --communes 100 --articles 200 [--seed 1]

Per commune, for M articles: 70% news (one in four with a cover photo), 10% legal information, 20% documents
(each with a small PDF); and what every commune has once: leaders (6, with portraits), introduction pages,
procedures (8), reception sessions (11: every week of the quarter), budget reports (7), disclosures (6) and a
"không phát sinh" declaration for the others, questions (5), the
contacts, web links. Pictures are distinct JPEGs of 1280×853 (the size a photo has once shared through a chat
app), so no two communes share a cached rendition.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from trangxa.text import slugify  # noqa: E402

WORDS = (
    "ủy ban nhân dân xã phường tổ chức hội nghị triển khai kế hoạch năm 2026 người dân cán bộ công chức đoàn thanh "
    "niên hội phụ nữ nông dân cựu chiến binh mặt trận tổ quốc đảng ủy chi bộ ấp khu phố đường giao thông nông thôn "
    "mới lúa tôm dừa rừng đước kênh mương thủy lợi triều cường sạt lở bờ biển phòng chống thiên tai cứu hộ cứu nạn "
    "trường học học sinh giáo viên khai giảng y tế trạm tiêm chủng bảo hiểm y tế hộ nghèo cận nghèo an sinh xã hội "
    "trợ cấp hỗ trợ vốn vay sản xuất kinh doanh hợp tác xã chợ du lịch văn hóa lễ hội đình chùa di tích an ninh trật "
    "tự công an quân sự tuyển quân dịch vụ công trực tuyến hồ sơ thủ tục hành chính khai sinh kết hôn đất đai quy "
    "hoạch giải phóng mặt bằng bồi thường dự án đầu tư ngân sách dự toán quyết toán công khai minh bạch đánh giá "
    "tuyên dương khen thưởng gia đình văn hóa vệ sinh môi trường rác thải nhựa cây xanh điện chiếu sáng nước sạch"
).split()
KINDS = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("TB", "Thông báo"), ("CT", "Chỉ thị"), ("BC", "Báo cáo")]
FIELDS = ["Văn hóa", "Đất đai", "Y tế", "Giáo dục", "Nông nghiệp", "Giao thông", "Tài chính", "An ninh"]
START = dt.date(2026, 1, 5)
RECENT = dt.date(2026, 11, 25)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 22))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def photo(rng: random.Random) -> bytes:
    """A distinct photo-like JPEG: smooth light and grain, 1280×853."""
    from PIL import Image

    size = (1280, 853)
    base = Image.linear_gradient("L").resize(size).rotate(rng.randint(0, 359)).resize(size)
    light = Image.merge("RGB", [base.point(lambda v, k=rng.random(): int(v * (0.5 + k / 2))) for _ in range(3)])
    # grain from the seeded generator (Image.effect_noise draws from C's rand(): not reproducible)
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(light, grain, 0.25).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"


def day(rng: random.Random, span: int = 320) -> dt.date:
    return START + dt.timedelta(days=rng.randint(0, span))


def fmt(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


class Commune:
    def __init__(self, root: Path, index: int, articles: int, seed: int):
        self.rng = random.Random(seed * 100_003 + index)
        self.slug = f"xa-thu-nghiem-{index:04d}"
        self.name = f"Xã Thử Nghiệm {index:04d}"
        self.folder = root / self.slug
        self.articles = articles

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")

    def all(self) -> None:
        host = self.slug.replace("-", "")
        self.write("commune.yml", f"ten: {self.name}\nloai: xa\ntinh: Tỉnh Thử Nghiệm\nten_mien: {host}.thunghiem.gov.vn\n"
                   f"dia_chi: Ấp Một, {self.name}\ndien_thoai: 0290 3831 000\nemail: {host}@thunghiem.gov.vn\n"
                   "nguoi_chiu_trach_nhiem: Nguyễn Văn An\nchuc_vu_nguoi_chiu_trach_nhiem: Chủ tịch UBND\n")
        news = round(self.articles * 0.7)
        for n in range(news):
            self.article("tin-tuc", n, cover=n % 4 == 0)
        for n in range(round(self.articles * 0.1)):
            self.article("pho-bien-phap-luat", n, cover=False)
        for n in range(self.articles - news - round(self.articles * 0.1)):
            self.document(n)
        self.once()

    def article(self, category: str, n: int, cover: bool) -> None:
        rng, d = self.rng, day(self.rng)
        d = RECENT if n == 0 else d  # every category has news of the last weeks, as a kept page has
        title = sentence(rng).rstrip(".")[:90]
        name = f"{d.isoformat()}-{n:04d}-{slugify(title)[:40]}"
        head = f"---\ntieu_de: \"{title}\"\nngay_dang: {fmt(d)}\ntom_tat: \"{sentence(rng)}\"\ntac_gia: Ban biên tập\n"
        if cover:
            head += f"anh_bia: {name}.jpg\nanh_bia_alt: \"{sentence(rng)}\"\n"
            self.write(f"{category}/{name}.jpg", photo(rng))
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(4, 7)))
        self.write(f"{category}/{name}.md", f"{head}---\n{body}\n")

    def document(self, n: int) -> None:
        rng, d = self.rng, day(self.rng)
        code, kind = KINDS[n % len(KINDS)]
        name = f"{n + 1}-{slugify(code)}-ubnd-{d.year}"
        self.write(f"van-ban/{name}.pdf", PDF)
        self.write(f"van-ban/{name}.yml", (
            f"so_ky_hieu: {n + 1}/{code}-UBND\nloai_van_ban: {kind}\nco_quan_ban_hanh: Ủy ban nhân dân {self.name}\n"
            f"nguoi_ky: Nguyễn Văn An\nchuc_vu_nguoi_ky: TM. UBND, Chủ tịch\nngay_ban_hanh: {fmt(d)}\n"
            f"tinh_trang_hieu_luc: Còn hiệu lực\ntrich_yeu: \"Về việc {sentence(rng).lower().rstrip('.')}\"\n"
            f"linh_vuc: {FIELDS[n % len(FIELDS)]}\ntep: [{name}.pdf]\nngay_dang: {fmt(d + dt.timedelta(days=2))}\n"))

    def once(self) -> None:
        rng = self.rng
        for slug in ("gioi-thieu", "gioi-thieu/to-chuc-bo-may", "gioi-thieu/ban-do-dia-gioi", "gioi-thieu/dieu-kien-tu-nhien",
                     "gioi-thieu/lich-su-van-hoa", "gioi-thieu/can-bo-cong-chuc", "cong-khai", "ngan-sach",
                     "danh-gia-hai-long", "tiep-cong-dan"):
            text = "\n\n".join(paragraph(rng) for _ in range(3))
            self.write(f"{slug}/index.md", f"---\ntieu_de: \"{sentence(rng)[:60]}\"\nngay_cap_nhat: 01/11/2026\n---\n{text}\n")
        for n, post in enumerate(("Bí thư Đảng ủy", "Chủ tịch Hội đồng nhân dân", "Chủ tịch Ủy ban nhân dân",
                                  "Phó Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Ủy ban nhân dân", "Chủ tịch Ủy ban Mặt trận")):
            body = ("Đảng ủy", "Hội đồng nhân dân", "Ủy ban nhân dân", "Ủy ban nhân dân", "Ủy ban nhân dân",
                    "Ủy ban Mặt trận Tổ quốc")[n]
            self.write(f"gioi-thieu/lanh-dao/lanh-dao-{n}.jpg", photo(rng))
            self.write(f"gioi-thieu/lanh-dao/lanh-dao-{n}.yml", (
                f"ho_ten: Lãnh Đạo Số {n}\nchuc_vu: {post}\nco_quan: {body}\nnhiem_vu: \"{sentence(rng)}\"\n"
                f"anh: lanh-dao-{n}.jpg\ntu_ngay: 01/07/2025\nthu_tu: {n}\n"))
        for n in range(8):
            self.write(f"thu-tuc-hanh-chinh/thu-tuc-{n}.yml", (
                f"ma_thu_tuc: \"1.00{n:04d}\"\nten: \"Thủ tục {sentence(rng)[:50]}\"\nlinh_vuc: {FIELDS[n]}\n"
                f"lien_ket: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma=1.00{n:04d}\n"))
        for n in range(11):
            d = dt.date(2026, 9, 29) + dt.timedelta(weeks=n)  # every week of the quarter, to the week after TODAY
            self.write(f"tiep-cong-dan/{d.isoformat()}.yml", (
                f"tieu_de: Lịch tiếp công dân ngày {fmt(d)}\nngay: {fmt(d)}\ngio_bat_dau: \"07:30\"\n"
                f"nguoi_chu_tri: Nguyễn Văn An\nchuc_vu_chu_tri: Chủ tịch UBND\n"
                f"dia_diem: Trụ sở Ủy ban nhân dân\nngay_dang: {fmt(d - dt.timedelta(days=10))}\n"))
        for n, (folder, period, posted) in enumerate((
                ("du-toan-trinh", "Năm 2026", "10/12/2025"), ("du-toan", "Năm 2026", "05/01/2026"),
                ("thuc-hien", "Quý IV/2025", "10/01/2026"), ("thuc-hien", "Quý I/2026", "10/04/2026"),
                ("thuc-hien", "Quý II/2026", "10/07/2026"), ("thuc-hien", "Quý III/2026", "10/10/2026"),
                ("quyet-toan", "Năm 2025", "10/09/2026"))):
            self.write(f"ngan-sach/{folder}/bao-cao-{n}.pdf", PDF)
            self.write(f"ngan-sach/{folder}/bao-cao-{n}.yml", (
                f"tieu_de: Báo cáo ngân sách {period}\nky_bao_cao: {period}\nngay_dang: {posted}\n"
                f"tep: [bao-cao-{n}.pdf]\n"))
        for n, folder in enumerate(("ke-hoach-kt-xh", "quy-che-dan-chu", "an-sinh-xa-hoi", "du-an-dau-tu",
                                    "phi-le-phi", "tai-san-cong")):
            self.write(f"cong-khai/{folder}/cong-khai-{n}.yml", (
                f"tieu_de: \"{sentence(rng)[:70]}\"\ncan_cu_so: {n + 10}/QĐ-UBND\nngay_quyet_dinh: 02/03/2026\n"
                f"ngay_dang: 04/03/2026\nnoi_dung: \"{paragraph(rng)}\"\n"))
        for n in range(5):
            self.write(f"hoi-dap/cau-hoi-{n}.yml", (
                f"cau_hoi: \"{sentence(rng)}\"\nngay_hoi: 02/1{n % 2}/2026\ntra_loi: \"{paragraph(rng)}\"\n"
                f"don_vi_tra_loi: Văn phòng UBND\nngay_tra_loi: 05/1{n % 2}/2026\n"))
        self.write("cong-khai/thu-hoi-dat/khong-phat-sinh.yml", (
            "tieu_de: Các nội dung không phát sinh trong quý III/2026\nkhong_phat_sinh: Quý III/2026\n"
            "cac_chuyen_muc: [cong-khai/quy-hoach-dat-dai, cong-khai/quy-dong-gop, cong-khai/nghia-vu-quan-su,\n"
            "  cong-khai/thanh-tra]\nngay_dang: 05/10/2026\n"))
        self.write("lien-he/index.yml", ("tieu_de: Liên hệ\ndia_chi: Ấp Một\ndien_thoai: 0290 3831 000\n"
                                         "email: lienhe@thunghiem.gov.vn\ndau_moi_ho_ten: Lê Văn Cường\n"
                                         "phat_ngon_ho_ten: Nguyễn Văn An\n"))
        self.write("lien-ket-website/cong-dich-vu-cong.yml", "ten: Cổng Dịch vụ công quốc gia\ndia_chi: https://dichvucong.gov.vn\n")


PROVINCE = """ten: Tỉnh Thử Nghiệm
cong_thong_tin: https://thunghiem.gov.vn
dia_chi_web: https://xa.thunghiem.gov.vn
che_do_url: thu-muc
ho_so_phap_ly: nd224-2026
du_lieu_mau: true
"""


def province(out: Path, communes: int, articles: int, seed: int = 1, first: int = 1) -> Path:
    """Write (or add to) a synthetic province under ``out``: ``out/communes/`` and ``out/province.yml``."""
    folder = out / "communes"
    folder.mkdir(parents=True, exist_ok=True)
    (out / "province.yml").write_text(PROVINCE, encoding="utf-8")
    for index in range(first, first + communes):
        Commune(folder, index, articles, seed).all()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--communes", type=int, default=20)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    province(args.out, args.communes, args.articles, args.seed)
    files = sum(1 for _ in (args.out / "communes").rglob("*") if _.is_file())
    print(f"{args.communes} communes × {args.articles} articles: {files} files in {args.out}")


if __name__ == "__main__":
    main()
