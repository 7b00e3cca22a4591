"""Document numbers (số, ký hiệu) as the law writes them — the abbreviations are data in the legal profile.

Nghị định 30/2020/NĐ-CP (Điều 8, Phụ lục III): ``<số>/<loại>-<cơ quan>`` (186/TTr-UBND, 03/QyĐ-UBND: the
abbreviations of kinds are mixed case where Phụ lục III writes them so), a regulation with its year
(15/2026/NQ-HĐND), a suffixed number (168a/QĐ-UBND), and a công văn with no abbreviation of its kind:
``<số>/<cơ quan>-<đơn vị soạn thảo>`` (232/UBND-KGVX). The Party's documents (Hướng dẫn 36-HD/VPTW, 2018):
``<số>-<loại>/<cơ quan>`` (05-NQ/ĐU).
"""

from __future__ import annotations

import re

STATE = re.compile(r"^\d+[a-zđ]?(?:/\d{4})?/(?P<sign>[^\s/]+)$")
PARTY = re.compile(r"^\d+[a-zđ]?-(?P<kind>[^\W\d_]+)/(?P<issuer>[^\s/]+)$")
TOKEN = re.compile(r"^[^\W_]+$")  # letters (Đ included) and digits
ISSUER = re.compile(r"^[A-ZĐ0-9]+$")  # an issuing body's abbreviation is written in capitals
# The shape both systems share, as a regular expression a browser also runs (the admin editor's first check, before
# the build checks the abbreviations): a number, then signs joined by "/" and "-".
SHAPE = r"^\s*\d+[a-zđ]?\s*[/-]\s*[^\s/]+(\s*[/-]\s*[^\s/]+)*\s*$"


def is_document_number(text: str, numbering: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``text`` is written the way one of the two numbering systems writes a document's number."""
    compact = re.sub(r"\s*([/-])\s*", r"\1", text.strip())
    kinds = {system: {abbr.casefold() for abbr, of in numbering if of == system} for system in ("state", "party")}
    party = PARTY.match(compact)
    if party and party["kind"].casefold() in kinds["party"]:
        return all(ISSUER.match(token) for token in party["issuer"].split("-"))
    state = STATE.match(compact)
    if not state:
        return False
    first, *rest = state["sign"].split("-")
    if not all(TOKEN.match(token) for token in (first, *rest)):
        return False
    if first.casefold() in kinds["state"]:  # <loại>-<cơ quan>
        return bool(rest) and all(ISSUER.match(token) for token in rest)
    return all(ISSUER.match(token) for token in (first, *rest))  # a công văn: <cơ quan>-<đơn vị>
