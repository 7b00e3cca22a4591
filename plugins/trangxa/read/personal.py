"""Personal data where it does not belong: warnings, located at the line, for what looks like a citizen's ID
number (anywhere, and in file names) and — in the categories whose rules say ``minimise_personal_data``
(beneficiary and call-up lists, questions from citizens, news) — a private mobile number.

How numbers are written in real pages decides the patterns:

- a *citizen ID* (căn cước công dân, số định danh cá nhân) has 12 digits and begins with the 3-digit code of the
  province of birth registration, 001–096, so its first digit is 0; it is written bare, in groups separated by
  spaces, dots or dashes ("079 203 001 234", "079.203.001.234"), and may end a sentence ("… 079203001234.").
  A 12-digit number not beginning with 0 is an amount (``tong_thu: 128650000000``) or an account, not an ID;
- an *old ID card* (chứng minh nhân dân) has 9 digits, like countless amounts ("126.300.000"): it counts only
  where the line, or the column of a table, says so (CMND, chứng minh, căn cước, định danh);
- a *mobile number* is 0 or +84, then 3, 5, 7, 8 or 9, then 8 digits, in any grouping ("+84 912 345 679",
  "0912-345-682", "(091) 234-5680"); landlines (02…) are not mobiles;
- never personal: an account or tax number (the words before it say so: "số tài khoản 1150…"), a document number
  ("05/QĐ-UBND", "05-NQ/ĐU"), a date, and the commune's own published numbers: a hotline or contact number the
  commune publishes on its contact page, in its commune.yml or in a phone field (:func:`without_own_numbers`).

The warning never repeats the number (CI logs are often public); staff decide, as the law leaves them to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from trangxa.law.findings import Problem

RUN = re.compile(r"(?<![\w.,/+\-])(?:\(\+84\)|\+84|\(0\d{1,3}\)|\d+)(?:(?:[ .\-]|\) ?)\d+)*(?![\w/\-]|[.,]\d)")
GROUP = re.compile(r"\d+")
MOBILE = re.compile(r"(?:84|0)([35789]\d{8})")
ID_WORDS = re.compile(r"cmnd|cmtnd|cccd|chứng minh|căn cước|định danh", re.I)
NOT_PERSONAL = re.compile(r"tài khoản|\bs?tk\b|mã số thuế|\bmst\b|mã số doanh nghiệp|đường dây nóng|hotline|"
                          r"tổng đài", re.I)
CONTEXT = 80  # characters before a number where those words count
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
FILE_ID = re.compile(r"(?<!\d)0\d(?:[-_. ]?\d){10}(?!\d)")


def personal_data(text: str, minimise: bool) -> list[Problem]:
    """Warnings for ID numbers on any line, and — when ``minimise`` — mobile numbers (``params["number"]``:
    the number as 10 digits, to tell the commune's own numbers apart; never shown)."""
    problems = []
    id_columns: set[int] = set()  # of the Markdown table being read: the columns headed "CMND", "CCCD" …
    previous = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if not TABLE_ROW.match(line):
            id_columns = set()
        elif TABLE_RULE.match(line) and TABLE_ROW.match(previous):
            id_columns = {index for index, cell in enumerate(_cells(previous)) if ID_WORDS.search(cell)}
        previous = line
        for kind, start, digits in _numbers(line, id_columns):
            if kind == "id":
                problems.append(Problem("personal-id", {}, number, start + 1))
            elif minimise:
                problems.append(Problem("personal-phone", {"number": digits}, number, start + 1))
    return problems


def _numbers(line: str, id_columns: set[int]) -> list[tuple[str, int, str]]:
    """(kind, column, digits) of each ID or mobile number on the line (linear in the line's length)."""
    found = []
    says_id = bool(ID_WORDS.search(line))
    bars = [index for index, char in enumerate(line) if char == "|"] if TABLE_ROW.match(line) else []
    for run in RUN.finditer(line):
        before = line[max(0, run.start() - CONTEXT): run.start()]
        if NOT_PERSONAL.search(before):
            continue
        old_card = says_id or (bool(bars) and bisect.bisect(bars, run.start()) - 1 in id_columns)
        for start, digits in sorted(_candidates(run), key=lambda candidate: (candidate[0], -len(candidate[1]))):
            kind = _kind(digits, old_card)  # from the first place a number starts, the longest reading of it
            if kind:
                found.append((kind, start, _national(digits) if kind == "phone" else digits))
                break
    return found


def _candidates(run: re.Match) -> list[tuple[int, str]]:
    """The numbers a run of digit groups may hold: from its first group, and from each group after a space on
    ("năm 2006 0950 000 017" holds a mobile from its second group), as many groups as make at most 12 digits
    (an amount's dotted groups are never split from its start)."""
    groups = list(GROUP.finditer(run[0]))
    found = []
    for index, group in enumerate(groups):
        if index and not run[0][groups[index - 1].end(): group.start()].endswith(" "):
            continue
        digits = ""
        for following in groups[index: index + 12]:  # 12 groups hold at least 12 digits
            digits += following[0]
            if len(digits) > 12:
                break
            found.append((run.start() + group.start(), digits))
    return found


def _kind(digits: str, old_card: bool) -> str:
    if len(digits) == 12 and digits[0] == "0":
        return "id"
    if len(digits) == 9 and old_card:
        return "id"
    if len(digits) in (10, 11) and MOBILE.fullmatch(digits):
        return "phone"
    return ""


def _national(digits: str) -> str:
    """A mobile number as its 10 national digits (0912345678), however it was written."""
    return "0" + MOBILE.fullmatch(digits)[1]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def own_numbers(texts: list[str]) -> set[str]:
    """Every mobile-shaped number in texts the commune publishes as its own (contact page, phone fields)."""
    numbers = set()
    for text in texts:
        for run in RUN.finditer(text):
            for _, digits in _candidates(run):
                if MOBILE.fullmatch(digits):
                    numbers.add(_national(digits))
    return numbers


def without_own_numbers(problems: tuple[Problem, ...], own: set[str]) -> tuple[Problem, ...]:
    """The problems, less the mobile-number warnings about one of the commune's own published numbers."""
    return tuple(problem for problem in problems
                 if not (problem.rule == "personal-phone" and problem.params.get("number") in own))


def file_name_problems(rel: str) -> list[Problem]:
    """A citizen's ID in a file's name ("cccd-079203001234.pdf"): the name is published with the file."""
    name = rel.rsplit("/", 1)[-1]
    return [Problem("personal-id-file-name", {"value": name})] if FILE_ID.search(name.rsplit(".", 1)[0]) else []


def strip_number(problem: Problem) -> Problem:
    """The problem without the number it was about (kept only to compare with the commune's own)."""
    return replace(problem, params={k: v for k, v in problem.params.items() if k != "number"})
