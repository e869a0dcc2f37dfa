"""Article cleaning: boilerplate-free text and metadata from fetched HTML, with a hard time limit.

`clean_html` is pure and in-process; `clean_pages` runs it over a batch in worker processes so that a
pathological page can be stopped (trafilatura has no time limit of its own); `choose_text` picks what
the rest of the pipeline reads: article text, else the feed summary, else the title.
"""

from __future__ import annotations

import atexit
import html as html_entities
import logging
import multiprocessing
import re
import signal
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Literal

import trafilatura
from lxml.html import HtmlElement
from trafilatura.meta import reset_caches

# Failures are recorded in CleanedPage.error; trafilatura's own ERROR/WARNING lines ("discarding data",
# "empty HTML tree") would otherwise reach the console through logging's last-resort handler.
for _noisy in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)

TextSource = Literal["article", "summary", "title"]

# Settings chosen on bench/bench_clean.py: comments are never article text, and favor_precision drops
# the teasers and link lists trafilatura otherwise keeps (F1 0.953 -> 0.964 on the benchmark). `fast` skips
# trafilatura's second opinion (readability and jusText run on every page and compared): a fifth of the
# time for 0.001 of F1, and the balanced pass below still rescues pages the first pass nearly empties.
PRECISION_SETTINGS: dict[str, Any] = {"include_comments": False, "favor_precision": True, "fast": True}
# favor_precision sometimes throws away nearly the whole article; when its text is this short we also
# run the balanced settings and keep their text if it is clearly longer (costs ~10% of pages a second pass).
RECALL_SETTINGS: dict[str, Any] = {"include_comments": False}
SHORT_TEXT_CHARS = 1000
LONGER_FACTOR = 2.0

# Workers reset trafilatura's module-level caches this often: they grow by about 1 MB per page.
RESET_CACHES_EVERY = 500


@dataclass
class CleanedPage:
    text: str | None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd; trafilatura never returns one after today
    site_name: str | None = None
    language: str | None = None
    error: str | None = None
    elapsed_ms: float = 0.0


def clean_html(html: str | bytes, url: str | None = None) -> CleanedPage:
    """Extract the article text and metadata of one page; never raises (failures go to `error`)."""
    started = time.perf_counter()
    try:
        page = _clean(html, url)
    except Exception as exc:  # noqa: BLE001 - the contract is: a bad page is a recorded failure
        page = CleanedPage(text=None, error=f"{type(exc).__name__}: {exc}"[:300])
    page.elapsed_ms = (time.perf_counter() - started) * 1000
    return page


def _clean(html: str | bytes, url: str | None) -> CleanedPage:
    if not html.strip():
        return CleanedPage(text=None, error="empty document")
    if looks_binary(html):
        return CleanedPage(text=None, error="not HTML: binary content")
    tree = trafilatura.load_html(html)
    if tree is None:
        return CleanedPage(text=None, error="unparseable HTML")
    merge_split_bodies(tree)
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, **PRECISION_SETTINGS)
    text = _document_text(document)
    if len(text) < SHORT_TEXT_CHARS:
        fallback = _document_text(trafilatura.bare_extraction(tree, url=url, **RECALL_SETTINGS))
        if len(fallback) > LONGER_FACTOR * len(text):
            text = fallback
    if document is None:  # metadata comes with the precision pass; rerun it alone when that pass failed
        document = trafilatura.extract_metadata(tree, default_url=url)
    title = _clean_field(getattr(document, "title", None))
    text = drop_leading_headline(text, title)
    return CleanedPage(
        text=text or None,
        title=title,
        author=_clean_field(getattr(document, "author", None)),
        date=_clean_field(getattr(document, "date", None)),
        site_name=_clean_field(getattr(document, "sitename", None)),
        language=_page_language(tree),
        error=None if text else "no article text found",
    )


# Class names of containers that hold article paragraphs ("article-body", "story__content", ...).
MIN_PART_CHARS = 300
_BODY_CLASS = re.compile(r"(article|story|post|entry|body)[-_]{0,2}(body|content|text|container)", re.IGNORECASE)


