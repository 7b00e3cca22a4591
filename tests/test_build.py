"""The province build on small scratch provinces: pages, records, findings, failures, the provincial index."""

import unicodedata

from fixtures import DONG_HAI, TAN_THANH, communes
from helpers import broken_links, build_scratch, links_of, manifest, read, relative_site
from trangxa.law.loading import load_profile


province = communes


def test_every_category_page_is_reachable_from_the_home_menu(tmp_path):
    result, output = build_scratch(tmp_path, province(TAN_THANH))
    assert result.failed == []
    site = output / "xa-tan-thanh"
    reached = crawl(site, "index.html", depth=2)
    for category in load_profile("nd224-2026").categories:
        assert f"{category.slug}/index.html" in reached, category.slug


def crawl(site, start, depth):
    """Pages reachable from ``start`` by following at most ``depth`` links inside the site."""
    seen, frontier = {start}, [start]
    for _ in range(depth):
        following = []
        for page in frontier:
            base = (site / page).parent
            for link in links_of((site / page).read_text(encoding="utf-8")):
                target = (base / link).resolve()
                if link.startswith(("http", "mailto", "tel", "#")) or not target.is_relative_to(site.resolve()):
                    continue
                rel = (target / "index.html" if target.is_dir() else target).relative_to(site.resolve()).as_posix()
                if rel.endswith(".html") and rel not in seen:
                    seen.add(rel)
                    following.append(rel)
        frontier = following
    return seen


def test_records_render_as_people_expect(tmp_path):
    _, output = build_scratch(tmp_path, province(TAN_THANH))
    leaders = read(output, "xa-tan-thanh/gioi-thieu/lanh-dao/index.html")
    assert '<h2><a href="../../gioi-thieu/lanh-dao/nguyen-van-an/">Nguyễn Văn An</a></h2>' in leaders
    assert '<p class="role">Chủ tịch Ủy ban nhân dân</p>' in leaders
    assert 'src="../../gioi-thieu/lanh-dao/nguyen-van-an-64.jpg"' in leaders
    assert 'width="64" height="40" alt="Ảnh chân dung Nguyễn Văn An"' in leaders
    assert "Lãnh đạo qua các thời kỳ" in leaders and "Trần Thị Bình" in leaders.split("qua các thời kỳ")[1]
    leader = read(output, "xa-tan-thanh/gioi-thieu/lanh-dao/nguyen-van-an/index.html")
    assert "<strong>tài chính, ngân sách</strong>" in leader and "Nhiệm vụ đảm nhiệm" in leader
    documents = read(output, "xa-tan-thanh/van-ban/index.html")
    assert '<a class="doc-number" href="../van-ban/112-qd-ubnd/">112/QĐ-UBND</a>' in documents
    assert "<td data-label=\"Ngày ban hành\">17/11/2026</td>" in documents
    assert "Quyết định: Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2026" in documents
    assert 'href="../van-ban/112-qd-ubnd.pdf" download' in documents
    document = read(output, "xa-tan-thanh/van-ban/112-qd-ubnd/index.html")
    assert "<dt>Người ký</dt><dd>Nguyễn Văn An</dd>" in document
    assert "(PDF, 1 KB)" in document
    schedule = read(output, "xa-tan-thanh/tiep-cong-dan/index.html")
    assert "Thứ Hai, 23/11/2026" in schedule and "07:30–11:00" in schedule
    procedures = read(output, "xa-tan-thanh/thu-tuc-hanh-chinh/index.html")
    assert "ma_thu_tuc=1.001193" in procedures and "<td>1.001193</td>" in procedures


