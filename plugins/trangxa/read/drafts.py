"""What a draft leaves unfinished, reported so that it is not published as is: a record with no title (its page
would be headed by its file name) and the template's placeholder sentence left in its text."""

from __future__ import annotations

from trangxa.law.findings import Problem
from trangxa.law.profile import RecordType
from trangxa.scaffold import PLACEHOLDER


def untitled(record_type: RecordType, values: dict, stem: str) -> list[Problem]:
    """A record whose title field may be left blank, left blank: its page would be headed by ``stem``."""
    spec = record_type.field(record_type.title_field)
    if spec is None or spec.required or values.get(spec.key):
        return []  # a required title left out is already a missing-field
    return [Problem("missing-title", {"field": spec.key, "name": stem}, 1)]


def template_text(record_type: RecordType, values: dict, lines: dict, body: str, body_line: int) -> list[Problem]:
    """A template's placeholder sentence left in the body or in a text field, at its line."""
    found = [Problem("template-text", {"text": PLACEHOLDER}, number)
             for number, line in enumerate(body.split("\n"), start=body_line) if PLACEHOLDER in line]
    found += [Problem("template-text", {"text": PLACEHOLDER}, lines.get(spec.key)) for spec in record_type.fields
              if spec.type in ("text", "markdown") and PLACEHOLDER in str(values.get(spec.key, ""))]
    return found