def merge_split_bodies(tree: HtmlElement) -> int:
    """Join an article body that a site splits into several same-class containers (with ad slots or
    asides between them) into the first one; trafilatura would otherwise keep only the first part.
    Returns how many bodies were joined."""
    groups: dict[str, list[HtmlElement]] = {}
    for element in tree.xpath("//*[@class]"):
        if _BODY_CLASS.search(element.get("class", "")):
            groups.setdefault(element.get("class"), []).append(element)
    joined = 0
    for containers in groups.values():
        members = set(containers)
        outermost = [c for c in containers if not any(a in members for a in c.iterancestors())]
        # Only long parts: a run of short same-class blocks is a teaser list, not one split story.
        parts = [c for c in outermost if c.find(".//p") is not None and len(c.text_content()) >= MIN_PART_CHARS]
        if len(parts) < 2:
            continue
        first = parts[0]
        for container in parts[1:]:
            first.extend(list(container))
            container.getparent().remove(container)
        joined += 1
    return joined


def drop_leading_headline(text: str, title: str | None) -> str:
    """The headline is metadata (`title`), not body text: drop a first line that repeats it."""
    first_line, _, rest = text.partition("\n")
    head, wanted = _words(first_line), _words(title or "")
    if head and wanted and (head == wanted or (len(head) > 15 and wanted.startswith(head))):
        return rest.strip()
    return text


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _document_text(document: Any) -> str:
    text = getattr(document, "text", None) or ""
    # extract() normalises to NFC; bare_extraction does not, and the two must agree.
    return unicodedata.normalize("NFC", text).strip()


def _clean_field(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(html: str | bytes) -> bool:
    """NUL bytes or many control characters at the start: an image, PDF or archive, not a page."""
    head = html[:4096]
    sample = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > len(sample) * 0.05


def _page_language(tree: HtmlElement) -> str | None:
    """Primary language subtag declared by the page (<html lang>, content-language, og:locale)."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath('//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content')
    candidates += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in candidates:
        match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", value or "")
        if match:
            return match.group(1).lower()
    return None


# --- text fallback chain ---------------------------------------------------------------------------


def choose_text(
    cleaned: CleanedPage | None, summary: str | None, title: str | None, min_chars: int = 400
) -> tuple[str, TextSource]:
    """The text the pipeline reads, and where it came from: the article when long enough, else the
    feed summary (HTML stripped), else the title. A short article still beats having nothing, and beats
    a title shorter than itself: a brief's three lines tell more than its headline (the tagger and the
    extractor read the title apart anyway)."""
    article = ((cleaned.text if cleaned else None) or "").strip()
    if len(article) >= min_chars:
        return article, "article"
    summary_text = strip_html(summary)
    if summary_text:
        return summary_text, "summary"
    title_text = strip_html(title) or strip_html(cleaned.title if cleaned else None)
    if title_text and len(article) <= len(title_text):
        return title_text, "title"
    if article:
        return article, "article"
    return "", "title"


_DROPPED_ELEMENTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def strip_html(fragment: str | None) -> str:
    """Plain text of a feed summary: tags removed, entities decoded, block ends kept as line breaks."""
    if not fragment:
        return ""
    text = _DROPPED_ELEMENTS.sub(" ", fragment)
    text = _BLOCK_BREAKS.sub("\n", text)
    text = html_entities.unescape(_TAGS.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --- batch cleaning with a hard per-page time limit ------------------------------------------------


def clean_pages(
    pages: list[tuple[str, str | bytes]], timeout_s: float = 10.0, workers: int = 2
) -> list[CleanedPage]:
    """Clean (url, html) pages in worker processes, in input order. A page that takes longer than
    `timeout_s` has its worker killed and replaced and gets error 'timeout after Ns'; the others
    are unaffected. The worker processes are kept between calls, so a batch pays no start-up cost."""
    if not pages:
        return []
    with _SHARED_LOCK:
        global _shared_pool
        if _shared_pool is None or _shared_pool.size != workers:
            if _shared_pool is not None:
                _shared_pool.close()
            _shared_pool = CleaningPool(workers)
        return _shared_pool.clean(pages, timeout_s)


def release_workers() -> bool:
    """Stop the shared cleaning workers; the next `clean_pages` starts new ones (milliseconds: the fork
    server has the imports). An ingest calls it once fetching is over: two idle workers hold about 230 MB
    (trafilatura and lxml warmed up), which would otherwise sit beside tagging, extraction, and the dedup
    and publishing children, and set the run's all-process peak. Returns whether there were any."""
    global _shared_pool
    with _SHARED_LOCK:
        if _shared_pool is None:
            return False
        _shared_pool.close()
        _shared_pool = None
        return True


