"""Deduplication (issue 5): near-duplicate articles -> story clusters; event mentions -> unique events."""

from tasks.dedup.store import dedup_events, dedup_stage, dedup_stories

__all__ = ["dedup_events", "dedup_stage", "dedup_stories"]
