"""The template functions of the media plugin: ``picture(rel, alt, sizes, eager)``, ``picture_url(rel)`` and
``youtube(url, title, poster)``, reading the site's processed pictures from the page's context."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from trangxa_media.markup import largest, picture_html, youtube_facade


def _base(context, rel: str) -> str:
    folder = rel.rpartition("/")[0]
    return f"{context['SITEURL']}/{folder}/" if folder else f"{context['SITEURL']}/"


@pass_context
def picture(context, rel: str, alt: str = "", sizes: str = "full", eager: bool = False, css_class: str = ""):
    """A processed picture as ``<picture>``; nothing for a picture that is not published (already a finding)."""
    found = context.get("pictures", {}).get(rel)
    if found is None:
        return Markup("")
    return picture_html(found, _base(context, rel), alt, sizes, eager, css_class)


@pass_context
def picture_url(context, rel: str, absolute: bool = False) -> str:
    """The full-size rendition (JPEG or PNG), for a download link or Open Graph (``absolute``: the canonical URL)."""
    found = context.get("pictures", {}).get(rel)
    if found is None:
        return ""
    folder = rel.rpartition("/")[0]
    root = context["CANONICAL_BASE"] if absolute else context["SITEURL"]
    return f"{root}/{folder + '/' if folder else ''}{largest(found).name}"


def youtube(url: str, title: str, poster: str = "") -> Markup:
    return youtube_facade(url, title, Markup(poster))


def add_globals(generator) -> None:
    """Connected to ``generator_init``: every template can call these."""
    generator.env.globals.update(picture=picture, picture_url=picture_url, youtube=youtube)
