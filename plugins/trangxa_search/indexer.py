"""Writing a site's search index with Pagefind's binary (the ``pagefind-bin`` package, no download):
each commune has its own index in ``<site>/pagefind/``; the provincial search merges them in the browser
(Pagefind multisite) instead of building one giant index."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from trangxa_search.records import SearchPage, record_html

FOLDER = "pagefind"
# The index, the search library and its worker and WebAssembly are all a reader downloads; the ready-made UIs
# Pagefind also writes are not used (our search page is our own), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def write_index(site: Path, pages: list[SearchPage]) -> int:
    """Index ``pages`` into ``site/pagefind/``; returns how many pages were indexed.

    The records are written as files below a scratch folder (each at its page's URL, in memory where the
    machine has /dev/shm) and indexed by one run of Pagefind's command line, on every core. (Its Python API
    answers each request only after a 0.1 s poll: a third more time per site, and a tenth of a second per page
    added one by one.)"""
    target = site / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="trangxa-search-", dir=memory) as scratch:
        count = 0
        for page in pages:
            html = record_html(page)
            if html is not None:
                path = Path(scratch, page.url.strip("/"), "index.html")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html, encoding="utf-8")
                count += 1
        _pagefind(Path(scratch), target)
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    return count


def _pagefind(records: Path, target: Path) -> None:
    from pagefind_bin import get_executable

    done = subprocess.run([str(get_executable()), "--site", str(records), "--output-path", str(target), "--quiet"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind: {done.stderr.strip() or done.stdout.strip()}")
