"""Pelican settings shared by every site of the province: each commune and the provincial index.

The build (``plugins/trangxa/build/render.py``) reads this file once per site with ``read_settings(path,
override=...)`` and overrides what differs per site: PATH, OUTPUT_PATH, SITEURL, SITENAME and the site's job
under ``TRANGXA`` (everything already read and checked: Pelican only renders). Production differences live in
``publishconf.py``.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_HERE, "plugins"))

AUTHOR = ""
SITENAME = "trangxa"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
THEME = os.path.join(_HERE, "themes", "trangxa")
THEME_STATIC_DIR = "theme"

# Only our plugins, listed: an unset PLUGINS would load every installed plugin.
PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
# trangxa_guard first: `pelican content` alone stops with one line pointing to `invoke build`.
PLUGINS = ["trangxa_guard", "trangxa_media", "trangxa_site", "trangxa_province", "trangxa_theme"]

# Our generators write everything (the build has read the files); Pelican's article and page generators get
# nothing to do, and no Pelican reader is used.
# (DISPLAY_PAGES_ON_MENU off: on by default it puts every page in every page's menu.)
ARTICLE_PATHS: list = []
PAGE_PATHS: list = []
STATIC_PATHS: list = []
DIRECT_TEMPLATES: list = []
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
FILENAME_METADATA = r"(?!)"  # matches no file name: dates come from front matter, never from file names
READERS = {"rst": None, "html": None, "htm": None}  # no reStructuredText: no Docutils "vi" warning either

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 30

# Every value from content is escaped; only HTML we made safe (rendered, sanitised Markdown) is marked |safe.
# The i18n extension gives templates _(): strings are Vietnamese, translated by trangxa.i18n's catalogues.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "extensions": ["jinja2.ext.i18n"]}

RELATIVE_URLS = True  # local preview and sub-path hosting; publishconf.py turns it off
DELETE_OUTPUT_DIRECTORY = True
# A fresh CI clone resets file times: compare content, not mtimes.
CHECK_MODIFIED_METHOD = "md5"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Markdown is rendered when the files are read (plugins/trangxa/read/markdown.py), not by a Pelican reader.

# No inline script anywhere (the theme has none; staff HTML is sanitised); 'wasm-unsafe-eval' lets the search
# (Pagefind's WebAssembly) run, which is not script from a string; object-src 'self' for the inline PDF
# preview of documents. The same policy is in
# deploy/nginx.conf as a header, where frame-ancestors can be set too.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; media-src 'self'; "
    "frame-src 'self' https://www.youtube-nocookie.com; object-src 'self'; base-uri 'self'; form-action 'self' https:"
)
