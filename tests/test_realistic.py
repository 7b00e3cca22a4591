"""The realistic corpus (tests/fixtures/realistic/: three invented communes modelled on real commune pages): every
planted gap of EXPECTED.md is found, none of the false alarms of FALSE_ALARMS.md comes back, the states and scores
agree with the findings, and the quarterly and yearly reports agree with what the status pages show."""

import datetime as dt
import re
from pathlib import Path

import pytest

from helpers import read
from trangxa.aggregate.report import Quarter
from trangxa.checks.status import ERROR_COST, WEIGHTS
from trangxa.law.findings import rule_status
from trangxa.options import BuildOptions
from trangxa.runs import build, check, report, year_report

CORPUS = Path(__file__).with_name("fixtures") / "realistic"
D = dt.date
PERSONAL = {"personal-id", "personal-phone"}  # issue 15's rules (personal-data detection): asserted apart

XA, PHUONG, DAC_KHU = "xa-hoa-thuan", "phuong-giang-thuy", "dac-khu-hon-lam"

# EXPECTED.md section 4: (commune, rule, file, line) of each planted gap that exists on the date
GAPS_2026_11_20 = {
    (XA, "late-publication", "van-ban/210-kh-ubnd-2026.yml", 13),  # P1
    (PHUONG, "reception-week-missing", "tiep-cong-dan/", None),  # P2 (week 09–15/11)
    (PHUONG, "late-notice", "tiep-cong-dan/2026-11-19-tiep-cong-dan.yml", 8),  # P3
    (PHUONG, "budget-report-late", "ngan-sach/thuc-hien/thuc-hien-quy-i-2026.yml", 3),  # P4
    (PHUONG, "consultation-result-missing", "lay-y-kien/2026-09-03-du-thao-ke-hoach-chinh-trang-via-he.yml", 3),  # P5
    (PHUONG, "unanswered", "hoi-dap/2026-10-12-lan-chiem-via-he-duong-tran-phu.yml", None),  # P6
    (PHUONG, "stale-page", "gioi-thieu/to-chuc-bo-may/index.md", 3),  # P7
    (PHUONG, "late-publication", "cong-khai/du-an-dau-tu/chinh-trang-duong-le-loi.yml", 7),  # P8
    (PHUONG, "schedule-not-current", "chi-dao-dieu-hanh/", None),  # P11
    (PHUONG, "missing-alt-markdown", "tin-tuc/2026-10-02-cong-bo-quyet-dinh-dieu-dong.md", 11),  # P12
    (DAC_KHU, "missing-category", "gioi-thieu/can-bo-cong-chuc/", None),  # P13
    (DAC_KHU, "budget-report-missing", "ngan-sach/thuc-hien/", None),  # P14
    (DAC_KHU, "leader-post-vacant", "gioi-thieu/lanh-dao/dinh-cong-hau.yml", 11),  # P15
    (DAC_KHU, "leader-still-current", "gioi-thieu/lanh-dao/ta-minh-quang.yml", 2),  # P16 (missed before)
    (DAC_KHU, "missing-field", "van-ban/331-tb-ubnd-2026.yml", 1),  # P17
    (DAC_KHU, "replaced-still-in-force", "van-ban/12-qd-ubnd-2025.yml", 8),  # P18
    (DAC_KHU, "late-notice", "tiep-cong-dan/2026-09-thong-bao-lich-tiep-cong-dan.yml", 9),  # P19
    (DAC_KHU, "late-answer", "hoi-dap/2026-08-25-thiet-bi-giam-sat-hanh-trinh-bi-hong.yml", 9),  # P20
    (DAC_KHU, "nfd-text", "gioi-thieu/lich-su-van-hoa/index.md", 2),  # P21
}
GAPS_2026_09_30 = {gap for gap in GAPS_2026_11_20 if gap[2] in {
    "ngan-sach/thuc-hien/thuc-hien-quy-i-2026.yml", "gioi-thieu/to-chuc-bo-may/index.md",
    "gioi-thieu/can-bo-cong-chuc/", "gioi-thieu/lanh-dao/dinh-cong-hau.yml", "van-ban/12-qd-ubnd-2025.yml",
    "tiep-cong-dan/2026-09-thong-bao-lich-tiep-cong-dan.yml",
    "hoi-dap/2026-08-25-thiet-bi-giam-sat-hanh-trinh-bi-hong.yml", "gioi-thieu/lich-su-van-hoa/index.md"}}
