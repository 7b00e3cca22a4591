"""A commune's summary: what the provincial index needs to know of a commune, written beside its site
(``trangxa.json``) so that one commune can be rebuilt without rebuilding the others."""

from __future__ import annotations

import json
from pathlib import Path

SUMMARY_FILE = "trangxa.json"


def read_summaries(output_path: Path, slugs: list[str]) -> list[dict]:
    """The summary each commune's build wrote; a commune without one (never built) is left out."""
    summaries = []
    for slug in slugs:
        path = output_path / slug / SUMMARY_FILE
        if path.is_file():
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
    return summaries
