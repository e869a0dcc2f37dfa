"""Run every SQL block of the analysts' guide on a published copy, as an analyst's own DuckDB would.

Runs in the analyst-client venv (tests/analyst_client/requirements.txt), not the project's: it imports
nothing from the project. Prints one JSON object: the DuckDB version, rows per question, and errors.
"""

import json
import re
import sys

import duckdb


def main(database: str, guide: str) -> None:
    blocks = re.findall(r"```sql\n(.*?)```", open(guide, encoding="utf-8").read(), re.S)
    result = {"duckdb": duckdb.__version__, "rows": [], "errors": []}
    con = duckdb.connect(database, read_only=True)
    for number, sql in enumerate(blocks, 1):
        try:
            result["rows"].append(len(con.execute(sql).fetchall()))
        except duckdb.Error as exc:
            result["rows"].append(None)
            result["errors"].append(f"question {number}: {exc}")
    con.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
