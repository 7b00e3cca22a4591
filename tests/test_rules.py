"""Every compliance rule with a passing and a failing case, on items built in memory (the rules read data only)."""

import datetime as dt

import pytest

from trangxa.law.calendar import WorkCalendar
from trangxa.checks import CheckContext, run_checks
from trangxa.checks.rules import budget, consultation, deadlines, freshness, leaders, notices, presence, quota, reception
from trangxa.checks.status import score, statuses
from trangxa.read.items import Item
from trangxa.law.loading import load_profile

D = dt.date
AS_OF = D(2026, 11, 20)  # a Friday
PROFILE = load_profile("nd224-2026")


def item(category: str, name: str = "x.yml", **values) -> Item:
    """An item as the reader makes it: its posting date and own date from the fields its record type names."""
    record_type = PROFILE.record_types[PROFILE.category(category).record_type]
    dated = {role: values.get(key) if key else None for role, key in (("posted", record_type.posted_field),
                                                                       ("date", record_type.date_field))}
    return Item(f"{category}/{name}", category, record_type.name, values, {key: n for n, key in enumerate(values, 2)},
                **{role: day for role, day in dated.items() if isinstance(day, dt.date)})


def hits(rule, *items, as_of=AS_OF, profile=PROFILE):
    ctx = CheckContext(profile, tuple(items), as_of, WorkCalendar())
    return [(hit.problem.rule, hit.rel, hit.problem.line) for hit in rule.check(ctx)]


def document(issued, posted):
    return item("van-ban", ngay_ban_hanh=issued, ngay_dang=posted)


def test_presence_passes_when_every_required_leaf_category_has_an_item():
    leaves = [c for c in PROFILE.categories if c.required == "always" and not PROFILE.children(c.slug)]
    assert hits(presence, *(item(c.slug) for c in leaves)) == []


def test_presence_reports_each_missing_required_category():
    found = hits(presence)
    assert ("missing-category", "gioi-thieu/lanh-dao/", None) in found
    assert ("missing-category", "lay-y-kien/", None) not in found  # required only where a consultation exists
    assert all(rel != "gioi-thieu/" for _, rel, _ in found)  # a parent is judged through its sub-categories


@pytest.mark.parametrize(
    "issued, posted, late",
    [
        (D(2026, 11, 13), D(2026, 11, 20), False),  # 5 working days: on time
        (D(2026, 11, 12), D(2026, 11, 20), True),  # 6 working days
        (D(2026, 2, 12), D(2026, 2, 24), False),  # 12 calendar days, but Tết: 3 working days
        (D(2026, 4, 24), D(2026, 5, 6), False),  # Giỗ Tổ (observed 27/4) and 30/4–1/5: 5 working days
        (D(2026, 4, 24), D(2026, 5, 7), True),
    ],
)
def test_document_published_within_five_working_days(issued, posted, late):
    expected = [("late-publication", "van-ban/x.yml", 3)] if late else []
    assert hits(deadlines, document(issued, posted)) == expected


def test_disclosure_deadline_runs_from_the_decision():
    on_time = item("cong-khai/thu-hoi-dat", ngay_quyet_dinh=D(2026, 11, 2), ngay_dang=D(2026, 11, 6))
    late = item("cong-khai/thu-hoi-dat", "y.yml", ngay_quyet_dinh=D(2026, 11, 2), ngay_dang=D(2026, 11, 16))
    assert hits(deadlines, on_time, late) == [("late-publication", "cong-khai/thu-hoi-dat/y.yml", 3)]


def test_questions_unanswered_too_long():
    answered = item("hoi-dap", ngay_hoi=D(2026, 10, 1), ngay_tra_loi=D(2026, 10, 15))
    waiting = item("hoi-dap", "y.yml", ngay_hoi=D(2026, 10, 1))
    recent = item("hoi-dap", "z.yml", ngay_hoi=D(2026, 11, 10))
    assert hits(deadlines, answered, waiting, recent) == [("unanswered", "hoi-dap/y.yml", None)]


