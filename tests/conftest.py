import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402

from trangxa.options import BuildOptions  # noqa: E402
from trangxa.runs import build  # noqa: E402


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """The bundled demo province built once for the whole session (two communes at a time, as CI does), on no
    particular day: sample data is checked as of its reference date (province.yml ngay_tham_chieu, = TODAY)."""
    output = tmp_path_factory.mktemp("demo") / "output"
    options = BuildOptions(communes_dir=ROOT / "communes", output=output, jobs=2)
    return build(options), output


@pytest.fixture(scope="session")
def browser():
    from browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def demo_site(demo_build):
    """The built demo served on loopback: its base URL."""
    from browser import serve

    _, output = demo_build
    with serve(output.resolve()) as base:
        yield base
