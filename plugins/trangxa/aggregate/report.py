"""The quarterly report a province sends (hằng quý thống kê, tổng hợp, báo cáo UBND tỉnh): per commune and per
category, what was published in the quarter, the on-time ratio of items under a deadline, missing required
categories, stale pages, and the communes that need action. Written as HTML, CSV and XLSX from the same rows,
reproducible from the content and the check date (by default the quarter's last day)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from trangxa.checks import published_on
from trangxa.checks.rules.budget import QUARTER_NAMES, quarter_end
from trangxa.checks.commune import CommuneCheck
from trangxa.law.findings import rule_status
from trangxa.law.profile import Profile
from trangxa.spreadsheets import append_row, safe_row

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
DEADLINE_RULES = ("deadline", "publish_before", "answer_within")
ACTION_SCORE = 80  # below this, or with a required category missing, a commune needs action


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = QUARTER.match(text.strip().upper())
        if not match:
            raise ValueError(f"Quý phải có dạng 2026Q3, không phải '{text}'.")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def last_closed(cls, day: dt.date) -> "Quarter":
        number = (day.month - 1) // 3  # the current quarter's number minus one
        return cls(day.year, number) if number else cls(day.year - 1, 4)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.number * 3 - 2, 1)

    @property
    def end(self) -> dt.date:
        return quarter_end(self.year, self.number)

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def label(self) -> str:
        return f"Quý {QUARTER_NAMES[self.number]}/{self.year}"


@dataclass(frozen=True)
class Row:
    """One commune × one category."""

    commune: str
    commune_name: str
    category: str
    category_name: str
    published: int
    with_deadline: int
    on_time: int
    state: str

    @property
    def on_time_ratio(self) -> float | None:
        return round(100 * self.on_time / self.with_deadline, 1) if self.with_deadline else None


@dataclass(frozen=True)
class CommuneLine:
    commune: str
    commune_name: str
    score: int
    published: int
    on_time_ratio: float | None
    missing: tuple[str, ...]
    stale: int
    needs_action: bool
    failed: str = ""  # why the commune could not be read or built ("" when it was): counted as failed, not scored


@dataclass(frozen=True)
class QuarterReport:
    quarter: Quarter
    as_of: dt.date
    rows: tuple[Row, ...]
    communes: tuple[CommuneLine, ...]


def build_report(profile: Profile, checked: list[CommuneCheck], quarter: Quarter, as_of: dt.date) -> QuarterReport:
    """Every commune's part; one that could not be read (no usable commune.yml, a crash) is a failed line."""
    parts = [commune_part(profile, commune, quarter) if commune.commune else failed_part(commune.slug, commune.name,
             _reason(commune)) for commune in checked]
    return assemble(quarter, as_of, parts)


def _reason(commune: CommuneCheck) -> str:
    errors = [finding.message for finding in commune.findings if finding.severity == "error"]
    return errors[0] if errors else "Không đọc được thông tin của xã."


def failed_part(slug: str, name: str, reason: str) -> tuple[tuple[Row, ...], CommuneLine]:
    return (), CommuneLine(slug, name, 0, 0, None, (), 0, True, reason)


def from_summaries(quarter: Quarter, summaries: list[dict]) -> QuarterReport | None:
    """The quarter's report from the part of it each commune's summary carries (no commune is read again); a
    commune without a site is a failed line."""
    parts = [part_from_data(s["report"]) for s in summaries if s.get("report", {}).get("quarter") == quarter.code]
    parts += [failed_part(s["slug"], s["name"], s["failed"]) for s in summaries if s.get("failed")]
    return assemble(quarter, quarter.end, parts) if parts else None


def commune_part(profile: Profile, commune: CommuneCheck, quarter: Quarter) -> tuple[tuple[Row, ...], CommuneLine]:
    """One commune's rows and line of the quarter's report — computed where the commune is built (its items are at
    hand there) and kept in its summary, so the provincial report never reads a commune again."""
    rows = tuple(_row(profile, commune, slug, quarter) for slug in _categories(profile))
    return rows, _line(profile, commune, list(rows))


