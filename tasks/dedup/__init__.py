"""Deduplication (issue 5): near-duplicate articles -> story clusters; event mentions -> unique events."""

from tasks.dedup.article_store import update_stories as plan_stories
from tasks.dedup.article_store import write_stories
from tasks.dedup.store import dedup_events, dedup_stage, dedup_stories

__all__ = ["dedup_events", "dedup_stage", "dedup_stories", "plan_stories", "write_stories"]
