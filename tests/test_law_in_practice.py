"""The law as real communes live it (issue 16), rule by rule, as tables of input → expected: document numbers and
national choice lists, leaders current and former, reception weeks, when obligations start, "không phát sinh",
answers or statuses, consultation summaries, the score, waivers, and messages officers can act on."""

import datetime as dt
import textwrap

import pytest

from helpers import commune_files, scratch_province
from test_rules import item
from trangxa.checks import CheckContext
from trangxa.checks.rules import budget, consultation, deadlines, leaders, notarising, presence, reception
from trangxa.checks.status import CategoryStatus, in_period, score
from trangxa.checks.waivers import Waiver, apply
from trangxa.law.calendar import WorkCalendar
from trangxa.law.findings import Finding, Problem, place
from trangxa.law.loading import load_profile
from trangxa.read.records import convert
from trangxa.read.sources import yaml_detail

D = dt.date
AS_OF = D(2026, 11, 20)
PROFILE = load_profile("nd224-2026")
ESTABLISHED = D(2025, 7, 1)


def hits(rule, *items, as_of=AS_OF, since=None, profile=PROFILE):
    ctx = CheckContext(profile, tuple(items), as_of, WorkCalendar(), since)
    return [(hit.problem.rule, hit.rel, hit.problem.line) for hit in rule.check(ctx)]


def value_problems(record_type: str, profile=PROFILE, **raw) -> list[str]:
    return [p.rule for p in convert(profile.record_types[record_type], raw, {}).problems if p.rule != "missing-field"]


# --- Document numbers (NĐ 30/2020 Phụ lục III; Hướng dẫn 36-HD/VPTW) and kinds ------------------------------------
@pytest.mark.parametrize("number, valid", [
    ("186/TTr-UBND", True), ("03/QyĐ-UBND", True), ("02/CTr-UBND", True), ("02/BGN-UBND", True),  # mixed case
    ("232/UBND-KGVX", True), ("315/UBND-VHXH", True),  # công văn: no abbreviation of its kind
    ("168a/QĐ-UBND", True), ("15/2026/NQ-HĐND", True), ("05/SY-UBND", True), ("01/TrS-UBND", True),
    ("05-NQ/ĐU", True), ("12-CV/ĐU", True), ("08-QĐi/ĐU", True),  # the Party's numbering
    ("186/TTR-UBND", True),  # the official kind in other case: a miss rather than a false alarm
    ("15/Qd-UBND", False), ("15 QĐ UBND", False), ("15/QĐ", False), ("05-XX/ĐU", False), ("QĐ-15", False),
])
def test_document_numbers_as_the_law_writes_them(number, valid):
    assert value_problems("van-ban", so_ky_hieu=number) == ([] if valid else ["bad-format"])


@pytest.mark.parametrize("kind", ["Bản ghi nhớ", "Thông cáo", "Dự án", "Hợp đồng", "Bản thỏa thuận", "Giấy ủy quyền",
                                  "Giấy giới thiệu", "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo",
                                  "Thư công", "Kết luận"])
def test_every_kind_of_nd30_and_the_partys_is_a_choice(kind):
    assert value_problems("van-ban", loai_van_ban=kind) == []


@pytest.mark.parametrize("field, written, stored", [
    ("muc_do", "Dịch vụ công trực tuyến toàn trình", "Toàn trình"),
    ("muc_do", "Dịch vụ công trực tuyến một phần", "Một phần"),
    ("muc_do", "Trực tiếp", "Trực tiếp"),  # a procedure not offered online
    ("muc_do", "Mức độ 4", "Toàn trình"),
])
def test_procedure_levels_as_the_national_portal_writes_them(field, written, stored):
    record = convert(PROFILE.record_types["thu-tuc"], {field: written}, {})
    assert record.values[field] == stored


@pytest.mark.parametrize("written, stored", [("Hết hiệu lực", "Hết hiệu lực toàn bộ"), ("Ngưng hiệu lực", "Ngưng hiệu lực"),
                                             ("Ngưng hiệu lực một phần", "Ngưng hiệu lực một phần")])
