"""What a build gives back, per site and as a whole: returned as data, printed by the command line."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from trangxa.law.findings import Finding, rule_status


@dataclass(frozen=True)
class SiteResult:
    name: str  # the commune's slug, or "tinh" for the provincial index
    built: bool
    findings: tuple[Finding, ...]
    pages: int
    seconds: float
    summary: dict = field(default_factory=dict)  # what the provincial index shows of the commune (trangxa.json)
    kept_previous: bool = False  # not built, or its files had errors: its previous site was kept
    images: dict = field(default_factory=dict)  # the image pipeline's counts (made, reused, bytes in and out)
    reused: bool = False  # nothing it is built from changed: its published site was kept as it is
    unit_name: str = ""  # the commune's full name, when its commune.yml could be read
    domain: tuple = ()  # (ten_mien, its line in commune.yml), when declared: no two communes may share one

    @property
    def content_errors(self) -> bool:
        """Errors in the files themselves (unreadable, invalid fields) — not gaps the law checks find."""
        return not self.built or any(f.severity == "error" and rule_status(f.rule) is None and not f.accepted
                                     for f in self.findings)

    @property
    def failure(self) -> str:
        """Why the site could not be built ("" when it was): the build's own failure, else the first error in
        the files (commune.yml) — never a compliance gap, which does not stop a build."""
        if self.built:
            return ""
        errors = sorted((f for f in self.findings if f.severity == "error" and rule_status(f.rule) is None),
                        key=lambda f: not f.rule.startswith("build-"))
        return errors[0].message if errors else "Không rõ nguyên nhân."


@dataclass(frozen=True)
class BuildResult:
    communes: tuple[SiteResult, ...]
    index: SiteResult | None
    shared: tuple[Finding, ...] = ()  # the pages every site carries (content/chung), read once for all

    @property
    def sites(self) -> tuple[SiteResult, ...]:
        return self.communes + ((self.index,) if self.index else ())

    @property
    def findings(self) -> list[Finding]:
        return [f for site in self.sites for f in site.findings] + list(self.shared)

    @property
    def failed(self) -> list[str]:
        return [site.name for site in self.sites if not site.built]

    @property
    def pages(self) -> int:
        return sum(site.pages for site in self.sites)


def site_result_data(result: SiteResult) -> dict:
    data = asdict(result)
    data["findings"] = [finding.as_dict() for finding in result.findings]
    return data


def site_result_from(data: dict) -> SiteResult:
    findings = tuple(Finding(**finding) for finding in data["findings"])
    return SiteResult(**{**data, "findings": findings, "seconds": 0.0, "reused": True})
