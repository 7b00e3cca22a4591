"""``invoke serve``: the built sites on 127.0.0.1, as a web server would give them — a missing address gets the
site's own 404 page (the commune's for an address below it), and a busy port is said plainly and the next free
one taken, with no traceback."""

from __future__ import annotations

import errno
import functools
import http.server
from pathlib import Path

TRIES = 20  # ports tried after the one asked for
# where no site has a 404 page of its own (the provincial index has none yet)
NOT_FOUND = ('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title>'
             '<h1>Không tìm thấy trang</h1><p>Địa chỉ này không có trang nào. <a href="/">Về trang chủ</a>.</p></html>')


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of ``directory``; for a missing one, the nearest ``404.html`` above the address, with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = self._not_found_page()
        body = page.read_bytes() if page else NOT_FOUND.encode("utf-8")
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        # no "." or ".." ever joins the path: a commune's site is a link out of the release, and is still its own
        parts = [p for p in self.path.split("?", 1)[0].split("#", 1)[0].split("/") if p and p not in (".", "..")]
        for depth in range(min(len(parts), 1), -1, -1):  # a commune's own 404 page, else the province's
            candidate = root.joinpath(*parts[:depth], "404.html")
            if candidate.is_file():
                return candidate
        return None

    def log_message(self, format: str, *args) -> None:
        pass  # one line per request drowns the address the officer has to open


def open_server(folder: Path, port: int, say=print) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` on ``port``, or on the next free port after saying that ``port`` is busy."""
    handler = functools.partial(SiteHandler, directory=str(folder))
    for candidate in range(port, port + TRIES + 1):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError as err:
            if err.errno != errno.EADDRINUSE:
                raise
            continue
        if candidate != port:
            say(f"Cổng {port} đang bận (một chương trình khác đang dùng): dùng cổng {candidate}. "
                f"Muốn chọn cổng khác: invoke serve --port SỐ_CỔNG")
        return server
    raise PortsBusy(f"Các cổng từ {port} đến {port + TRIES} đều đang bận: chọn cổng khác bằng invoke serve --port "
                    "SỐ_CỔNG, hoặc dừng chương trình đang dùng cổng.")


class PortsBusy(Exception):
    """No free port near the one asked for."""
