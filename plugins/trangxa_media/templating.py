"""The template functions of the media plugin: ``picture(rel, alt, sizes, eager)``, ``picture_url(rel)``,
``youtube(url, title, poster)``, reading the site's processed pictures from the page's context, ``share_card(title)``
and ``sized_images(html, source)``."""

from __future__ import annotations

from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup, escape

from trangxa_media import cards
from trangxa_media.body import with_sizes
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


@pass_context
def share_card(context, title: str) -> Markup:
    """Open Graph tags for the page's share card (``cards``), drawn beside the page being written."""
    commune, province = context.get("commune"), context["province"]
    emblem = Path(context["PATH"], commune.emblem) if commune and commune.emblem else None
    url = context["page_url"]
    cache = context["TRANGXA"].cache / "cards"  # the build's job: its cache folder
    footer = f"{commune.province if commune else province.name} · {context['CANONICAL_BASE'].split('://')[-1]}"
    card = cards.share_card(title, commune.name if commune else province.name, emblem,
                            Path(context["OUTPUT_PATH"], url), cache, footer)
    return Markup(f'<meta property="og:image" content="{escape(context["CANONICAL_BASE"])}/{escape(url)}{card.name}">\n'
                  f'<meta property="og:image:width" content="{cards.WIDTH}">'
                  f'<meta property="og:image:height" content="{cards.HEIGHT}">\n'
                  f'<meta property="og:image:alt" content="{escape(title)}">')


@pass_context
def sized_images(context, html: str, source: str) -> Markup:
    """A shared page's HTML with every picture's width and height (``body.with_sizes``); ``source`` is the page's
    Markdown file, whose folder holds its pictures."""
    return Markup(with_sizes(str(html), Path(source).parent))


def add_globals(generator) -> None:
    """Connected to ``generator_init``: every template can call these."""
    generator.env.globals.update(picture=picture, picture_url=picture_url, youtube=youtube, share_card=share_card,
                                 sized_images=sized_images)
