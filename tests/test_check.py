"""``invoke check`` and the quarterly report on scratch provinces: formats, exit codes, reproducible figures."""

import csv
import json
import re

from fixtures import commune
from helpers import TODAY, commune_files, read, scratch_province
from openpyxl import load_workbook
from trangxa.runs import build, report
from trangxa.cli import main
from trangxa.aggregate.report import Quarter


def tree(*extra: tuple[str, str]):
    files = {**commune_files("xa-tan-thanh", "Xã Tân Thành"), **commune("xa-tan-thanh")}
    files.update(dict(extra))
    return files


def run(tmp_path, capsys, files, *args):
    options = scratch_province(tmp_path, files)
    code = main(["check", "--communes-dir", str(options.communes_dir), "--province", str(tmp_path / "province.yml"),
                 "--as-of", TODAY.isoformat(), *args])
    return code, capsys.readouterr()


def test_json_has_the_keys_tools_rely_on(tmp_path, capsys):
    code, out = run(tmp_path, capsys, tree(), "--format", "json")
    findings = json.loads(out.out)
    assert code == 1  # the scratch commune lacks required categories
    assert {"commune", "file", "line", "rule", "severity", "message", "basis"} <= set(findings[0])
    missing = [f for f in findings if f["rule"] == "missing-category"]
    assert {"xa-tan-thanh/gioi-thieu/to-chuc-bo-may/", "xa-tan-thanh/ngan-sach/du-toan/"} <= {f["file"] for f in missing}
    assert all(f["basis"] for f in missing)


def test_malformed_yaml_is_a_located_finding_not_a_traceback(tmp_path, capsys):
    bad = ("xa-tan-thanh/van-ban/hong.yml", "so_ky_hieu: 1/QĐ-UBND\ntrich_yeu: [không đóng\nnguoi_ky: A\n")
    code, out = run(tmp_path, capsys, tree(bad), "--format", "json")
    found = [f for f in json.loads(out.out) if f["file"] == "xa-tan-thanh/van-ban/hong.yml"]
    assert [(f["rule"], f["line"]) for f in found] == [("yaml-syntax", 3)]
    assert "Traceback" not in out.err


def test_github_annotations_point_at_the_file_and_line(tmp_path, capsys):
    bad = ("xa-tan-thanh/van-ban/sai.yml", "so_ky_hieu: QĐ 15\n")
    code, out = run(tmp_path, capsys, tree(bad), "--format", "github")
    assert re.search(r"^::error file=.*communes/xa-tan-thanh/van-ban/sai\.yml,line=1,title=bad-format::", out.out, re.M)
    assert "::error file=" in out.out and "title=missing-category::" in out.out


def test_text_report_groups_by_file_and_ranks_communes(tmp_path, capsys):
    code, out = run(tmp_path, capsys, tree())
    assert "xa-tan-thanh/lien-he/" not in out.out  # a category that is present is not listed
    assert "Tình trạng tính đến ngày 20/11/2026:" in out.out and "Xã Tân Thành:" in out.out
    assert "mỗi lỗi trừ thêm 2 điểm" in out.out  # the score says how it is made


def complete_commune():
    """The scratch commune plus one item in every other required category: no errors as of TODAY."""
    files = tree()
    pages = ["gioi-thieu/to-chuc-bo-may", "gioi-thieu/ban-do-dia-gioi", "gioi-thieu/lich-su-van-hoa",
             "gioi-thieu/can-bo-cong-chuc", "danh-gia-hai-long"]
    for slug in pages:
        files[f"xa-tan-thanh/{slug}/index.md"] = "---\ntieu_de: Trang\nngay_cap_nhat: 01/11/2026\n---\nNội dung.\n"
    files["xa-tan-thanh/pho-bien-phap-luat/luat-dat-dai.md"] = "---\ntieu_de: Luật Đất đai\nngay_dang: 02/11/2026\n---\n"
    for slug in ("cong-khai/ke-hoach-kt-xh", "cong-khai/quy-che-dan-chu"):
        files[f"xa-tan-thanh/{slug}/2026.yml"] = (
            "tieu_de: Công khai\ncan_cu_so: 10/QĐ-UBND\nngay_quyet_dinh: 02/11/2026\nngay_dang: 04/11/2026\n")
    for slug in ("ngan-sach/du-toan-trinh", "ngan-sach/du-toan", "ngan-sach/quyet-toan"):
        files[f"xa-tan-thanh/{slug}/2026.yml"] = (
            "tieu_de: Ngân sách\nky_bao_cao: Năm 2026\nngay_dang: 04/01/2026\ntep: [2026.pdf]\n")
        files[f"xa-tan-thanh/{slug}/2026.pdf"] = b"%PDF-1.4\n"
    files["xa-tan-thanh/gioi-thieu/lanh-dao/le-van-dung.yml"] = (
        "ho_ten: Lê Văn Dũng\nchuc_vu: Phó Chủ tịch Ủy ban nhân dân\nco_quan: Ủy ban nhân dân\n"
        "nhiem_vu: Văn hóa - xã hội.\ntu_ngay: 01/10/2026\n")
    for quarter, posted in (("IV/2025", "10/01/2026"), ("I/2026", "10/04/2026"), ("II/2026", "10/07/2026"),
                            ("III/2026", "09/10/2026")):
        name = quarter.replace("/", "-").lower()
        files[f"xa-tan-thanh/ngan-sach/thuc-hien/{name}.yml"] = (
            f"tieu_de: Thực hiện ngân sách quý {quarter}\nky_bao_cao: Quý {quarter}\nngay_dang: {posted}\n"
            f"tep: [{name}.pdf]\n")
        files[f"xa-tan-thanh/ngan-sach/thuc-hien/{name}.pdf"] = b"%PDF-1.4\n"
    files["xa-tan-thanh/cong-khai/thu-hoi-dat/khong-phat-sinh-quy-iii-2026.yml"] = (
        "tieu_de: Các nội dung không phát sinh trong quý III/2026\nkhong_phat_sinh: Quý III/2026\n"
        "cac_chuyen_muc: [cong-khai/du-an-dau-tu, cong-khai/quy-hoach-dat-dai, cong-khai/quy-dong-gop,\n"
        "  cong-khai/tai-san-cong, cong-khai/an-sinh-xa-hoi, cong-khai/nghia-vu-quan-su, cong-khai/thanh-tra,\n"
        "  cong-khai/phi-le-phi]\nngay_dang: 05/10/2026\n")
    sessions = [("29/09/2026", "21/09/2026"), ("06/10/2026", "28/09/2026"), ("13/10/2026", "05/10/2026"),
                ("20/10/2026", "12/10/2026"), ("27/10/2026", "19/10/2026"), ("03/11/2026", "26/10/2026"),
                ("10/11/2026", "02/11/2026"), ("17/11/2026", "09/11/2026"), ("26/11/2026", "18/11/2026")]
    for day, posted in sessions:
        name = day.replace("/", "-")
        files[f"xa-tan-thanh/tiep-cong-dan/{name}.yml"] = (
            f"tieu_de: Tiếp công dân {day}\nngay: {day}\ngio_bat_dau: '07:30'\nnguoi_chu_tri: Nguyễn Văn An\n"
            f"chuc_vu_chu_tri: Chủ tịch UBND\n"
            f"dia_diem: Trụ sở UBND xã\nngay_dang: {posted}\n")
    return files


