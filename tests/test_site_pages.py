"""The pages the law asks for that we generate: status, the disclosure list and register, the dashboard."""

import re

from fixtures import DONG_HAI, TAN_THANH, communes
from helpers import build_scratch, read


def province():
    files = communes(TAN_THANH, DONG_HAI)
    files["xa-tan-thanh/cong-khai/thu-hoi-dat/du-an-kenh.yml"] = """\
        tieu_de: Thu hồi đất thực hiện dự án nạo vét kênh Xáng
        can_cu_so: 98/QĐ-UBND
        ngay_quyet_dinh: 02/09/2026
        ngay_dang: 04/09/2026
        niem_yet_tu: 04/09/2026
        niem_yet_den: 04/10/2026
    """
    files["phuong-dong-hai/lien-he/index.yml"] = "tieu_de: Liên hệ\n"  # contacts without the required fields
    return files


def test_status_page_shows_each_category_state(tmp_path):
    _, output = build_scratch(tmp_path, province())
    page = read(output, "xa-tan-thanh/tinh-trang-cap-nhat/index.html")
    row = re.search(r'<a href="../lien-he/">Liên hệ</a></td>\s*<td data-label="Yêu cầu">Bắt buộc</td>\s*'
                    r'<td data-label="Tình trạng"><span class="state state-(\w+)">', page)
    assert row.group(1) == "complete"
    row = re.search(r'<a href="../gioi-thieu/lanh-dao/">Lãnh đạo</a>.*?state-(\w+)">([^<]+)<', page, re.S)
    assert row.groups() == ("stale", "Chưa cập nhật")  # the Phó Chủ tịch left on 30/09/2026, no successor
    assert re.search(r"Điểm: <strong>\d+/100</strong>", page)


def test_disclosure_list_and_quarterly_register_are_generated(tmp_path):
    _, output = build_scratch(tmp_path, province())
    listing = read(output, "xa-tan-thanh/tiep-can-thong-tin/index.html")
    assert "Danh mục thông tin phải được công khai" in listing
    assert ('<td>98/QĐ-UBND</td><td>02/09/2026</td><td>Trang thông tin điện tử; niêm yết tại trụ sở</td>\n'
            "    <td>04/09/2026</td><td>04/09/2026 – 04/10/2026</td>") in listing
    assert "<td>112/QĐ-UBND</td>" in listing
    register = read(output, "xa-tan-thanh/tiep-can-thong-tin/quy/index.html")
    assert register.index("Quý III/2026") and "Thu hồi đất thực hiện dự án nạo vét kênh Xáng" in register
    assert "112/QĐ-UBND" not in register  # documents are not Điều 11 disclosures


def test_dashboard_ranks_communes_worst_first_with_text_states(tmp_path):
    result, output = build_scratch(tmp_path, province())
    scores = {site.name: site.summary["score"] for site in result.communes}
    page = read(output, "tinh-trang/index.html")
    order = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>\s*<td>(\d+)</td>', page)
    assert [int(s) for _, s in order] == sorted(scores.values())
    assert 'class="state state-missing">Thiếu</span>' in page  # the state is written, not only coloured
    by_name = read(output, "tinh-trang/theo-ten/index.html")
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', by_name)
    assert names == sorted(names)
    contacts = {site.name: site.summary["statuses"]["lien-he"] for site in result.communes}
    assert contacts == {"phuong-dong-hai": "invalid", "xa-tan-thanh": "complete"}  # a required field missing
    assert any(f.commune == "phuong-dong-hai" and f.rule == "missing-field" for f in result.findings)


def test_build_writes_the_last_closed_quarters_report(tmp_path):
    _, output = build_scratch(tmp_path, province())
    assert (output / "bao-cao/2026Q3/bao-cao-2026Q3.xlsx").is_file()
    assert 'href="./bao-cao/2026Q3/">Báo cáo Quý III/2026</a>' in read(output, "index.html")
