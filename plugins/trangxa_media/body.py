"""Rewriting the HTML of a Markdown body once it is sanitised: pictures through the pipeline, YouTube links as
click-to-load players, and links to files that are not published shown as plain text, never as broken links
(the reading stage has already reported each of them at its line)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from collections.abc import Callable
from html import unescape

from markupsafe import escape

from trangxa_media.images import Picture
from trangxa_media.markup import picture_html, youtube_facade
from trangxa_media.video import youtube_id

IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>")
ATTR = re.compile(r'(?P<name>[a-z]+)="(?P<value>[^"]*)"')
LINK = re.compile(r'<a href="(?P<href>[^"]+)"(?P<rest>[^>]*)>(?P<text>.*?)</a>', re.S)
LONE_LINK = re.compile(r'<p>\s*<a href="(?P<href>https?://[^"]+)"[^>]*>(?P<text>.*?)</a>\s*</p>', re.S)
LOCAL = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)")


def rewrite(html: str, folder: str, pictures: dict[str, Picture], exists: Callable[[str], bool]) -> str:
    """``folder`` is the source file's folder (relative to the commune's root); links in ``html`` are still
    relative to it. ``exists(rel)`` tells whether a file is published."""
    html = LONE_LINK.sub(_video_paragraph, html)
    html = IMG.sub(lambda match: _picture(match, folder, pictures, exists), html)
    return LINK.sub(lambda match: _link(match, folder, exists), html)


def _target(url: str, folder: str) -> str | None:
    """The commune-relative path a local link names, or None for external links and pages (no extension)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not LOCAL.match(url) or not posixpath.splitext(path)[1]:
        return None
    return posixpath.normpath(posixpath.join(folder, path))


def _picture(match: re.Match, folder: str, pictures: dict[str, Picture], exists) -> str:
    attrs = dict(ATTR.findall(match["attrs"]))
    src = attrs.get("src", "")
    rel = _target(src, folder)
    if rel is None:
        return match[0]
    alt = unescape(attrs.get("alt", ""))
    if rel in pictures:
        base = posixpath.dirname(src)
        return picture_html(pictures[rel], f"{base}/" if base else "", alt, "article", css_class="body-picture")
    if not exists(rel):
        return f'<span class="missing-file">[{escape(alt) or "Ảnh"}]</span>'
    return match[0]


def with_sizes(html: str, folder: Path) -> str:
    """Width and height on every ``<img>`` that has none, read from its file (a shared page's pictures are
    published as they are, without the pipeline): the page keeps its layout while they load. The page is one
    folder below its source (``trang/<slug>/`` from ``<slug>.md``), so a picture's address, relative to the page,
    is resolved from a folder inside ``folder``."""
    return IMG.sub(lambda match: _sized(match, folder), html)


def _sized(match: re.Match, folder: Path) -> str:
    attrs = dict(ATTR.findall(match["attrs"]))
    src = unescape(attrs.get("src", ""))
    if "width" in attrs or not LOCAL.match(src):
        return match[0]
    path = Path(posixpath.normpath(posixpath.join(folder.as_posix(), "page", src.split("?")[0])))
    try:
        from PIL import Image

        with Image.open(path) as image:
            width, height = image.size
    except OSError:
        return match[0]  # not a picture we can read: left as written (the reading stage reports missing files)
    return f'<img{match["attrs"]} width="{width}" height="{height}" loading="lazy" decoding="async">'


def _link(match: re.Match, folder: str, exists) -> str:
    rel = _target(unescape(match["href"]), folder)
    if rel is not None and not exists(rel):
        return f'<span class="missing-file">{match["text"]}</span>'
    return match[0]


def _video_paragraph(match: re.Match) -> str:
    href = unescape(match["href"])
    if youtube_id(href) is None:
        return match[0]
    title = re.sub(r"<[^>]+>", "", match["text"]).strip() or "Video"
    return str(youtube_facade(href, unescape(title)))
