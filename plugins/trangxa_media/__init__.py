"""Pelican plugin: pictures and videos of a commune site.

The pipeline (``images``) turns every picture into small WebP/JPEG renditions with no metadata, cached by content
hash; ``albums`` makes the photo library from folders of pictures; ``markup`` and ``body`` write the HTML —
``<picture>`` with ``srcset``, YouTube as a click-to-load player. Templates call ``picture(rel, alt, …)``.
"""

from pelican import signals

from trangxa_media.templating import add_globals


def register() -> None:
    signals.generator_init.connect(add_globals)