def test_a_complete_commune_exits_0_and_strict_fails_on_warnings(tmp_path, capsys):
    files = complete_commune()
    code, out = run(tmp_path, capsys, files, "--format", "json")
    assert json.loads(out.out) == [] and code == 0
    files["xa-tan-thanh/van-ban/muon.yml"] = read_fixture_document(posted="30/11/2026", issued="02/11/2026")
    code, out = run(tmp_path / "b", capsys, files, "--format", "json")
    assert code == 0  # posted after the check date: not there yet
    files["xa-tan-thanh/van-ban/muon.yml"] = read_fixture_document(posted="19/11/2026", issued="02/11/2026")
    code, out = run(tmp_path / "c", capsys, files, "--format", "json")
    assert [f["rule"] for f in json.loads(out.out)] == ["late-publication"] and code == 0
    code, out = run(tmp_path / "d", capsys, files, "--strict")
    assert code == 1


def read_fixture_document(posted: str, issued: str) -> str:
    from fixtures import DOCUMENT
    import textwrap

    return textwrap.dedent(DOCUMENT).replace("17/11/2026", issued).replace("18/11/2026", posted).replace(
        "112/QĐ-UBND", "113/QĐ-UBND").replace("[112-qd-ubnd.pdf]", "[../van-ban/112-qd-ubnd.pdf]")


def test_a_run_that_cannot_be_done_exits_2(tmp_path, capsys):
    assert main(["check", "--communes-dir", str(tmp_path / "khong-co")]) == 2


def _cell(text: str) -> str:
    """A cell as compared: numbers by value (a spreadsheet keeps 100.0 as 100)."""
    try:
        return str(float(text))
    except ValueError:
        return text


def test_the_quarterly_report_agrees_in_html_csv_and_xlsx(tmp_path):
    files = complete_commune()
    files.update(commune_files("xa-dat-moi", "Xã Đất Mới"))
    files["xa-dat-moi/tin-tuc/a.md"] = "---\ntieu_de: Tin\nngay_dang: 15/08/2026\n---\n"
    options = scratch_province(tmp_path, files)
    build(options)
    assert report(options, Quarter.parse("2026Q3")).as_of.isoformat() == "2026-09-30"  # by default
    result = report(options, Quarter.parse("2026Q3"), TODAY)
    folder = options.output / "bao-cao" / "2026Q3"
    with (folder / "bao-cao-2026Q3.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    sheet = load_workbook(folder / "bao-cao-2026Q3.xlsx")["Chi tiết"]
    xlsx = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert xlsx[0][0].startswith("Báo cáo Quý III/2026. Số liệu từ ngày 01/07/2026 đến ngày 30/09/2026")
    assert [list(map(_cell, row)) for row in rows] == [list(map(_cell, row)) for row in xlsx[1:]]
    assert len(rows) == 1 + len(result.rows)
    assert {row[8] for row in rows[1:]} <= {"Thiếu", "Có lỗi", "Đăng muộn", "Chưa cập nhật", "Đầy đủ", "Không có nội dung",
                                            "Không phát sinh", "Chưa thông báo không phát sinh"}  # Vietnamese states
    assert {row[9] for row in rows[1:]} == {"Quý III/2026: 01/07/2026 – 30/09/2026"}
    html = read(options.output, "bao-cao/2026Q3/index.html")
    for row in rows[1:]:
        cells = re.search(rf'data-commune="{row[0]}" data-category="{row[2]}"><td>.*?</td><td>.*?</td>'
                          r"<td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>", html)
        assert cells.groups() == tuple(row[4:7]), row
    summary = load_workbook(folder / "bao-cao-2026Q3.xlsx")["Tổng hợp"]
    lines = {row[0]: row for row in summary.iter_rows(min_row=5, values_only=True)}
    assert lines["xa-dat-moi"][8] == "Có" and lines["xa-tan-thanh"][8] == "Không"
    assert lines["xa-dat-moi"][4] == 1  # one item published in the quarter
    assert report(options, Quarter.parse("2026Q3"), TODAY) == result  # reproducible
