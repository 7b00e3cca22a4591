"""Pelican plugin: ``/admin/`` on each commune site — Decap CMS, for staff who prefer forms to files.

The CMS configuration is generated from the legal profile (one collection per category, its fields with the
profile's Vietnamese labels, required flags and choices), so it can never disagree with the checks. The Decap
CMS script is the one vendored from the npm package at set-up (``npm ci``: node_modules/decap-cms/dist/); nothing
is loaded from a CDN. A preview build (``previewconf.py``: ``PREVIEW``) gets no admin: unreviewed content never
sits beside it.
"""

from pathlib import Path

from pelican import signals

from trangxa_admin.admin import write_admin


def on_finalized(pelican) -> None:
    """The only code that reads the build's settings: the site's folder, the province and the commune (None for
    the provincial index); ``write_admin`` does the rest."""
    run = pelican.settings.get("TRANGXA_RUN")
    if run is None or not run.province.repository or pelican.settings.get("PREVIEW"):
        return
    write_admin(Path(pelican.output_path), run.province, run.commune, run.report)


def register() -> None:
    signals.finalized.connect(on_finalized)
