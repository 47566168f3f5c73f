"""A local HTTP server on 127.0.0.1 for reader tests: routes are (status, headers, body) or a handler function."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from warta.readers.fetch import Fetcher

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class LocalServer:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.hits: list[str] = []
        self.agents: list[str] = []
        self.stop = threading.Event()
        self.sent = 0
        self.done = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                server.agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = (404, {"Content-Type": "text/plain"}, b"not found")
                if callable(route):
                    route(self)
                    return
                status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.daemon = True
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def fast_fetcher(**overrides: Any) -> Fetcher:
    values: dict[str, Any] = {"min_interval": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0}
    values.update(overrides)
    return Fetcher(**values)
