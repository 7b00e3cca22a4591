"""Production settings: absolute URLs (each commune's domain or sub-path, from province.yml), on top of
pelicanconf.py. Use with ``PYTHONPATH=plugins python3 -m trangxa build --settings publishconf.py``."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F401,F403

RELATIVE_URLS = False
