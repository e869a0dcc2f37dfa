"""One results table for `make bench` and `make eval`: collect rows, judge them, print, append to RESULTS.md.

A benchmark module offers `evaluate()` returning rows (figure, value, target). A target is a number (the
value must reach it) or text such as ">= 40", "<= 1.15", "== 0"; anything else ("", "baseline") is a figure
shown without a verdict. A module that is missing or raises shows up as a FAIL row, never as silence.
"""

from __future__ import annotations

import importlib
import operator
import platform
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, "==": operator.eq, ">": operator.gt, "<": operator.lt,
}
_TARGET = re.compile(r"^\s*(>=|<=|==|>|<)\s*(-?[\d.]+)\s*$")


@dataclass(frozen=True)
class Result:
    figure: str
    value: float | str
    target: str
    verdict: str  # pass | FAIL | "" (a figure with no target)


def judge(value: Any, target: Any) -> tuple[str, str]:
    """(target as text, verdict)."""
    if isinstance(target, (int, float)) and not isinstance(target, bool):
        text, comparison, bound = f">= {target:g}", operator.ge, float(target)
    else:
        match = _TARGET.match(str(target or ""))
        if not match:
            return str(target or ""), ""
        text, comparison, bound = str(target).strip(), _COMPARISONS[match.group(1)], float(match.group(2))
    if not isinstance(value, (int, float)):
        return text, "FAIL"
    return text, "pass" if comparison(float(value), bound) else "FAIL"


def collect(module_name: str, call: Callable[[Any], list] | None = None) -> list[Result]:
    """The judged rows of one module's evaluate() (or of `call(module)`), with its wall time."""
    started = time.perf_counter()
    try:
        module = importlib.import_module(module_name)
        rows = call(module) if call else module.evaluate()
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(module_name):
            return [Result(f"{module_name}: module not found", "missing", "present", "FAIL")]
        return [Result(f"{module_name}: failed", _short(exc), "runs", "FAIL")]
    except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others' figures
        traceback.print_exc()
        return [Result(f"{module_name}: failed", _short(exc), "runs", "FAIL")]
    results = [Result(str(figure), value, *judge(value, target)) for figure, value, target in rows]
    if not results:
        results = [Result(f"{module_name}: no rows (data absent?)", "skipped", "", "")]
    seconds = time.perf_counter() - started
    return results + [Result(f"{module_name}: benchmark wall time s", round(seconds, 1), "", "")]


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:80]


def _value_text(value: float | str) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table_text(results: list[Result]) -> str:
    width = max(len(r.figure) for r in results)
    lines = [f"{'figure':<{width}}  {'value':>12}  {'target':<10}  verdict", "-" * (width + 38)]
    lines += [f"{r.figure:<{width}}  {_value_text(r.value):>12}  {r.target:<10}  {r.verdict}" for r in results]
    return "\n".join(lines)


def table_markdown(results: list[Result]) -> str:
    lines = ["| figure | value | target | verdict |", "|---|---:|---|---|"]
    lines += [f"| {r.figure} | {_value_text(r.value)} | {r.target} | {r.verdict} |" for r in results]
    return "\n".join(lines)


def summary_line(results: list[Result], seconds: float) -> str:
    judged = [r for r in results if r.verdict]
    failed = [r for r in judged if r.verdict == "FAIL"]
    return f"{len(judged) - len(failed)} passed, {len(failed)} failed of {len(judged)} targets in {seconds:.0f} s"


def append_results(title: str, results: list[Result], seconds: float, path: Path = RESULTS) -> None:
    """A dated section at the end of RESULTS.md: the table and what machine it was measured on."""
    import os

    import duckdb

    machine = (f"{os.cpu_count()} CPUs, Python {platform.python_version()}, duckdb {duckdb.__version__}, "
               f"{platform.platform()}")
    section = (f"\n## {title}, {datetime.now():%Y-%m-%d %H:%M}\n\n{machine}; {summary_line(results, seconds)}.\n\n"
               f"{table_markdown(results)}\n")
    if not path.exists():
        path.write_text("# Benchmark results\n\nAppended by `make bench` (python -m bench.run_all).\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(section)
