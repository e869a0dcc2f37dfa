"""When a Burmese event happened, where a sentence names several days: the day the act itself was done."""

from __future__ import annotations

import re

from tasks.extract.dates import ResolvedDate


CAPTURES = ("Non-state actor overtakes territory", "Government regains territory")
_TAKEN = re.compile(r"သိမ်း(?:ပိုက်|ယူ)")


def capture_day(sub_event_type: str, sentence: str, dates: list[ResolvedDate]) -> ResolvedDate | None:
    """A capture told with the assault before it ("နိုဝင်ဘာ ၁၀ ရက် ... စတင်တိုက်ခိုက်ခဲ့ရာ ၁၁ ရက်နေ့မှာ
    သိမ်းပိုက်", attacked from the 10th, took it on the 11th): the day named last before the taking."""
    taken = _TAKEN.search(sentence)
    if sub_event_type not in CAPTURES or taken is None or len(dates) < 2:
        return None
    before = [d for d in dates if d.time_precision == 1 and d.start < taken.start()]
    return max(before, key=lambda d: d.start) if len(before) >= 2 else None
