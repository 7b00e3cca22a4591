"""Preview settings: the build of a pull/merge request that CI publishes on the preview site (another origin than
production; ``trangxa.build.preview``), on top of pelicanconf.py. Use with
``PYTHONPATH=plugins python3 -m trangxa build --settings previewconf.py``.

``PREVIEW`` reaches every template (Pelican passes the settings into their context): only then do pages carry
``noindex``, the "bản xem trước" notice and the staff links into the Git web UI ("Sửa trang này", "Thêm tin
mới" …), and no ``admin/`` is written. Links stay relative: a preview lives under ``<preview site>/yc-<n>/``."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F401,F403

PREVIEW = True