@pytest.mark.parametrize(
    "category, event_field, event, posted, late",
    [
        ("tiep-cong-dan", "ngay", D(2026, 11, 30), D(2026, 11, 20), False),  # 5 working days (24/11 is a holiday)
        ("tiep-cong-dan", "ngay", D(2026, 11, 30), D(2026, 11, 23), True),  # 4: 25, 26, 27, 30
        ("thong-bao-tam-ngung", "tu_ngay", D(2026, 12, 10), D(2026, 12, 1), False),  # 7 working days
        ("thong-bao-tam-ngung", "tu_ngay", D(2026, 12, 10), D(2026, 12, 2), True),  # 6
    ],
)
def test_notices_published_ahead(category, event_field, event, posted, late):
    found = hits(notices, item(category, **{event_field: event, "ngay_dang": posted}))
    assert found == ([("late-notice", f"{category}/x.yml", 3)] if late else [])


def session(day, title="Chủ tịch UBND", name=None, **values):
    return item("tiep-cong-dan", name or f"{day.isoformat()}.yml", ngay=day, chuc_vu_chu_tri=title, **values)


def tuesdays(first, last):
    """A session every Tuesday from ``first`` to ``last``."""
    days, day = [], first
    while day <= last:
        days.append(session(day))
        day += dt.timedelta(days=7)
    return days


QUARTER_SO_FAR = tuesdays(D(2026, 9, 29), D(2026, 11, 17))  # every week of Q4/2026 up to the check date


def test_chairman_receives_citizens_every_week():
    assert hits(reception, *QUARTER_SO_FAR, session(D(2026, 11, 24))) == []


def test_a_week_without_the_chairman_is_reported():
    deputy = session(D(2026, 11, 17), "Phó Chủ tịch UBND")
    weekly = [s for s in QUARTER_SO_FAR if s.values["ngay"] != D(2026, 11, 17)] + [deputy, session(D(2026, 11, 26))]
    assert hits(reception, *weekly) == [("reception-week-missing", "tiep-cong-dan/", None)]


@pytest.mark.parametrize(
    "period, quarter",
    [("Quý III/2026", (2026, 3)), ("quý 3 năm 2026", (2026, 3)), ("2026Q2", (2026, 2)),
     ("6 tháng đầu năm 2026", (2026, 2)), ("Năm 2025", (2025, 4)), ("Tháng 7", None)],
)
def test_budget_periods_are_read_as_staff_write_them(period, quarter):
    assert budget.quarter_of(period) == quarter


def report(period, posted, name):
    return item("ngan-sach/thuc-hien", name, ky_bao_cao=period, ngay_dang=posted)


def test_every_due_quarter_has_its_budget_report_in_time():
    reports = [report("Quý IV/2025", D(2026, 1, 10), "q4.yml"), report("Quý I/2026", D(2026, 4, 8), "q1.yml"),
               report("6 tháng 2026", D(2026, 7, 10), "q2.yml"), report("Quý III/2026", D(2026, 10, 9), "q3.yml")]
    assert hits(budget, *reports) == []


def test_missing_and_late_budget_reports():
    reports = [report("Quý IV/2025", D(2026, 1, 10), "q4.yml"), report("Quý I/2026", D(2026, 4, 8), "q1.yml"),
               report("Quý III/2026", D(2026, 10, 20), "q3.yml")]
    assert hits(budget, *reports) == [("budget-report-missing", "ngan-sach/thuc-hien/", None),
                                      ("budget-report-late", "ngan-sach/thuc-hien/q3.yml", 3)]


def test_closed_consultation_needs_its_summary():
    open_one = item("lay-y-kien", "a.yml", ngay_dong=D(2026, 11, 30))
    done = item("lay-y-kien", "b.yml", ngay_dong=D(2026, 11, 1), tong_hop="Đã tiếp thu 12 ý kiến.")
    pending = item("lay-y-kien", "c.yml", ngay_dong=D(2026, 11, 1))
    assert hits(consultation, open_one, done, pending) == [("consultation-result-missing", "lay-y-kien/c.yml", 2)]


