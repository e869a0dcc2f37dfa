"""Issue 7, operations: the repository's prefect.yaml deployed to a real Prefect server and run by a worker.

One module-scoped stack: `prefect server start` on a free loopback port with a temporary PREFECT_HOME,
`prefect work-pool create`, `prefect --no-prompt deploy --all` from the repository root, then a process
worker. The test process talks to the server over its REST API with httpx only (it never imports
Prefect, so no settings or temporary server of its own get in the way). Every process is started in its
own session and its whole process group is stopped at the end, also when a test fails.

The deployments' schedules are checked right after the deploy (the server turns them into scheduled runs
at once); then every deployment is paused before the worker starts, which deletes those scheduled runs,
so no scheduled ingest can start and poll the real feeds in seeds/feeds.csv.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from mmtrack.serve import load_deployment_specs, schedule_from_yaml
from tasks.demo_site import DemoSite
from tasks.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration

PREFECT_YAML = PROJECT_ROOT / "prefect.yaml"
DEMO_ROOT = PROJECT_ROOT / "seeds" / "demo"
POOL = "mmtrack"
FINAL_STATES = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Processes:
    """Processes this test started, each the leader of its own process group, with its output in a file."""

    log_dir: Path
    started: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = (self.log_dir / f"{name}.log").open("wb")
        proc = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        self.started[name] = proc
        return proc

    def stop_all(self) -> None:
        # The worker before the server, so flow-run subprocesses can still report their state.
        for proc in reversed(list(self.started.values())):
            _stop_group(proc)

    def tail(self, lines: int = 40) -> str:
        parts = []
        for name in self.started:
            text = (self.log_dir / f"{name}.log").read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {name}.log ---\n" + "\n".join(text))
        return "\n".join(parts)


def _stop_group(proc: subprocess.Popen, grace_s: float = 10.0) -> None:
    """SIGTERM the process group, then SIGKILL whatever is left (the worker forwards SIGTERM as SIGINT)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            pass
        except ProcessLookupError:
            return
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # children (flow runs) of a leader that already exited
    except ProcessLookupError:
        pass
    proc.wait(timeout=grace_s)


def run_cli(args: list[str], env: dict[str, str], timeout: float = 120) -> str:
    done = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


class PrefectApi:
    """The few REST calls the test needs."""

    def __init__(self, api_url: str) -> None:
        self.http = httpx.Client(base_url=api_url, timeout=30)

    def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request, retried like Prefect's own client does on 429/502/503 (its SQLite can be busy)."""
        for attempt in range(6):
            response = self.http.request(method, url, **kwargs)
            if response.status_code not in (429, 502, 503):
                break
            time.sleep(0.5 * 2**attempt)
        if response.status_code != 404:
            response.raise_for_status()
        return response

    def wait_healthy(self, proc: subprocess.Popen, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert proc.poll() is None, "prefect server exited during start-up"
            try:
                if self.http.get("/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        raise AssertionError(f"prefect server not healthy within {timeout} s")

    def deployment(self, flow: str, name: str) -> dict[str, Any]:
        response = self.call("GET", f"/deployments/name/{flow}/{name}")
        assert response.status_code == 200, response.text
        return response.json()

    def flow_runs(self, deployment_id: str) -> list[dict[str, Any]]:
        body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}, "sort": "EXPECTED_START_TIME_ASC"}
        response = self.call("POST", "/flow_runs/filter", json=body)
        return response.json()

    def create_run(self, deployment_id: str, parameters: dict[str, Any]) -> str:
        response = self.call("POST", f"/deployments/{deployment_id}/create_flow_run",
                             json={"parameters": parameters})
        return response.json()["id"]

    def flow_run(self, run_id: str) -> dict[str, Any]:
        response = self.call("GET", f"/flow_runs/{run_id}")
        return response.json()

    def wait_final(self, run_id: str, timeout: float = 180) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.flow_run(run_id)
            if run["state_type"] in FINAL_STATES:
                return run
            time.sleep(0.5)
        raise AssertionError(f"flow run {run_id} not finished within {timeout} s: {run['state_type']}")

    def artifact(self, run_id: str, key: str) -> dict[str, Any] | None:
        body = {"artifacts": {"flow_run_id": {"any_": [run_id]}, "key": {"any_": [key]}}}
        response = self.call("POST", "/artifacts/filter", json=body)
        found = response.json()
        return found[0] if found else None


