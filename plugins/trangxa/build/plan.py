"""Which communes keep their published site: a commune whose inputs have not changed since its published site was
built is not built again (``fingerprint``); when nothing changed at all, nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trangxa.build import fingerprint
from trangxa.build.release import linked_sites, read_state, write_state
from trangxa.build.results import SiteResult, site_result_data, site_result_from
from trangxa.options import ROOT, BuildOptions


@dataclass
class Plan:
    """Which communes keep their published site, from the fingerprints of the last build (``release.STATE``)."""

    state: dict
    ids: fingerprint.ContentIds  # the content ids of files (and the stat cache the next run starts from)
    common: str  # the fingerprint of what every site shares
    stamps: dict[str, str]  # slug → the fingerprint of the commune's inputs now
    reused: dict[str, SiteResult]  # slug → the result its published site was built with
    index: SiteResult | None = None

    @classmethod
    def make(cls, options: BuildOptions, selected: list[Path]) -> Plan:
        state = read_state(options.output)
        ids = fingerprint.ContentIds(ROOT, state.get("files"), (options.communes_dir,))
        common = fingerprint.shared(ids,
            [ROOT / "plugins", ROOT / "themes", ROOT / "profiles", ROOT / "requirements.txt", ROOT / "pelicanconf.py",
             ROOT / "package-lock.json", options.settings_file, options.province_path(), options.content_dir / "chung"],
            {"packages": fingerprint.packages(), "as_of": options.as_of, "relative_urls": options.relative_urls,
             "keep": options.keep_last_good, "settings": options.settings_file.name, "timeout": options.timeout})
        stamps = {folder.name: fingerprint.digest(common, ids.tree(folder)) for folder in selected}
        published = linked_sites(options.output) if options.output.is_dir() else {}
        reused = {}
        for slug, stamp in stamps.items():
            known = state.get("communes", {}).get(slug, {})
            if known.get("fingerprint") == stamp and published.get(slug) == known.get("site"):
                reused[slug] = site_result_from(known["result"])
        return cls(state, ids, common, stamps, reused)

    def index_stamp(self, options: BuildOptions, links: dict[str, str]) -> str:
        return fingerprint.digest(self.common, self.ids.tree(options.content_dir / "tinh"), sorted(links.items()))

    def unchanged(self, folders: list[Path], options: BuildOptions) -> bool:
        """True when every selected commune keeps its site and the index would be what is published."""
        if options.merge_from or len(self.reused) < len(self.stamps):
            return False
        if options.shard:
            return True
        links = linked_sites(options.output)
        known = self.state.get("index", {})
        if set(links) != {folder.name for folder in folders} or known.get("fingerprint") != self.index_stamp(options, links):
            return False
        self.index = site_result_from(known["result"])
        return True

    def save(self, options: BuildOptions, results: list[SiteResult], index: SiteResult | None,
             links: dict[str, str]) -> None:
        communes = dict(self.state.get("communes", {})) if options.partial else {}
        known = self.state.get("communes", {})
        for result in results:
            if result.reused:  # as it was recorded (converting a result back costs ~2 ms a commune)
                communes[result.name] = known[result.name]
            elif result.name in links and result.name in self.stamps and reusable(result):
                communes[result.name] = {"fingerprint": self.stamps[result.name], "site": links[result.name],
                                         "result": site_result_data(result)}
        state = {"communes": communes}
        if index is not None and index.built:
            state["index"] = {"fingerprint": self.index_stamp(options, links), "result": site_result_data(index)}
        state["files"] = {**self.state.get("files", {}), **self.ids.used} if options.partial else self.ids.used
        write_state(options.output, state)


RETRY = frozenset({"build-failed", "build-crashed", "build-timeout", "search-failed"})  # what a fix outside the commune's files may mend


def reusable(result: SiteResult) -> bool:
    """A site is reused only if it was built whole: a failed build or search is tried again on the next run."""
    return result.built and not any(finding.rule in RETRY for finding in result.findings)
