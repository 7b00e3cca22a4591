"""Atomic output: a build never leaves ``output/`` half-written, and costs only what changed.

``output`` is a symbolic link to a complete release under ``.<output>-releases/``; in a release every commune is a
link to its site, a folder of ``sites/`` that is never written again once published::

    output -> .output-releases/release-<n>/
    .output-releases/release-<n>/<slug> -> ../sites/<slug>-<m>/
    .output-releases/release-<n>/index.html …  (the provincial index's own files)
    .output-releases/state.json                 (what each site was built from: ``build.Plan``)

A build writes a new staging release: links to the sites it keeps, new sites for the communes it builds, the
index's files. Only when it has finished does ``output`` point at it, with one atomic rename. Keeping a commune
costs one link, whatever its size. A build that is killed leaves the previous release in place; the next run
removes what the killed one left behind, and every site no release links to, with no manual clean-up.

Nothing is swapped in unverified: a commune's new site is linked only when it is whole (``incomplete``: its home
page and summary written, no empty page — what a full disk leaves), and the release only when the provincial
index was built and is whole too (``verify_release``); otherwise the previous release stays, untouched.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from trangxa.aggregate.summary import SUMMARY_FILE
from trangxa.config.commune import valid_slug
from trangxa.options import BuildError


REPORTS = "bao-cao"  # the quarterly reports, kept from release to release (a build rewrites only its quarter)


@contextlib.contextmanager
def output_lock(output: Path):
    """One build at a time on an output: a second one says so, in Vietnamese, instead of removing the first's
    staging folder under it."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.with_name(f".{output.name}.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"Đang có một lần tạo trang khác ghi vào {output}; chờ lần đó xong rồi chạy lại.") from None
        yield


def releases_dir(output: Path) -> Path:
    return output.parent / f".{output.name}-releases"


SITES = "sites"
STATE = "state.json"


@dataclass(frozen=True)
class Stage:
    path: Path  # where this build writes: the staging release
    previous: Path | None  # the release being replaced, if any (to keep a commune's last good site)

    @property
    def sites(self) -> Path:
        return self.path.parent / SITES

    def new_site(self, slug: str) -> Path:
        """A fresh folder for a commune's site (not yet created, not yet linked)."""
        return self.sites / f"{slug}-{time.time_ns()}"

    def link(self, slug: str, site: Path) -> None:
        entry = self.path / slug
        if entry.is_symlink() or entry.exists():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        entry.symlink_to(os.path.relpath(site, self.path))

    def site_of(self, slug: str) -> Path | None:
        """The site the previous release has for a commune; None when it has none."""
        old = self.previous / slug if self.previous else None
        if old is None or not (old / SUMMARY_FILE).is_file():
            return None
        if old.is_symlink():
            return old.resolve()
        site = self.new_site(slug)  # a release from before sites were linked: adopt its folder once
        shutil.copytree(old, site, copy_function=os.link, symlinks=True)
        return site

    def keep(self, slug: str) -> bool:
        """Link a commune to the site it has in the previous release; False when there was none (or the name can
        be no commune's: a release made before names were checked may hold one)."""
        site = self.site_of(slug) if valid_slug(slug) else None
        if site is not None:
            self.link(slug, site)
        return site is not None


@contextlib.contextmanager
def staged(output: Path, rebuild: set[str], keep_others: bool = True):
    """A staging release holding the current release's communes, minus those about to be rebuilt (``rebuild``);
    the provincial index's own files are always written again. Published on success, discarded on failure."""
    releases = releases_dir(output)
    (releases / SITES).mkdir(parents=True, exist_ok=True)
    current = _current(output)
    _remove_leftovers(releases, current)
    staging = releases / f"staging-{os.getpid()}-{time.time_ns()}"
    staging.mkdir()
    stage = Stage(staging, current)
    if current is not None and keep_others:
        for entry in sorted(current.iterdir()):
            if entry.name not in rebuild:
                stage.keep(entry.name)
    if current is not None and (current / REPORTS).is_dir():  # earlier quarters' reports stay published
        shutil.copytree(current / REPORTS, staging / REPORTS, copy_function=os.link)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _publish(output, staging, current)


def _current(output: Path) -> Path | None:
    if output.is_symlink():
        target = output.resolve()
        return target if target.is_dir() else None
    return output if output.is_dir() else None


