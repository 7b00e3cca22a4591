"""The documents registry (văn bản): fields, filter pages, both date orders, links both ways, cards in news, the
JSON and CSV, and attachments that are missing or not what their name says."""

import csv
import io
import json
import re

from fixtures import PDF
from helpers import build_scratch, commune_files, read

SLUG = "xa-tan-thanh"
TYPES = {"QĐ": "Quyết định", "KH": "Kế hoạch", "TB": "Thông báo", "CT": "Chỉ thị", "NQ": "Nghị quyết"}


def document(number: str, kind: str, day: str, field: str = "Văn hóa", status: str = "Còn hiệu lực",
             extra: str = "") -> str:
    issuer = "Hội đồng nhân dân xã Tân Thành" if kind == "NQ" else "Ủy ban nhân dân xã Tân Thành"
    return (f"so_ky_hieu: {number}/{kind}-{'HĐND' if kind == 'NQ' else 'UBND'}\nloai_van_ban: {TYPES[kind]}\n"
            f"co_quan_ban_hanh: {issuer}\nnguoi_ky: Nguyễn Văn An\nchuc_vu_nguoi_ky: TM. UBND, Chủ tịch\n"
            f"ngay_ban_hanh: {day}\ntinh_trang_hieu_luc: {status}\ntrich_yeu: Văn bản số {number} về {field}\n"
            f"linh_vuc: {field}\ntep: [{number}-{short(kind)}.pdf]\nngay_dang: {day}\n{extra}")


def short(kind: str) -> str:
    return kind.lower().replace("đ", "d")


def registry(count: int = 25) -> dict:
    """``count`` documents over five types, three years, three fields and two statuses (deterministic)."""
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    fields = ("Văn hóa", "Đất đai", "Y tế")
    for n in range(1, count + 1):
        kind = list(TYPES)[n % 5]
        day = f"{(n % 27) + 1:02d}/{(n % 12) + 1:02d}/{2024 + n % 3}"
        status = "Hết hiệu lực toàn bộ" if n % 7 == 0 else "Còn hiệu lực"
        files[f"{SLUG}/van-ban/{n}-{short(kind)}.yml"] = document(str(n), kind, day, fields[n % 3], status)
        files[f"{SLUG}/van-ban/{n}-{short(kind)}.pdf"] = PDF
    return files


def numbers(html: str) -> list[str]:
    """The số ký hiệu in a registry table, in order."""
    return re.findall(r'<td data-label="Số, ký hiệu"><a class="doc-number" href="[^"]+">([^<]+)</a></td>', html)


def listing(output, base: str) -> list[str]:
    """Every number of a paginated listing, following its "Trang sau" links."""
    found, page = [], f"{SLUG}/{base}"
    while page:
        html = read(output, f"{page}index.html")
        found += numbers(html)
        following = re.search(r'<a rel="next" href="(?:\.\./)*([^"]+)">', html)
        page = f"{SLUG}/{following[1]}" if following else None
    return found


def test_a_document_page_shows_every_field_its_file_and_a_pdf_preview(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/van-ban/5-qd.yml"] = document(
        "5", "QĐ", "17/11/2026", extra="ngay_hieu_luc: 01/12/2026\nngay_het_hieu_luc: 31/12/2027\n"
        "lien_ket_csdl: https://vbpl.vn/minhhai/Pages/vbpq-toanvan.aspx?ItemID=1\n")
    files[f"{SLUG}/van-ban/5-qd.pdf"] = PDF
    _, output = build_scratch(tmp_path, files)
    page = read(output, f"{SLUG}/van-ban/5-qd/index.html")
    for label, value in (("Số, ký hiệu", "5/QĐ-UBND"), ("Loại văn bản", "Quyết định"),
                         ("Cơ quan ban hành", "Ủy ban nhân dân xã Tân Thành"), ("Người ký", "Nguyễn Văn An"),
                         ("Chức vụ người ký", "TM. UBND, Chủ tịch"), ("Lĩnh vực", "Văn hóa")):
        assert f"<dt>{label}</dt><dd>{value}</dd>" in page, label
    for label, iso, shown in (("Ngày ban hành", "2026-11-17", "17/11/2026"),
                              ("Ngày có hiệu lực", "2026-12-01", "01/12/2026"),
                              ("Ngày hết hiệu lực", "2027-12-31", "31/12/2027")):
        assert f'<dt>{label}</dt><dd><time datetime="{iso}">{shown}</time></dd>' in page, label
    assert ('<h1><span class="doc-kind">Quyết định <span class="doc-number">5/QĐ-UBND</span>:</span> '
            "Văn bản số 5 về Văn hóa</h1>") in page and ">Còn hiệu lực</span>" in page
    assert '<a href="https://vbpl.vn/minhhai/Pages/vbpq-toanvan.aspx?ItemID=1">' in page
    assert '<a href="../../van-ban/5-qd.pdf" download>5-qd.pdf</a>' in page and "(PDF, 1 KB)" in page
    assert '<object class="pdf-preview" data="../../van-ban/5-qd.pdf" type="application/pdf"' in page


