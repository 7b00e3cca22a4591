"""A commune's summary: what the provincial index needs to know of a commune, written beside its site
(``trangxa.json``) so that one commune can be rebuilt without rebuilding the others."""

from __future__ import annotations

import json
from pathlib import Path

SUMMARY_FILE = "trangxa.json"


def read_summaries(output_path: Path, slugs: list[str]) -> list[dict]:
    """The summary each commune's build wrote; a commune without one (never built) is left out."""
    summaries = []
    for slug in slugs:
        path = output_path / slug / SUMMARY_FILE
        if path.is_file():
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
    return summaries


def commune_summary(province, checked, quarter_part: dict) -> dict:
    """What the provincial index shows of a commune: who it is, where its site is, how it stands, its news."""
    commune, profile = checked.commune, province.profile
    originals = [item for item in checked.items if not item.lang]
    dates = [day for day in (item.posted or item.date for item in originals) if day and day <= checked.as_of]
    news = profile.home.news
    news_items = [item for item in originals if news and item.category == news.category and item.date]
    news_items.sort(key=lambda item: (-item.date.toordinal(), item.title))
    return {
        "slug": commune.slug,
        "name": commune.name,
        "type": commune.type,
        "type_name": commune.type_name,
        "domain": commune.domain,
        "url": province.commune_url(commune),
        "last_update": max(dates).isoformat() if dates else None,
        "items": len(originals),
        "news": [_news_entry(item, profile) for item in news_items[: profile.home.index_news]],
        "score": checked.score,
        "statuses": {status.slug: status.state for status in checked.statuses},
        "problems": {"error": sum(f.severity == "error" and not f.accepted for f in checked.findings),
                     "warning": sum(f.severity == "warning" and not f.accepted for f in checked.findings),
                     "accepted": sum(f.accepted for f in checked.findings)},
        "report": quarter_part,
    }


def failed_summary(slug: str, name: str, reason: str, province) -> dict:
    """A commune that has no site: listed on the index and the dashboard as not built, with why."""
    return {"slug": slug, "name": name or slug, "type": "", "type_name": "", "domain": "",
            "url": f"{province.site_url}/{slug}", "failed": reason, "score": 0, "statuses": {}, "news": [],
            "items": 0, "last_update": None, "problems": {"error": 1, "warning": 0}}


def _news_entry(item, profile) -> dict:
    field = profile.record_types[item.record_type].summary_field
    summary = str(item.values.get(field, "")) if field else ""
    return {"title": item.title, "url": item.url, "date": item.date.isoformat(),
            "summary": (summary or _plain_text(item.html))[:300]}


def _plain_text(html: str) -> str:
    import re
    from html import unescape

    words = unescape(re.sub(r"<[^>]+>", " ", html)).split()
    return " ".join(words[:50]) + (" …" if len(words) > 50 else "")
