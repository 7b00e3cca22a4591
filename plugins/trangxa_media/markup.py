"""HTML for pictures and videos: ``<picture>`` with ``srcset``/``sizes`` and explicit width and height (no
layout shift), lazy below the fold; YouTube as a facade that loads nothing until the reader asks."""

from __future__ import annotations

from markupsafe import Markup, escape

from trangxa_media.images import Picture, Rendition
from trangxa_media.video import youtube_id

# How wide a picture is shown, for the browser to pick a rendition (the page is at most 68rem wide).
SIZES = {
    "full": "(min-width: 70rem) 66rem, 100vw",
    "article": "(min-width: 42rem) 40rem, 100vw",  # an item's text column (site.css: .item, .intro)
    "card": "(min-width: 48rem) 33rem, 100vw",
    "thumb": "(min-width: 48rem) 16rem, 50vw",
    "portrait": "160px",
    "small": "96px",
}


def srcset(base: str, renditions: tuple[Rendition, ...]) -> str:
    return ", ".join(f"{base}{r.name} {r.width}w" for r in sorted(renditions, key=lambda r: r.width))


def picture_html(picture: Picture, base: str, alt: str, sizes: str = "full", eager: bool = False,
                 css_class: str = "") -> Markup:
    """``base`` is the URL of the picture's folder as seen from the page (it ends with '/')."""
    fallback = picture.fallback
    src = min(fallback, key=lambda r: abs(r.width - 640))  # for browsers that know neither picture nor srcset
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    classes = f' class="{escape(css_class)}"' if css_class else ""
    size_attr = escape(SIZES.get(sizes, sizes))
    return Markup(
        f'<picture><source type="image/webp" srcset="{escape(srcset(base, picture.of_format("WEBP")))}" '
        f'sizes="{size_attr}">'
        f'<img{classes} src="{escape(base + src.name)}" srcset="{escape(srcset(base, fallback))}" '
        f'sizes="{size_attr}" width="{picture.width}" height="{picture.height}" alt="{escape(alt)}" '
        f'{loading} decoding="async"></picture>'
    )


def largest(picture: Picture, fmt: str | None = None) -> Rendition:
    """The full-size rendition (for the photo view, and for Open Graph, which wants a JPEG or PNG)."""
    pool = picture.of_format(fmt) if fmt else picture.fallback
    return max(pool, key=lambda r: r.width)


def youtube_facade(url: str, title: str, poster: Markup | str = "") -> Markup:
    """A link to the video that our script turns into the privacy-enhanced player on click; without script it
    simply opens the video. Nothing from YouTube is loaded before the click."""
    video = youtube_id(url)
    if video is None:
        return Markup("")
    embed = f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1"
    watch = f"https://www.youtube.com/watch?v={video}"
    return Markup(
        f'<div class="video-facade" data-embed="{escape(embed)}" data-title="{escape(title)}">'
        f'<a class="video-play" href="{escape(watch)}" rel="noopener noreferrer">{poster}'
        f'<span class="video-label"><span aria-hidden="true">▶</span> Xem video: {escape(title)}'
        f'<span class="meta"> (mở YouTube; trang chỉ tải video khi bạn bấm)</span></span></a></div>'
    )
