"""Configuration as a declared schema (MkDocs' model): every key with its kind, its documentation, whether it is
required, its default and the values it may take. A file is checked against its schema as a whole: unknown keys,
wrong kinds and impossible values are all collected, each with its file and line, in Vietnamese — never a
traceback, never a silent default. The configuration reference (``docs/cau-hinh.md``) is written from the same
schemas (``reference``), so the documentation cannot drift from the code.

Values arrive as strings (the strict YAML reader keeps every scalar a string); a schema converts them to the
kind it declares, so the code after it reads typed values.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from trangxa.text import EMAIL, HOST, nfc

KINDS = ("text", "int", "bool", "date", "url", "email", "host", "choice", "list", "map", "section", "any")
TRUE, FALSE = ("true", "yes", "có", "1"), ("false", "no", "không", "0")


@dataclass(frozen=True)
class Key:
    kind: str
    doc: str
    required: bool = False
    default: object = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    keys: dict[str, "Key"] = field(default_factory=dict)  # a section's keys
    item: "Key | None" = None  # a list's items, a map's values
    example: str = ""  # shown in the reference
    field_ref: bool = False  # names a field of the record type (checked once the profile is merged)

    def __post_init__(self):
        assert self.kind in KINDS, self.kind


@dataclass(frozen=True)
class ConfigError:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f", dòng {self.line}" if self.line else ""
        return f"{self.file}{where}: {self.message}" if self.file else self.message


class ConfigInvalid(Exception):
    """Configuration the run cannot go on with; carries every error found (or one message)."""

    def __init__(self, errors: list[ConfigError] | str):
        self.errors = [ConfigError("", None, errors)] if isinstance(errors, str) else list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass
class Checker:
    """Walks a value and its schema together, converting as it goes and collecting errors."""

    file: str
    paths: dict[str, int]
    partial: bool = False  # an overlay, merged onto a whole later: nothing is required, no default is added
    errors: list[ConfigError] = field(default_factory=list)

    def line(self, path: str) -> int | None:
        while path:
            if path in self.paths:
                return self.paths[path]
            path = path.rpartition(".")[0]
        return None

    def error(self, path: str, message: str) -> None:
        self.errors.append(ConfigError(self.file, self.line(path), message))

    def section(self, data, keys: dict[str, Key], path: str = "") -> dict:
        """A mapping against its keys: unknown keys and missing required ones are errors; defaults filled in."""
        if not isinstance(data, dict):
            self.error(path.rstrip("."), f'"{_name(path)}" phải là một nhóm khóa (mỗi khóa một dòng "khoa: giá trị").')
            return {}
        result = {}
        for name, value in data.items():
            if name not in keys:
                close = difflib.get_close_matches(name, list(keys), n=1)
                hint = f' (có phải "{close[0]}"?)' if close else f" (các khóa hợp lệ: {', '.join(keys)})"
                self.error(f"{path}{name}", f'Khóa "{path}{name}" không có trong cấu hình{hint}.')
                continue
            result[name] = self.value(value, keys[name], f"{path}{name}")
        for name, key in keys.items():
            if name in result or self.partial:
                continue
            if key.required:
                self.error(path.rstrip("."), f'Thiếu khóa bắt buộc "{path}{name}": {key.doc}')
            elif key.default is not None:
                result[name] = key.default
        return result

    def value(self, value, key: Key, path: str):
        if key.kind == "any":
            return value
        if key.kind == "section":
            return self.section(value, key.keys, f"{path}.")
        if key.kind == "list":
            items = value if isinstance(value, list) else [value]
            return [self.value(item, key.item, f"{path}.{index}") for index, item in enumerate(items)]
        if key.kind == "map":
            if not isinstance(value, dict):
                self.error(path, f'"{path}" phải là một nhóm khóa.')
                return {}
            return {name: self.value(item, key.item, f"{path}.{name}") for name, item in value.items()}
        if not isinstance(value, str):
            self.error(path, f'"{path}" phải là một giá trị trên một dòng, không phải một danh sách hay nhóm khóa.')
            return None
        return self.scalar(value.strip(), key, path)

    def scalar(self, text: str, key: Key, path: str):
        try:
            return CONVERT[key.kind](text, key)
        except ValueError as err:
            self.error(path, f'"{path}" {err}, không phải "{text}".')
            return None


def _name(path: str) -> str:
    return path.rstrip(".") or "tệp"


def _int(text: str, key: Key) -> int:
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("phải là một số nguyên")
    number = int(text)
    if key.minimum is not None and number < key.minimum:
        raise ValueError(f"phải từ {key.minimum} trở lên")
    return number


def _bool(text: str, key: Key) -> bool:
    if text.lower() in TRUE:
        return True
    if text.lower() in FALSE:
        return False
    raise ValueError("phải là true hoặc false")


def _date(text: str, key: Key) -> dt.date:
    from trangxa.read.records import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise ValueError("phải là một ngày dạng ngày/tháng/năm, ví dụ 01/07/2025") from None


def _url(text: str, key: Key) -> str:
    if not re.fullmatch(r"https://[^\s/$.?#][^\s]*", text):
        raise ValueError("phải là một địa chỉ bắt đầu bằng https://")
    return text.rstrip("/")


def _email(text: str, key: Key) -> str:
    if not EMAIL.match(text):
        raise ValueError("phải là một địa chỉ thư điện tử")
    return text


def _host(text: str, key: Key) -> str:
    if not HOST.match(text):
        raise ValueError("phải là một tên miền (chữ thường không dấu, chữ số, dấu gạch ngang, dấu chấm)")
    return text


def _choice(text: str, key: Key) -> str:
    if text not in key.choices:
        raise ValueError(f"phải là một trong: {', '.join(key.choices)}")
    return text


CONVERT = {"text": lambda text, key: nfc(text), "int": _int, "bool": _bool, "date": _date, "url": _url,
           "email": _email, "host": _host, "choice": _choice}


def check(data, keys: dict[str, Key], file: str, paths: dict[str, int], prefix: str = "",
          partial: bool = False) -> tuple[dict, list[ConfigError]]:
    """``data`` (a mapping read strictly) against ``keys``: the converted values, and every error."""
    checker = Checker(file, paths, partial)
    return checker.section(data, keys, prefix), checker.errors
