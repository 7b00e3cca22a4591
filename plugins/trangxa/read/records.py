"""Turning the strings staff typed into typed values, field by field, as the profile declares them.

Every conversion problem becomes a :class:`~trangxa.findings.Problem` at the field's line; the item is still
published with what could be read (losing a whole item for one bad date would hide the rest of it).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from trangxa.law.findings import Problem
from trangxa.law.profile import FieldSpec, RecordType
from trangxa.read.numbers import is_document_number
from trangxa.read.plausible import plausible
from trangxa.text import EMAIL, HOST, nfc, same_name

DATE_FORMATS = (
    re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$"),  # 17/11/2023, how staff type it
    re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$"),  # 17-11-2023
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),  # 2023-11-17
)
SHORT_YEAR = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2}$")  # 17/11/23: which century, which order?
TIME = re.compile(r"^(?P<h>\d{1,2})\s*(?:[:hg]\s*(?P<m>\d{2})?)?$")
PHONE = re.compile(r"^\+?[\d\s.()-]{6,20}$")
NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+(?:,\d+)?$")


@dataclass(frozen=True)
class Record:
    """The typed values of one item, the line of each field, and what was wrong while reading them."""

    values: dict
    lines: dict = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def convert(record_type: RecordType, raw: dict, lines: dict[str, int], header_line: int = 1) -> Record:
    """Convert every declared field; report missing required fields (at ``header_line``) and unknown keys."""
    values: dict = {}
    problems: list[Problem] = []
    for spec in record_type.fields:
        value = raw.get(spec.key)
        if _blank(value):
            if spec.required:
                problems.append(Problem("missing-field", {"field": spec.key, "label": spec.label}, header_line))
            continue
        if spec.type == "files":
            value, titles = _titled(value)
            if titles:
                values[f"{spec.key}{TITLES}"] = titles
        try:
            values[spec.key] = convert_value(spec, value)
        except ValueError as err:
            problems.append(_bad_value(spec, value, lines.get(spec.key), str(err)))
    for key in raw:
        if record_type.field(key) is None:
            problems.append(_unknown(key, record_type, lines.get(key)))
    problems += [_none_of(record_type, group, header_line) for group in record_type.one_of
                 if not any(key in values or not _blank(raw.get(key)) for key in group)]
    return Record(values, dict(lines), tuple(problems))


TITLES = "_tieu_de"  # values[<files field> + TITLES]: each attachment's own title, by file name


def _titled(value):
    """Attachments written with their titles (``- {tep: a.pdf, tieu_de: Phụ lục}``) → the file names, and the titles
    by file name; plain names pass unchanged."""
    items = value if isinstance(value, list) else [value]
    names, titles = [], {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("tep"), str) and set(item) <= {"tep", "tieu_de"}:
            names.append(item["tep"])
            if isinstance(item.get("tieu_de"), str) and item["tieu_de"].strip():
                titles[_path(None, item["tep"].strip())] = nfc(item["tieu_de"].strip())
        else:
            names.append(item)
    return names, titles


def _none_of(record_type: RecordType, group: tuple[str, ...], line: int) -> Problem:
    labels = " hoặc ".join(f'"{key}" ({record_type.field(key).label})' for key in group)
    return Problem("one-of-missing", {"labels": labels, "fields": ", ".join(group), "first": group[0]}, line)


def _blank(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _bad_value(spec: FieldSpec, value, line: int | None, reason: str) -> Problem:
    params = {"field": spec.key, "label": spec.label, "value": value, "choices": spec.choices,
              "hint": spec.pattern_hint}
    if reason.startswith("wrong-type:"):
        expected, how = reason.removeprefix("wrong-type:").split("|")
        return Problem("wrong-type", {**params, "expected": expected, "how": how}, line)
    return Problem(reason, params, line)


def _unknown(key: str, record_type: RecordType, line: int | None) -> Problem:
    close = difflib.get_close_matches(key, record_type.keys, n=1)
    suggestion = f' (có phải "{close[0]}"?)' if close else ""
    return Problem(
        "unknown-field",
        {"field": key, "record_type": record_type.name, "suggestion": suggestion, "known": record_type.keys},
        line,
    )


def convert_value(spec: FieldSpec, value):
    """One field's value; raises ValueError whose text is the rule id (or ``wrong-type:expected|how``)."""
    if spec.type in ("list", "files"):
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            raise ValueError("wrong-type:một danh sách các dòng chữ|Viết mỗi mục trên một dòng bắt đầu bằng '- '.")
        return tuple(nfc(item.strip()) for item in items if item.strip())
    if spec.type == "photos":
        return _photos(value)
    if spec.type == "dates":
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            raise ValueError("wrong-type:một danh sách ngày|Viết mỗi ngày trên một dòng bắt đầu bằng '- ', ví dụ - 05/11/2026.")
        return _dates(spec, items)
    if not isinstance(value, str):
        raise ValueError("wrong-type:một giá trị trên một dòng|Viết giá trị ngay sau dấu hai chấm, trên cùng dòng.")
    converted = CONVERTERS[spec.type](spec, value.strip())
    if spec.pattern and not re.match(spec.pattern, value.strip()):
        raise ValueError("bad-format")
    return converted


