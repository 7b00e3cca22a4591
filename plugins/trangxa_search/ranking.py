"""What the search ranks first and what it leaves out, from ``ranking.yml`` (data, not code): a weight per category
folder, the categories of the provincial index, the staff pages."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("ranking.yml")
LANGUAGE_FOLDER_LENGTH = 2  # "en/", "km/": a translation's address starts with its language


@dataclass(frozen=True)
class Ranking:
    weights: dict[str, float]
    province: tuple[str, ...]
    staff: tuple[str, ...]

    def weight(self, url: str) -> float:
        return float(self.weights.get(category_folder(url), 1))

    def is_staff(self, url: str) -> bool:
        return any(url.startswith(page) for page in self.staff)

    def in_province(self, url: str) -> bool:
        return category_folder(url) in self.province


@functools.cache
def ranking(path: Path = DATA) -> Ranking:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Ranking({str(k): float(v) for k, v in data["weights"].items()}, tuple(data["province"]), tuple(data["staff"]))


def category_folder(url: str) -> str:
    """``/en/van-ban/x/`` → ``van-ban``: the first folder of a page's address, after its language's."""
    parts = [part for part in url.split("/") if part]
    if len(parts) > 1 and len(parts[0]) == LANGUAGE_FOLDER_LENGTH:
        parts = parts[1:]
    return parts[0] if parts else ""
