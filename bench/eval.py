"""`make eval`: the quality figures in one table: cleaning (bench_clean) and every bench/eval_*.py module.

Each module offers evaluate() -> [(figure, value, target)]; a missing or failing one shows as a FAIL row.

    .venv/bin/python -m bench.eval
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import collect, summary_line, table_text  # noqa: E402


def quality_modules() -> list[str]:
    """bench_clean, then the eval_* modules present, in name order (a new one joins the table by itself)."""
    evals = sorted(path.stem for path in Path(__file__).parent.glob("eval_*.py"))
    return ["bench.bench_clean", *(f"bench.{name}" for name in evals)]


def main() -> int:
    started = time.perf_counter()
    results = [row for name in quality_modules() for row in collect(name)]
    print(table_text(results))
    print(summary_line(results, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
