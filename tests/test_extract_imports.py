"""The extract package imports as a tree: no module imports one that imports it back (issue 14)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tasks" / "extract"


def _imports(path: Path) -> set[str]:
    """Every tasks.extract module this file imports, at top level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("tasks.extract."):
                found.add(node.module.split(".")[2])
            elif node.module == "tasks.extract":
                found.update(alias.name for alias in node.names if (PACKAGE / f"{alias.name}.py").exists())
    return found - {path.stem}


def test_extract_modules_have_no_import_cycle():
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        if state.get(module) == "done":
            return
        assert state.get(module) != "open", " -> ".join([*trail, module])
        state[module] = "open"
        for imported in sorted(graph.get(module, ())):
            visit(imported, [*trail, module])
        state[module] = "done"

    for module in sorted(graph):
        visit(module, [])


def test_shared_scan_is_a_leaf_of_events_and_finalize():
    scan = _imports(PACKAGE / "scan.py")
    assert not scan & {"events", "finalize", "event_actors"}