def _photos(value) -> tuple[dict, ...]:
    """An album's photos: each ``{tep: file, mo_ta: description}``; a bare file name is a photo not yet described."""
    entries = value if isinstance(value, list) else [value]
    photos = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"tep": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("tep"), str) or not entry["tep"].strip() or \
                not all(isinstance(v, str) for v in entry.values()):
            raise ValueError("wrong-type:một danh sách ảnh|Mỗi ảnh viết hai dòng: \"- tep: ten-anh.jpg\" và "
                             "\"  mo_ta: mô tả ảnh\".")
        photos.append({"tep": _path(None, entry["tep"].strip()), "mo_ta": nfc(entry.get("mo_ta", "").strip())})
    return tuple(photos)


def parse_date(text: str) -> dt.date:
    if SHORT_YEAR.match(text):
        raise ValueError("ambiguous-date")
    for pattern in DATE_FORMATS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise ValueError("bad-date")


def _text(spec: FieldSpec, text: str) -> str:
    return text


def _date(spec: FieldSpec, text: str) -> dt.date:
    return plausible(parse_date(text))  # 02/09/1945–31/12/2100


def _time(spec: FieldSpec, text: str) -> str:
    match = TIME.match(text.lower())
    if not match or int(match["h"]) > 23 or int(match["m"] or 0) > 59:
        raise ValueError("bad-time")
    return f"{int(match['h']):02d}:{match['m'] or '00'}"


def _choice(spec: FieldSpec, text: str) -> str:
    """The choice meant, written as the profile writes it; another accepted way of writing it (``aliases``: the
    portal's full wording, an older name) is stored as the choice it means."""
    for choice in spec.choices:
        if same_name(choice, text):
            return choice
    for alias, meant in spec.aliases:
        if same_name(alias, text):
            return meant
    raise ValueError("bad-choice")


def _docnumber(spec: FieldSpec, text: str) -> str:
    if not is_document_number(text, spec.numbering):
        raise ValueError("bad-format")
    return text


def _dates(spec: FieldSpec, items) -> tuple[dt.date, ...]:
    return tuple(sorted(parse_date(item.strip()) for item in items if item.strip()))


def _number(spec: FieldSpec, text: str) -> int | float:
    compact = text.replace(" ", "")
    if not NUMBER.match(compact):
        raise ValueError("bad-number")
    whole, _, frac = compact.replace(".", "").partition(",")
    return float(f"{whole}.{frac}") if frac else int(whole)


def _url(spec: FieldSpec, text: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", text):
        raise ValueError("bad-url")
    return text


def _email(spec: FieldSpec, text: str) -> str:
    if not EMAIL.match(text):
        raise ValueError("bad-email")
    return text


def _phone(spec: FieldSpec, text: str) -> str:
    if not PHONE.match(text):
        raise ValueError("bad-phone")
    return text


def _host(spec: FieldSpec, text: str) -> str:
    """A domain name: it goes into addresses, the sitemap index and CNAME files, so nothing else may pass."""
    if not HOST.match(text):
        raise ValueError("bad-host")
    return text


def _path(spec: FieldSpec, text: str) -> str:
    return str(PurePosixPath(text.replace("\\", "/")))


CONVERTERS = {
    "text": _text,  # a declared pattern is checked for every type, after conversion
    "markdown": lambda spec, text: text,
    "date": _date,
    "time": _time,
    "choice": _choice,
    "number": _number,
    "url": _url,
    "email": _email,
    "phone": _phone,
    "host": _host,
    "file": _path,
    "image": _path,
    "docnumber": _docnumber,
}
