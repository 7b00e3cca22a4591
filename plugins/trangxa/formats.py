"""Findings as the reader of each channel needs them: text for a commune officer, JSON for tools, workflow
commands for the Git web UI's annotations. Formatting is kept apart from finding (yamllint's model).

Every finding carries values written by a commune (a file name, a field's value), and the channels are read by
machines: a CI runner splits a log into commands on ``\\n`` *and* ``\\r`` (a value could forge an ``::error`` line
or ``::stop-commands::``), a terminal obeys ANSI escapes. So the GitHub format escapes per the workflow-command
rules (data: ``%``, ``\\r``, ``\\n``; properties also ``:`` and ``,``), and every channel drops ANSI escape
sequences and writes the other control characters out (``\\x1b``) — a finding never carries a command.
"""

from __future__ import annotations

import json
import re

from trangxa.law.findings import Finding
from trangxa.read.names import shown

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
FIELDS = ("commune", "file", "rule", "severity", "message", "fix", "basis")


def clean(text: str) -> str:
    """The text without ANSI escape sequences, its other control characters written out; line ends kept."""
    return "\n".join(shown(ANSI.sub("", line)) for line in str(text).replace("\r\n", "\n").split("\n"))


def one_line(text: str) -> str:
    """As :func:`clean`, on one line."""
    return shown(ANSI.sub("", str(text)))


def format_json(findings: list[Finding]) -> str:
    return json.dumps([_cleaned(finding.as_dict()) for finding in findings], ensure_ascii=False, indent=1)


def _cleaned(data: dict) -> dict:
    return {key: one_line(value) if key in FIELDS and isinstance(value, str) else value for key, value in data.items()}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%`` first, then the line ends the runner splits on."""
    return ANSI.sub("", str(text)).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file=, title=): as data, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], prefix: str = "communes") -> str:
    """Workflow commands, so that each finding shows on its file (and line) in the Git web UI."""
    lines = []
    for finding in findings:
        place = f"file={escape_property(one_line(f'{prefix}/{finding.file}'))}"
        if finding.line:
            place += f",line={int(finding.line)}"
        text = escape_data(clean(f"{finding.message} Cách sửa: {finding.fix}"))
        lines.append(f"::{_severity(finding)} {place},title={escape_property(one_line(finding.rule))}::{text}")
    return "\n".join(lines)


def _severity(finding: Finding) -> str:
    if finding.accepted:  # accepted by the province: shown, but not as a failure
        return "notice"
    return "error" if finding.severity == "error" else "warning"


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
            out.append(f"\n{one_line(finding.file)}")
        where = f"dòng {finding.line}" if finding.line else "cả tệp"
        level = ("LỖI" if finding.severity == "error" else "Cảnh báo") + (" (đã chấp nhận)" if finding.accepted else "")
        out.append(f"  {where}: {level} [{one_line(finding.rule)}] {one_line(finding.message)}")
        out.append(f"      Cách sửa: {one_line(finding.fix)}")
        if finding.basis:
            out.append(f"      Căn cứ: {one_line(finding.basis)}")
        if finding.accepted:
            out.append(f"      Đã được chấp nhận đến ngày {_day(finding.accepted_until)}: "
                       f"{one_line(finding.accepted_reason)} ({one_line(finding.accepted_by)}); không bị trừ điểm.")
    return "\n".join(out).lstrip("\n")