def test_filter_pages_hold_exactly_the_documents_of_their_value(tmp_path):
    files = registry(25)
    _, output = build_scratch(tmp_path, files)
    records = {}
    for rel, text in files.items():
        if rel.endswith(".yml") and "/van-ban/" in rel:
            values = dict(line.split(": ", 1) for line in text.strip().split("\n"))
            records[values["so_ky_hieu"]] = values
    expected = {
        "loc/loai-van-ban/quyet-dinh/": {n for n, v in records.items() if v["loai_van_ban"] == "Quyết định"},
        "loc/nam/2025/": {n for n, v in records.items() if v["ngay_ban_hanh"].endswith("2025")},
        "loc/linh-vuc/dat-dai/": {n for n, v in records.items() if v["linh_vuc"] == "Đất đai"},
        "loc/tinh-trang-hieu-luc/het-hieu-luc-toan-bo/": {
            n for n, v in records.items() if v["tinh_trang_hieu_luc"] == "Hết hiệu lực toàn bộ"},
    }
    for base, wanted in expected.items():
        shown = listing(output, f"van-ban/{base}")
        assert wanted and sorted(shown) == sorted(wanted), base
    index = read(output, f"{SLUG}/van-ban/index.html")
    assert 'href="../van-ban/loc/loai-van-ban/quyet-dinh/">Quyết định <span class="count">(5)</span>' in index
    assert 'href="../van-ban/loc/nam/2026/">2026 <span class="count">' in index


def test_the_registry_is_paginated_and_sorted_by_date_both_ways(tmp_path):
    files = registry(25)
    _, output = build_scratch(tmp_path, files)
    newest = listing(output, "van-ban/")
    oldest = listing(output, "van-ban/cu-nhat/")
    assert len(newest) == 25 and (output / SLUG / "van-ban/trang-2/index.html").is_file()
    assert len(numbers(read(output, f"{SLUG}/van-ban/index.html"))) == 20
    day = {}
    for rel, text in files.items():
        if rel.endswith(".yml") and "/van-ban/" in rel:
            d, m, y = re.search(r"ngay_ban_hanh: (\d+)/(\d+)/(\d+)", text).groups()
            day[re.search(r"so_ky_hieu: (\S+)", text)[1]] = (int(y), int(m), int(d))
    assert [day[n] for n in newest] == sorted(day.values(), reverse=True)
    assert [day[n] for n in oldest] == sorted(day.values())
    assert 'aria-sort="descending"' in read(output, f"{SLUG}/van-ban/index.html")
    assert 'aria-sort="ascending"' in read(output, f"{SLUG}/van-ban/cu-nhat/index.html")


