"""Headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright, over a built site served on loopback."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a page closed while a file was being sent: not the test's concern


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` served at http://127.0.0.1:<port>/ for the duration of the block; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A Playwright browser on the Debian Chromium; fails (never skips) when it is not installed."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Browser tests need Debian's chromium: apt-get install chromium (bash .ci/run does it).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def offline(page, base: str) -> list[str]:
    """Refuse every request that leaves the served site; returns the list of refused URLs (to assert on)."""
    refused: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(base):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    page.route("**/*", route)
    return refused
