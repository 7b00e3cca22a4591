"""Cells for spreadsheets (the registries' CSV, the quarterly report's CSV and XLSX), written so that no value a
commune typed is ever run as a formula when someone opens the file in Excel, LibreOffice or Google Sheets.

OWASP's advice on CSV injection (and ASVS 1.2.10): a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return (or a null) is read as a formula; prefix such a cell with a single quote, which the spreadsheet
takes as "this is text" — a value with blanks before the sign is read the same way, and so are the full-width
signs (＝ ＋ － ＠). Numbers are not text: scores and counts stay numbers. In XLSX, every text cell is written as
a string (a string cell is never a formula, even when it starts with ``=``), marked with a quote prefix so that
editing it keeps it text, and without the control characters the format cannot hold.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
LEADING = "\t\r\n\x00 \u00a0\u3000"  # what a spreadsheet skips before it looks for a formula's sign
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in an XLSX (XML 1.0) cell


def safe_cell(value):
    """A value for a CSV cell: text that would start a formula gets a leading single quote; anything that is not
    text (a number, None) is returned as it is."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r\n\x00" or value.lstrip(LEADING).startswith(TRIGGERS):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]


def append_row(sheet, row) -> None:
    """Append a row to an openpyxl sheet: text as string cells (never a formula), numbers as numbers."""
    sheet.append([ILLEGAL.sub("", value) if isinstance(value, str) else value for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.lstrip(LEADING).startswith(TRIGGERS):
                cell.quotePrefix = True
