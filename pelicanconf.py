"""Pelican settings shared by every site of the province: each commune and the provincial index.

The build (``plugins/trangxa/build.py``) reads this file once per site with ``read_settings(path,
override=...)`` and overrides what differs per site: PATH, OUTPUT_PATH, SITEURL, SITENAME and the run
object ``TRANGXA_RUN``. Production differences live in ``publishconf.py``.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_HERE, "plugins"))

from trangxa.text import slugify as _slugify  # noqa: E402  (heading anchors: đ → d, like every slug)

AUTHOR = ""
SITENAME = "trangxa"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
THEME = os.path.join(_HERE, "themes", "trangxa")
THEME_STATIC_DIR = "theme"

# Only our plugins, listed: an unset PLUGINS would load every installed plugin.
PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
PLUGINS = ["trangxa_readers", "trangxa_media", "trangxa_site", "trangxa_province", "trangxa_admin", "trangxa_search",
           "trangxa_theme"]

# Our generators read and write everything; Pelican's article and page generators get nothing to do.
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

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": False, "slugify": lambda text, separator: _slugify(text)},
    },
    "output_format": "html5",
}

# No inline script anywhere (the theme has none; staff HTML is sanitised); 'wasm-unsafe-eval' lets the search
# (Pagefind's WebAssembly) run, which is not script from a string; object-src 'self' for the inline PDF
# preview of documents. The same policy is in
# deploy/nginx.conf as a header, where frame-ancestors can be set too.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; media-src 'self'; "
    "frame-src 'self' https://www.youtube-nocookie.com; object-src 'self'; base-uri 'self'; form-action 'self' https:"
)
