"""Publish the analysts' copy: checkpoint the pipeline's database and swap a copy in atomically.

A DuckDB file opened read-write can't be opened by any other process, even read-only. Analysts therefore
read a copy that is replaced with os.replace after each load: a reader that has the old copy open keeps
reading that complete snapshot; the next open sees the new one. Neither side ever waits on the other.

The copy's indexes are built in a short-lived child process (tasks/isolated.py): the full-text index grows
with the archive (+260 MB at 10,000 articles in the calling process, where that memory stayed resident).
The swap itself stays here, so a run killed before it leaves the previous copy, as before.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from tasks.db import LOCK_WAIT_S, DatabaseError, open_waiting_for_lock, shared_store
from tasks.faults import kill_point
from tasks.geometry import build_geometry
from tasks.isolated import run_isolated
from tasks.search import build_index


def publish(db_path: Path | str, published_path: Path | str) -> Path:
    source, target = Path(db_path), Path(published_path)
    if shared_store():
        # The DuckLake store has no file to copy: every commit is a snapshot that analysts attach
        # read-only (docs/scaling.md), so there is nothing to swap in.
        return target
    con = open_waiting_for_lock(source, read_only=False, wait_s=LOCK_WAIT_S)
    try:
        con.execute("CHECKPOINT")  # fold the WAL into the file so the copy is complete on its own
    finally:
        con.close()
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        run_isolated(_prepare_copy, source, staging)
        kill_point("before_publish_swap")
        os.replace(staging, target)
    except (OSError, duckdb.Error) as exc:  # disk full or read-only: the previous copy stays in place, whole
        raise DatabaseError(f"cannot publish the analysts' copy to {target}: {exc}") from exc
    finally:
        staging.unlink(missing_ok=True)
    return target


def _prepare_copy(source: Path, staging: Path) -> None:
    """In the child: the staging copy with its indexes, flushed to disk."""
    shutil.copyfile(source, staging)
    build_index(staging)  # full-text search over articles, in the analysts' copy only (tasks/search.py)
    build_geometry(staging)  # points and outlines as GEOMETRY for spatial queries (tasks/geometry.py)
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
