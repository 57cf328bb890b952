"""The package is laid out by stage, and every import points down the pipeline."""

import ast
from pathlib import Path

import mlmath

PACKAGE = Path(mlmath.__file__).resolve().parent

# highest first: a module may import only from its own stage or those after it
STAGES = [
    "cli",
    "reporting",
    "validation",
    "grading",
    "release",
    "sandbox",
    "executor",
    "adapters",
    "course",
    "shipped",
    "errors",
    "authoring",
]
RANK = {stage: len(STAGES) - index for index, stage in enumerate(STAGES)}
BASE = {"__init__", "__main__"}


def _stage(module: str) -> str:
    return module.split(".")[0]


def _imports(path: Path) -> list[str]:
    """The mlmath modules a file imports, as dotted names under mlmath."""
    here = path.relative_to(PACKAGE).with_suffix("").parts
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level])
            target = base + (node.module.split(".") if node.module else [])
            if target:
                found.append(".".join(target))
            else:  # from . import x, at the top of the package
                found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mlmath."):
            found.append(node.module.removeprefix("mlmath."))
    return found


def test_every_module_sits_in_a_stage():
    loose = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _stage(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        not in RANK | dict.fromkeys(BASE)
    ]
    assert not loose, f"modules outside the stages: {loose}"


def test_imports_point_down_the_pipeline():
    upward = []
    for path in PACKAGE.rglob("*.py"):
        if "runtime" in path.parts:
            continue  # runs inside the sandbox, where mlmath is not importable
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module in BASE:
            continue
        own = RANK[_stage(module)]
        for target in _imports(path):
            if RANK.get(_stage(target), 0) > own:
                upward.append(f"{module} imports {target}")
    assert not upward, upward


def test_the_sandbox_runtime_imports_nothing_of_mlmath():
    for path in (PACKAGE / "sandbox" / "runtime").glob("*.py"):
        text = path.read_text()
        assert "import mlmath" not in text and "from mlmath" not in text, path.name
        tree = ast.parse(text)
        outside = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 1]
        assert not outside, f"{path.name}: the runtime imports only its own siblings"