def test_validity_statuses_of_the_national_database(written, stored):
    assert convert(PROFILE.record_types["van-ban"], {"tinh_trang_hieu_luc": written}, {}).values[
        "tinh_trang_hieu_luc"] == stored


def test_a_province_extends_a_list_without_copying_it():
    overlay = {"document_types": {"Hướng dẫn liên tịch": "HDLT"},
               "record_types": {"thu-tuc": {"fields": {"muc_do": {"extra_choices": ["Liên thông"]}}}}}
    profile = load_profile("nd224-2026", overlay)
    assert profile.record_types["thu-tuc"].field("muc_do").choices == ("Toàn trình", "Một phần", "Trực tiếp", "Liên thông")
    assert value_problems("van-ban", profile, so_ky_hieu="05/HDLT-UBND", loai_van_ban="Hướng dẫn liên tịch") == []
    assert "Quyết định" in profile.record_types["van-ban"].field("loai_van_ban").choices  # the national list kept


def test_the_fix_for_a_wrong_choice_never_asks_for_an_untrue_value():
    problems = convert(PROFILE.record_types["thu-tuc"], {"muc_do": "Liên thông"}, {"muc_do": 4}).problems
    problem = next(p for p in problems if p.rule == "bad-choice")
    finding = place(problem, "xa", "xa/thu-tuc-hanh-chinh/a.yml")
    assert finding.fix.endswith("đừng chọn một giá trị khác: báo cho tỉnh để bổ sung vào danh sách (extra_choices "
                                "trong phần bo_sung của province.yml).")


# --- Leaders: current and former -----------------------------------------------------------------------------------
def leader(name, post, start=D(2025, 7, 1), end=None, **values):
    values = {"ho_ten": name, "chuc_vu": post, "co_quan": "Ủy ban nhân dân", "tu_ngay": start, **values}
    return item("gioi-thieu/lanh-dao", f"{name}.yml", **values, **({"den_ngay": end} if end else {}))


@pytest.mark.parametrize("holders, expected", [
    # a former holder titled "Nguyên …", his successor written with "UBND": the post is held (F5)
    ([leader("luc", "Nguyên Phó Chủ tịch UBND xã", end=D(2026, 3, 31)),
      leader("sang", "Phó Chủ tịch Ủy ban nhân dân xã", D(2026, 4, 15))], []),
    # nobody holds the post now: vacant, at the last holder's end
    ([leader("hau", "Chủ tịch UBND xã", end=D(2026, 4, 22))], [("leader-post-vacant", "hau", 6)]),
    # ... unless the page says the post is vacant
    ([leader("hau", "Chủ tịch UBND xã", end=D(2026, 4, 22), khuyet="Có")], []),
    # two current holders of a post one person holds: the earlier one is still shown as current (P16)
    ([leader("quang", "Chủ tịch UBND đặc khu"), leader("toan", "Chủ tịch Ủy ban nhân dân đặc khu", D(2026, 10, 16))],
     [("leader-still-current", "quang", 3)]),
    # two vice-chairs at once are normal
    ([leader("ha", "Phó Chủ tịch UBND xã"), leader("sang", "Phó Chủ tịch UBND xã", D(2026, 4, 15))], []),
    # a former holder said so without a date
    ([leader("binh", "Chủ tịch UBND xã", duong_nhiem="Không"), leader("an", "Chủ tịch UBND xã", D(2026, 1, 5))], []),
    # a successor not yet in office: the post is vacant until then
    ([leader("hau", "Chủ tịch UBND xã", end=D(2026, 11, 1)), leader("moi", "Chủ tịch UBND xã", D(2026, 12, 1))],
     [("leader-post-vacant", "hau", 6)]),
])
def test_who_holds_a_post_now(holders, expected):
    found = hits(leaders, *holders)
    assert [(rule, rel.rsplit("/", 1)[1].removesuffix(".yml"), line) for rule, rel, line in found] == expected


