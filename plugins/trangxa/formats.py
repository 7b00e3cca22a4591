"""Findings as the reader of each channel needs them: text for a commune officer, JSON for tools, workflow
commands for the Git web UI's annotations. Formatting is kept apart from finding (yamllint's model)."""

from __future__ import annotations

import json

from trangxa.law.findings import Finding


def format_json(findings: list[Finding]) -> str:
    return json.dumps([finding.as_dict() for finding in findings], ensure_ascii=False, indent=1)


def format_github(findings: list[Finding], prefix: str = "communes") -> str:
    """Workflow commands, so that each finding shows on its file (and line) in the Git web UI."""
    lines = []
    for finding in findings:
        file = f"{prefix}/{finding.file}".replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        place = f"file={file}" + (f",line={finding.line}" if finding.line else "")
        text = f"{finding.message} Cách sửa: {finding.fix}".replace("%", "%25").replace("\n", "%0A")
        level = "notice" if finding.accepted else finding.severity  # accepted: shown, but not as a failure
        lines.append(f"::{level} {place},title={finding.rule}::{text}")
    return "\n".join(lines)


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def format_text(findings: list[Finding]) -> str:
    """Findings grouped by commune and file, in the words a commune officer reads."""
    out: list[str] = []
    current: tuple[str, str] | None = None
    for finding in sorted(findings, key=lambda f: (f.commune, f.file, f.line or 0, f.column or 0)):
        if (finding.commune, finding.file) != current:
            current = (finding.commune, finding.file)
            out.append(f"\n{finding.file}")
        where = f"dòng {finding.line}" if finding.line else "cả tệp"
        level = ("LỖI" if finding.severity == "error" else "Cảnh báo") + (" (đã chấp nhận)" if finding.accepted else "")
        out.append(f"  {where}: {level} [{finding.rule}] {finding.message}")
        out.append(f"      Cách sửa: {finding.fix}")
        if finding.basis:
            out.append(f"      Căn cứ: {finding.basis}")
        if finding.accepted:
            out.append(f"      Đã được chấp nhận đến ngày {_day(finding.accepted_until)}: {finding.accepted_reason} "
                       f"({finding.accepted_by}); không bị trừ điểm.")
    return "\n".join(out).lstrip("\n")
