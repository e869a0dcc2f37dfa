"""`mmtrack serve`: every deployment in prefect.yaml, with its schedules, served from one process.

This is the one-process alternative to `prefect deploy --all` plus a worker: Prefect's runner registers
the deployments with the server and runs their flow runs as subprocesses of this process. prefect.yaml
stays the single description of deployments, schedules, parameters and concurrency; this module reads
it rather than repeating it. Scheduling needs a real Prefect server: the temporary server of Prefect's
local mode runs no scheduler, so without PREFECT_API_URL nothing would ever run. We say so and stop.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from tasks.settings import PROJECT_ROOT

PREFECT_YAML = PROJECT_ROOT / "prefect.yaml"
EXIT_NO_SERVER = 3

NO_SERVER_MESSAGE = """\
mmtrack serve needs a Prefect server: Prefect's local (ephemeral) mode does not schedule runs.
Start one and point mmtrack at it, for example:

    prefect server start --host 127.0.0.1 --port 4200        # in its own terminal (or a service)
    export PREFECT_API_URL=http://127.0.0.1:4200/api          # or: prefect config set PREFECT_API_URL=...
    mmtrack serve

To run a flow once without a server, use `mmtrack ingest` or `mmtrack reprocess`.
See docs/operations.md."""


@dataclass(frozen=True)
class DeploymentSpec:
    """One deployment of prefect.yaml, as far as serving it needs."""

    name: str
    entrypoint: str
    description: str | None = None
    tags: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict)
    schedules: tuple[dict[str, Any], ...] = ()
    concurrency_limit: int | None = None
    collision_strategy: str | None = None


def _concurrency(raw: Any) -> tuple[int | None, str | None]:
    if isinstance(raw, dict):
        return raw.get("limit"), raw.get("collision_strategy")
    return raw, None


def load_deployment_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    specs = []
    for raw in document.get("deployments") or []:
        limit, strategy = _concurrency(raw.get("concurrency_limit"))
        schedules = raw.get("schedules") or ([raw["schedule"]] if raw.get("schedule") else [])
        specs.append(DeploymentSpec(
            name=raw["name"], entrypoint=raw["entrypoint"], description=raw.get("description"),
            tags=tuple(raw.get("tags") or ()), parameters=dict(raw.get("parameters") or {}),
            schedules=tuple(schedules), concurrency_limit=limit, collision_strategy=strategy,
        ))
    return specs


def schedule_from_yaml(item: dict[str, Any]):
    """A prefect.yaml schedule entry (cron, interval in seconds, or rrule) as a prefect Schedule."""
    from prefect.schedules import Cron, Interval, RRule

    common = {"timezone": item.get("timezone"), "active": item.get("active", True)}
    if "cron" in item:
        return Cron(item["cron"], day_or=item.get("day_or", True), **common)
    if "interval" in item:
        anchor = item.get("anchor_date")
        anchor = datetime.fromisoformat(anchor.replace("Z", "+00:00")) if isinstance(anchor, str) else anchor
        return Interval(timedelta(seconds=float(item["interval"])), anchor_date=anchor, **common)
    if "rrule" in item:
        return RRule(item["rrule"], **common)
    raise ValueError(f"schedule has none of cron, interval, rrule: {item}")


def runner_deployment(spec: DeploymentSpec, root: Path = PROJECT_ROOT):
    """The RunnerDeployment that prefect.serve registers for one spec."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.flows import load_flow_from_entrypoint

    flow = load_flow_from_entrypoint(str(root / spec.entrypoint), use_placeholder_flow=False)
    concurrency = None
    if spec.concurrency_limit is not None:
        strategy = ConcurrencyLimitStrategy(spec.collision_strategy) if spec.collision_strategy else None
        concurrency = ConcurrencyLimitConfig(limit=spec.concurrency_limit, collision_strategy=strategy)
    return flow.to_deployment(
        name=spec.name, description=spec.description, tags=list(spec.tags), parameters=spec.parameters,
        schedules=[schedule_from_yaml(item) for item in spec.schedules], concurrency_limit=concurrency,
    )


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve every deployment in prefect.yaml, with schedules")
    parser.add_argument("--prefect-file", type=Path, default=PREFECT_YAML, help="deployments file")
    parser.add_argument("--limit", type=int, default=None,
                        help="flow runs in flight at once (default: no cap)")


def run(args: argparse.Namespace) -> int:
    api_url = configured_api_url()
    if not api_url:
        print(NO_SERVER_MESSAGE, file=sys.stderr)
        return EXIT_NO_SERVER
    from prefect import serve

    specs = load_deployment_specs(args.prefect_file)
    deployments = [runner_deployment(spec, args.prefect_file.resolve().parent) for spec in specs]
    print(f"serving {', '.join(s.name for s in specs)} from {args.prefect_file} via {api_url}", flush=True)
    # Stopping serve pauses the deployments' schedules (Prefect's pause_on_shutdown); serving again resumes.
    serve(*deployments, limit=args.limit)
    return 0
