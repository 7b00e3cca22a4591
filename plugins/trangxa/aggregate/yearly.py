"""The yearly evaluation (đánh giá hằng năm) districts and provinces use in the emulation ranking (thi đua): each
commune's figures for each quarter of the year — the quarter's own report, checked as of its last day (or as of the
check date for the quarter under way) — and its rank.

Ranking (``RANK_RULE``): by the mean of the quarters' scores, highest first; ties by the year's on-time ratio, then
by name. A quarter that ended before the commune existed is not counted; a commune whose site could not be built is
listed unranked, with why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from trangxa.aggregate.report import (ACTION_RULE, Quarter, commune_part, write_book, write_table_csv)
from trangxa.checks.commune import CommuneCheck
from trangxa.checks.status import SCORE_RULE
from trangxa.config.province import Province

RANK_RULE = ("Xếp hạng theo điểm trung bình các quý trong năm (cao trước); bằng điểm thì theo tỷ lệ đăng đúng hạn "
             "cả năm (cao trước), rồi theo tên đơn vị. Điểm mỗi quý là điểm của báo cáo quý đó, kiểm tra vào ngày "
             "cuối quý (quý chưa kết thúc: đến ngày kiểm tra); quý đơn vị chưa thành lập không được tính.")


@dataclass(frozen=True)
class QuarterFigures:
    quarter: str  # 2026Q3
    score: int
    published: int
    with_deadline: int
    on_time: int
    errors: int


@dataclass(frozen=True)
class YearLine:
    commune: str
    commune_name: str
    quarters: tuple[QuarterFigures, ...]
    rank: int | None = None  # None: not ranked (no site, or no quarter counted)
    failed: str = ""

    @property
    def mean_score(self) -> float | None:
        return round(sum(q.score for q in self.quarters) / len(self.quarters), 1) if self.quarters else None

    @property
    def on_time_ratio(self) -> float | None:
        timed = sum(q.with_deadline for q in self.quarters)
        return round(100 * sum(q.on_time for q in self.quarters) / timed, 1) if timed else None

    @property
    def published(self) -> int:
        return sum(q.published for q in self.quarters)

    def score_of(self, code: str) -> int | None:
        return next((q.score for q in self.quarters if q.quarter == code), None)


@dataclass(frozen=True)
class YearReport:
    year: int
    as_of: dt.date
    lines: tuple[YearLine, ...]  # in rank order, unranked last

    @property
    def quarters(self) -> tuple[Quarter, ...]:
        """The quarters of the year that had begun by the check date."""
        return tuple(Quarter(self.year, n) for n in range(1, 5) if Quarter(self.year, n).start <= self.as_of)

    @property
    def coverage(self) -> str:
        end = min(dt.date(self.year, 12, 31), self.as_of)
        text = f"Số liệu từ ngày 01/01/{self.year} đến ngày {end:%d/%m/%Y}"
        return text + (" (năm chưa kết thúc)" if self.as_of < dt.date(self.year, 12, 31) else "")


def year_line(province: Province, checked: CommuneCheck, year: int, as_of: dt.date) -> YearLine:
    """One commune's quarters of ``year``, each from its own quarter's check (the items read once)."""
    if checked.commune is None:
        reason = next((f.message for f in checked.findings if f.severity == "error"), "Không đọc được thông tin của xã.")
        return YearLine(checked.slug, checked.name, (), failed=reason)
    since = checked.commune.obligations_since
    figures = []
    for number in range(1, 5):
        quarter = Quarter(year, number)
        if quarter.start > as_of or (since and quarter.end < since):
            continue
        day = min(quarter.end, as_of)
        _, line = commune_part(province.profile, checked.at(province, day, quarter.period(day)), quarter)
        figures.append(QuarterFigures(quarter.code, line.score, line.published, line.with_deadline, line.on_time,
                                      line.errors))
    return YearLine(checked.slug, checked.name, tuple(figures))


def rank(year: int, as_of: dt.date, lines: list[YearLine]) -> YearReport:
    """The lines in rank order (``RANK_RULE``), each with its rank."""
    ranked = sorted((line for line in lines if line.quarters and not line.failed),
                    key=lambda line: (-line.mean_score, -(line.on_time_ratio if line.on_time_ratio is not None else -1),
                                      line.commune_name))
    others = sorted((line for line in lines if not line.quarters or line.failed), key=lambda line: line.commune_name)
    placed = [YearLine(line.commune, line.commune_name, line.quarters, n) for n, line in enumerate(ranked, start=1)]
    return YearReport(year, as_of, tuple(placed + others))


HEADER_START = ("Xếp hạng", "Mã xã", "Tên xã", "Điểm trung bình")
HEADER_END = ("Số mục đăng trong năm", "Tỷ lệ đúng hạn cả năm (%)", "Ghi chú")


def header(report: YearReport) -> tuple:
    return HEADER_START + tuple(f"Điểm {q.label}" for q in report.quarters) + HEADER_END


def rows(report: YearReport) -> list[tuple]:
    return [(line.rank or "", line.commune, line.commune_name, line.mean_score)
            + tuple(line.score_of(q.code) for q in report.quarters)
            + (line.published, line.on_time_ratio, f"Không tạo được trang: {line.failed}" if line.failed else "")
            for line in report.lines]


def write_csv(report: YearReport, path: Path) -> None:
    write_table_csv(path, header(report), rows(report))


def write_xlsx(report: YearReport, path: Path) -> None:
    title = (f"Đánh giá trang thông tin điện tử cấp xã năm {report.year}. {report.coverage}.",)
    sheet = [title, (RANK_RULE,), (SCORE_RULE,), (ACTION_RULE,), header(report), *rows(report)]
    write_book(path, [("Xếp hạng", sheet)])
