"""Property-based tests (hypothesis): no exception on arbitrary input, and the invariants hold.

Canonical URLs are idempotent and never raise; resolved event dates are never after publication;
counts are never negative; the feed stage never raises on arbitrary bytes."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from tasks.extract.dates import best_date, find_dates
from tasks.extract.numbers import find_counts
from tasks.extract.quantities import find_quantities, parse_number
from tasks.feeds import parse_feed
from tasks.urls import article_id, canonical_url

# How many examples and whether they are random comes from the profile (tests/conftest.py): "ci" by default
# (derandomized), "fuzz" for `make fuzz`.
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- canonical URLs ---------------------------------------------------------------------------------

_host_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=10)
_hosts = st.builds(
    lambda prefix, labels, tld: prefix + ".".join(labels) + "." + tld,
    st.sampled_from(["", "www.", "m.", "amp.", "WWW.", "mobile."]),
    st.lists(_host_label, min_size=1, max_size=3), st.sampled_from(["com", "org", "mm", "co.uk", "cdn.ampproject.org"]),
)
_segment = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#"), max_size=12)
_params = st.lists(st.tuples(
    st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid", "id", "p", "page", "amp", "ref", "q", "mc_cid", "x"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
), max_size=5)
_urls = st.builds(
    lambda scheme, host, port, segments, suffix, params, fragment: (
        f"{scheme}://{host}{port}/{'/'.join(segments)}{suffix}"
        + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "") + (f"#{fragment}" if fragment else "")
    ),
    st.sampled_from(["http", "https", "HTTP", "HtTpS"]), _hosts,
    st.sampled_from(["", ":80", ":443", ":8080", ":0", ":99999"]), st.lists(_segment, max_size=4),
    st.sampled_from(["", "/", "/amp", ".amp.html", "/index.html", "//"]), _params, st.text(max_size=5),
)


@FAST
@given(st.one_of(_urls, st.text(), st.text(alphabet=":/?#[]@!$&'()*+,;=%.-_~aZ09 \t\n\\", max_size=40)))
def test_canonical_url_never_raises_and_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert re.fullmatch(r"[0-9a-f]{32}", article_id(once))


@FAST
@given(_urls)
def test_canonical_url_of_a_web_link_is_https_without_tracking_or_fragment(url: str) -> None:
    canonical = canonical_url(url)
    assume(":99999" not in url)  # an impossible port: the URL is unparsable and comes back as it was
    if canonical.startswith("https://"):
        assert "#" not in canonical
        assert not re.search(r"[?&](utm_[a-z]+|fbclid|gclid|mc_cid)=", canonical, re.IGNORECASE)


# --- date resolution --------------------------------------------------------------------------------

_date_words = st.sampled_from([
    "on Tuesday", "Saturday night", "yesterday", "last night", "today", "this morning", "last week",
    "this week", "over the weekend", "in recent days", "last month", "earlier this month", "in December",
    "late October", "early January", "mid-March", "Jan. 28", "28 January 2024", "2024-01-28", "Feb 30",
    "31 April", "January 10-11", "between 3 and 5 March", "since late October", "Dec 31, 2099", "0 Jan",
    "39 May", "the night of Feb 3", "2099-12-31", "1900-01-01", "end of 2025", "two weeks ago", "since 2021",
    "fighting", "killed", ",", ".", "and", "the",
])
_texts = st.lists(st.one_of(_date_words, st.text(max_size=10)), max_size=12).map(" ".join)


@FAST
@given(_texts, st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_resolved_dates_are_never_after_publication(text: str, published: date) -> None:
    for found in find_dates(text, published):
        assert found.event_date <= published
        assert found.time_precision in (1, 2, 3)
    best = best_date(text, published)
    assert best is None or best.event_date <= published


@FAST
@given(st.text(), st.dates())
def test_date_resolution_never_raises_on_arbitrary_text(text: str, published: date) -> None:
    assert all(found.event_date <= published for found in find_dates(text, published))


# --- number parsing ---------------------------------------------------------------------------------

_number_words = st.sampled_from([
    "at least", "more than", "nearly", "up to", "between", "10", "-5", "300,000", "1.5 million", "0", "-",
    "twenty-five", "dozens", "hundreds of thousands", "several", "a", "an", "one", "both", "people",
    "civilians", "were killed", "killed", "injured", "displaced", "arrested", "and", "to", "of them",
    "including", "9999999999999999999999", "1e9", "−3", "minus", "0.0001", "lakh", "k", "m",
])
_sentences = st.lists(st.one_of(_number_words, st.text(max_size=8)), max_size=14).map(" ".join)


@FAST
@given(st.one_of(_sentences, st.text()))
def test_numbers_and_counts_are_never_negative(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0
    assert all(q.value >= 0 for q in find_quantities(text))
    assert all(c.value >= 0 for c in find_counts(text))


# --- the feed stage ---------------------------------------------------------------------------------

_VALID = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
          b"<item><title>Clashes in Hpakant</title><link>https://example.org/a</link>"
          b"<pubDate>Wed, 10 Jan 2024 08:00:00 GMT</pubDate><description>x</description></item></channel></rss>")


@FAST
@given(st.binary(max_size=2048), st.sampled_from([None, "application/rss+xml", "text/html; charset=utf-16",
                                                  "text/xml; charset=x-bogus", "application/atom+xml; charset=latin-1"]))
def test_feed_stage_never_raises_on_arbitrary_bytes(body: bytes, content_type: str | None) -> None:
    parsed = parse_feed(body, {"content-type": content_type} if content_type else {}, "https://example.org/feed")
    assert parsed.error or parsed.version or parsed.entries is not None
    assert all(e.link.lower().startswith(("http://", "https://")) for e in parsed.entries)


@FAST
@given(st.integers(min_value=0, max_value=len(_VALID)), st.binary(min_size=1, max_size=64))
def test_feed_stage_never_raises_on_a_damaged_feed(position: int, noise: bytes) -> None:
    parsed = parse_feed(_VALID[:position] + noise + _VALID[position:], {}, "https://example.org/feed")
    assert all(len(e.title or "") <= 1000 for e in parsed.entries)
    assert all(e.link.lower().startswith(("http://", "https://")) for e in parsed.entries)
