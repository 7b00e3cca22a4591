"""Pelican plugin: stops ``pelican content -s pelicanconf.py`` (the first command of every Pelican tutorial) with one
line in Vietnamese and English that points to ``invoke build``, instead of a traceback from a plugin that finds
no build job in its settings. trangxa drives Pelican itself, once per site, with the job in the settings."""

from pelican import signals

from trangxa.build.jobs import SETTINGS_KEY

MESSAGE = ("Không chạy pelican trực tiếp: hãy chạy `invoke build` (tạo mọi trang) hoặc `invoke serve` (tạo rồi xem). "
           "/ Do not run pelican directly: run `invoke build` (or `invoke serve`), which drives Pelican for each site.")


def require_build(pelican) -> None:
    """Connected to ``initialized``: before any reader or generator needs the job."""
    if pelican.settings.get(SETTINGS_KEY) is None:
        raise SystemExit(MESSAGE)  # not an Exception: Pelican's main lets it through, and Python prints the line


def register() -> None:
    signals.initialized.connect(require_build)
