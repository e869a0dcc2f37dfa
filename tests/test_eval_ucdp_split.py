"""The UCDP headlines' dev/test split: fixed by rule, every headline in one half only."""

from __future__ import annotations

import hashlib

import pytest

from bench import eval_ucdp


def test_a_headline_goes_with_its_lowest_event_id():
    expected = "dev" if int(hashlib.sha256(b"7").hexdigest()[:8], 16) % 2 == 0 else "test"
    assert eval_ucdp.headline_split([{"id": "120"}, {"id": "7"}, {"id": "45"}]) == expected


@pytest.mark.skipif(not eval_ucdp.data_path().is_file(), reason="../shared/data/ucdp-ged-myanmar is absent")
def test_every_headline_falls_in_exactly_one_half():
    everything, _ = eval_ucdp._headline_sets()
    dev, _ = eval_ucdp._headline_sets("dev")
    test, _ = eval_ucdp._headline_sets("test")
    assert dev and test and not set(dev) & set(test) and set(dev) | set(test) == set(everything)
