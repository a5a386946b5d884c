"""The codebase stays readable in one pass: the limits the README states, checked on the source itself."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "rag").glob("*.py")) + [ROOT / "ui.py"]
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _rag_imports(path: Path, top_level_only: bool):
    """(imported rag module, names) for each ``from rag.X import …`` in ``path``."""
    tree = _tree(path)
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rag."):
            yield node.module.split(".")[1], [a.name for a in node.names]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_module_over_400_lines_and_no_function_over_60(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(_tree(path))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long


def test_langchain_is_imported_only_inside_its_adapter():
    users = set()
    for path in SOURCES:
        for node in ast.walk(_tree(path)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(m.split(".")[0].startswith("langchain") for m in mods):
                users.add(path.name)
    assert users <= {"lc.py"}


def test_no_module_reaches_into_another_modules_private_names():
    reaches = [(p.name, mod, name) for p in SOURCES for mod, names in _rag_imports(p, False)
               for name in names if name.startswith("_") and mod != p.stem]
    assert not reaches


def test_module_level_imports_form_no_circle():
    graph = {p.stem: {m for m, _ in _rag_imports(p, True)} for p in SOURCES if p.parent.name == "rag"}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(u, path):
        state[u] = 1
        for v in graph.get(u, ()):
            assert state.get(v) != 1, " -> ".join(path + [u, v])
            if v not in state:
                visit(v, path + [u])
        state[u] = 2

    for u in sorted(graph):
        if u not in state:
            visit(u, [])
