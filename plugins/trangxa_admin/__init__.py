"""``/admin/`` on each commune site — Decap CMS, for staff who prefer forms to files; written by the site
generator once the site's pages are (and, in thu-muc mode, Decap's one copy for the province by the index's).

The CMS configuration is generated from the legal profile (one collection per category, its fields with the
profile's Vietnamese labels, required flags and choices), so it can never disagree with the checks. The Decap
CMS script is the one vendored from the npm package at set-up (``npm ci``: node_modules/decap-cms/dist/); nothing
is loaded from a CDN. A preview build (``previewconf.py``: ``PREVIEW``) gets no admin: unreviewed content never
sits beside it.
"""

from trangxa_admin.admin import write_admin

__all__ = ["write_admin"]
