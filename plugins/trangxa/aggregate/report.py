"""The quarterly report a province sends (hằng quý thống kê, tổng hợp, báo cáo UBND tỉnh): per commune and per
category, what was published in the quarter, the on-time ratio of items under a deadline, missing required
categories, stale pages, and the communes that need action. Written as HTML, CSV and XLSX from the same rows.

A quarter's report counts only what belongs to the quarter: the findings of the commune's check that fell due in it
or held during it (``checks.status.in_period``), the records posted in it. The check date (``--as-of``, by default
the quarter's last day) only decides what had been posted by then; a report checked before the quarter's end covers
the quarter so far and says so (``QuarterReport.covers``). The commune's states and score in it are those its status
page shows on the same day, from the same functions."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from trangxa.checks.commune import CommuneCheck
from trangxa.checks.periods import QUARTER_NAMES, quarter_end
from trangxa.checks.status import LABELS, SCORE_RULE
from trangxa.law.findings import rule_status
from trangxa.law.profile import Profile
from trangxa.spreadsheets import append_row, safe_row

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
DEADLINE_RULES = ("deadline", "publish_before", "answer_within")
ACTION_SCORE = 80  # below this, or with a required category missing, a commune needs action
ACTION_RULE = f"Cần khắc phục: còn thiếu chuyên mục bắt buộc hoặc điểm dưới {ACTION_SCORE}."


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

    @classmethod
    def of(cls, day: dt.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

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

    def period(self, as_of: dt.date) -> tuple[dt.date, dt.date]:
        """The days a report checked on ``as_of`` covers: the quarter, or the part of it up to ``as_of``."""
        return self.start, min(self.end, as_of)


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

    @property
    def state_label(self) -> str:
        return LABELS.get(self.state, self.state)


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
    with_deadline: int = 0
    on_time: int = 0
    errors: int = 0  # errors that count in the quarter (not accepted by the province)
    accepted: int = 0  # findings the province accepted


@dataclass(frozen=True)
class QuarterReport:
    quarter: Quarter
    as_of: dt.date
    rows: tuple[Row, ...]
    communes: tuple[CommuneLine, ...]

    @property
    def covers(self) -> tuple[dt.date, dt.date]:
        return self.quarter.period(self.as_of)

    @property
    def to_date(self) -> bool:
        """Checked before the quarter ended: the figures are the quarter's so far."""
        return self.as_of < self.quarter.end

    @property
    def coverage(self) -> str:
        """What the report says on its face about the days it covers."""
        start, end = self.covers
        text = f"Số liệu từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
        if self.to_date:
            return f"{text} (quý chưa kết thúc: số liệu của quý tính đến ngày kiểm tra)"
        return f"{text}, kiểm tra ngày {self.as_of:%d/%m/%Y}"


def build_report(profile: Profile, checked: list[CommuneCheck], quarter: Quarter, as_of: dt.date) -> QuarterReport:
    """Every commune's part (each already checked on ``as_of`` for the quarter's period, ``CommuneCheck.at``); one
    that could not be read (no usable commune.yml, a crash) is a failed line."""
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
    """One commune's rows and line of the quarter's report, from a check for the quarter's period — computed where
    the commune is built (its items are at hand there) and kept in its summary, so the provincial report never
    reads a commune again."""
    late_files = {f.file for f in commune.counted if rule_status(f.rule) == "late"}
    rows = tuple(_row(profile, commune, slug, quarter, late_files) for slug in _categories(profile))
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


def _row(profile: Profile, commune: CommuneCheck, slug: str, quarter: Quarter, late_files: set[str]) -> Row:
    """Only the category's own records count (not its introduction, nor a "không phát sinh" declaration), those
    posted in the period and by the check date."""
    category = profile.category(slug)
    start, end = commune.period or quarter.period(commune.as_of)
    in_quarter = [item for item in commune.items if item.category == slug and not item.lang
                  and item.record_type == category.record_type
                  and start <= (item.posted or item.date or dt.date.min) <= end]
    timed = in_quarter if any(rule in category.rules for rule in DEADLINE_RULES) else []
    on_time = sum(f"{commune.slug}/{item.rel}" not in late_files for item in timed)
    state = next((s.state for s in commune.statuses if s.slug == slug), "empty")
    return Row(commune.slug, commune.name, slug, category.name, len(in_quarter), len(timed), on_time, state)


