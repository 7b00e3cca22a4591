"""Pelican plugin: the theme's stylesheets and scripts as a reader downloads them — minified in each site's output
once Pelican has copied them (the sources in ``themes/trangxa/static/`` stay readable)."""

from pathlib import Path

from pelican import signals

from trangxa_theme.minify import minify_folder


def minify_theme(pelican) -> None:
    """Connected to ``finalized``."""
    minify_folder(Path(pelican.output_path) / pelican.settings.get("THEME_STATIC_DIR", "theme"))


def register() -> None:
    signals.finalized.connect(minify_theme)
