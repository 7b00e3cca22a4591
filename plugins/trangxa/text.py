"""Vietnamese text rules: NFC on read, ASCII slugs, Vietnamese dates.

Unicode NFC is the national standard (TCVN 6909:2001), but text pasted from macOS arrives in NFD; every string
we read goes through :func:`nfc`. ``đ`` has no Unicode decomposition, so stripping marks alone leaves it: the
slug and fold rules map it to ``d`` explicitly.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")  # a DNS host name, lower case
WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

# Old-style tone placement ("hoà", "thuỷ") and new style ("hòa", "thủy") are both valid NFC but different
# code points; the official commune list mixes them. Matching folds old style to new.
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


def nfc(text: str) -> str:
    """The text in Unicode NFC, the form the standard asks for."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ASCII form for matching: marks removed, đ → d, spaces kept."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """ASCII slug: diacritics removed, đ → d, words joined by hyphens. Stable for the same text."""
    words = re.findall(r"[a-z0-9]+", fold(nfc(text)))
    return "-".join(words)


def same_name(a: str, b: str) -> bool:
    """True when two Vietnamese names differ only by tone-mark placement, case or normal form."""
    return new_style_tones(nfc(a)).casefold() == new_style_tones(nfc(b)).casefold()


def new_style_tones(text: str) -> str:
    """Move old-style tone marks (hoà, thuỷ) to the new-style place (hòa, thủy)."""
    for old, new in _OLD_TONE.items():
        text = re.sub(old + r"(?![a-zđ])", new, text)
        text = re.sub(old.capitalize() + r"(?![a-zđ])", new.capitalize(), text)
    return text


def vn_date(day: dt.date | None, weekday: bool = True) -> str:
    """A date written the Vietnamese way: "Thứ Sáu, 17/11/2023" (or "17/11/2023")."""
    if day is None:
        return ""
    plain = f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{WEEKDAYS_VI[day.weekday()]}, {plain}" if weekday else plain


def vn_number(value: int | float | None) -> str:
    """A number with the dot as thousands separator and the comma for decimals: 2.000,5."""
    if value is None:
        return ""
    whole, _, frac = f"{value:,.2f}".partition(".") if isinstance(value, float) else (f"{value:,}", "", "")
    whole = whole.replace(",", ".")
    frac = frac.rstrip("0")
    return f"{whole},{frac}" if frac else whole