def test_replaced_and_amended_documents_link_both_ways(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    # 58/QĐ-UBND exists in 2025 and in 2026: the one replaced is the one issued before the new decision
    files[f"{SLUG}/van-ban/58-qd-2025.yml"] = document("58", "QĐ", "18/08/2025", status="Hết hiệu lực toàn bộ")
    files[f"{SLUG}/van-ban/58-qd-2026.yml"] = document("58", "QĐ", "20/11/2026")
    files[f"{SLUG}/van-ban/74-qd.yml"] = document("74", "QĐ", "20/04/2026", status="Hết hiệu lực một phần")
    files[f"{SLUG}/van-ban/112-qd.yml"] = document(
        "112", "QĐ", "12/06/2026", extra="thay_the: [58/QĐ-UBND]\nsua_doi: [74/QĐ-UBND, 9/QĐ-UBND]\n")
    for name in ("58-qd", "74-qd", "112-qd"):
        files[f"{SLUG}/van-ban/{name}.pdf"] = PDF
    result, output = build_scratch(tmp_path, files)
    new = read(output, f"{SLUG}/van-ban/112-qd/index.html")
    assert '<dt>Thay thế văn bản số</dt><dd><a href="../../van-ban/58-qd-2025/">58/QĐ-UBND</a></dd>' in new
    assert ('<dt>Sửa đổi, bổ sung văn bản số</dt><dd><a href="../../van-ban/74-qd/">74/QĐ-UBND</a>, 9/QĐ-UBND'
            in new)  # 9/QĐ-UBND is not on the site: text, not a broken link
    old = read(output, f"{SLUG}/van-ban/58-qd-2025/index.html")
    assert '<dt>Bị thay thế bởi văn bản</dt><dd><a href="../../van-ban/112-qd/">5/QĐ-UBND' not in old
    assert ('<dt>Bị thay thế bởi văn bản</dt><dd><a href="../../van-ban/112-qd/"><span class="doc-number">112/QĐ-UBND'
            '</span></a>') in old
    amended = read(output, f"{SLUG}/van-ban/74-qd/index.html")
    assert ('<dt>Được sửa đổi, bổ sung bởi văn bản</dt><dd><a href="../../van-ban/112-qd/"><span class="doc-number">'
            '112/QĐ-UBND</span></a>') in amended
    assert "Bị thay thế" not in read(output, f"{SLUG}/van-ban/58-qd-2026/index.html")
    found = [(f.file, f.rule, f.line) for f in result.findings if f.rule == "reference-missing"]
    assert found == [(f"{SLUG}/van-ban/112-qd.yml", "reference-missing", 13)]


def test_a_replaced_document_still_marked_in_force_is_a_finding(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/van-ban/58-qd.yml"] = document("58", "QĐ", "18/08/2025")
    files[f"{SLUG}/van-ban/112-qd.yml"] = document("112", "QĐ", "12/06/2026", extra="thay_the: [58/QĐ-UBND]\n")
    files[f"{SLUG}/van-ban/58-qd.pdf"] = files[f"{SLUG}/van-ban/112-qd.pdf"] = PDF
    result, _ = build_scratch(tmp_path, files)
    found = [f for f in result.findings if f.rule == "replaced-still-in-force"]
    assert [(f.file, f.line) for f in found] == [(f"{SLUG}/van-ban/58-qd.yml", 7)]
    assert found[0].message == ('Văn bản 58/QĐ-UBND đã bị thay thế bởi văn bản 112/QĐ-UBND nhưng tình trạng '
                                'hiệu lực vẫn ghi "Còn hiệu lực".')


def test_a_document_named_in_a_news_item_renders_as_a_card(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/van-ban/112-qd.yml"] = document("112", "QĐ", "12/06/2026")
    files[f"{SLUG}/van-ban/112-qd.pdf"] = PDF
    files[f"{SLUG}/tin-tuc/hop-dan.md"] = (
        "---\ntieu_de: Họp dân\nngay_dang: 19/11/2026\nvan_ban: [112/QĐ-UBND, 7/QĐ-UBND]\n---\n"
        "Theo quyết định:\n\n[Quyết định 112](../van-ban/112-qd.yml)\n\nVà [trong câu](../van-ban/112-qd.yml) thì không.\n")
    result, output = build_scratch(tmp_path, files)
    news = read(output, f"{SLUG}/tin-tuc/hop-dan/index.html")
    card = '<div class="record-card"><p class="record-card-kind">Quyết định · <span class="status">Còn hiệu lực</span>'
    assert news.count(card) == 2  # one from the body's lone link, one from van_ban
    assert ('<a href="../../van-ban/112-qd/"><span class="doc-number">112/QĐ-UBND</span>: Văn bản số 112 về Văn hóa</a>'
            in news)
    assert 'Và <a href="../../van-ban/112-qd/">trong câu</a> thì không.' in news
    assert '<p class="record-card">Văn bản liên quan (số ký hiệu): 7/QĐ-UBND</p>' in news
    assert [(f.file, f.rule) for f in result.findings if f.rule == "reference-missing"] == [
        (f"{SLUG}/tin-tuc/hop-dan.md", "reference-missing")]


def test_json_and_csv_carry_every_record_and_field(tmp_path):
    files = registry(6)
    files[f"{SLUG}/van-ban/99-qd.yml"] = document("99", "QĐ", "02/01/2026", extra="thay_the: [5/QĐ-UBND]\n")
    files[f"{SLUG}/van-ban/99-qd.pdf"] = PDF
    _, output = build_scratch(tmp_path, files)
    rows = json.loads(read(output, f"{SLUG}/van-ban/van-ban.json"))
    assert len(rows) == 7
    row = next(r for r in rows if r["so_ky_hieu"] == "99/QĐ-UBND")
    assert row["url"] == "van-ban/99-qd/" and row["ngay_ban_hanh"] == "2026-01-02"
    assert row["tep"] == [{"tep": "99-qd.pdf", "url": "van-ban/99-qd.pdf", "dinh_dang": "PDF", "kich_thuoc": len(PDF)}]
    assert row["thay_the"] == ["5/QĐ-UBND"] and row["lien_ket"] == {"Thay thế văn bản số": ["van-ban/5-qd/"]}
    replaced = next(r for r in rows if r["so_ky_hieu"] == "5/QĐ-UBND")
    assert replaced["lien_ket_nguoc"] == {"Bị thay thế bởi văn bản": ["van-ban/99-qd/"]}
    raw = (output / SLUG / "van-ban/van-ban.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads the Vietnamese right
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["so_ky_hieu"] for r in table] == [r["so_ky_hieu"] for r in rows]
    assert next(r for r in table if r["so_ky_hieu"] == "99/QĐ-UBND")["tep"] == "van-ban/99-qd.pdf"
    index = read(output, f"{SLUG}/van-ban/index.html")
    assert 'href="../van-ban/van-ban.json"' in index and 'href="../van-ban/van-ban.csv"' in index


def test_a_missing_attachment_or_a_fake_pdf_is_a_finding_never_a_broken_link(tmp_path):
    files = dict(commune_files(SLUG, "Xã Tân Thành"))
    files[f"{SLUG}/van-ban/1-qd.yml"] = document("1", "QĐ", "12/06/2026")  # 1-qd.pdf never uploaded
    files[f"{SLUG}/van-ban/2-qd.yml"] = document("2", "QĐ", "12/06/2026")
    files[f"{SLUG}/van-ban/2-qd.pdf"] = b"PK\x03\x04 a Word file renamed .pdf"
    files[f"{SLUG}/tin-tuc/tin.md"] = "---\ntieu_de: Tin\nngay_dang: 19/11/2026\n---\nXem [kế hoạch](ke-hoach.pdf).\n"
    result, output = build_scratch(tmp_path, files)
    found = {(f.file, f.rule, f.line) for f in result.findings}
    assert (f"{SLUG}/van-ban/1-qd.yml", "missing-file", 10) in found
    assert (f"{SLUG}/van-ban/2-qd.pdf", "bad-attachment", None) in found
    assert (f"{SLUG}/tin-tuc/tin.md", "broken-link", 5) in found
    fake = next(f for f in result.findings if f.rule == "bad-attachment")
    assert fake.message == ('Tệp "2-qd.pdf" có đuôi PDF nhưng nội dung không phải là tệp PDF (có thể đã đổi đuôi '
                            'tệp) nên không được đăng.')
    assert not (output / SLUG / "van-ban/2-qd.pdf").exists()
    for number in ("1", "2"):
        page = read(output, f"{SLUG}/van-ban/{number}-qd/index.html")
        assert f"<li>{number}-qd.pdf <span class=\"file-meta\">(tệp chưa được đăng)</span></li>" in page
        assert f'href="../../van-ban/{number}-qd.pdf"' not in page and "<object" not in page
    assert '<span class="missing-file">kế hoạch</span>' in read(output, f"{SLUG}/tin-tuc/tin/index.html")