def test_the_two_leader_findings_say_different_things():
    vacant = Problem("leader-post-vacant", {"name": "Đinh Công Hậu", "post": "Chủ tịch HĐND", "end": "22/04/2026"})
    still = Problem("leader-still-current", {"name": "Tạ Minh Quang", "post": "Chủ tịch UBND", "successor": "Kiều Văn Toàn",
                                             "since": "16/10/2026", "successor_file": "kieu-van-toan.yml"})
    assert place(vacant, "x", "x/a").message == ("Đinh Công Hậu thôi giữ chức Chủ tịch HĐND từ ngày 22/04/2026; trang "
                                                 "không còn ai đang giữ chức vụ này.")
    assert place(still, "x", "x/a").message == (
        "Tạ Minh Quang vẫn được ghi là đang giữ chức Chủ tịch UBND, nhưng Kiều Văn Toàn (kieu-van-toan.yml) đã giữ chức vụ "
        "này từ ngày 16/10/2026; người đã thôi giữ chức không được hiện như đang đương nhiệm.")
    assert "xóa \"den_ngay\"" not in place(vacant, "x", "x/a").fix  # never asks to make a true page false


# --- Citizen reception: every week of the period -------------------------------------------------------------------
def session(day, name=None, **values):
    return item("tiep-cong-dan", name or f"{day.isoformat()}.yml", ngay=day, chuc_vu_chu_tri="Chủ tịch UBND", **values)


def weekly(first, last, skip=()):
    days, day = [], first
    while day <= last:
        if day not in skip:
            days.append(session(day))
        day += dt.timedelta(days=7)
    return days


@pytest.mark.parametrize("as_of, sessions, missing", [
    # Q1/2026: Tuesdays, none in the Tết week 16–20/02 (no working day): nothing missing (F17)
    (D(2026, 2, 20), weekly(D(2025, 12, 30), D(2026, 2, 24), skip={D(2026, 2, 17)}), []),
    # the same without the session of 10/02: that week is missing
    (D(2026, 2, 20), weekly(D(2025, 12, 30), D(2026, 2, 24), skip={D(2026, 2, 17), D(2026, 2, 10)}), ["09/02/2026"]),
    # every week of the quarter is looked at, not only the last two
    (AS_OF, weekly(D(2026, 9, 29), D(2026, 11, 24), skip={D(2026, 10, 13)}), ["12/10/2026"]),
])
def test_every_week_of_the_quarter_has_a_session(as_of, sessions, missing):
    ctx = CheckContext(PROFILE, tuple(sessions), as_of, WorkCalendar())
    assert [hit.problem.params["start"] for hit in reception.check(ctx)] == missing


def test_a_moved_session_counts_for_the_week_it_replaces():
    sessions = weekly(D(2026, 9, 29), D(2026, 11, 24), skip={D(2026, 11, 17)})
    moved = session(D(2026, 11, 23), "moved.yml", thay_cho=D(2026, 11, 20))  # Friday off → next Monday
    assert hits(reception, *sessions, moved) == []
    assert hits(reception, *sessions, session(D(2026, 11, 23), "plain.yml")) == [("reception-week-missing", "tiep-cong-dan/", None)]


def test_a_notice_of_several_sessions_counts_for_each_and_is_posted_before_the_first():
    notice = item("tiep-cong-dan", "thang-10.yml", cac_ngay=(D(2026, 10, 1), D(2026, 10, 8), D(2026, 10, 15),
                  D(2026, 10, 22), D(2026, 10, 29)), chuc_vu_chu_tri="Chủ tịch UBND", ngay_dang=D(2026, 9, 23))
    rest = weekly(D(2026, 11, 3), D(2026, 11, 24))
    assert hits(reception, notice, *rest) == []
    from trangxa.checks.rules import notices
    late = item("tiep-cong-dan", "muon.yml", cac_ngay=(D(2026, 10, 1), D(2026, 10, 8)), ngay_dang=D(2026, 9, 28))
    assert hits(notices, notice, late) == [("late-notice", "tiep-cong-dan/muon.yml", 3)]


