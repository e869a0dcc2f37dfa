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


def test_a_headline_states_its_numbers_in_digits_and_words():
    from bench.eval_ucdp_tolls import _numbers

    assert _numbers("Junta troops kill two protesters, 1,100 flee") == {2, 1100}


def test_ucdp_state_names_of_old_and_new_match():
    from bench.eval_ucdp_places import state_key

    assert state_key("Karen state") == state_key("Kayin State")
    assert state_key("Pegu division") == state_key("Bago Region (East)")
    assert state_key("Sagaing district") == state_key("Sagaing Region")
    assert state_key("Shan state") != state_key("Kachin State")


@pytest.mark.skipif(not eval_ucdp.data_path().is_file(), reason="../shared/data/ucdp-ged-myanmar is absent")
def test_place_descriptions_fall_in_exactly_one_half():
    from bench.eval_ucdp_places import described_events

    dev = {row["id"] for row in described_events("dev")}
    test = {row["id"] for row in described_events("test")}
    assert len(dev) > 1000 and len(test) > 1000 and not dev & test
