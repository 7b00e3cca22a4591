"""``invoke fix-encoding``: convert content files in legacy encodings (Windows-1258, TCVN3), with pasted TCVN3
text, or in decomposed NFD form, to UTF-8 NFC — in place, only when asked (``--apply``), keeping a copy of each
original under ``<commune>/.trangxa-backup/`` (a hidden folder: never published)."""

from __future__ import annotations

import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from trangxa.read import encodings
from trangxa.read.items import CONTENT_SUFFIXES

BACKUP = ".trangxa-backup"


@dataclass(frozen=True)
class Fix:
    path: Path
    kind: str  # what the file was: windows-1258, tcvn3, tcvn3-pasted, nfd
    text: str  # what it becomes


def plan(folder: Path) -> list[Fix]:
    """Every content file below ``folder`` that needs converting, with its converted text."""
    fixes = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in CONTENT_SUFFIXES and path.is_file() and BACKUP not in path.parts:
            fix = _fix_for(path)
            if fix:
                fixes.append(fix)
    return fixes


def _fix_for(path: Path) -> Fix | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = encodings.guess_bytes(raw)
        return Fix(path, guess, encodings.convert_bytes(raw, guess)) if guess else None
    if encodings.looks_like_tcvn3(text):
        return Fix(path, "tcvn3-pasted", encodings.convert_text(text))
    if not unicodedata.is_normalized("NFC", text):
        return Fix(path, "nfd", unicodedata.normalize("NFC", text))
    return None


def apply(fixes: list[Fix], communes_dir: Path) -> None:
    """Write each fix, after copying the original into its commune's backup folder."""
    for fix in fixes:
        rel = fix.path.relative_to(communes_dir)
        backup = communes_dir / rel.parts[0] / BACKUP / Path(*rel.parts[1:])
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(fix.path, backup)
        fix.path.write_text(fix.text, encoding="utf-8")