def test_no_reception_owed_before_the_unit_existed():
    ctx = CheckContext(PROFILE, (), D(2025, 7, 10), WorkCalendar(), D(2025, 7, 1))
    assert [hit.problem.params["start"] for hit in reception.check(ctx)] == ["30/06/2025", "07/07/2025", "14/07/2025"]


# --- When obligations start; budget periods ------------------------------------------------------------------------
@pytest.mark.parametrize("period, quarter", [("9 tháng đầu năm 2026", (2026, 3)), ("9 tháng năm 2026", (2026, 3)),
                                             ("Quý I năm 2026", (2026, 1)), ("Năm 2026", (2026, 4))])
def test_cumulative_budget_periods(period, quarter):
    assert budget.quarter_of(period) == quarter


def test_no_budget_report_for_a_quarter_before_the_unit_existed():
    reports = [item("ngan-sach/thuc-hien", f"q{n}.yml", ky_bao_cao=p, ngay_dang=d) for n, (p, d) in enumerate(
        [("Quý III/2025", D(2025, 10, 10)), ("Quý IV/2025", D(2026, 1, 10)), ("Quý I/2026", D(2026, 4, 10))])]
    assert hits(budget, *reports, as_of=D(2026, 6, 30)) == [("budget-report-missing", "ngan-sach/thuc-hien/", None)]
    assert hits(budget, *reports, as_of=D(2026, 6, 30), since=ESTABLISHED) == []  # Q2/2025 not owed (F16)


def test_an_execution_report_says_its_period_an_estimate_need_not():
    assert convert(PROFILE.record_types["bao-cao-ngan-sach"], {"tieu_de": "Dự toán"}, {}).problems[0].params["field"] != "ky_bao_cao"
    report = item("ngan-sach/thuc-hien", "khong-ky.yml", ngay_dang=D(2026, 10, 10))
    assert ("missing-field", "ngan-sach/thuc-hien/khong-ky.yml", 1) in hits(budget, report, since=D(2026, 7, 1))


@pytest.mark.parametrize("as_of, since, missing", [
    (D(2026, 11, 20), ESTABLISHED, False),  # the first year's accounts are approved before 31/12/2026 at the latest
    (D(2027, 1, 15), ESTABLISHED, True),  # 31/12/2026 + 5 working days has passed
    (D(2026, 11, 20), None, True),  # no establishment date: required as always
])
def test_a_new_units_first_final_accounts(as_of, since, missing):
    found = [rel for rule, rel, _ in hits(presence, as_of=as_of, since=since) if rel == "ngan-sach/quyet-toan/"]
    assert bool(found) == missing


# --- Consultations, questions ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("values, expected", [
    ({"ngay_dong": D(2026, 11, 18)}, []),  # closed two working days ago: the summary is not due yet (F10)
    ({"ngay_dong": D(2026, 11, 12)}, ["consultation-result-missing"]),  # due 19/11
    ({"ngay_dong": D(2026, 11, 2), "tep_tong_hop": ("tong-hop.pdf",)}, []),  # the summary as a file
    ({"ngay_dong": D(2026, 11, 2), "tong_hop": "…", "ngay_dang_tong_hop": D(2026, 11, 16)}, ["consultation-result-late"]),
])
def test_a_consultations_summary_within_five_working_days(values, expected):
    assert [rule for rule, _, _ in hits(consultation, item("lay-y-kien", **values))] == expected


@pytest.mark.parametrize("values, expected", [
    ({"ngay_hoi": D(2026, 10, 20), "tinh_trang": "Đang xử lý", "ngay_tinh_trang": D(2026, 10, 28)}, []),  # F11
    ({"ngay_hoi": D(2026, 10, 1), "tinh_trang": "Đang xử lý", "ngay_tinh_trang": D(2026, 11, 2)}, ["late-answer"]),
    ({"ngay_hoi": D(2026, 10, 1), "ngay_tinh_trang": D(2026, 10, 5), "ngay_tra_loi": D(2026, 11, 10)}, []),
    ({"ngay_hoi": D(2026, 10, 1)}, ["unanswered"]),
])
def test_an_answer_or_a_status_within_fifteen_working_days(values, expected):
    assert [rule for rule, _, _ in hits(deadlines, item("hoi-dap", **values))] == expected


