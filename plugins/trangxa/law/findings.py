"""Findings: what is wrong, where, on what legal basis, and what to do — as data.

A :class:`Problem` is found deep in the reading code, which knows the line but not the commune; a
:class:`Finding` is the same problem placed in a file of a commune, with its Vietnamese message from the
catalogue ``messages.vi.yml``. Findings are returned, never only logged (Pelican's log filter de-duplicates
identical messages across the communes of one process).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CATALOGUE = Path(__file__).with_name("messages.vi.yml")
SEVERITIES = ("error", "warning")
# what a finding that no law asks for cites: the format the system reads (a file it cannot read, say)
TECHNICAL_BASIS = "Yêu cầu kỹ thuật của hệ thống (định dạng tệp nội dung), không phải quy định pháp luật"


@dataclass(frozen=True)
class Problem:
    """A rule broken, with the values its message needs, and where in the file if known."""

    rule: str
    params: dict = field(default_factory=dict)
    line: int | None = None
    column: int | None = None


class ProblemError(Exception):
    """Raised when a file cannot be read at all; carries the problem that says why (``problems``: every problem
    found in it, when more than one could be — a repeated key, and the record's other errors)."""

    def __init__(self, problem: Problem, problems: tuple[Problem, ...] = ()):
        super().__init__(problem.rule)
        self.problem = problem
        self.problems = problems or (problem,)


@dataclass(frozen=True)
class Finding:
    """One located finding, ready to print, to annotate in the Git web UI or to write as JSON."""

    commune: str
    file: str
    line: int | None
    column: int | None
    rule: str
    severity: str
    message: str
    fix: str
    basis: str = ""
    category: str = ""  # the category the finding is about ("" when it is in no category)
    on: str = ""  # ISO date it belongs to: when an obligation fell due, or a state began ("" when undated)
    accepted_until: str = ""  # accepted by the province (a waiver) until this ISO date; it then costs nothing
    accepted_reason: str = ""
    accepted_by: str = ""

    @property
    def accepted(self) -> bool:
        return bool(self.accepted_until)

    @property
    def period_kind(self) -> str:
        """"event" (it happened once: a late posting, a week without reception) or "state" (it holds until fixed)."""
        return _catalogue()[self.rule].get("period", "state")

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@functools.cache
def _catalogue() -> dict:
    with CATALOGUE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def place(problem: Problem, commune: str, file: str, basis: str = "", category: str = "", on: str = "") -> Finding:
    """The problem as a finding in ``file`` of ``commune``, worded from the catalogue. Its legal basis: the rule's
    own (``basis:`` in the catalogue — accessibility, Unicode text, the domain name …), else the caller's (the legal
    basis of the category the file is in), else that it is a technical requirement — never empty."""
    entry = _catalogue()[problem.rule]
    params = {key: _show(value) for key, value in problem.params.items()}
    return Finding(
        commune=commune,
        file=file,
        line=problem.line,
        column=problem.column,
        rule=problem.rule,
        severity=entry["severity"],
        message=entry["message"].format(**params).strip(),
        fix=entry["fix"].format(**params).strip(),
        basis=entry.get("basis") or basis or TECHNICAL_BASIS,
        category=category,
        on=on,
    )


def _show(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def catalogue() -> dict:
    """The whole catalogue (rule → severity, message, fix), for the guide that explains every message."""
    return dict(_catalogue())


def rules() -> dict:
    """Every rule id of the catalogue with its severity (for documentation and tests)."""
    return {rule: entry["severity"] for rule, entry in _catalogue().items()}


def severity(rule: str) -> str:
    return _catalogue()[rule]["severity"]


def rule_status(rule: str) -> str | None:
    """How a compliance rule marks its category (missing, late, stale), or None for other rules."""
    return _catalogue()[rule].get("status")
