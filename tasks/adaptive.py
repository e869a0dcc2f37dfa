"""Adaptive polling: each feed's interval follows how often its polls find something new.

Novelty is an exponentially weighted share of recent successful polls that found new items (weight
NOVELTY_WEIGHT on the latest). Busy feeds (novelty >= BUSY) are polled more often, down to the floor;
dormant ones (novelty <= QUIET) less often, up to the ceiling; a feed that finds something new after a
quiet spell goes straight back to its registry interval, so a waking outlet is not left at the ceiling.
Failure backoff and Retry-After (tasks/poll.py) still win over all of this. A feed flagged as dead (403s
or empty answers MMTRACK_DEAD_FEED_POLLS times in a row) is polled every 4 hours (or at the ceiling if
longer): watched, not hammered, and independent of the ceiling so a conservative ceiling still saves it.
"""

from __future__ import annotations

from dataclasses import dataclass

NOVELTY_WEIGHT = 0.3
BUSY, QUIET = 0.6, 0.2
SHORTEN, LENGTHEN = 0.75, 1.5
START_NOVELTY = 0.5
DEAD_FEED_MINUTES = 240  # a flagged feed (403s, empty) is checked this rarely, or at the ceiling if longer


@dataclass(frozen=True)
class AdaptivePolicy:
    floor_minutes: int = 5
    ceiling_minutes: int = 15
    dead_feed_polls: int = 3

    @classmethod
    def from_settings(cls, settings) -> "AdaptivePolicy":  # noqa: ANN001 - tasks.settings.Settings
        return cls(settings.poll_floor_minutes, settings.poll_ceiling_minutes, settings.dead_feed_polls)

    def next(self, base: int, current: int | None, novelty: float | None, found_new: bool,
             flagged: bool = False) -> tuple[int, float, str]:
        """(interval in minutes, updated novelty, why) after one successful poll."""
        score = NOVELTY_WEIGHT * found_new + (1 - NOVELTY_WEIGHT) * (START_NOVELTY if novelty is None else novelty)
        score = round(score, 4)
        current = current or base
        floor, ceiling = min(self.floor_minutes, base), max(self.ceiling_minutes, base)
        if flagged:
            slow = max(ceiling, DEAD_FEED_MINUTES)
            return slow, score, f"flagged as not working: polled every {slow} min until it answers again"
        if novelty is None:
            return base, score, f"first poll: the registry interval ({base} min) until there is a history"
        if found_new and current > base:
            return base, score, f"new items after a quiet spell: back to the registry interval ({base} min)"
        if score >= BUSY:
            minutes = max(floor, round(current * SHORTEN))
            return minutes, score, (f"new items on most polls (novelty {score:.2f}): "
                                    f"{'at the floor' if minutes == floor else 'shortened'} ({minutes} min, floor {floor})")
        if score <= QUIET:
            minutes = min(ceiling, max(current + 1, round(current * LENGTHEN)))
            minutes = min(minutes, ceiling)
            return minutes, score, (f"rarely anything new (novelty {score:.2f}): "
                                    f"{'at the ceiling' if minutes == ceiling else 'lengthened'} ({minutes} min, "
                                    f"ceiling {ceiling})")
        return current, score, f"steady (novelty {score:.2f}): {current} min"


def problem(http_status: int | None, outcome: str, entries: int | None, previous_reason: str | None) -> str | None:
    """Why this poll counts towards a dead-feed streak (403, or an answer with no entries), else None."""
    if http_status == 403:
        return "HTTP 403 (refused: often a block on data-centre addresses)"
    if outcome == "new" and entries == 0:
        return "0 entries"
    if outcome in ("unchanged", "not_modified") and previous_reason == "0 entries":
        return "0 entries"  # the same empty body again
    return None
