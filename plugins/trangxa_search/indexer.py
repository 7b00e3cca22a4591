"""Writing a site's search index with Pagefind's binary (the ``pagefind-bin`` package, no download).

Each commune has its own index of every page in ``<site>/pagefind/``. The provincial search has one index of its
own: the province's pages and, of every commune, the categories ``ranking.yml`` names (documents, procedures) —
what a citizen looks for across communes — so its first query costs what one small index costs, not the sum of a
hundred (merging every commune's index in the browser cost megabytes). Each commune's build lists those pages in
``<site>/trangxa-search.json`` for the provincial build to read back.

An index is kept by the content of its records (``search/<hash>/`` in the build's cache): a build whose records
are those of a build before — the provincial index when an officer edits news, a commune rebuilt on a new day —
copies that index instead of running Pagefind again (seconds for the provincial index of a large province)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from trangxa_search.ranking import ranking
from trangxa_search.records import SearchPage, record_html

FOLDER = "pagefind"
PROVINCE_LIST = "trangxa-search.json"  # beside a commune's site: its pages for the provincial index
COMMUNE_FILTER = "xa"  # the provincial search's filter by commune (its name)
# The index, the search library and its worker and WebAssembly are all a reader downloads; the ready-made UIs
# Pagefind also writes are not used (our search page is our own), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def write_index(site: Path, pages: list[SearchPage], cache: Path | None = None) -> int:
    """Index ``pages`` into ``site/pagefind/``; returns how many pages were indexed. Also lists, beside the site,
    the pages the provincial index takes from it.

    The records are written as files below a scratch folder (each at its page's URL, in memory where the
    machine has /dev/shm) and indexed by one run of Pagefind's command line, on every core. (Its Python API
    answers each request only after a 0.1 s poll: a third more time per site, and a tenth of a second per page
    added one by one.)"""
    count = _index(site / FOLDER, [(page.url, record_html(page)) for page in pages], cache)
    _write_province_list(site, pages)
    return count


def write_province_index(site: Path, pages: list[SearchPage], communes: list[str], cache: Path | None = None) -> int:
    """The provincial index in ``site/pagefind/``: the province's own ``pages`` and, for each commune folder of
    ``communes`` below ``site``, the pages its build listed, each filtered by the commune's name."""
    records = [(page.url, record_html(page)) for page in pages]
    for slug in communes:
        records += _commune_records(site / slug)
    return _index(site / FOLDER, records, cache)


def _index(target: Path, records: list[tuple[str, str | None]], cache: Path | None = None) -> int:
    shutil.rmtree(target, ignore_errors=True)
    kept = cache / CACHE / _records_key(records) if cache else None
    if kept and kept.is_dir():
        try:
            shutil.copytree(kept, target)  # a copy: nothing written to the output reaches the cache
            os.utime(kept)  # used: the last to be pruned
            return sum(html is not None for _, html in records)
        except OSError:  # pruned by another build meanwhile: index again
            shutil.rmtree(target, ignore_errors=True)
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="trangxa-search-", dir=memory) as scratch:
        count = 0
        for url, html in records:
            if html is not None:
                path = Path(scratch, url.strip("/"), "index.html")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html, encoding="utf-8")
                count += 1
        _pagefind(Path(scratch), target)
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    if kept:
        _keep(target, kept)
    return count


CACHE = "search"  # in the build's cache: <hash of the records>/, a finished index
KEPT = 400  # indexes kept, the last used first: every commune's and a few provincial ones of a large province


def _records_key(records: list[tuple[str, str | None]]) -> str:
    digest = hashlib.sha256(_pagefind_version().encode())
    for url, html in sorted((url, html) for url, html in records if html is not None):
        digest.update(b"\0" + url.encode() + b"\0" + html.encode())
    return digest.hexdigest()


def _keep(index: Path, kept: Path) -> None:
    """Copy a finished index into the cache, whole or not at all (builds run side by side)."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{kept.name}.tmp-", dir=kept.parent))
    shutil.copytree(index, staging, dirs_exist_ok=True)
    try:
        staging.rename(kept)
    except OSError:  # another build kept the same index first
        shutil.rmtree(staging, ignore_errors=True)
    _prune(kept.parent)


def _prune(folder: Path) -> None:
    def used(entry: Path) -> float:
        try:
            return entry.stat().st_mtime
        except OSError:
            return 0.0

    entries = sorted((entry for entry in folder.iterdir() if ".tmp-" not in entry.name), key=used, reverse=True)
    for old in entries[KEPT:]:
        shutil.rmtree(old, ignore_errors=True)


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind-bin")
    except PackageNotFoundError:
        return "?"


def _write_province_list(site: Path, pages: list[SearchPage]) -> None:
    rank = ranking()
    listed = [{"url": page.url, "category": page.category, "date": page.date.isoformat() if page.date else None}
              for page in pages if rank.in_province(page.url) and not rank.is_staff(page.url)]
    (site / PROVINCE_LIST).write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")


def _commune_records(site: Path) -> list[tuple[str, str | None]]:
    """A commune's listed pages as records of the provincial index, at ``/<slug>/<url>``."""
    listing, summary = site / PROVINCE_LIST, site / "trangxa.json"
    if not listing.is_file() or not summary.is_file():
        return []  # a site built before this list existed, or whose build failed: its own search still works
    name = json.loads(summary.read_text(encoding="utf-8"))["name"]
    records = []
    for entry in json.loads(listing.read_text(encoding="utf-8")):
        day = dt.date.fromisoformat(entry["date"]) if entry["date"] else None
        page = SearchPage(entry["url"], site / entry["url"].strip("/") / "index.html", entry["category"], day)
        if page.path.is_file():
            records.append((f"/{site.name}{entry['url']}", record_html(page, {COMMUNE_FILTER: name})))
    return records


def _pagefind(records: Path, target: Path) -> None:
    from pagefind_bin import get_executable

    done = subprocess.run([str(get_executable()), "--site", str(records), "--output-path", str(target), "--quiet"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind: {done.stderr.strip() or done.stdout.strip()}")
