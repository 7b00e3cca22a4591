"""Writing a site's search index with Pagefind's Python API (the ``pagefind`` package and its bundled binary):
each commune has its own index in ``<site>/pagefind/``; the provincial search merges them in the browser
(Pagefind multisite) instead of building one giant index."""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
from pathlib import Path

from .records import SearchPage, record_html

FOLDER = "pagefind"
# The index, the search library and its worker and WebAssembly are all a reader downloads; the ready-made UIs
# Pagefind also writes are not used (our search page is our own), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def write_index(site: Path, pages: list[SearchPage]) -> int:
    """Index ``pages`` into ``site/pagefind/``; returns how many pages were indexed."""
    records = [(page.url, html) for page in pages if (html := record_html(page)) is not None]
    target = site / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    # Pagefind's API is asynchronous; run it on a thread of its own, since the caller may already have an event
    # loop running (a test driving a browser, a tool embedding the build).
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _write(records, target)).result()
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    return len(records)


async def _write(records: list[tuple[str, str]], target: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(target), write_playground=False)
    async with PagefindIndex(config) as index:
        for url, html in records:
            await index.add_html_file(content=html, url=url)
