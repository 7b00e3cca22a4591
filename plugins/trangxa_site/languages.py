"""A commune's pages in other languages: translations are files beside their originals (``lien-he/index.en.yml``)
and published below the language (``en/lien-he/``), with the interface translated through the message catalogue.
Every page links to its versions; a language the page is not translated into links to that language's home page,
saying so — never to a page that does not exist."""

from __future__ import annotations

from pelican.contents import Content

from trangxa_render import i18n

VI = i18n.SOURCE


def split(pages: list[Content]) -> tuple[list[Content], dict[str, list[Content]]]:
    """The Vietnamese originals, and the translations by language."""
    originals = [page for page in pages if not page.entry.lang]
    translations: dict[str, list[Content]] = {}
    for page in pages:
        if page.entry.lang:
            translations.setdefault(page.entry.lang, []).append(page)
    return originals, translations


def versions(originals: list[Content], translations: dict[str, list[Content]], section_urls: set[str]) -> dict:
    """For each page with translations: language → the URL of its version (the original's URL under "vi")."""
    by_rel = {page.entry.rel: page for page in originals}
    found: dict[str, dict[str, str]] = {}
    for lang, pages in translations.items():
        for page in pages:
            original = by_rel.get(page.entry.original_rel)
            vi_url = original.url if original else page.entry.url.removeprefix(f"{lang}/")
            if original is None and vi_url not in section_urls:
                vi_url = ""  # no Vietnamese page of this name: the home page
            entry = found.setdefault(vi_url, {VI: vi_url})
            entry[lang] = page.url
            found[page.url] = entry
    return found


def site_languages(profile, commune) -> list:
    """The languages the commune publishes in, Vietnamese first (codes the profile does not know are skipped:
    commune.yml is checked against the profile's list)."""
    codes = [VI] + [code for code in commune.languages if code != VI]
    return [profile.languages[code] for code in codes if code in profile.languages]


def write_language_sites(generator, write, translations: dict[str, list[Content]]) -> None:
    """For each language: its home page (what the commune publishes in it, by category), each translated page
    and a search page over that language's index — with the interface in that language."""
    profile, versions_of = generator.profile, generator.versions
    try:
        for lang, pages in sorted(translations.items()):
            language = profile.languages[lang]
            i18n.install(generator.env, lang)
            common = {"lang": lang, "language": language}
            home_versions = {VI: "", **{code: f"{code}/" for code in translations}}  # as the Vietnamese home's
            write.page(f"{lang}/index.html", "lang_home", pages=pages, versions=home_versions, breadcrumbs=[],
                       **common)
            gettext = i18n.translations(lang).gettext
            for page in pages:
                section = generator.sections[page.category_slug]
                category = gettext(generator.top_name(section.category))
                write.page(page.save_as, "item", item=page, section=section, versions=versions_of[page.url],
                           breadcrumbs=[(page.title, page.url)], search=(category, getattr(page, "date", None)),
                           **common)
            write.page(f"{lang}/tim-kiem/index.html", "search", versions=home_versions, breadcrumbs=[], **common)
    finally:
        i18n.install(generator.env, VI)
