"""A loopback news site serving the benchmark corpus: N articles across F RSS feeds, plus robots.txt.

Feeds answer in one of two idle styles, as real outlets do: `etag` feeds send ETag and Last-Modified and
answer 304 to a matching conditional GET; `unchanged` feeds send no validators, so the client can only
notice that the body is byte-for-byte the same. `mixed` alternates the two by feed.

Benchmarks run the site in its own process (`served_corpus`), so the pipeline's GIL and the server's do
not compete; tests can run it on a thread (`CorpusSite`).

    .venv/bin/python -m bench.site --articles 5000 --feeds 50   # prints "PORT n", serves until killed
"""

from __future__ import annotations

import argparse
import email.utils
import html
import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.corpus import Article, corpus

FEED_MODES = ("etag", "unchanged", "mixed")
_ARTICLE_PATH = re.compile(r"^/news/\d{4}/\d{2}/\d{2}/[a-z]+-(\d+)\.html$")
_LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"
_LAYOUTS = 3


def feed_style(mode: str, feed_index: int) -> str:
    if mode == "mixed":
        return "etag" if feed_index % 2 == 0 else "unchanged"
    return mode


def article_path(item: Article) -> str:
    return f"/news/{item.slug}.html"


def render_page(item: Article, outlet: str, layout: int) -> bytes:
    """The article page in one of three site layouts, with the usual boilerplate around the story."""
    title = html.escape(item.title)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in item.paragraphs)
    stamp = item.published_at.isoformat()
    related = "".join(f'<li><a href="/news/related-{item.index}-{k}.html">More news from {outlet} #{k}</a></li>'
                      for k in range(5))
    if layout == 0:
        main = (f'<article><h1>{title}</h1><p class="byline">By Staff Reporter | <time datetime="{stamp}">'
                f"{item.published_at:%d %B %Y}</time></p>{paragraphs}</article>"
                f'<aside><h3>Most read</h3><ul>{related}</ul></aside>')
    elif layout == 1:
        main = (f'<div class="headline"><h1>{title}</h1></div><div class="meta">{item.published_at:%B %d, %Y}</div>'
                f'<div class="story-body">{paragraphs}</div><div class="newsletter">Sign up for our daily briefing. '
                f'<form><input name="email"><button>Subscribe</button></form></div><div class="related"><ul>{related}</ul></div>')
    else:
        main = (f'<main><header><h1 class="entry-title">{title}</h1><span class="posted-on">{stamp[:10]}</span></header>'
                f'<div class="share">Share on Facebook | Share on X | Copy link</div><div class="entry-content">{paragraphs}'
                f'</div><section class="comments"><h3>0 comments</h3><p>Log in to comment.</p></section></main>')
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta name="description" content="{html.escape(item.summary[:200])}"></head>
<body><div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/opinion">Opinion</a> <a href="/business">Business</a></nav>
{main}
<footer>Copyright 2024 {outlet}. All rights reserved. <a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>""".encode()


def render_feed(items: list[Article], base_url: str, outlet: str) -> bytes:
    """RSS 2.0, newest first; links carry a tracking parameter, as real feeds' links do."""
    entries = []
    for item in sorted(items, key=lambda a: a.published_at, reverse=True):
        url = base_url + article_path(item)
        entries.append(
            f"<item><title>{html.escape(item.title)}</title><link>{url}?utm_source=rss&amp;utm_medium=feed</link>"
            f'<guid isPermaLink="true">{url}</guid><pubDate>{email.utils.format_datetime(item.published_at, usegmt=True)}'
            f"</pubDate><category>{item.kind}</category><description>{html.escape(item.summary)}</description></item>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{outlet}</title>'
            f"<link>{base_url}/</link><description>News from {outlet}</description>{''.join(entries)}"
            "</channel></rss>").encode()


class CorpusSite:
    """The site on a thread of this process: `with CorpusSite(100, 5) as site: site.base_url`."""

    def __init__(self, articles: int, feeds: int, seed: int = 8, mode: str = "etag", port: int = 0) -> None:
        if mode not in FEED_MODES:
            raise ValueError(f"mode must be one of {FEED_MODES}")
        self.articles, self.feeds, self.mode = corpus(seed, articles), feeds, mode
        self.requests: Counter[str] = Counter()  # "feed 200", "feed 304", "page 200", ...
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._feed_bodies = [
            render_feed(self.articles[index::feeds], self.base_url, self.outlet(index)) for index in range(feeds)
        ]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @staticmethod
    def outlet(feed_index: int) -> str:
        return f"Bench Outlet {feed_index:03d}"

    def feed_url(self, feed_index: int) -> str:
        return f"{self.base_url}/feeds/{feed_index:03d}.xml"

    def count(self, what: str) -> None:
        with self._lock:
            self.requests[what] += 1

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, str]:
        """(status, headers, body, what) for a GET of path."""
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n", "robots"
        if path == "/_stats":
            with self._lock:
                return 200, {"Content-Type": "application/json"}, json.dumps(self.requests).encode(), "stats"
        feed = re.match(r"^/feeds/(\d{3})\.xml$", path)
        if feed and int(feed.group(1)) < self.feeds:
            return self._feed_answer(int(feed.group(1)), headers)
        page = _ARTICLE_PATH.match(path)
        if page and int(page.group(1)) < len(self.articles):
            index = int(page.group(1))
            body = render_page(self.articles[index], self.outlet(index % self.feeds), index % _LAYOUTS)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body, "page 200"
        return 404, {"Content-Type": "text/plain"}, b"not found", "404"

    def _feed_answer(self, feed_index: int, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, str]:
        body = self._feed_bodies[feed_index]
        reply_headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if feed_style(self.mode, feed_index) == "etag":
            etag = f'"feed-{feed_index}-{len(body)}"'
            reply_headers |= {"ETag": etag, "Last-Modified": _LAST_MODIFIED}
            if headers.get("if-none-match") == etag:
                return 304, reply_headers, b"", "feed 304"
        return 200, reply_headers, body, "feed 200"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?")[0]
                status, headers, body, what = site.answer(path, {k.lower(): v for k, v in self.headers.items()})
                site.count(what)
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> CorpusSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def write_registry(path: Path, feeds: int, base_url: str | None = None) -> Path:
    """A feed registry CSV for the site's feeds ({{BASE}} placeholders unless base_url is given)."""
    base = base_url or "{{BASE}}"
    lines = ["feed_id,name,outlet,url,language,enabled,poll_interval_minutes,general,allow_private"]
    for index in range(feeds):
        outlet = CorpusSite.outlet(index)
        lines.append(f"bench-{index:03d},{outlet} news,{outlet},{base}/feeds/{index:03d}.xml,en,true,15,false,true")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@contextmanager
def served_corpus(articles: int, feeds: int, seed: int = 8, mode: str = "etag") -> Iterator[str]:
    """Run the site in a child process for the duration; yields its base URL."""
    command = [sys.executable, "-m", "bench.site", "--articles", str(articles), "--feeds", str(feeds),
               "--seed", str(seed), "--mode", mode]
    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(root)})
    try:
        line = child.stdout.readline() if child.stdout else ""
        if not line.startswith("PORT "):
            raise RuntimeError(f"benchmark site did not start (said {line!r})")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        child.terminate()
        child.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description="serve the benchmark corpus on 127.0.0.1")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--mode", choices=FEED_MODES, default="etag")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with CorpusSite(args.articles, args.feeds, args.seed, args.mode, args.port) as site:
        print(f"PORT {site.base_url.rsplit(':', 1)[1]}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
