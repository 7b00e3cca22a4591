"""Findings the province has looked at and accepted (chấp nhận): a waiver in ``province.yml`` (``chap_nhan``) names
the commune, the rule, the file (or folder) — or every file, when it names none —, why, who decided and until when.
Until that day the finding is still shown, marked as accepted, and costs nothing (not in the states, the score, the
exit status, nor what keeps a site from being published); from the day after, it counts again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from trangxa.law.findings import Finding


@dataclass(frozen=True)
class Waiver:
    commune: str  # the commune's folder (slug)
    rule: str  # the finding's rule id
    file: str  # the file or folder, relative to the commune's folder ("" — every file)
    reason: str
    by: str
    until: dt.date

    def matches(self, finding: Finding) -> bool:
        own = finding.file.removeprefix(f"{finding.commune}/").strip("/")
        return finding.commune == self.commune and finding.rule == self.rule and self.file.strip("/") in ("", own)


def apply(findings, waivers: tuple[Waiver, ...], as_of: dt.date) -> list[Finding]:
    """The findings, those a waiver in force on ``as_of`` covers marked as accepted."""
    result = []
    for finding in findings:
        waiver = next((w for w in waivers if w.until >= as_of and w.matches(finding)), None)
        if waiver:
            finding = replace(finding, accepted_until=waiver.until.isoformat(), accepted_reason=waiver.reason,
                              accepted_by=waiver.by)
        result.append(finding)
    return result
