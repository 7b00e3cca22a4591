"""The options of a run (check, build, report, publish), shared by ``cli.py`` and ``tasks.py``: from the command
line, else from ``TRANGXA_*`` environment variables, else the defaults below."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class BuildError(Exception):
    """The run itself cannot be done (no communes folder, an unknown commune, a broken province file)."""


@dataclass(frozen=True)
class BuildOptions:
    communes_dir: Path = ROOT / "communes"
    output: Path = ROOT / "output"
    commune: str | None = None
    jobs: int = 0  # 0: one per core
    province_file: Path | None = None  # default: province.yml beside the communes folder, else the repo's
    content_dir: Path = ROOT / "content"
    settings_file: Path = ROOT / "pelicanconf.py"
    relative_urls: bool | None = None  # None: as the settings file says
    as_of: dt.date | None = None  # the day the law is checked as of; None: the province's reference date for
    # sample data (ngay_tham_chieu), else the build day — resolved once the province is read (``on``)
    timeout: float = 600.0  # seconds one commune may take to be read, checked and built
    changed_since: str | None = None  # a Git revision: only the communes changed since (a pull request's base)
    shard: tuple[int, int] | None = None  # (K, N): build every N-th commune, starting with the K-th; no index
    merge_from: tuple[Path, ...] = ()  # build no commune: take their sites from these outputs, build the index
    keep_last_good: bool = False  # a commune whose files have errors keeps its previous site (publishing)
    cache_dir: Path | None = None  # processed pictures by content hash; default .trangxa-cache beside the output

    def on(self, reference: dt.date | None) -> "BuildOptions":
        """These options with the day the run is checked as of decided: the one given, else the sample data's
        reference date, else today."""
        return replace(self, as_of=self.as_of or reference or dt.date.today())

    @property
    def partial(self) -> bool:
        """Whether the run is about some communes only (the others keep what they have)."""
        return bool(self.commune or self.changed_since or self.shard)

    def cache_path(self) -> Path:
        return self.cache_dir or self.output.parent / ".trangxa-cache"

    def province_path(self) -> Path:
        if self.province_file:
            return self.province_file
        beside = self.communes_dir.parent / "province.yml"
        return beside if beside.is_file() else ROOT / "province.yml"


def with_defaults_from_env(options: BuildOptions) -> BuildOptions:
    """Options not given on the command line may come from TRANGXA_* environment variables."""
    env = os.environ
    if not env.get("TRANGXA_JOBS", "0").isdigit():
        raise BuildError(f"TRANGXA_JOBS phải là một số, không phải '{env['TRANGXA_JOBS']}'.")
    return replace(
        options,
        communes_dir=Path(env.get("TRANGXA_COMMUNES_DIR", options.communes_dir)),
        output=Path(env.get("TRANGXA_OUTPUT", options.output)),
        commune=env.get("TRANGXA_COMMUNE", options.commune) or None,
        jobs=int(env.get("TRANGXA_JOBS", options.jobs)),
    )
