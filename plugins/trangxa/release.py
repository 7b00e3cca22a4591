"""Atomic output: a build never leaves ``output/`` half-written.

``output`` is a symbolic link to a complete release under ``.<output>-releases/``. A build works in a staging
copy (hard links of the current release, so unchanged communes cost nothing) and, only when it has finished,
points the link at it with one atomic rename. A build that is killed leaves the previous release in place; the
next run removes what the killed one left behind, with no manual clean-up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path


REPORTS = "bao-cao"  # the quarterly reports, kept from release to release (a build rewrites only its quarter)


def releases_dir(output: Path) -> Path:
    return output.parent / f".{output.name}-releases"


@dataclass(frozen=True)
class Stage:
    path: Path  # where this build writes
    previous: Path | None  # the release being replaced, if any (to keep a commune's last good site)


@contextlib.contextmanager
def staged(output: Path, rebuild: set[str], keep_others: bool = True):
    """A staging folder holding the current release, minus what is about to be rebuilt: the communes in
    ``rebuild`` and the provincial index's own files. Published on success, discarded on failure."""
    releases = releases_dir(output)
    releases.mkdir(parents=True, exist_ok=True)
    current = _current(output)
    _remove_leftovers(releases, current)
    staging = releases / f"staging-{os.getpid()}-{time.time_ns()}"
    if current is not None and keep_others:
        shutil.copytree(current, staging, copy_function=os.link, symlinks=True)
        _forget(staging, rebuild)
    else:
        staging.mkdir()
    if current is not None and (current / REPORTS).is_dir():  # earlier quarters' reports stay published
        shutil.rmtree(staging / REPORTS, ignore_errors=True)
        shutil.copytree(current / REPORTS, staging / REPORTS, copy_function=os.link)
    try:
        yield Stage(staging, current)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _publish(output, staging, current)


def _current(output: Path) -> Path | None:
    if output.is_symlink():
        target = output.resolve()
        return target if target.is_dir() else None
    return output if output.is_dir() else None


def _forget(staging: Path, rebuild: set[str]) -> None:
    """Unlink what will be written again, so that no write ever goes through a hard link into the live site."""
    for entry in staging.iterdir():
        is_other_commune = entry.is_dir() and (entry / "trangxa.json").is_file() and entry.name not in rebuild
        if not is_other_commune:
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()


def _publish(output: Path, staging: Path, previous: Path | None) -> None:
    release = staging.with_name(f"release-{time.time_ns()}")
    staging.rename(release)
    if output.exists() and not output.is_symlink():  # first run over a plain folder: keep it as a release
        output.rename(output.parent / releases_dir(output).name / f"release-{time.time_ns()}-old")
    link = output.with_name(f".{output.name}.link-{os.getpid()}")
    link.symlink_to(os.path.relpath(release, output.parent))
    os.replace(link, output)  # the atomic step
    _remove_leftovers(releases_dir(output), release)


def _remove_leftovers(releases: Path, keep: Path | None) -> None:
    """Staging folders of killed builds and superseded releases."""
    for entry in releases.iterdir():
        if keep is None or entry.resolve() != keep.resolve():
            shutil.rmtree(entry, ignore_errors=True)


def keep_previous(stage: Stage, slug: str) -> bool:
    """Put a commune's site from the previous release back into the stage; False when there was none."""
    old = stage.previous / slug if stage.previous else None
    if old is None or not (old / "trangxa.json").is_file():
        return False
    shutil.rmtree(stage.path / slug, ignore_errors=True)
    shutil.copytree(old, stage.path / slug, copy_function=os.link, symlinks=True)
    return True


def bring_in(stage: Stage, outputs: list[Path]) -> None:
    """Copy the commune sites other builds wrote (CI shards) into the stage."""
    for output in outputs:
        for site in sorted(p for p in output.resolve().iterdir() if (p / "trangxa.json").is_file()):
            shutil.rmtree(stage.path / site.name, ignore_errors=True)
            shutil.copytree(site, stage.path / site.name, symlinks=True)
