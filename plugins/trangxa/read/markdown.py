"""Markdown bodies and Markdown fields to safe HTML, once, when a file is read.

Rendering is part of reading: the HTML depends only on the file's text, so it is made here with the rest of the
item (and could be cached with it), and the build only places it on pages — pictures resolved to their renditions
and links rewritten for the page's place (``trangxa_site.content``). Raw HTML staff paste goes through the
allow-list sanitiser (``sanitize``).
"""

from __future__ import annotations

import functools

import markdown

from trangxa.read import sanitize
from trangxa.text import slugify

EXTENSIONS = {
    "markdown.extensions.extra": {},
    "markdown.extensions.sane_lists": {},  # a list typed "1." after "-" starts a new list, as staff expect
    "markdown.extensions.toc": {"permalink": False, "slugify": lambda text, separator: slugify(text)},
}


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter per process, reset before each text (building one costs more than a short text)."""
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS, output_format="html5")


def render(text: str) -> str:
    """Markdown to HTML, then through the allow-list: raw HTML in staff text cannot inject anything."""
    if not text.strip():
        return ""
    converter = _converter()
    converter.reset()
    return sanitize.clean(converter.convert(text))
