"""Running flows in Prefect's local (ephemeral) mode from the command line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quiet_local_prefect() -> Iterator[None]:
    yield