def test_legal_dissemination_within_five_working_days_of_its_policy():
    late = item("pho-bien-phap-luat", "a.md", ngay_chinh_sach=D(2026, 11, 2), ngay_dang=D(2026, 11, 16))
    on_time = item("pho-bien-phap-luat", "b.md", ngay_chinh_sach=D(2026, 11, 10), ngay_dang=D(2026, 11, 16))
    assert hits(deadlines, late, on_time) == [("late-publication", "pho-bien-phap-luat/a.md", 3)]


# --- "Không phát sinh" -------------------------------------------------------------------------------------------
def declaration(slug, name="kps.yml", **values):
    record = item(slug, name, **values)
    from dataclasses import replace
    return replace(record, record_type="khong-phat-sinh")


DECLARABLE = [c.slug for c in PROFILE.categories if "not_arising" in c.rules]


@pytest.mark.parametrize("declared, undeclared", [
    ([], DECLARABLE),
    ([declaration("cong-khai/thu-hoi-dat", khong_phat_sinh="Quý III/2026")],
     [s for s in DECLARABLE if s != "cong-khai/thu-hoi-dat"]),
    # by its title, citing khoản 10 (inspections alone) and listing another category
    ([declaration("cong-khai/thu-hoi-dat", tieu_de="Công khai các nội dung không phát sinh trong quý III/2026",
                  dieu_khoan="Khoản 3, khoản 10 Điều 11", cac_chuyen_muc=("cong-khai/phi-le-phi",))],
     [s for s in DECLARABLE if s not in ("cong-khai/thu-hoi-dat", "cong-khai/thanh-tra", "cong-khai/phi-le-phi")]),
    ([declaration("cong-khai/thu-hoi-dat", khong_phat_sinh="Quý II/2026")], DECLARABLE),  # another quarter
])
def test_each_matter_is_published_or_declared_not_arising(declared, undeclared):
    found = hits(notarising, *declared)
    assert sorted(rel.strip("/") for rule, rel, _ in found if rule == "not-declared") == sorted(undeclared)


def test_a_declaration_must_say_its_period():
    found = hits(notarising, declaration("cong-khai/thanh-tra", tieu_de="Không phát sinh", cac_chuyen_muc=("cong-khai/x",)))
    assert ("not-arising-unclear", "cong-khai/thanh-tra/kps.yml", 1) in found
    assert ("not-arising-category", "cong-khai/thanh-tra/kps.yml", 3) in found


def test_a_declaration_needs_no_basis_document(tmp_path):
    """F13: "không phát sinh" has no decision to cite; the declaration record type does not ask for one."""
    from trangxa.read.items import read_item
    folder = tmp_path / "xa"
    (folder / "cong-khai/thu-hoi-dat").mkdir(parents=True)
    (folder / "cong-khai/thu-hoi-dat/kps.yml").write_text(
        "tieu_de: Công khai các nội dung không phát sinh trong quý III/2026\ncan_cu_so:\nngay_dang: 06/10/2026\n",
        encoding="utf-8")
    read = read_item(folder, "cong-khai/thu-hoi-dat/kps.yml", "cong-khai/thu-hoi-dat", PROFILE)
    assert read.record_type == "khong-phat-sinh" and read.problems == ()


# --- States, score, periods, waivers --------------------------------------------------------------------------------
def finding(rule, severity="error", on="", category="van-ban", accepted=""):
    return Finding("x", "x/van-ban/a.yml", 1, None, rule, severity, "m", "f", "b", category, on, accepted, "", "")


@pytest.mark.parametrize("rule, on, inside", [
    ("late-publication", "2026-09-28", False),  # an event of Q3 does not belong to Q4
    ("late-publication", "2026-10-05", True),
    ("stale-page", "2026-05-01", True),  # a state begun earlier still holds
    ("stale-page", "2027-01-05", False),
])
def test_what_belongs_to_a_period(rule, on, inside):
    assert in_period(finding(rule, "warning", on), D(2026, 10, 1), D(2026, 11, 20)) == inside


