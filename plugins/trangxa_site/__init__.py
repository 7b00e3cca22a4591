"""Pelican plugin: one commune's site — home, a page per category, item pages, sitemaps, feeds, 404.

Active only in a run whose settings carry a commune (``TRANGXA_RUN.commune``); the provincial index run
uses ``trangxa_province`` instead.
"""

from pelican import signals

from trangxa_render.filters import add_filters
from trangxa_site.generator import CommuneGenerator


def add_generator(pelican):
    run = pelican.settings.get("TRANGXA_RUN")
    return CommuneGenerator if run is not None and run.commune is not None else None


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_filters)
