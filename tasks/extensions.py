"""DuckDB's own extensions, loaded offline from the PyPI wheels that repackage them.

`INSTALL x` needs DuckDB's extension repository, which deployments here cannot reach. The wheels
`duckdb-extension-<name>` (pinned with duckdb itself in pyproject.toml) ship DuckDB's signed binaries, so
`LOAD '<file>'` works with the signature check left on. DuckDB derives an extension's entry point from
its file name, and the postgres wheel's file is named `postgres.duckdb_extension` while the extension is
`postgres_scanner`: that one is copied once under its real name into a cache directory.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from pathlib import Path

import duckdb

# extension -> (the wheel's Python package, the name DuckDB knows the extension by)
WHEELS = {
    "ducklake": ("duckdb_extension_ducklake", "ducklake"),
    "postgres": ("duckdb_extension_postgres", "postgres_scanner"),
    "fts": ("duckdb_extension_fts", "fts"),
    "spatial": ("duckdb_extension_spatial", "spatial"),
}


class ExtensionUnavailable(RuntimeError):
    """The wheel is missing or built for another DuckDB version."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mmtrack" / "duckdb-extensions" / f"v{duckdb.__version__}"


def extension_file(extension: str) -> Path:
    """The loadable file of one extension, under the file name DuckDB expects."""
    package, name = WHEELS[extension]
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise ExtensionUnavailable(f"DuckDB extension {extension}: install {package.replace('_', '-')}") from exc
    found = list(Path(module.__file__).parent.glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not found:
        raise ExtensionUnavailable(f"{package} has no build for DuckDB {duckdb.__version__}: pin them together")
    if found[0].stem == name:
        return found[0]
    target = _cache_dir() / f"{name}.duckdb_extension"
    if not target.exists() or target.stat().st_size != found[0].stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Several workers may start at once: each copies to its own file and renames it into place.
        handle, staging = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        os.close(handle)
        shutil.copyfile(found[0], staging)
        os.replace(staging, target)
    return target


def load(con: duckdb.DuckDBPyConnection, *extensions: str) -> None:
    """Load extensions into a connection (a no-op for one already loaded)."""
    loaded = {row[0] for row in con.execute(
        "SELECT extension_name FROM duckdb_extensions() WHERE loaded").fetchall()}
    for extension in extensions:
        if WHEELS[extension][1] in loaded:
            continue
        path = str(extension_file(extension)).replace("'", "''")
        con.execute(f"LOAD '{path}'")
