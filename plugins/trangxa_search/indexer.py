"""Writing a site's search index with Pagefind's Python API (the ``pagefind`` package and its bundled binary):
each commune has its own index in ``<site>/pagefind/``; the provincial search merges them in the browser
(Pagefind multisite) instead of building one giant index."""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import tempfile
from pathlib import Path

from .records import SearchPage, record_html

FOLDER = "pagefind"
# The index, the search library and its worker and WebAssembly are all a reader downloads; the ready-made UIs
# Pagefind also writes are not used (our search page is our own), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def write_index(site: Path, pages: list[SearchPage]) -> int:
    """Index ``pages`` into ``site/pagefind/``; returns how many pages were indexed.

    The records are written as files below a scratch folder (each at its page's URL) and indexed with one
    ``add_directory`` request: the Python API answers each request only after a 0.1 s poll, so adding pages one
    by one would cost a tenth of a second each; one directory is indexed by Pagefind itself, on every core."""
    target = site / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="trangxa-search-") as scratch:
        count = 0
        for page in pages:
            html = record_html(page)
            if html is not None:
                path = Path(scratch, page.url.strip("/"), "index.html")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(html, encoding="utf-8")
                count += 1
        # Pagefind's API is asynchronous; run it on a thread of its own, since the caller may already have an
        # event loop running (a test driving a browser, a tool embedding the build).
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _write(Path(scratch), target)).result()
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    return count


async def _write(records: Path, target: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(target), write_playground=False)
    async with PagefindIndex(config) as index:
        await index.add_directory(str(records))
