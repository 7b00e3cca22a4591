"""Pelican plugin: the provincial index — every commune page of the province, and their latest news.

Active only in the run without a commune (``TRANGXA_RUN.commune is None``). It reads the summary each commune
build left beside its site (``trangxa.json``), so one commune can be rebuilt without rebuilding the others.
"""

from pelican import signals

from trangxa_render.filters import add_filters

from trangxa_province.generator import ProvinceGenerator


def add_generator(pelican):
    run = pelican.settings.get("TRANGXA_RUN")
    return ProvinceGenerator if run is not None and run.commune is None else None


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_filters)
