"""The golden output: one small commune's built site, as committed under tests/golden/ (Pelican's functional tests
are the model). ``python3 -m invoke golden`` writes it again after an intended change; the diff shows what changed."""

from __future__ import annotations

from pathlib import Path

from fixtures import TAN_THANH, communes
from helpers import scratch_province, walk
from trangxa.runs import build

GOLDEN = Path(__file__).with_name("golden")
SUFFIXES = (".html", ".xml", ".json", ".csv", ".txt", ".yml")
SKIPPED = ("pagefind/", "theme/")  # the search index (hash-map order) and the theme's own files


def golden_site(tmp_path: Path) -> dict[str, str]:
    """Every text file of the built commune site, by path."""
    options = scratch_province(tmp_path, communes(TAN_THANH))
    build(options)
    site = options.output / TAN_THANH[0]
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in walk(site)
            if path.suffix in SUFFIXES and not path.relative_to(site).as_posix().startswith(SKIPPED)}


def committed() -> dict[str, str]:
    return {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8") for path in walk(GOLDEN)}


def write(files: dict[str, str]) -> None:
    import shutil

    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, text in files.items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
