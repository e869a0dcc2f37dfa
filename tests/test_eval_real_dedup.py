"""The real-reporting dedup scorer's own plumbing (bench/eval_real_dedup.py), on team-written names."""

from __future__ import annotations

from bench.eval_real_dedup import _outlet_slugs


def test_outlets_whose_names_fold_to_one_slug_still_get_a_feed_each() -> None:
    # an accented name loses its accent in the slug, so "RTÉ" and "RT" would share one feed id
    slugs = _outlet_slugs(["RTÉ", "Delta Daily", "RT", "RTÉ", "rt"])
    assert slugs == {"RTÉ": "rt", "Delta Daily": "delta-daily", "RT": "rt-2", "rt": "rt-3"}
