"""Serve the Neo4j Browser guide (`guide.html`) on 127.0.0.1 with the CORS header Browser needs.

Why a server at all: Browser's `:guide <url>` fetches the page cross-origin from the Browser's own
origin, so the file must come over HTTP with `Access-Control-Allow-Origin`; `localhost` is on
Browser's default allow-list (`browser.remote_content_hostname_allowlist`), so nothing has to be
configured on the Neo4j side. Only the guide itself is served, never the package folder.
"""

from __future__ import annotations

import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from types import TracebackType
from typing import Any, Self

GUIDE_NAME = "guide.html"


def guide_html() -> bytes:
    """The packaged guide page."""
    return (resources.files("datagen.browser") / GUIDE_NAME).read_bytes()


class _GuideHandler(BaseHTTPRequestHandler):
    """GET/HEAD `/guide.html` (and `/`), OPTIONS for CORS pre-flight; everything else is 404."""

    server_version = "datagen-guide"
    body = b""

    def _headers(self, status: HTTPStatus, length: int, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def _route(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0]
        if path in ("/", f"/{GUIDE_NAME}"):
            self._headers(HTTPStatus.OK, len(self.body))
            if send_body:
                self.wfile.write(self.body)
            return
        message = f"only /{GUIDE_NAME} is served here\n".encode()
        self._headers(HTTPStatus.NOT_FOUND, len(message), "text/plain; charset=utf-8")
        if send_body:
            self.wfile.write(message)

    def do_GET(self) -> None:
        self._route(send_body=True)

    def do_HEAD(self) -> None:
        self._route(send_body=False)

    def do_OPTIONS(self) -> None:
        self._headers(HTTPStatus.NO_CONTENT, 0)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the CLI prints what matters; request lines would bury the `:guide` hint."""


class _QuietHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that drops a request whose client went away, without a traceback.

    Why: a browser that closes its tab, or cancels a fetch, resets the connection while the page
    is being sent; that is the client's business, not an error of the guide. socketserver's default
    `handle_error` prints a traceback to stderr for it, burying the `:guide` line. Any other error
    still gets the default report. The server keeps serving either way (one thread per request).
    """

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, broken pipe, aborted
            return
        super().handle_error(request, client_address)


class GuideServer:
    """The guide on `http://localhost:<port>/guide.html`; port 0 picks a free one.

    Use as a context manager (serves from a background thread) or call `serve_forever()`.
    """

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        handler = type("GuideHandler", (_GuideHandler,), {"body": guide_html()})
        self._httpd = _QuietHTTPServer((host, port), handler)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The URL to give Browser (`localhost`, which Browser allows by default)."""
        return f"http://localhost:{self.port}/{GUIDE_NAME}"

    @property
    def command(self) -> str:
        """What to paste into Browser's editor."""
        return f":guide {self.url}"

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> Self:
        self._thread = threading.Thread(target=self.serve_forever, name="datagen-guide", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
