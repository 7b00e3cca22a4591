"""Folded twins of the words that contain đ, for the search index.

Pagefind (since 1.5) folds tone and vowel marks, so "Đoàn" is found as "đoan" or "Doàn" — but not as "doan": đ is a
letter of its own, with no Unicode decomposition. Each word containing đ/Đ gets a twin right after it, with d/D in
its place ("Đoàn" → "Doàn", "112/QĐ-UBND" → "112/QD-UBND"), in the HTML given to the indexer only — never in the
published page. The twin:

- starts with U+2060 WORD JOINER: Pagefind strips it from the indexed word but keeps it in the excerpt text, so
  the search page can drop every twin from an excerpt (and move its highlight onto the word before it);
- is weighted half of the word it doubles, so that a word typed with its exact accents ranks first (dương before
  the twin of đường, in a language where dương, đương and đường are different words).
"""

from __future__ import annotations

import re

MARK = "\u2060"
WORD = re.compile(r"[^\s<>]+")  # every word, then those with đ (a pattern around [đĐ] rescans a long word per letter)
TAG = re.compile(r"(<[^>]+>)")
HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)
# Pagefind weighs headings h1 7 … h6 2 and other text 1; a twin gets half of that.
HEADING_WEIGHT = {level: 8 - level for level in range(1, 7)}


def twin(word: str) -> str:
    return word.replace("đ", "d").replace("Đ", "D")


def with_twins(text: str, weight: float) -> str:
    """Plain text (already HTML-escaped) with a twin after every word that contains đ."""
    return WORD.sub(lambda match: f'{match[0]} <span data-pagefind-weight="{weight:g}">{MARK}{twin(match[0])}</span>'
                    if "đ" in match[0] or "Đ" in match[0] else match[0], text)


def html_with_twins(html: str, factor: float = 1) -> str:
    """Twins in every text node of an HTML fragment (tags and attributes untouched). ``factor`` scales every weight
    of the fragment (its page's category weight): headings get theirs written out, since an explicit weight on the
    page's body would otherwise flatten them."""
    out, level = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            heading = HEADING.match(part)
            if heading:
                level = 0 if heading[1] else int(heading[2])
                if level and factor != 1:
                    part = f'{part[:-1]} data-pagefind-weight="{HEADING_WEIGHT[level] * factor:g}">'
            out.append(part)
        elif part:
            out.append(with_twins(part, HEADING_WEIGHT.get(level, 1) * factor / 2))
    return "".join(out)
