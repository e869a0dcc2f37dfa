"""Every file of feedparser's own test corpus goes through the feed stage's parser without an exception."""

from __future__ import annotations

import time

import pytest

from tasks.feeds import ParsedFeed, parse_feed
from tests.conftest import SHARED_DATA

CORPUS = SHARED_DATA / "feedparser-corpus" / "tests"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS} (../shared absent)")
def test_every_corpus_file_parses_without_unhandled_error() -> None:
    files = sorted(CORPUS.rglob("*.xml"))
    assert len(files) >= 2100
    failures, usable, broken = [], 0, 0
    started = time.perf_counter()
    for path in files:
        try:
            parsed = parse_feed(path.read_bytes(), {"content-type": "application/xml"}, base_url="http://example.org/")
        except Exception as exc:  # noqa: BLE001 - collecting every failure is the point
            failures.append(f"{path.relative_to(CORPUS)}: {exc!r}")
            continue
        assert isinstance(parsed, ParsedFeed)
        if parsed.error:
            broken += 1
            assert parsed.entries == []
        else:
            usable += 1
            assert all(e.link.startswith(("http://", "https://")) for e in parsed.entries)
    print(f"{len(files)} corpus files: {usable} usable, {broken} recorded as broken, "
          f"{time.perf_counter() - started:.1f}s")
    assert failures == []