CALL_UP = "cong-khai/nghia-vu-quan-su/goi-nhap-ngu-2026.yml"
P9 = {(PHUONG, rule, CALL_UP, line) for rule in PERSONAL for line in (15, 16, 17, 18)}
P10 = (PHUONG, "personal-phone", "cong-khai/an-sinh-xa-hoi/ho-tro-sua-chua-nha-mua-lu-11-2026.yml", 22)


def options(tmp_path: Path | None = None) -> BuildOptions:
    output = (tmp_path or CORPUS) / "output"
    return BuildOptions(communes_dir=CORPUS / "communes", province_file=CORPUS / "province.yml", output=output, jobs=2)


def found(checked) -> set[tuple]:
    return {(c.slug, f.rule, f.file.split("/", 1)[1], f.line) for c in checked for f in c.findings}


@pytest.fixture(scope="module")
def on_11_20():
    return {c.slug: c for c in check(options(), D(2026, 11, 20))}


@pytest.fixture(scope="module")
def on_09_30():
    return {c.slug: c for c in check(options(), D(2026, 9, 30))}


def test_every_planted_gap_is_found_and_nothing_else(on_11_20):
    findings = found(on_11_20.values())
    assert {f for f in findings if f[1] not in PERSONAL} == GAPS_2026_11_20
    assert P9 <= findings  # the call-up list's IDs and phones (P9)


def test_on_the_quarters_last_day_only_the_gaps_that_existed_then(on_09_30):
    findings = found(on_09_30.values())
    assert {f for f in findings if f[1] not in PERSONAL} == GAPS_2026_09_30
    assert P9 <= findings


def test_personal_data_findings_are_exactly_the_planted_ones(on_11_20):
    findings = found(on_11_20.values())
    assert {f for f in findings if f[1] in PERSONAL} == P9 | {P10}


@pytest.mark.parametrize("day, absent", [
    (D(2026, 6, 30), "Quý II/2025"),  # F16: no budget report owed for a quarter before the unit existed
    (D(2026, 2, 20), "Quý I/2025"),
])
def test_nothing_is_owed_before_the_unit_existed(day, absent):
    messages = [f.message for c in check(options(), day) for f in c.findings if f.rule == "budget-report-missing"]
    assert not [m for m in messages if absent in m] and messages == []


def test_the_tet_week_owes_no_reception_session():
    xa = next(c for c in check(options(), D(2026, 2, 20)) if c.slug == XA)
    weeks = [f.message for f in xa.findings if f.rule == "reception-week-missing"]
    assert not [m for m in weeks if "16/02/2026" in m]  # F17: 16–20/02/2026 are all days off
    assert not [m for m in weeks if "09/02/2026" in m or "23/02/2026" in m]  # the sessions of 10/02 and 24/02


def test_states_and_scores_follow_from_the_findings(on_11_20, on_09_30):
    for checked in (*on_11_20.values(), *on_09_30.values()):
        counted = checked.counted
        errors = sum(f.severity == "error" for f in counted)
        for status in checked.statuses:
            own = [f for f in counted if f.category == status.slug]
            if any(f.severity == "error" and rule_status(f.rule) is None for f in own):
                assert status.state == "invalid", (checked.slug, status.slug)
            if own and any(rule_status(f.rule) for f in own):
                assert status.state != "complete", (checked.slug, status.slug)
        weights = [WEIGHTS.get(s.state, 0) for s in checked.statuses if s.counts]
        assert checked.score == max(0, round(100 * sum(weights) / len(weights)) - ERROR_COST * errors)
        assert errors == 0 or checked.score <= 100 - ERROR_COST * errors  # never "100 điểm, 12 lỗi"


def test_the_reference_commune_is_complete_but_for_its_planted_gap(on_11_20):
    xa = on_11_20[XA]
    assert [f.rule for f in xa.findings if f.rule not in PERSONAL] == ["late-publication"]
    assert {s.slug: s.state for s in xa.statuses}["van-ban"] == "late"
    states = {s.slug: s.state for s in xa.statuses}
    assert states["cong-khai/thanh-tra"] == "not-arising" and states["cong-khai/quy-dong-gop"] == "complete"


