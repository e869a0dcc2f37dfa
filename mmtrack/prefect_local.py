"""Running flows from the command line, in Prefect's local (ephemeral) mode or against a server.

In local mode Prefect starts a temporary server subprocess and records task runs through events. At
interpreter exit that server is stopped while it may still be working through the event backlog, which
cancels its recorder mid-flush: tracebacks, "Error flushing events", and task runs lost from the
server's history. So after a run from the CLI we drain the client's workers, wait until the server has
recorded every task run of that flow run in a final state, and only then stop the temporary server.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

SETTLE_TIMEOUT_S = 20.0
# Prefect waits 20 s by default for its temporary server. With a fresh PREFECT_HOME that server first
# builds its database, which on a loaded two-core machine took longer and failed the whole run (CI,
# stop 29). A run should wait for its own server rather than fail; one that never answers fails after this.
EPHEMERAL_STARTUP_TIMEOUT_S = "120"


def prepare_environment() -> None:
    """Settings that must be in place before Prefect is imported."""
    # Offline machines otherwise log an ERROR line per run from the server's telemetry service.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", EPHEMERAL_STARTUP_TIMEOUT_S)


def using_temporary_server() -> bool:
    from prefect.settings import PREFECT_API_URL

    return not PREFECT_API_URL.value()


def settle(flow_run_id: str | None, timeout: float = SETTLE_TIMEOUT_S) -> None:
    """Flush events and logs; in local mode also wait for the server to record the run, then stop it."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    EventsWorker.drain_all(timeout=timeout)
    APILogWorker.drain_all(timeout=timeout)
    if not using_temporary_server():
        return
    if flow_run_id:
        _wait_for_task_runs(UUID(flow_run_id), timeout)
    from prefect.server.api.server import SubprocessASGIServer

    SubprocessASGIServer().stop()  # the singleton that local mode started; idle now


def _wait_for_task_runs(flow_run_id: UUID, timeout: float) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline, last = time.monotonic() + timeout, -1
    run_filter = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            runs = client.read_task_runs(flow_run_filter=run_filter)
            done = all(r.state is not None and r.state.is_final() for r in runs)
            if done and len(runs) == last:  # the same complete count twice: the recorder caught up
                return
            last = len(runs) if done else -1
            time.sleep(0.2)


@contextmanager
def local_flow_run() -> Iterator[dict]:
    """Context for one flow call from the CLI: put the run's id in the yielded dict to have it settled."""
    prepare_environment()
    holder: dict = {}
    try:
        yield holder
    finally:
        settle(holder.get("flow_run_id"))