def test_urls_mirror_folders_and_body_links_follow_the_page(tmp_path):
    _, output = build_scratch(tmp_path, province(TAN_THANH))
    news = read(output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")
    assert 'srcset="../ra-quan-64.webp 64w"' in news and 'alt="Ven kênh" loading="lazy"' in news
    assert 'href="../../van-ban/112-qd-ubnd/"' in news  # a link to the record's file becomes its page
    assert (output / "xa-tan-thanh/van-ban/112-qd-ubnd.pdf").read_bytes().startswith(b"%PDF")
    intro = read(output, "xa-tan-thanh/gioi-thieu/dieu-kien-tu-nhien/index.html")
    assert "diện tích tự nhiên 45,2 km²" in intro and "Cập nhật: Thứ Năm, 01/10/2026" in intro
    assert broken_links(relative_site(output)) == []


def test_text_is_nfc_and_slugs_ascii(tmp_path):
    files = province(TAN_THANH)
    files["xa-tan-thanh/tin-tuc/Lễ hội Nghinh Ông.md"] = unicodedata.normalize(
        "NFD", "---\ntieu_de: Lễ hội Nghinh Ông\nngay_dang: 19/11/2026\n---\nThủy sản được mùa.\n")
    result, output = build_scratch(tmp_path, files)
    page = read(output, "xa-tan-thanh/tin-tuc/le-hoi-nghinh-ong/index.html")
    assert "<h1>Lễ hội Nghinh Ông</h1>" in page and "Thủy sản được mùa." in page
    assert unicodedata.is_normalized("NFC", page)


def test_one_broken_commune_does_not_stop_the_others(tmp_path):
    files = province(TAN_THANH)
    files["xa-khong-ten/tin-tuc/a.md"] = "---\ntieu_de: A\nngay_dang: 01/11/2026\n---\n"
    files["phuong-sai-loai/commune.yml"] = "ten: Phường Sai Loại\nloai: huyen\n"
    result, output = build_scratch(tmp_path, files)
    assert sorted(result.failed) == ["phuong-sai-loai", "xa-khong-ten"]
    assert (output / "xa-tan-thanh" / "index.html").is_file()
    rules = {(f.commune, f.rule) for f in result.findings}
    assert ("xa-khong-ten", "commune-yml-missing") in rules
    assert ("phuong-sai-loai", "bad-choice") in rules
    index = read(output, "index.html")
    assert "Xã Tân Thành" in index and "Phường Sai Loại" not in index


def test_bad_files_are_located_findings_and_the_rest_is_published(tmp_path):
    files = province(TAN_THANH)
    files["xa-tan-thanh/tin-tuc/trung-khoa.md"] = "---\ntieu_de: A\ntieu_de: B\nngay_dang: 01/11/2026\n---\n"
    files["xa-tan-thanh/van-ban/thieu-tep.yml"] = DOCUMENT_WITHOUT_FILE
    files["xa-tan-thanh/tin-tucc/lac-cho.md"] = "---\ntieu_de: Lạc chỗ\n---\n"
    files["xa-tan-thanh/tin-tuc/ra-quan.yml"] = "tieu_de: Trùng địa chỉ\nngay_dang: 01/11/2026\n"
    result, output = build_scratch(tmp_path, files)
    found = {(f.file, f.line, f.rule) for f in result.findings}
    assert ("xa-tan-thanh/tin-tuc/trung-khoa.md", 3, "yaml-duplicate-key") in found
    assert ("xa-tan-thanh/van-ban/thieu-tep.yml", 9, "missing-file") in found
    assert ("xa-tan-thanh/tin-tucc/lac-cho.md", None, "unknown-folder") in found
    assert ("xa-tan-thanh/tin-tuc/ra-quan.yml", None, "duplicate-slug") in found
    lost = next(f for f in result.findings if f.rule == "unknown-folder")
    assert lost.message == ('Tệp nằm trong thư mục "xa-tan-thanh/tin-tucc/", không phải thư mục của chuyên mục nào '
                            'trong hồ sơ pháp lý "nd224-2026", nên không được đăng.')
    assert lost.fix.startswith("Chuyển tệp vào thư mục của chuyên mục phù hợp: tin-tuc/ (Tin tức, sự kiện)")
    dup = next(f for f in result.findings if f.rule == "yaml-duplicate-key")
    assert dup.message == ('Trường "tieu_de" được khai báo hai lần (dòng 2 và dòng này) nên không biết giá trị nào '
                           'đúng: tệp này không được dùng, không được đăng cho đến khi sửa.')
    assert result.failed == [] and (output / "xa-tan-thanh/van-ban/thieu-tep/index.html").is_file()
    assert "Ra quân vệ sinh môi trường" in read(output, "xa-tan-thanh/tin-tuc/ra-quan/index.html")


DOCUMENT_WITHOUT_FILE = """\
so_ky_hieu: 113/QĐ-UBND
loai_van_ban: Quyết định
co_quan_ban_hanh: Ủy ban nhân dân xã Tân Thành
nguoi_ky: Nguyễn Văn An
ngay_ban_hanh: 17/11/2026
tinh_trang_hieu_luc: Còn hiệu lực
trich_yeu: Về việc thành lập tổ công tác
ngay_dang: 18/11/2026
tep: [khong-co.pdf]
"""


def test_provincial_index_lists_every_commune_and_their_news(tmp_path):
    result, output = build_scratch(tmp_path, province(TAN_THANH, DONG_HAI))
    index = read(output, "index.html")
    assert '<h2 id="phuong">Phường <span class="count">(1)</span></h2>' in index
    assert '<a href="./xa-tan-thanh/">Xã Tân Thành</a>' in index
    assert '<a href="./phuong-dong-hai/">Phường Đông Hải</a>' in index
    assert '<time datetime="2026-11-18">18/11/2026</time>' in index
    assert index.count('href="./xa-tan-thanh/tin-tuc/ra-quan/">Ra quân vệ sinh môi trường</a>') == 1
    assert 'href="https://thunghiem.gov.vn/"' in index  # a page of the provincial portal links back to it
    assert broken_links(relative_site(output)) == []


def test_one_commune_rebuilds_alone_and_the_index_keeps_the_others(tmp_path):
    from dataclasses import replace

    from helpers import scratch_province
    from trangxa.runs import build

    options = scratch_province(tmp_path, province(TAN_THANH, DONG_HAI))
    build(options)
    marker = options.output / "phuong-dong-hai" / "index.html"
    before = marker.stat().st_mtime_ns
    result = build(replace(options, commune="xa-tan-thanh"))
    assert [site.name for site in result.communes] == ["xa-tan-thanh"]
    assert marker.stat().st_mtime_ns == before
    assert "Phường Đông Hải" in read(options.output, "index.html")


def test_parallel_build_equals_sequential(tmp_path):
    from dataclasses import replace

    from helpers import scratch_province
    from trangxa.runs import build

    options = scratch_province(tmp_path, province(TAN_THANH, DONG_HAI))
    build(replace(options, output=tmp_path / "one", jobs=1))
    build(replace(options, output=tmp_path / "two", jobs=2))
    one, two = manifest(tmp_path / "one"), manifest(tmp_path / "two")
    assert one.keys() == two.keys()
    # feeds (.xml) carry the build time; an XLSX is a zip with the time of writing: compare its cells instead
    assert [k for k in one if one[k] != two[k] and not k.endswith(".xml")] == []
    from openpyxl import load_workbook

    for name in (k for k in one if k.endswith(".xlsx")):
        cells = [[list(r) for r in load_workbook(root / name)["Chi tiết"].iter_rows(values_only=True)]
                 for root in (tmp_path / "one", tmp_path / "two")]
        assert cells[0] == cells[1]
