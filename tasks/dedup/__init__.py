"""Deduplication (issue 5): near-duplicate articles -> story clusters; event mentions -> unique events."""

from tasks.dedup.store import dedup_stage

__all__ = ["dedup_stage"]
