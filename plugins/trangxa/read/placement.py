"""Files in the wrong place: the categories a misplaced file could belong to (named in its finding), and the
attachments of a record that could not be read, which are not published on their own."""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from trangxa.law.findings import Problem, ProblemError
from trangxa.law.profile import Profile
from trangxa.read.sources import load_mapping, read_source, split_front_matter


def candidates(profile: Profile, folder: str, path: Path) -> str:
    """The categories a misplaced file could belong to: those whose record type has the fields the file has (when
    it can be read), else those whose folder name is close to its folder's, else the menu's."""
    slugs = _by_fields(profile, path) or difflib.get_close_matches(folder, [c.slug for c in profile.categories],
                                                                    n=3, cutoff=0.5)
    slugs = slugs or [category.slug for category in profile.menu()]
    return ", ".join(f"{slug}/ ({profile.category(slug).name})" for slug in slugs[:4])


def _by_fields(profile: Profile, path: Path) -> list[str]:
    if path.suffix not in (".md", ".yml", ".yaml"):  # an attachment has no fields
        return []
    try:
        text = read_source(path).text
        header = split_front_matter(text).header if path.suffix == ".md" else text
        keys = set(load_mapping(header).data)
    except (ProblemError, OSError, AttributeError):
        return []
    scores = {name: len(keys & set(rt.keys)) for name, rt in profile.record_types.items() if name != "trang"}
    best = max(scores.values(), default=0)
    if best < 2:
        return []
    return [c.slug for c in profile.categories if scores.get(c.record_type) == best and not profile.children(c.slug)]


def hold_attachments(root: Path, assets: list[str], unread: list[str]) -> tuple[list[str], list[tuple[str, Problem]]]:
    """The attachments of a record that could not be read are not published on their own: those beside it with its
    name (112-qd-ubnd.yml → 112-qd-ubnd.pdf) or named in its text."""
    held: dict[str, str] = {}
    for rel in unread:
        path = PurePosixPath(rel)
        try:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        for asset in assets:
            own = PurePosixPath(asset)
            if own.parent == path.parent and (own.stem == path.stem or own.name in text):
                held.setdefault(asset, path.name)
    problems = [(asset, Problem("attachment-held", {"value": PurePosixPath(asset).name, "record": record}))
                for asset, record in held.items()]
    return [asset for asset in assets if asset not in held], problems


