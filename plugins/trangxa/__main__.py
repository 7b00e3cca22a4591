import sys

from trangxa.cli import main

sys.exit(main())