def test_the_quarterly_report_is_what_the_status_pages_show(tmp_path, on_09_30):
    result = report(options(tmp_path), Quarter.parse("2026Q3"))
    assert result.as_of == D(2026, 9, 30) and not result.to_date
    for line in result.communes:
        checked = on_09_30[line.commune]
        assert line.score == checked.score, line.commune
        states = {s.slug: s.state for s in checked.statuses}
        for row in (r for r in result.rows if r.commune == line.commune):
            assert row.state == states[row.category], (row.commune, row.category)


def test_a_later_document_does_not_make_the_quarter_late(tmp_path, on_09_30):
    """Checked on 20/11, Q3 still counts only what belongs to Q3: 210/KH-UBND (posted late in October) is Q4's."""
    result = report(options(tmp_path), Quarter.parse("2026Q3"), D(2026, 11, 20))
    row = next(r for r in result.rows if r.commune == XA and r.category == "van-ban")
    assert row.state == "complete" and row.with_deadline == row.on_time
    assert "Số liệu từ ngày 01/07/2026 đến ngày 30/09/2026" in result.coverage


def test_the_quarter_to_date_report_says_which_days_it_covers(tmp_path, on_11_20):
    result = report(options(tmp_path), Quarter.parse("2026Q4"), D(2026, 11, 20))
    assert result.to_date and result.coverage.startswith("Số liệu từ ngày 01/10/2026 đến ngày 20/11/2026 (quý chưa")
    assert {line.commune: line.score for line in result.communes} == {s: c.score for s, c in on_11_20.items()}
    page = read(tmp_path / "output", "bao-cao/2026Q4/index.html")
    assert "Số liệu từ ngày 01/10/2026 đến ngày 20/11/2026 (quý chưa kết thúc" in page


def test_the_yearly_report_ranks_by_the_mean_of_its_quarters(tmp_path):
    year = year_report(options(tmp_path), 2026, D(2026, 11, 20))
    quarter_scores = {}
    for quarter, day in (("2026Q1", None), ("2026Q2", None), ("2026Q3", None), ("2026Q4", D(2026, 11, 20))):
        for line in report(options(tmp_path / quarter), Quarter.parse(quarter), day).communes:
            quarter_scores.setdefault(line.commune, []).append(line.score)
    for line in year.lines:
        assert [q.score for q in line.quarters] == quarter_scores[line.commune]
        assert line.mean_score == round(sum(quarter_scores[line.commune]) / 4, 1)
    order = sorted(year.lines, key=lambda l: (-l.mean_score, -(l.on_time_ratio or -1), l.commune_name))
    assert [l.commune for l in year.lines] == [l.commune for l in order] and [l.rank for l in year.lines] == [1, 2, 3]
    page = read(tmp_path / "output", "bao-cao/2026/index.html")
    assert "Xếp hạng theo điểm trung bình các quý trong năm" in page
    assert (tmp_path / "output" / "bao-cao" / "2026" / "bao-cao-2026.xlsx").is_file()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("realistic") / "output"
    result = build(BuildOptions(communes_dir=CORPUS / "communes", province_file=CORPUS / "province.yml",
                                output=output, jobs=2, as_of=D(2026, 11, 20)))
    return result, output


def test_the_site_builds_and_its_status_pages_show_the_checks(site, on_11_20):
    result, output = site
    assert result.failed == []
    for slug, checked in on_11_20.items():
        page = read(output, f"{slug}/tinh-trang-cap-nhat/index.html")
        assert f"<strong>{checked.score}/100</strong>" in page and "tình trạng tính đến ngày" in page
        for status in checked.statuses:
            row = re.search(rf'href="[^"]*/{re.escape(status.slug)}/">[^<]*</a></td>.*?<span class="state state-([a-z-]+)">',
                            page, re.S)
            assert row and row[1] == status.state, (slug, status.slug)


def test_the_access_page_lists_what_did_not_arise(site):
    _, output = site
    page = read(output, f"{DAC_KHU}/tiep-can-thong-tin/index.html")
    section = page[page.index('id="khong-phat-sinh"'):]
    assert "Kết luận thanh tra, kiểm tra" in section and "Quý III/2026" in section


def test_the_leaders_page_shows_who_holds_each_post_now(site):
    _, output = site
    page = read(output, f"{XA}/gioi-thieu/lanh-dao/index.html")
    current, former = page.split("Lãnh đạo qua các thời kỳ")
    assert "Huỳnh Văn Lực" in former and "Huỳnh Văn Lực" not in current  # "Nguyên Phó Chủ tịch …"
    assert "Đoàn Văn Sang" in current
