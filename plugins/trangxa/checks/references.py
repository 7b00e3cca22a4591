"""References between records: a document that replaces (thay_the) or amends (sua_doi) another, a news item that
names the documents it is about (van_ban). The profile says which fields refer (``refers: so_ky_hieu``); here a
reference is matched to the record it names, and every link is known both ways.

A số ký hiệu repeats from year to year (numbering restarts each January: 58/QĐ-UBND of 2025 and of 2026), so when
several records carry the number, the one issued last on or before the referring record wins: a decision can only
replace an earlier one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from trangxa.read.items import Item
from trangxa.law.profile import FieldSpec, Profile
from trangxa.text import new_style_tones, nfc


@dataclass(frozen=True)
class Reference:
    field: FieldSpec  # the referring field (thay_the)
    source: Item  # the record that refers
    text: str  # what was written ("58/QĐ-UBND")
    target: Item | None  # the record it names, when the commune has it


def number_key(text: str) -> str:
    """A số ký hiệu as compared: NFC, one tone style, no spaces, upper case (``58/qđ-ubnd`` = ``58/QĐ-UBND``)."""
    return re.sub(r"\s+", "", new_style_tones(nfc(text))).upper()


def item_date(item: Item, profile: Profile) -> dt.date | None:
    date_field = profile.record_types[item.record_type].date_field
    value = item.values.get(date_field) if date_field else None
    return value if isinstance(value, dt.date) else None


def references(profile: Profile, items: list[Item]) -> list[Reference]:
    """Every reference written in any record, resolved against the records that carry the referred field."""
    keys = {spec.refers for record_type in profile.record_types.values() for spec in record_type.fields}
    index: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        for key in keys & item.values.keys():
            if isinstance(item.values[key], str):
                index.setdefault((key, number_key(item.values[key])), []).append(item)
    found = []
    for item in items:
        for spec in profile.record_types[item.record_type].fields:
            for text in item.values.get(spec.key, ()) if spec.refers else ():
                candidates = index.get((spec.refers, number_key(text)), [])
                found.append(Reference(spec, item, text, _pick(candidates, item, profile)))
    return found


def _pick(candidates: list[Item], source: Item, profile: Profile) -> Item | None:
    """The latest candidate issued on or before the referring record (else the earliest one)."""
    others = [c for c in candidates if c.rel != source.rel]
    if not others:
        return None
    day = item_date(source, profile) or dt.date.max
    dated = sorted(others, key=lambda c: item_date(c, profile) or dt.date.min)
    before = [c for c in dated if (item_date(c, profile) or dt.date.min) <= day]
    return before[-1] if before else dated[0]
