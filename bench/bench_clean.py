"""Cleaning quality and speed on the article-extraction benchmark (issue 8, benchmark 1).

181 real pages with hand-made ground truth, scored as published with the benchmark: \\w+ tokens,
shingles of 4 tokens, per-page precision and recall over shingle multisets, each averaged over
pages, F1 from the two averages. Trafilatura's stock settings run beside ours in the same process.

    .venv/bin/python bench/bench_clean.py
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from tasks.clean import clean_html, clean_pages  # noqa: E402

BENCHMARK_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
TARGET_F1 = 0.965
TARGET_MEDIAN_MS = 20.0
# The speed target was set where trafilatura's default settings took 18.7 ms a page (issue 8). Machines here
# differ by 2x from day to day, so ours is also given at that machine's speed: ours x 18.7 / trafilatura's
# median in the same run. Each page is timed REPEATS times and its fastest time kept, which removes most of
# the noise of a shared machine.
REFERENCE_DEFAULT_MS = 18.7
REPEATS = 3

_TOKEN = re.compile(r"\w+")


# --- scoring (reusable: any extractor's output against any ground truth) ---------------------------


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float


def shingles(text: str | None, size: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of `size` consecutive \\w+ tokens; a text shorter than `size` is one shingle."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def page_precision_recall(truth: str | None, predicted: str | None) -> tuple[float, float]:
    expected, got = shingles(truth), shingles(predicted)
    true_pos = sum((expected & got).values())
    false_pos = sum((got - expected).values())
    false_neg = sum((expected - got).values())
    if false_pos == false_neg == 0:
        return 1.0, 1.0
    if true_pos == 0:
        return 0.0, 0.0
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg)


def score_pages(truths: dict[str, str], predictions: dict[str, str | None]) -> Score:
    """Average precision and recall over the pages of `truths` (a missing prediction scores 0)."""
    pairs = [page_precision_recall(truth, predictions.get(page_id)) for page_id, truth in truths.items()]
    precision = statistics.fmean(p for p, _ in pairs)
    recall = statistics.fmean(r for _, r in pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(f1, precision, recall)


# --- the benchmark ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchPage:
    page_id: str
    url: str
    html: bytes
    truth: str


def load_benchmark(directory: Path = BENCHMARK_DIR) -> list[BenchPage] | None:
    """The benchmark's pages, or None when ../shared/data is not beside the project."""
    truth_file = directory / "ground-truth.json"
    if not truth_file.exists():
        return None
    truths = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for path in sorted((directory / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        if page_id in truths:
            entry = truths[page_id]
            pages.append(BenchPage(page_id, entry["url"], gzip.decompress(path.read_bytes()), entry["articleBody"]))
    return pages


Extractor = Callable[[bytes, str], str | None]

CONFIGURATIONS: dict[str, Extractor] = {
    "trafilatura default": lambda html, url: trafilatura.extract(html, url=url),
    "trafilatura favor_precision": lambda html, url: trafilatura.extract(html, url=url, favor_precision=True),
    "trafilatura fast": lambda html, url: trafilatura.extract(html, url=url, fast=True),
    # Ours, through the production function: text plus title/author/date/site/language.
    "clean_html (ours, with metadata)": lambda html, url: clean_html(html, url).text,
}
OURS = "clean_html (ours, with metadata)"


def run_configuration(pages: list[BenchPage], extract: Extractor) -> tuple[Score, float]:
    """Score and median milliseconds per page of one extractor."""
    predictions: dict[str, str | None] = {}
    timings = []
    for page in pages:
        fastest = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            predictions[page.page_id] = extract(page.html, page.url)
            fastest = min(fastest, time.perf_counter() - started)
        timings.append(fastest * 1000)
    truths = {page.page_id: page.truth for page in pages}
    return score_pages(truths, predictions), statistics.median(timings)


def batch_throughput(pages: list[BenchPage], workers: int = 2) -> tuple[float, float]:
    """Pages per second through clean_pages (worker processes, hard time limit): first batch,
    which starts the workers, and a second batch on the warm pool."""
    batch = [(page.url, page.html) for page in pages]
    rates = []
    for _ in range(2):
        started = time.perf_counter()
        clean_pages(batch, timeout_s=10.0, workers=workers)
        rates.append(len(batch) / (time.perf_counter() - started))
    return rates[0], rates[1]


def evaluate() -> list[tuple[str, float, str]]:
    """Rows (metric, value, target) for `make bench`; empty when the benchmark data is absent."""
    pages = load_benchmark()
    if pages is None:
        return []
    rows: list[tuple[str, float, str]] = []
    medians: dict[str, float] = {}
    for name, extract in CONFIGURATIONS.items():
        result, medians[name] = run_configuration(pages, extract)
        rows += [
            (f"clean: {name} F1", round(result.f1, 4), f">= {TARGET_F1}" if name == OURS else "baseline"),
            (f"clean: {name} precision", round(result.precision, 4), ""),
            (f"clean: {name} recall", round(result.recall, 4), ""),
            (f"clean: {name} median ms/page", round(medians[name], 1), ""),
        ]
    scaled = medians[OURS] * REFERENCE_DEFAULT_MS / medians["trafilatura default"]
    rows.append((f"clean: {OURS} median ms/page at the issue's machine speed (trafilatura default "
                 f"{REFERENCE_DEFAULT_MS} ms)", round(scaled, 1), f"<= {TARGET_MEDIAN_MS}"))
    cold, warm = batch_throughput(pages)
    rows += [
        ("clean: clean_pages 2 workers, first batch pages/s", round(cold, 1), ""),
        ("clean: clean_pages 2 workers, warm batch pages/s", round(warm, 1), ""),
    ]
    return rows


def main() -> int:
    if load_benchmark() is None:
        print(f"SKIP cleaning benchmark: {BENCHMARK_DIR} not found (../shared/data is absent)")
        return 0
    rows = evaluate()
    width = max(len(metric) for metric, _, _ in rows)
    print(f"{'metric':<{width}}  {'value':>9}  target")
    for metric, value, target in rows:
        print(f"{metric:<{width}}  {value:>9}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
