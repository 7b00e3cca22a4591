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
    default: float
    province: tuple[str, ...]
    staff: tuple[str, ...]
    boosts: dict[str, float]

    def weight(self, url: str) -> float:
        return self.weights.get(category_folder(url), self.default)

    def boost(self, url: str) -> float:
        return self.boosts.get(category_folder(url), 1)

    def is_staff(self, url: str) -> bool:
        return any(url.startswith(page) for page in self.staff)

    def in_province(self, url: str) -> bool:
        """An item of one of the provincial categories (not the category's own page: its listing is per commune)."""
        return category_folder(url) in self.province and len([part for part in url.split("/") if part]) > 1


@functools.cache
def ranking(path: Path = DATA) -> Ranking:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights = {str(key): float(value) for key, value in data["weights"].items()}
    boosts = {str(key): float(value) for key, value in data.get("boost", {}).items()}
    return Ranking(weights, float(data["default"]), tuple(data["province"]), tuple(data["staff"]), boosts)


def category_folder(url: str) -> str:
    """``/en/van-ban/x/`` → ``van-ban``: the first folder of a page's address, after its language's."""
    parts = [part for part in url.split("/") if part]
    if len(parts) > 1 and len(parts[0]) == LANGUAGE_FOLDER_LENGTH:
        parts = parts[1:]
    return parts[0] if parts else ""