def test_pages_reviewed_within_their_interval():
    fresh = item("gioi-thieu/to-chuc-bo-may", "index.md", ngay_cap_nhat=D(2026, 6, 1))
    old = item("gioi-thieu/dieu-kien-tu-nhien", "index.md", ngay_cap_nhat=D(2025, 10, 1))
    assert hits(freshness, fresh, old) == [("stale-page", "gioi-thieu/dieu-kien-tu-nhien/index.md", 2)]


def test_news_stale_after_the_profile_maximum_age():
    assert hits(freshness, item("tin-tuc", ngay_dang=D(2026, 10, 1))) == []
    assert hits(freshness, item("tin-tuc", ngay_dang=D(2026, 9, 1))) == [("stale-category", "tin-tuc/", None)]


def test_the_work_schedule_covers_this_week():
    this_week = item("chi-dao-dieu-hanh", tu_ngay=D(2026, 11, 16), den_ngay=D(2026, 11, 22))
    last_week = item("chi-dao-dieu-hanh", tu_ngay=D(2026, 11, 9), den_ngay=D(2026, 11, 15))
    assert hits(freshness, this_week, last_week) == []
    assert hits(freshness, last_week) == [("schedule-not-current", "chi-dao-dieu-hanh/", None)]


def leader(name, post, end=None):
    values = {"ho_ten": name, "chuc_vu": post, "co_quan": "Ủy ban nhân dân", "tu_ngay": D(2025, 7, 1)}
    return item("gioi-thieu/lanh-dao", f"{name}.yml", **values, **({"den_ngay": end} if end else {}))


def test_a_post_whose_holder_left_needs_a_successor():
    left = leader("a", "Chủ tịch UBND", D(2026, 9, 30))
    assert hits(leaders, left, leader("b", "Chủ tịch UBND")) == []
    assert hits(leaders, left) == [("leader-post-vacant", "gioi-thieu/lanh-dao/a.yml", 6)]
    assert hits(leaders, leader("c", "Chủ tịch UBND", D(2027, 1, 1))) == []  # term not over yet


def test_the_provinces_news_quota():
    profile = load_profile("nd224-2026", {"categories": [{"slug": "tin-tuc", "rules": {"quota_per_month": "2"}}]})
    october = [item("tin-tuc", f"{n}.md", ngay_dang=D(2026, 10, n)) for n in (5, 20)]
    assert hits(quota, *october, profile=profile) == []
    assert hits(quota, october[0], profile=profile) == [("news-quota", "tin-tuc/", None)]
    assert hits(quota, october[0]) == []  # the national profile sets no quota


def test_items_posted_after_the_check_date_do_not_count():
    later = document(D(2026, 11, 1), D(2026, 11, 30))
    assert [h for h in run_checks(PROFILE, [later], AS_OF, WorkCalendar()) if h.rel == "van-ban/x.yml"] == []


def placed(hits_):
    from trangxa.law.findings import place

    return [place(h.problem, "x", f"x/{h.rel}", "", h.category, h.on.isoformat() if h.on else "") for h in hits_]


def test_status_and_score():
    items = [document(D(2026, 11, 2), D(2026, 11, 20)), item("lien-he", "index.yml")]
    found = placed(run_checks(PROFILE, items, AS_OF, WorkCalendar()))
    by_slug = {s.slug: s for s in statuses(PROFILE, items, found)}
    assert by_slug["van-ban"].state == "late" and by_slug["van-ban"].label == "Đăng muộn"
    assert by_slug["lien-he"].state == "complete"
    assert by_slug["gioi-thieu/lanh-dao"].state == "missing"
    assert by_slug["lay-y-kien"].state == "empty"
    counted = [s for s in by_slug.values() if s.counts]
    errors = sum(f.severity == "error" for f in found)
    assert errors and score(list(by_slug.values()), found) == max(0, round(100 * 1.75 / len(counted)) - 2 * errors)


def test_a_late_answer_is_not_called_a_late_publication():
    late = item("hoi-dap", ngay_hoi=D(2026, 10, 1), ngay_tra_loi=D(2026, 11, 2))
    assert hits(deadlines, late) == [("late-answer", "hoi-dap/x.yml", 3)]


def test_a_term_ending_today_still_holds():
    assert hits(leaders, leader("a", "Chủ tịch UBND", AS_OF)) == []