def assemble(quarter: Quarter, as_of: dt.date, parts: list[tuple[tuple[Row, ...], CommuneLine]]) -> QuarterReport:
    rows = [row for own, _ in parts for row in own]
    lines = sorted((line for _, line in parts), key=lambda line: (not line.needs_action, line.score,
                                                                   line.commune_name))
    return QuarterReport(quarter, as_of, tuple(rows), tuple(lines))


def part_to_data(part: tuple[tuple[Row, ...], CommuneLine]) -> dict:
    rows, line = part
    return {"rows": [list(astuple(row)) for row in rows], "line": list(astuple(line))}


def part_from_data(data: dict) -> tuple[tuple[Row, ...], CommuneLine]:
    line = dict(zip((f.name for f in fields(CommuneLine)), data["line"]))
    line["missing"] = tuple(line["missing"])  # a JSON list back to the tuple the line holds
    return tuple(Row(*row) for row in data["rows"]), CommuneLine(**line)


def _categories(profile: Profile) -> list[str]:
    return [cat.slug for cat in profile.categories if cat.required != "generated" and not profile.children(cat.slug)]


def _row(profile: Profile, commune: CommuneCheck, slug: str, quarter: Quarter) -> Row:
    category = profile.category(slug)
    in_quarter = [item for item in commune.items if item.category == slug
                  and quarter.start <= (published_on(item) or dt.date.min) <= quarter.end]
    late_files = {f.file for f in commune.findings if rule_status(f.rule) == "late"}
    timed = in_quarter if any(rule in category.rules for rule in DEADLINE_RULES) else []
    on_time = sum(f"{commune.slug}/{item.rel}" not in late_files for item in timed)
    state = next((s.state for s in commune.statuses if s.slug == slug), "empty")
    return Row(commune.slug, commune.name, slug, category.name, len(in_quarter), len(timed), on_time, state)


def _line(profile: Profile, commune: CommuneCheck, rows: list[Row]) -> CommuneLine:
    missing = tuple(row.category_name for row in rows if row.state == "missing"
                    and profile.category(row.category).required == "always")
    timed = sum(row.with_deadline for row in rows)
    ratio = round(100 * sum(row.on_time for row in rows) / timed, 1) if timed else None
    stale = sum(row.state == "stale" for row in rows)
    return CommuneLine(commune.slug, commune.name, commune.score, sum(row.published for row in rows), ratio,
                       missing, stale, bool(missing) or commune.score < ACTION_SCORE)


DETAIL_HEADER = ("Mã xã", "Tên xã", "Mã chuyên mục", "Chuyên mục", "Số mục đăng trong quý", "Số mục có thời hạn",
                 "Số mục đúng hạn", "Tỷ lệ đúng hạn (%)", "Tình trạng")
SUMMARY_HEADER = ("Mã xã", "Tên xã", "Điểm", "Số mục đăng trong quý", "Tỷ lệ đúng hạn (%)",
                  "Số chuyên mục bắt buộc còn thiếu", "Số chuyên mục chưa cập nhật", "Cần khắc phục", "Ghi chú")


def detail_rows(report: QuarterReport) -> list[tuple]:
    return [(r.commune, r.commune_name, r.category, r.category_name, r.published, r.with_deadline, r.on_time,
             r.on_time_ratio, r.state) for r in report.rows]


def summary_rows(report: QuarterReport) -> list[tuple]:
    return [(c.commune, c.commune_name, "" if c.failed else c.score, c.published, c.on_time_ratio, len(c.missing),
             c.stale, "Có" if c.needs_action else "Không", f"Không tạo được trang: {c.failed}" if c.failed else "")
            for c in report.communes]


def write_csv(report: QuarterReport, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel opens Vietnamese text right
        writer = csv.writer(handle)
        writer.writerow(DETAIL_HEADER)
        writer.writerows(safe_row("" if value is None else value for value in row) for row in detail_rows(report))


def write_xlsx(report: QuarterReport, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    summary.append((f"Báo cáo {report.quarter.label}, kiểm tra ngày {report.as_of:%d/%m/%Y}",))
    summary.append(SUMMARY_HEADER)
    for row in summary_rows(report):
        append_row(summary, row)  # text as strings, never formulas (spreadsheets)
    detail = book.create_sheet("Chi tiết")
    detail.append(DETAIL_HEADER)
    for row in detail_rows(report):
        append_row(detail, row)
    book.save(path)