@dataclass
class Stack:
    api: PrefectApi
    processes: Processes
    data_dir: Path
    deployed: dict[str, dict[str, Any]]          # deployment name -> deployment as read right after deploy
    scheduled_starts: dict[str, list[datetime]]  # deployment name -> expected starts of its scheduled runs

    @property
    def db_path(self) -> Path:
        return self.data_dir / "mmtrack.duckdb"


def stack_env(home: Path, api_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MMTRACK_"))}
    env |= {
        "PREFECT_HOME": str(home),
        "PREFECT_PROFILES_PATH": str(home / "profiles.toml"),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PYTHONPATH": str(PROJECT_ROOT),
        # The flow runs inherit these from the worker: a private database, fast loopback HTTP.
        "MMTRACK_DATA_DIR": str(data_dir),
        # A run without explicit feeds would read this registry; its {{BASE}} URLs never leave loopback.
        "MMTRACK_FEEDS": str(DEMO_ROOT / "feeds.csv"),
        "MMTRACK_PER_HOST_INTERVAL": "0",
        "MMTRACK_PER_HOST_CONCURRENCY": "8",
        "MMTRACK_READ_TIMEOUT": "2",
        "MMTRACK_CONNECT_TIMEOUT": "2",
        "MMTRACK_REQUEST_DEADLINE": "5",
        "MMTRACK_RETRIES": "0",
    }
    return env


def _snapshot_deployments(api: PrefectApi) -> tuple[dict[str, dict], dict[str, list[datetime]]]:
    deployed, starts = {}, {}
    for spec in load_deployment_specs(PREFECT_YAML):
        flow_name = spec.entrypoint.rsplit(":", 1)[1]
        deployment = api.deployment(flow_name, spec.name)
        deployed[spec.name] = deployment
        # Ask for the next runs now rather than waiting for the scheduler service's next loop.
        api.call("POST", f"/deployments/{deployment['id']}/schedule", json={"min_runs": 3})
        runs = [r for r in api.flow_runs(deployment["id"]) if r["auto_scheduled"]]
        starts[spec.name] = [datetime.fromisoformat(r["expected_start_time"]) for r in runs]
    return deployed, starts


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    base = tmp_path_factory.mktemp("ops")
    home, data_dir = base / "prefect-home", base / "data"
    home.mkdir()
    api_url = f"http://127.0.0.1:{free_port()}/api"
    env = stack_env(home, api_url, data_dir)
    processes = Processes(base)
    prefect = [sys.executable, "-m", "prefect"]
    try:
        port = api_url.rsplit(":", 1)[1].split("/")[0]
        server_args = ["server", "start", "--host", "127.0.0.1", "--port", port]
        server = processes.start("server", prefect + server_args, env)
        api = PrefectApi(api_url)
        api.wait_healthy(server)
        run_cli(prefect + ["work-pool", "create", POOL, "--type", "process"], env)
        run_cli(prefect + ["--no-prompt", "deploy", "--all"], env)
        deployed, starts = _snapshot_deployments(api)
        for deployment in deployed.values():  # deletes the auto-scheduled runs; see the module docstring
            api.call("POST", f"/deployments/{deployment['id']}/pause_deployment")
        processes.start("worker", prefect + ["worker", "start", "--pool", POOL, "--type", "process"], env)
        yield Stack(api, processes, data_dir, deployed, starts)
    except BaseException:
        print(processes.tail())
        raise
    finally:
        processes.stop_all()


@pytest.fixture(scope="module")
def demo_site() -> Iterator[DemoSite]:
    with DemoSite(root=DEMO_ROOT, hold_seconds=10) as site:
        yield site


def ingest_parameters(stack: Stack, site: DemoSite) -> dict[str, Any]:
    return {"db_path": str(stack.db_path), "feeds_path": str(DEMO_ROOT / "feeds.csv"),
            "force": True, "base_url": site.base_url}


def _cron_of(schedule: dict[str, Any]) -> str | None:
    return schedule["schedule"].get("cron")


def test_every_schedule_in_prefect_yaml_parses_and_is_active_on_the_server(stack: Stack) -> None:
    specs = load_deployment_specs(PREFECT_YAML)
    assert {s.name for s in specs} == {"ingest", "reprocess", "maintenance", "backfill"}
    for spec in specs:
        deployed = stack.deployed[spec.name]
        served = [schedule_from_yaml(item) for item in spec.schedules]  # what `mmtrack serve` would register
        assert all(s.active for s in served), spec.name
        assert len(deployed["schedules"]) == len(spec.schedules), spec.name
        assert all(s["active"] for s in deployed["schedules"]), spec.name
        assert sorted(map(_cron_of, deployed["schedules"])) == sorted(s.cron for s in served), spec.name
        assert deployed["work_pool_name"] == POOL
        assert deployed["pull_steps"] == [
            {"prefect.deployments.steps.set_working_directory": {"directory": str(PROJECT_ROOT)}}
        ]
    assert not stack.deployed["reprocess"]["schedules"], "reprocess runs by hand only"
    assert not stack.deployed["backfill"]["schedules"], "backfill runs by hand only"


def test_ingest_schedule_produces_runs_every_fifteen_minutes(stack: Stack) -> None:
    starts = stack.scheduled_starts["ingest"]
    assert len(starts) >= 3, starts
    gaps = {later - earlier for earlier, later in zip(starts, starts[1:])}
    assert gaps == {timedelta(minutes=15)}
    assert all(s.minute % 15 == 0 and s.second == 0 for s in starts)
    daily = stack.scheduled_starts["maintenance"]
    assert daily and all((s.hour, s.minute) == (3, 30) for s in daily)


def test_every_deployment_allows_one_run_and_cancels_new_ones(stack: Stack) -> None:
    for name, deployed in stack.deployed.items():
        assert deployed["global_concurrency_limit"]["limit"] == 1, name
        assert deployed["concurrency_options"]["collision_strategy"] == "CANCEL_NEW", name


def _artifact_count(markdown: str, label: str) -> int:
    match = re.search(rf"\|\s*{re.escape(label)}\s*\|\s*(\d+)\s*\|", markdown)
    assert match, f"no '{label}' row in artifact:\n{markdown}"
    return int(match.group(1))


def _query(db_path: Path, sql: str, params: list[Any] | None = None) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_triggered_ingest_loads_the_demo_site_and_reports_through_the_api(
    stack: Stack, demo_site: DemoSite
) -> None:
    deployment = stack.deployed["ingest"]
    run_id = stack.api.create_run(deployment["id"], ingest_parameters(stack, demo_site))
    run = stack.api.wait_final(run_id)
    assert run["state_type"] == "COMPLETED", stack.processes.tail()

    artifact = stack.api.artifact(run_id, "ingest-summary")
    assert artifact is not None and artifact["type"] == "markdown"
    articles_new = _artifact_count(artifact["data"], "articles new")
    feeds_polled = _artifact_count(artifact["data"], "feeds polled")
    assert articles_new > 0 and feeds_polled > 0

    (articles,), = _query(stack.db_path, "SELECT count(*) FROM articles")
    assert articles == articles_new
    (feeds_with_polls,), = _query(
        stack.db_path, "SELECT count(DISTINCT feed_id) FROM feed_polls WHERE run_id = ?", [run_id]
    )
    assert feeds_with_polls == feeds_polled
    assert _query(stack.db_path, "SELECT flow, status FROM pipeline_runs WHERE run_id = ?", [run_id]) == [
        ("ingest", "completed")
    ]
    assert (stack.data_dir / "published" / "mmtrack.duckdb").is_file()


def _running_interval(api: PrefectApi, run: dict[str, Any]) -> tuple[datetime, datetime] | None:
    """From the run's Running state to its final state, or None for a run that never ran."""
    response = api.call("GET", "/flow_run_states/", params={"flow_run_id": run["id"]})
    states = sorted(response.json(), key=lambda st: st["timestamp"])
    running = [datetime.fromisoformat(st["timestamp"]) for st in states if st["type"] == "RUNNING"]
    final = [datetime.fromisoformat(st["timestamp"]) for st in states if st["type"] in FINAL_STATES]
    if not running:
        return None
    return running[0], final[-1]


def test_two_quick_triggers_of_ingest_do_not_overlap(stack: Stack, demo_site: DemoSite) -> None:
    deployment = stack.deployed["ingest"]
    parameters = ingest_parameters(stack, demo_site)
    first = stack.api.create_run(deployment["id"], parameters)
    second = stack.api.create_run(deployment["id"], parameters)
    runs = [stack.api.wait_final(first), stack.api.wait_final(second)]

    assert sorted(r["state_type"] for r in runs) == ["CANCELLED", "COMPLETED"], stack.processes.tail()
    cancelled = next(r for r in runs if r["state_type"] == "CANCELLED")
    assert _running_interval(stack.api, cancelled) is None, "the cancelled run must never have started"
    assert not _query(stack.db_path, "SELECT run_id FROM pipeline_runs WHERE run_id = ?", [cancelled["id"]])
    # Across the whole module, no two ingest runs were ever running at the same time.
    runs_so_far = stack.api.flow_runs(deployment["id"])
    intervals = sorted(filter(None, (_running_interval(stack.api, run) for run in runs_so_far)))
    assert len(intervals) >= 2
    pairs = zip(intervals, intervals[1:])
    assert all(earlier_end <= later_start for (_, earlier_end), (later_start, _) in pairs)


def test_maintenance_deployment_prunes_publishes_and_exports(stack: Stack) -> None:
    deployment = stack.deployed["maintenance"]
    parameters = {"db_path": str(stack.db_path), "poll_retention_days": 30}
    run_id = stack.api.create_run(deployment["id"], parameters)
    run = stack.api.wait_final(run_id)
    assert run["state_type"] == "COMPLETED", stack.processes.tail()

    exports = sorted((stack.data_dir / "exports").iterdir())
    assert len(exports) == 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", exports[0].name)
    (articles,), = _query(stack.db_path, "SELECT count(*) FROM articles")
    parquet = exports[0] / "articles.parquet"
    (exported,), = _query(stack.db_path, f"SELECT count(*) FROM read_parquet('{parquet}')")
    assert exported == articles > 0
    artifact = stack.api.artifact(run_id, "maintenance-summary")
    assert artifact is not None and "| articles |" in artifact["data"]
    status = _query(stack.db_path, "SELECT status FROM pipeline_runs WHERE run_id = ?", [run_id])
    assert status == [("completed",)]


def test_flow_runs_console_shows_no_errors_or_tracebacks(stack: Stack) -> None:
    # The worker's output holds every flow run's console. (The server's own log is not checked: under
    # load its SQLite database can report a transient "database is locked", which Prefect retries.)
    text = (stack.processes.log_dir / "worker.log").read_text(errors="replace")
    bad = [line for line in text.splitlines() if "| ERROR" in line or line.startswith("Traceback")]
    assert not bad, "worker.log:\n" + "\n".join(bad[:20])


def test_mmtrack_serve_without_a_server_says_what_to_start_and_fails(tmp_path: Path) -> None:
    env = stack_env(tmp_path / "prefect-home", "", tmp_path / "data")
    del env["PREFECT_API_URL"]
    done = subprocess.run([sys.executable, "-m", "mmtrack.cli", "serve"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "does not schedule" in done.stderr and "prefect server start" in done.stderr
    assert "Starting temporary server" not in done.stdout + done.stderr


def _wait_until_served(api: PrefectApi, names: list[tuple[str, str]], timeout: float = 90) -> dict[str, dict]:
    """The deployments as `mmtrack serve` registered them: with no work pool, the runner runs them itself."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = {}
        for flow, name in names:
            response = api.call("GET", f"/deployments/name/{flow}/{name}")
            if response.status_code == 200:
                found[name] = response.json()
        if len(found) == len(names) and all(d["work_pool_name"] is None for d in found.values()):
            return found
        time.sleep(0.5)
    raise AssertionError(f"deployments not served within {timeout} s: {found}")


def test_mmtrack_serve_serves_every_deployment_with_schedules_in_one_process(stack: Stack) -> None:
    env = stack_env(Path(stack.processes.log_dir / "prefect-home"), str(stack.api.http.base_url).rstrip("/"),
                    stack.data_dir)
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "1"
    # serve is the alternative to deploy + worker, not an addition: stop the worker, drop its deployments.
    _stop_group(stack.processes.started["worker"])
    for deployment in stack.deployed.values():
        stack.api.call("DELETE", f"/deployments/{deployment['id']}")
    serve = stack.processes.start("serve", [sys.executable, "-m", "mmtrack.cli", "serve"], env)
    names = [(spec.entrypoint.rsplit(":", 1)[1], spec.name) for spec in load_deployment_specs(PREFECT_YAML)]
    served = _wait_until_served(stack.api, names)
    for spec in load_deployment_specs(PREFECT_YAML):
        deployment = served[spec.name]
        assert len(deployment["schedules"]) == len(spec.schedules)
        assert all(s["active"] for s in deployment["schedules"]) and not deployment["paused"]
        assert deployment["concurrency_options"]["collision_strategy"] == "CANCEL_NEW"

    run_id = stack.api.create_run(served["maintenance"]["id"], {"db_path": str(stack.db_path)})
    assert stack.api.wait_final(run_id)["state_type"] == "COMPLETED", stack.processes.tail()
    _stop_group(serve)
    # Prefect's runner pauses what it served when it stops, so nothing fires with no one to run it.
    assert stack.api.deployment("ingest", "ingest")["paused"]
