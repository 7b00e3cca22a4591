"""One site through Pelican: the shared settings file, what differs per site on top, the job under one key.

Pelican only renders here: the job holds everything already read and checked. Whatever goes wrong inside Pelican
becomes a finding for that site, and the site is reported as not built (its folder is then never published).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from trangxa.build.jobs import SETTINGS_KEY, CommuneJob, IndexJob, RenderResult
from trangxa.law.findings import Problem
from trangxa.options import BuildOptions


def render(options: BuildOptions, job: CommuneJob | IndexJob, output: Path, site_url: str, name: str) -> tuple[bool, RenderResult]:
    """Run Pelican for one site into ``output``; returns whether it finished, and what it reported."""
    site = job.commune.slug if job.commune else "tinh"
    settings = site_settings(options, job, output, site_url, name)
    try:
        _run(settings)
    except Exception as err:  # noqa: BLE001 - one site's failure must not stop the others
        result = _result(job, site)
        result.report(f"{site}/", Problem("build-failed", {"detail": f"{type(err).__name__}: {err}"[:300]}))
        return False, result
    return True, _result(job, site)


def _result(job, site: str) -> RenderResult:
    return RenderResult.load(job.result) if job.result.is_file() else RenderResult(site)


def site_settings(options: BuildOptions, job, output: Path, site_url: str, name: str) -> dict:
    """Pelican settings for one site: the shared settings file, with what differs per site on top."""
    override = {
        "PATH": str(job.source if isinstance(job, CommuneJob) else job.pages_source),
        "OUTPUT_PATH": str(output),
        "SITEURL": site_url,
        "CANONICAL_BASE": site_url,
        "SITENAME": name,
        "AUTHOR": name,  # the feeds' author: the unit that publishes
        SETTINGS_KEY: job,
    }
    if options.relative_urls is not None:
        override["RELATIVE_URLS"] = options.relative_urls
    if isinstance(job, IndexJob):
        override["DELETE_OUTPUT_DIRECTORY"] = False  # the index writes around the communes' sites
    from pelican.settings import read_settings  # here: a build with nothing to do never loads Pelican (0.25 s)

    settings = read_settings(str(options.settings_file), override=override)
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], **_compiled_templates(options.cache_path())}
    return settings


def _compiled_templates(cache: Path) -> dict:
    """Templates compiled once, kept in the cache (checked against their source), not again for every site; and
    not checked for changes while a site is written (a build never edits its theme)."""
    folder = cache / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return {"bytecode_cache": FileSystemBytecodeCache(str(folder)), "auto_reload": False}


def _run(settings: dict) -> None:
    from pelican import Pelican
    from pelican.log import console

    console.quiet = True  # Pelican prints a "Done: …" line per run; our report says it once
    Pelican(settings).run()
