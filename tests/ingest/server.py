"""A local HTTP server on 127.0.0.1 for the fetcher, feed and watch tests: fixed routes, built in
code, each answering as a well- or ill-behaved news site would."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<html><head><title>Bridge approved | Harbor Daily</title>
<meta property="og:site_name" content="Harbor Daily">
<meta property="article:published_time" content="2024-03-04"></head>
<body><nav>Home | Sports | Weather</nav><article><h1>Bridge approved</h1>
<p>The council approved the new harbor bridge on Monday after a four-hour debate.</p>
<p>"This bridge will connect two halves of our town," the mayor said after the vote.</p>
<p>Construction is expected to begin in May and to last about three years.</p>
</article></body></html>"""


def rss(base: str, n: int = 2) -> str:
    items = "".join(
        f"""<item><title>Storm update {i}</title><link>{base}/page?i={i}</link>
        <author>desk@harbor.example (Ana Ruiz)</author>
        <pubDate>Mon, 0{i + 1} Apr 2024 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Heavy rain flooded the coast road on day {i}; crews cleared
        fallen trees and restored power to most homes by the evening.&lt;/p&gt;</description>
        </item>"""
        for i in range(n)
    )
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Daily</title>
    <link>{base}</link><description>News</description>{items}</channel></rss>"""


@dataclass
class Site:
    base: str = ""
    hits: dict[str, int] = field(default_factory=dict)
    feed_items: int = 2


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:  # quiet test output
            pass

        def send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def redirect(self, to: str) -> None:
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            site.hits[path] = site.hits.get(path, 0) + 1
            port = self.server.server_address[1]
            routes = {
                "/page": lambda: self.send(200, "text/html; charset=utf-8", PAGE.encode()),
                "/feed": self.feed,
                "/bad-feed": lambda: self.send(200, "application/rss+xml", b"<html>oops</html"),
                "/pdf": lambda: self.send(200, "application/pdf", b"%PDF-1.4 " * 100),
                "/huge": lambda: self.send(200, "text/html", b"<p>" + b"x" * 200_000),
                "/huge-chunked": self.chunked,
                "/slow": self.slow,
                "/to-private": lambda: self.redirect("http://10.1.2.3/secret"),
                "/to-loopback6": lambda: self.redirect(f"http://[::1]:{port}/page"),
                "/to-metadata": lambda: self.redirect("http://169.254.169.254/latest/meta-data"),
                "/to-file": lambda: self.redirect("file:///etc/passwd"),
                "/to-page": lambda: self.redirect("/page"),
                "/gone": lambda: self.send(404, "text/html", b"not found"),
            }
            routes.get(path, lambda: self.send(404, "text/plain", b"?"))()

        def feed(self) -> None:
            etag = f'"v{site.feed_items}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = rss(site.base, site.feed_items).encode()
            self.send(200, "application/rss+xml", body, ETag=etag)

        def chunked(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"y" * 16_000
            for _ in range(20):
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")

        def slow(self) -> None:
            time.sleep(6)
            self.send(200, "text/html", PAGE.encode())

    return Handler


@contextmanager
def serve() -> Iterator[Site]:
    """The site on 127.0.0.1 at a free port, for the duration of the block."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