Cleaner = Callable[[str | bytes, str | None], CleanedPage]


class _Worker:
    """One cleaning process and the parent's end of its pipe."""

    def __init__(self, context: Any, cleaner: Cleaner) -> None:
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child_conn, cleaner), daemon=True)
        self.process.start()
        child_conn.close()
        self.index: int | None = None  # the page it is working on
        self.deadline = 0.0
        self.started = 0.0

    def assign(self, index: int, url: str, html: str | bytes, timeout_s: float) -> None:
        self.index, self.started = index, time.monotonic()
        self.deadline = self.started + timeout_s
        self.conn.send((html, url))

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _worker_main(conn: Connection, cleaner: Cleaner) -> None:
    # Ctrl-C reaches the whole process group; the parent shuts workers down, so no traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cleaned = 0
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        html, url = job
        conn.send(cleaner(html, url))
        cleaned += 1
        if cleaned % RESET_CACHES_EVERY == 0:
            reset_caches()


class CleaningPool:
    """Worker processes that clean pages, each page under its own deadline.

    forkserver (not fork): the pipeline's parent process runs Prefect's threads, and forking a
    threaded process can leave locks held in the child. The fork server preloads this module, so
    replacing a killed worker costs milliseconds rather than a fresh interpreter and imports."""

    def __init__(self, size: int = 2, cleaner: Cleaner = clean_html) -> None:
        """`cleaner` must be a module-level function (it is sent to the workers by reference)."""
        self.size = max(1, size)
        self._cleaner = cleaner
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload([__name__])
        self._workers = [_Worker(self._context, cleaner) for _ in range(self.size)]

    def clean(self, pages: list[tuple[str, str | bytes]], timeout_s: float) -> list[CleanedPage]:
        results: list[CleanedPage | None] = [None] * len(pages)
        pending = deque(range(len(pages)))
        while pending or any(worker.index is not None for worker in self._workers):
            for worker in self._workers:
                if worker.index is None and pending:
                    index = pending.popleft()
                    url, html = pages[index]
                    worker.assign(index, url, html, timeout_s)
            self._collect(results, timeout_s)
        return [page if page is not None else CleanedPage(text=None, error="lost") for page in results]

    def _collect(self, results: list[CleanedPage | None], timeout_s: float) -> None:
        """Wait for the next finished page or the nearest deadline, whichever comes first."""
        busy = [worker for worker in self._workers if worker.index is not None]
        nearest = min(worker.deadline for worker in busy)
        ready = wait([worker.conn for worker in busy], timeout=max(0.0, nearest - time.monotonic()))
        now = time.monotonic()
        for worker in busy:
            index = worker.index
            assert index is not None
            if worker.conn in ready:
                try:
                    results[index] = worker.conn.recv()
                    worker.index = None
                    continue
                except (EOFError, OSError):
                    worker.process.join(timeout=1)  # the pipe closes a moment before the exit status is known
                    code = worker.process.exitcode
                    results[index] = CleanedPage(text=None, error=f"worker died (exit code {code})")
            elif now >= worker.deadline:
                elapsed = (now - worker.started) * 1000
                results[index] = CleanedPage(text=None, error=f"timeout after {timeout_s:g}s", elapsed_ms=elapsed)
            else:
                continue
            self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._workers[self._workers.index(worker)] = _Worker(self._context, self._cleaner)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=False)
        self._workers = []

    def __enter__(self) -> CleaningPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


_SHARED_LOCK = threading.Lock()
_shared_pool: CleaningPool | None = None


@atexit.register
def _close_shared_pool() -> None:
    if _shared_pool is not None:
        _shared_pool.close()