def test_errors_cost_points():
    statuses = [CategoryStatus("a", "A", "always", "complete", 1, None, 0)] * 4
    assert score(statuses, []) == 100
    assert score(statuses, [finding("missing-field")] * 3) == 94
    assert score(statuses, [finding("missing-field")] * 60) == 0


def test_an_accepted_finding_is_shown_and_costs_nothing_until_its_date():
    waiver = Waiver("x", "missing-field", "van-ban/a.yml", "Chờ Sở cấp lại số", "Sở Khoa học và Công nghệ", D(2026, 12, 31))
    shown = apply([finding("missing-field")], (waiver,), AS_OF)
    assert shown[0].accepted and shown[0].accepted_reason == "Chờ Sở cấp lại số"
    assert not apply([finding("missing-field")], (waiver,), D(2027, 1, 1))[0].accepted  # expired


def test_a_waiver_in_province_yml(tmp_path, capsys):
    from trangxa.cli import main
    files = commune_files("xa-a", "Xã A")
    options = scratch_province(tmp_path, files)
    (tmp_path / "province.yml").write_text((tmp_path / "province.yml").read_text() + textwrap.dedent("""\
        chap_nhan:
          - xa: xa-a
            quy_tac: missing-category
            tep: gioi-thieu/lanh-dao/
            ly_do: Đang kiện toàn lãnh đạo sau sắp xếp
            nguoi_quyet_dinh: Sở Khoa học và Công nghệ
            den_ngay: 31/12/2026
        """), encoding="utf-8")
    main(["check", "--communes-dir", str(options.communes_dir), "--province", str(tmp_path / "province.yml"),
          "--as-of", "2026-11-20"])
    out = capsys.readouterr().out
    assert "LỖI (đã chấp nhận) [missing-category]" in out
    assert ("Đã được chấp nhận đến ngày 31/12/2026: Đang kiện toàn lãnh đạo sau sắp xếp (Sở Khoa học và Công nghệ); "
            "không bị trừ điểm.") in out and "1 phát hiện đã được chấp nhận" in out


