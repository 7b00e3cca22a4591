"""Pelican plugin: the provincial index — every commune page of the province (those that could not be built
named, with why), their latest news, the compliance dashboard, the quarterly report and the province's pages.

Active only in a run whose job (``settings["TRANGXA"]``) is the index's. The summaries it shows are those each
commune's build left beside its site (``trangxa.json``), read by the build before this run.
"""

from pelican import signals

from trangxa.build.jobs import SETTINGS_KEY, IndexJob
from trangxa_render.filters import add_filters
from trangxa_province.generator import ProvinceGenerator


def add_generator(pelican):
    return ProvinceGenerator if isinstance(pelican.settings.get(SETTINGS_KEY), IndexJob) else None


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_filters)
