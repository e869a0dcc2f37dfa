"""find_dates skips a date pattern when a sentence lacks a word every match of it contains (dates._GATES).
The gates must never hide a date: the same dates with and without them, and a changed pattern is re-checked."""

from __future__ import annotations

import hashlib
from datetime import date

from tasks.extract import dates

PUBLISHED = date(2025, 3, 14)

# Team-written sentences, one or more for each kind of date expression, and some with none.
SENTENCES = [
    "The convoy was hit on 2025-03-02 near the bridge.",
    "Fighting raged from March 3-5, 2025 around the town.",
    "Troops advanced between 3 and 5 March in the hills.",
    "The camp was shelled on Feb. 28 and again later.",
    "Residents said 12 houses burned on 9 of March.",
    "An offensive began in early February, officials said.",
    "The blast happened yesterday, and another tonight.",
    "Police said the raid took place the day before yesterday.",
    "Two weeks ago soldiers raided the village.",
    "Jets struck the market last Tuesday morning.",
    "Clashes continued over the weekend and in recent days.",
    "Earlier this month and in recent weeks, arrests rose.",
    "Protesters gathered in January 2024 outside the office.",
    "The group has fought since 2021 in the region.",
    "Shops were looted on Christmas Eve and on New Year's Day.",
    "Nine people were killed, and 40 were wounded, in the attack.",
    "Soldiers burned homes as villagers fled into the forest.",
    "SEPT. 9: DRONES HIT A SCHOOL ON SUNDAY",
    "Villagers said troops came on the 9th and shelled the hill the previous night.",
    "Last November the army retook the post, and this past March it lost it again.",
]


def _ungated(text: str, published: date) -> tuple[dates.ResolvedDate, ...]:
    saved = dict(dates._GATES)
    dates._GATES.clear()
    try:
        dates.find_dates.cache_clear()
        return dates.find_dates(text, published)
    finally:
        dates._GATES.update(saved)
        dates.find_dates.cache_clear()


def test_the_gates_hide_no_date() -> None:
    for sentence in SENTENCES:
        assert dates.find_dates(sentence, PUBLISHED) == _ungated(sentence, PUBLISHED), sentence
    assert any(dates.find_dates(s, PUBLISHED) for s in SENTENCES)


# A gate is true only to the pattern it was written for: when a gated pattern changes, re-check its words
# in dates._GATES, then update its fingerprint here.
FINGERPRINTS = {
    "iso": "6c17570d87ac", "range_md": "93dc2f27c7f0", "range_dm": "f75687b2c76e", "md": "e8e4ce60729a",
    "dm": "eed0c41f25f1", "part_month": "df7e74fbac37", "days_ago": "421fb66515f2",
    "weekday": "0229f14aa3eb", "rel_week": "ceb153af877c", "rel_month": "1e54a8ccafe9", "month": "5a24d1edd23c",
    "year": "12c8d2b93d3e", "holiday": "1352d1add39a", "rel_year": "e6ce2bd22d97",
    "ordinal_day": "870167fca6e6",  # every match has its digits
    "last_month_name": "0ac0b3aab6fb",  # every match names its month
}
# rel_day also as main has it since this session ("the day before yesterday": its gate word "day" holds)
# and with "the previous night" (session 10: its gate word "night" holds)
ALSO_CHECKED = {"rel_day": {"0aa3ecaf1f76", "726108be524e", "198159550304"}}


def test_every_gated_pattern_is_the_one_its_gate_was_written_for() -> None:
    patterns = dict(dates._PATTERNS)
    assert set(dates._GATES) == set(FINGERPRINTS) | set(ALSO_CHECKED)
    for kind in dates._GATES:
        checked = ALSO_CHECKED.get(kind) or {FINGERPRINTS[kind]}
        assert hashlib.sha256(patterns[kind].pattern.encode()).hexdigest()[:12] in checked, kind