def _line(profile: Profile, commune: CommuneCheck, rows: list[Row]) -> CommuneLine:
    missing = tuple(row.category_name for row in rows if row.state == "missing"
                    and profile.category(row.category).required == "always")
    timed = sum(row.with_deadline for row in rows)
    on_time = sum(row.on_time for row in rows)
    ratio = round(100 * on_time / timed, 1) if timed else None
    stale = sum(row.state == "stale" for row in rows)
    errors = sum(f.severity == "error" for f in commune.counted)
    accepted = sum(f.accepted for f in commune.findings)
    return CommuneLine(commune.slug, commune.name, commune.score, sum(row.published for row in rows), ratio,
                       missing, stale, bool(missing) or commune.score < ACTION_SCORE, "", timed, on_time, errors,
                       accepted)


DETAIL_HEADER = ("Mã xã", "Tên xã", "Mã chuyên mục", "Chuyên mục", "Số mục đăng trong quý", "Số mục có thời hạn",
                 "Số mục đúng hạn", "Tỷ lệ đúng hạn (%)", "Tình trạng", "Kỳ báo cáo")
SUMMARY_HEADER = ("Mã xã", "Tên xã", "Điểm", "Số lỗi", "Số mục đăng trong quý", "Tỷ lệ đúng hạn (%)",
                  "Số chuyên mục bắt buộc còn thiếu", "Số chuyên mục chưa cập nhật", "Cần khắc phục", "Ghi chú")


def period_text(report: QuarterReport) -> str:
    start, end = report.covers
    return f"{report.quarter.label}: {start:%d/%m/%Y} – {end:%d/%m/%Y}"


def detail_rows(report: QuarterReport) -> list[tuple]:
    period = period_text(report)
    return [(r.commune, r.commune_name, r.category, r.category_name, r.published, r.with_deadline, r.on_time,
             r.on_time_ratio, r.state_label, period) for r in report.rows]


def summary_rows(report: QuarterReport) -> list[tuple]:
    return [(c.commune, c.commune_name, "" if c.failed else c.score, "" if c.failed else c.errors, c.published,
             c.on_time_ratio, len(c.missing), c.stale, "Có" if c.needs_action else "Không", _note(c))
            for c in report.communes]


def _note(line: CommuneLine) -> str:
    if line.failed:
        return f"Không tạo được trang: {line.failed}"
    return f"{line.accepted} phát hiện đã được tỉnh chấp nhận" if line.accepted else ""


def write_table_csv(path: Path, header: tuple, rows: list[tuple]) -> None:
    """A table as CSV (a byte-order mark, so that Excel opens Vietnamese text right); None as an empty cell."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(safe_row("" if value is None else value for value in row) for row in rows)


def write_book(path: Path, sheets: list[tuple[str, list[tuple]]]) -> None:
    """Sheets of rows (a title line, the header, the rows …) as an XLSX workbook."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            append_row(sheet, tuple("" if value is None else value for value in row))  # text never a formula
    book.save(path)


def write_csv(report: QuarterReport, path: Path) -> None:
    write_table_csv(path, DETAIL_HEADER, detail_rows(report))


def write_xlsx(report: QuarterReport, path: Path) -> None:
    title = (f"Báo cáo {report.quarter.label}. {report.coverage}.",)
    summary = [title, (SCORE_RULE,), (ACTION_RULE,), SUMMARY_HEADER, *summary_rows(report)]
    write_book(path, [("Tổng hợp", summary), ("Chi tiết", [title, DETAIL_HEADER, *detail_rows(report)])])
