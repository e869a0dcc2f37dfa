"""When a feed says it is not updated: RSS 2.0 <skipHours> (hours 0-23, GMT) and <skipDays> (weekday names).

A publisher lists them so aggregators don't poll in hours nothing is published. Honouring them saves
polls without finding anything later, as long as the declaration is true; adaptive lengthening cannot
promise that (tasks/adaptive.py). A declaration that covers every hour or every day would mean "never
poll": it is ignored, since a feed we are told to follow must be read at some point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BLOCK = {name: re.compile(rb"<(?:\w+:)?" + name + rb"\b[^>]*>(.*?)</(?:\w+:)?" + name + rb"\s*>", re.S | re.I)
          for name in (b"skipHours", b"skipDays")}
_HOUR = re.compile(rb"<(?:\w+:)?hour\b[^>]*>\s*(\d{1,2})\s*<", re.I)
_DAY = re.compile(rb"<(?:\w+:)?day\b[^>]*>\s*([A-Za-z]+)\s*<", re.I)
# skipHours belongs to the channel; a feed's head is where publishers put it, and searching only the head
# keeps a huge body from costing a scan, and an item's embedded markup from being read as the channel's.
HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class QuietTimes:
    hours: frozenset[int] = frozenset()   # UTC hours
    days: frozenset[int] = frozenset()    # weekday numbers, Monday = 0

    @property
    def usable(self) -> bool:
        return bool(self.hours or self.days) and len(self.hours) < 24 and len(self.days) < 7

    def covers(self, moment: datetime) -> bool:
        moment = moment.astimezone(timezone.utc)
        return moment.hour in self.hours or moment.weekday() in self.days

    def next_open(self, moment: datetime) -> datetime:
        """The first moment at or after `moment` outside the quiet hours and days (itself if it is)."""
        if not self.usable:
            return moment
        for _ in range(24 * 8):
            if not self.covers(moment):
                return moment
            moment = (moment + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        return moment

    def describe(self) -> str:
        parts = []
        if self.hours:
            parts.append("hours " + ",".join(str(h) for h in sorted(self.hours)) + " UTC")
        if self.days:
            parts.append("days " + ",".join(DAYS[d][:3] for d in sorted(self.days)))
        return "; ".join(parts)

    def to_columns(self) -> dict[str, str | None]:
        return {"skip_hours": ",".join(str(h) for h in sorted(self.hours)) or None,
                "skip_days": ",".join(DAYS[d] for d in sorted(self.days)) or None}

    @classmethod
    def from_columns(cls, hours: str | None, days: str | None) -> "QuietTimes":
        hour_set = frozenset(int(h) for h in (hours or "").split(",") if h.strip().isdigit())
        day_set = frozenset(DAYS.index(d) for d in (days or "").split(",") if d in DAYS)
        return cls(hour_set, day_set)


def declared_quiet_times(body: bytes) -> QuietTimes:
    """The skipHours and skipDays a feed body declares (empty when none, or when they make no sense)."""
    head = body[:HEAD_BYTES]
    hours: set[int] = set()
    days: set[int] = set()
    if match := _BLOCK[b"skipHours"].search(head):
        # The spec says 0-23; some feeds write 24 for midnight.
        hours = {int(h) % 24 for h in _HOUR.findall(match.group(1)) if int(h) <= 24}
    if match := _BLOCK[b"skipDays"].search(head):
        names = {d.decode().capitalize() for d in _DAY.findall(match.group(1))}
        days = {DAYS.index(n) for n in names if n in DAYS}
    return QuietTimes(frozenset(hours), frozenset(days))
