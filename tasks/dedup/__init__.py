"""Deduplication (issue 5): near-duplicate articles -> story clusters; event mentions -> unique events."""

from tasks.dedup.store import dedup_stage, run_dedup

__all__ = ["dedup_stage", "run_dedup"]