def _publish(output: Path, staging: Path, previous: Path | None) -> None:
    release = staging.with_name(f"release-{time.time_ns()}")
    staging.rename(release)
    if output.exists() and not output.is_symlink():  # first run over a plain folder: keep it as a release
        output.rename(output.parent / releases_dir(output).name / f"release-{time.time_ns()}-old")
    link = output.with_name(f".{output.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)  # left by a build of the same process number that was killed here
    link.symlink_to(os.path.relpath(release, output.parent))
    os.replace(link, output)  # the atomic step
    _remove_leftovers(releases_dir(output), release)


def _remove_leftovers(releases: Path, keep: Path | None) -> None:
    """Staging folders of killed builds, superseded releases, and every site the kept release does not link."""
    linked = {entry.resolve() for entry in keep.iterdir() if entry.is_symlink()} if keep else set()
    for entry in releases.iterdir():
        if entry.name in (SITES, STATE):
            continue
        if keep is None or entry.resolve() != keep.resolve():
            shutil.rmtree(entry, ignore_errors=True)
    for site in (releases / SITES).iterdir() if (releases / SITES).is_dir() else ():
        if site.resolve() not in linked:
            shutil.rmtree(site, ignore_errors=True)


def keep_previous(stage: Stage, slug: str) -> bool:
    """Put a commune's site from the previous release back into the stage; False when there was none."""
    return stage.keep(slug)


def bring_in(stage: Stage, outputs: list[Path]) -> None:
    """Copy the commune sites other builds wrote (CI shards) into the stage."""
    for output in outputs:
        for site in sorted(p for p in output.resolve().iterdir() if (p / SUMMARY_FILE).is_file()):
            copy = stage.new_site(site.name)
            shutil.copytree(site, copy, symlinks=False)
            stage.link(site.name, copy)


HOME = "index.html"
WRITTEN = (".html", ".xml", ".json", ".txt", ".csv", ".js", ".css")  # never empty when written whole


def incomplete(site: Path, own_only: bool = False) -> str:
    """Why a built site is not whole ("" when it is): its home page or summary missing or empty, or any page,
    feed or data file left empty (a write that failed half-way). ``own_only``: not into the communes' links."""
    for required in (HOME,) if own_only else (HOME, SUMMARY_FILE):
        path = site / required
        if not path.is_file() or path.stat().st_size == 0:
            return f"thiếu {required}"
    for root, dirs, files in os.walk(site):
        if own_only:
            dirs[:] = [d for d in dirs if not Path(root, d).is_symlink()]
        for name in files:
            path = Path(root, name)
            if name.endswith(WRITTEN) and path.stat().st_size == 0:
                return f"tệp rỗng {path.relative_to(site).as_posix()}"
    return ""


def verify_release(stage: Path, index) -> None:
    """Refuse to publish a release whose provincial index was not built, or is not whole (BuildError: the
    previous release stays). ``index`` None: a shard, which has no index."""
    if index is None:
        return
    if not index.built:
        errors = [f.message for f in index.findings if f.severity == "error"]
        raise BuildError("Không tạo được trang chỉ mục của tỉnh" + (f" ({errors[0]})" if errors else "")
                         + "; bản đã đăng trước đó được giữ nguyên.")
    missing = incomplete(stage, own_only=True)
    if missing:
        raise BuildError(f"Trang chỉ mục của tỉnh tạo ra không đầy đủ ({missing}; có thể do hết dung lượng đĩa); "
                         "bản đã đăng trước đó được giữ nguyên.")


def linked_sites(release: Path) -> dict[str, str]:
    """slug → the name of the site folder a release links the commune to."""
    return {entry.name: entry.resolve().name for entry in release.iterdir()
            if entry.is_symlink() and (entry / SUMMARY_FILE).is_file()}


def read_state(output: Path) -> dict:
    """What the published sites were built from (``build.Plan``); empty when unknown or unreadable."""
    try:
        return json.loads((releases_dir(output) / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_state(output: Path, state: dict) -> None:
    path = releases_dir(output) / STATE
    scratch = path.with_name(f".{STATE}.{os.getpid()}")
    scratch.write_text(json.dumps(state, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(scratch, path)
