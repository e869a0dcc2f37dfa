"""A throwaway PostgreSQL server on a loopback port, for DuckLake's catalog in tests and benchmarks.

Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin, `apt-get install postgresql`; .ci/run
installs them). PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
and is started through `runuser`. Trust authentication, loopback only, a socket in the cluster's own
directory: nothing outside the temporary directory is touched.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def server_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise PostgresUnavailable("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin "
                                  "(apt-get install postgresql)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """initdb + pg_ctl start on entry, pg_ctl stop and the directory removed on exit."""

    def __init__(self, database: str = "mmtrack", user: str = "mmtrack") -> None:
        self.bin = server_bin()
        self.database, self.user = database, user
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="mmtrack-pg-"))
        self.data = self.root / "data"
        self._as_root = os.geteuid() == 0

    @property
    def dsn(self) -> str:
        """libpq connection string, as DuckDB's postgres extension and DuckLake take it."""
        return f"dbname={self.database} user={self.user} host=127.0.0.1 port={self.port}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{args[0]} failed: {done.stderr.strip()[-600:]}")

    def start(self) -> "PostgresServer":
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", self.user, "-A", "trust", "--no-sync", "-E", "UTF8")
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.root} -c fsync=off -c max_connections=200 "
                   "-c shared_buffers=32MB")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"),
                  "-w", "-t", "60", "start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.database)
        return self

    def create_database(self, name: str) -> str:
        """Another empty database on the same server; returns its connection string."""
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name)
        return f"dbname={name} user={self.user} host=127.0.0.1 port={self.port}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except PostgresUnavailable:
            pass  # never started, or already gone: the directory goes either way
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PostgresServer":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