# --- Messages officers can act on ------------------------------------------------------------------------------------
@pytest.mark.parametrize("english, vietnamese", [
    ("mapping values are not allowed here", "có dấu hai chấm ở chỗ không được phép; giá trị có dấu hai chấm cần đặt "
                                            "trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên trường"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép hoặc ngoặc đóng ở cuối giá trị"),
    ("something else entirely", "chi tiết: something else entirely"),
])
def test_pyyaml_explains_itself_in_vietnamese(english, vietnamese):
    assert yaml_detail(english) == vietnamese


def read_folder(tmp_path, files):
    from trangxa.read.items import read_commune
    root = tmp_path / "xa-a"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_commune(root, PROFILE)


def test_a_repeated_key_says_what_happens_and_the_other_errors_come_too(tmp_path):
    reading = read_folder(tmp_path, {"van-ban/a.yml": "so_ky_hieu: 1/QĐ-UBND\nngay_dang: 01/11/2026\nngay_dang: 02/11/2026\n"
                                                      "ngay_ban_hanh: 31/02/2026\n"})
    assert reading.items == ()
    rules = [(p.rule, p.line) for _, p in reading.problems]
    assert ("yaml-duplicate-key", 3) in rules and ("bad-date", 4) in rules and ("missing-field", 1) in rules
    duplicate = next(p for _, p in reading.problems if p.rule == "yaml-duplicate-key")
    assert place(duplicate, "xa-a", "xa-a/van-ban/a.yml").message == (
        'Trường "ngay_dang" được khai báo hai lần (dòng 2 và dòng này) nên không biết giá trị nào đúng: tệp này không '
        'được dùng, không được đăng cho đến khi sửa.')


def test_the_attachment_of_an_unreadable_record_is_held_back(tmp_path):
    reading = read_folder(tmp_path, {"van-ban/a.yml": "so_ky_hieu: [1/QĐ-UBND\ntep: [a.pdf]\n", "van-ban/a.pdf": b"%PDF-1.4\n",
                                     "van-ban/b.pdf": b"%PDF-1.4\n"})
    assert reading.assets == ("van-ban/b.pdf",)
    assert ("van-ban/a.pdf", "attachment-held") in {(rel, p.rule) for rel, p in reading.problems}


def test_a_file_outside_any_category_names_its_folder_and_where_it_could_go(tmp_path):
    reading = read_folder(tmp_path, {"a.yml": "so_ky_hieu: 1/QĐ-UBND\ntrich_yeu: Về việc\nngay_ban_hanh: 01/11/2026\n"})
    finding = place(reading.problems[0][1], "xa-a", "xa-a/a.yml")
    assert finding.message == ('Tệp nằm trong thư mục "xa-a/", không phải thư mục của chuyên mục nào trong hồ sơ pháp lý '
                               '"nd224-2026", nên không được đăng.')
    assert finding.fix.startswith("Chuyển tệp vào thư mục của chuyên mục phù hợp: van-ban/ (Văn bản).")


def test_no_title_and_template_text_are_findings(tmp_path):
    reading = read_folder(tmp_path, {
        "tiep-cong-dan/2026-11-23.yml": "ngay: 23/11/2026\ngio_bat_dau: '07:30'\nnguoi_chu_tri: A\nchuc_vu_chu_tri: Chủ tịch\n"
                                        "dia_diem: Trụ sở\nngay_dang: 12/11/2026\n",
        "tin-tuc/a.md": "---\ntieu_de: Tin\nngay_dang: 01/11/2026\n---\nNội dung viết ở đây.\n"})
    problems = {(p.rule, p.line): p for item in reading.items for p in item.problems}
    assert set(problems) == {("missing-title", 1), ("template-text", 5)}
    assert place(problems[("missing-title", 1)], "x", "x/a").message == (
        'Mục này không có tiêu đề (trường "tieu_de") nên trang dùng tên tệp "2026-11-23" làm tiêu đề.')


def test_every_finding_cites_a_basis_and_the_rules_own_where_it_has_one(tmp_path):
    alt = place(Problem("missing-alt", {"value": "a.jpg", "field": "anh_alt"}), "x", "x/tin-tuc/a.md",
                "NĐ 224/2026 Điều 9.1.c")
    assert alt.basis.startswith("NĐ 224/2026 Điều 10.3.c")
    assert place(Problem("nfd-text"), "x", "x/a.md", "NĐ 224/2026 Điều 9.1.c").basis.startswith("TCVN 6909:2001")
    assert place(Problem("yaml-tab"), "x", "x/a.md").basis  # never empty
    from trangxa.config.commune import load_commune
    folder = tmp_path / "xa-hoa-thuan"
    folder.mkdir()
    (folder / "commune.yml").write_text(textwrap.dedent("""\
        ten: Xã Hoà Thuận
        loai: xa
        tinh: Tỉnh Lam Giang
        ten_mien: {domain}
        dia_chi: Thôn Hòa An
        dien_thoai: 0294 3861 205
        email: a@lamgiang.gov.vn
        nguoi_chiu_trach_nhiem: A
        """), encoding="utf-8")
    for domain, found in (("xahoathuan.lamgiang.gov.vn", []), ("hoathuan.lamgiang.gov.vn", []),
                          ("hoa-thuan.lamgiang.vn", ["domain-pattern"])):
        text = (folder / "commune.yml").read_text().replace("{domain}", domain)
        (folder / "commune.yml").write_text(text.replace(text.split("ten_mien: ")[1].split("\n")[0], domain))
        _, problems = load_commune(folder, PROFILE)
        assert [p.rule for p in problems] == found, domain
    assert place(Problem("domain-pattern", {"value": "a", "expected": "b"}), "x", "x/commune.yml").basis == \
        "NĐ 224/2026 Điều 11.4.c"
