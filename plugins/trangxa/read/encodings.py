"""Legacy Vietnamese text: recognising it, and converting it when (and only when) staff ask.

Old Word files used 8-bit encodings: Windows-1258 (base letters plus combining tone marks) and TCVN3, the
encoding of the .VnTime fonts, whose letters with tones sit where Latin-1 has symbols ("B¶o Th¾ng" is
"Bảo Thắng"). Pasted into a UTF-8 file, TCVN3 shows up as such symbols inside words; saved as 8-bit, the
file is not valid UTF-8. Text from macOS arrives decomposed (NFD).
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, .VnTime): each code below stands for the letter at the same place in UNICODE. Upper-case
# letters with tones came from a separate font (.VnTimeH) using the same codes, so they read back lower-case.
TCVN3 = ("µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî" "ïóñòô" "\xadõøö÷ù"
         "úýûüþ" "¡¢§£¤¥¦")
UNICODE = ("àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đèéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ" "ùúủũụ" "ưừứửữự"
           "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ")
FROM_TCVN3 = str.maketrans(TCVN3, UNICODE)
# Codes of TCVN3 that are no letter of Unicode Vietnamese (à, á, â, ê … are both): only these give it away.
_TELLTALE = "".join(ch for ch in TCVN3 if ch not in "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\xad")
_TCVN3_IN_WORD = re.compile(rf"[A-Za-z][{re.escape(_TELLTALE)}]|[{re.escape(_TELLTALE)}][a-z]")
assert len(TCVN3) == len(UNICODE)


def looks_like_tcvn3(text: str) -> bool:
    """True when symbols of the TCVN3 range sit inside words often enough to be letters, not symbols."""
    words = re.findall(r"\S+", text)
    if not words:
        return False
    hits = sum(1 for word in words if _TCVN3_IN_WORD.search(word))
    return hits >= 3 and hits / len(words) > 0.1


def guess_bytes(raw: bytes) -> str | None:
    """For bytes that are not UTF-8: 'windows-1258' or 'tcvn3' when the text reads as one, else None."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if _tones_follow_vowels(text):
        return "windows-1258"
    if looks_like_tcvn3(raw.decode("latin-1")):
        return "tcvn3"
    return None


VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def _tones_follow_vowels(text: str) -> bool:
    """Windows-1258 writes tones as combining marks after a vowel; other bytes read that way put them anywhere."""
    marks = [index for index, ch in enumerate(text) if unicodedata.combining(ch)]
    placed = sum(1 for index in marks if index and text[index - 1] in VOWELS)
    return bool(marks) and placed / len(marks) >= 0.9


def convert_bytes(raw: bytes, encoding: str) -> str:
    """Legacy bytes as NFC text."""
    text = raw.decode("latin-1").translate(FROM_TCVN3) if encoding == "tcvn3" else raw.decode(encoding)
    return unicodedata.normalize("NFC", text)


def convert_text(text: str) -> str:
    """UTF-8 text that carries pasted TCVN3 letters, or is decomposed, as proper NFC."""
    if looks_like_tcvn3(text):
        text = text.translate(FROM_TCVN3)
    return unicodedata.normalize("NFC", text)
