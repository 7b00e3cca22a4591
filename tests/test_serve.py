"""invoke serve: a busy port is said in Vietnamese and the next free one taken, no traceback; a missing address gets
the site's own 404 page (the commune's below a commune)."""

import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from helpers import ROOT, write_tree
from trangxa.serve import open_server


@pytest.fixture
def site(tmp_path):
    """A release as the build leaves it: the commune's site is a link to a folder outside the release."""
    write_tree(tmp_path / "sites/xa-tan-thanh-1", {"index.html": "<h1>Xã</h1>",
                                                   "404.html": "<h1>Không tìm thấy trang của xã</h1>"})
    release = write_tree(tmp_path / "output", {"index.html": "<h1>Tỉnh</h1>",
                                               "404.html": "<h1>Không tìm thấy trang của tỉnh</h1>"})
    (release / "xa-tan-thanh").symlink_to("../sites/xa-tan-thanh-1")
    return release


@pytest.fixture
def busy_port():
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    yield holder.getsockname()[1]
    holder.close()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_a_busy_port_is_said_and_the_next_free_one_taken(site, busy_port):
    said = []
    server = open_server(site, busy_port, say=said.append)
    try:
        assert server.server_address[1] != busy_port
        assert said == [(f"Cổng {busy_port} đang bận (một chương trình khác đang dùng): dùng cổng "
                         f"{server.server_address[1]}. Muốn chọn cổng khác: invoke serve --port SỐ_CỔNG")]
    finally:
        server.server_close()


def test_missing_addresses_get_the_sites_own_404_page(site):
    import threading

    server = open_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert fetch(base + "xa-tan-thanh/") == (200, "<h1>Xã</h1>")
        assert fetch(base + "xa-tan-thanh/tin-tuc/khong-co/") == (404, "<h1>Không tìm thấy trang của xã</h1>")
        assert fetch(base + "khong-co.html") == (404, "<h1>Không tìm thấy trang của tỉnh</h1>")
        assert fetch(base + "../../etc/passwd")[0] == 404
        (site / "404.html").unlink()  # a site without a 404 page of its own: a Vietnamese one, not Python's
        status, page = fetch(base + "khong-co.html")
        assert status == 404 and "<h1>Không tìm thấy trang</h1>" in page and "Error response" not in page
    finally:
        server.shutdown()
        server.server_close()


def test_invoke_serve_on_a_busy_port_prints_no_traceback(site, busy_port):
    process = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--no-build", "--port", str(busy_port),
                                "--output", str(site)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if "Mở trình duyệt tại" in line:
                break
    finally:
        process.terminate()
        process.wait(timeout=10)
    text = "".join(lines)
    assert f"Cổng {busy_port} đang bận" in text and "Mở trình duyệt tại: http://127.0.0.1:" in text
    assert "Traceback" not in text
