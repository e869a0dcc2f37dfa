"""Flow state hooks: a failed or crashed run still leaves its status and reason in pipeline_runs."""

from __future__ import annotations

from pathlib import Path

from tasks.pipeline import RunRecorder
from tasks.settings import get_settings


def _record(flow, flow_run, state, status: str) -> None:
    db = Path(flow_run.parameters.get("db_path") or get_settings().db_path)
    try:
        RunRecorder(db, str(flow_run.id), flow.name).finish(status, error=state.message or status)
    except Exception as exc:  # noqa: BLE001 - the database itself may be what failed; say so, don't mask it
        print(f"could not record {status} run {flow_run.id} in {db}: {exc}")


def record_failure(flow, flow_run, state) -> None:
    _record(flow, flow_run, state, "failed")


def record_crash(flow, flow_run, state) -> None:
    _record(flow, flow_run, state, "crashed")
