"""Pelican plugin: one commune's site — home, a page per category, item pages, sitemaps, feeds, 404, its search
index and its admin/.

Active only in a run whose job (``settings["TRANGXA"]``) is a commune's; the provincial index's run uses
``trangxa_province`` instead. Everything was read and checked before the run: the generator renders.
"""

from pelican import signals

from trangxa.build.jobs import SETTINGS_KEY, CommuneJob
from trangxa_render.filters import add_filters
from trangxa_site.generator import CommuneGenerator


def add_generator(pelican):
    return CommuneGenerator if isinstance(pelican.settings.get(SETTINGS_KEY), CommuneJob) else None


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_filters)
