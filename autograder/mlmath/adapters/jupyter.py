"""Run a notebook top to bottom in a real Jupyter kernel."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from ..errors import MlmathError

# otter celebrates a passing check with a randomly chosen emoji; a seeded kernel makes
# executed notebooks reproducible byte for byte. The cell is removed after the run.
SEED_CELL = "import random as _mlmath_random\n_mlmath_random.seed(0)\ndel _mlmath_random"


def execute_notebook(notebook, cwd: Path, where: str, timeout: int = 120):
    """Execute ``notebook`` in place with ``cwd`` as its working folder; errors name the cell."""
    notebook.cells.insert(0, nbformat.v4.new_code_cell(SEED_CELL))
    try:
        return _execute(notebook, cwd, where, timeout)
    finally:
        notebook.cells.pop(0)


def _execute(notebook, cwd: Path, where: str, timeout: int):
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        cell = _failed_cell(notebook) - 1  # not counting the seed cell
        last = [line for line in str(error).strip().splitlines() if line.strip()][-1]
        raise MlmathError(f"{where}: cell {cell} failed: {last}") from None
    except (CellTimeoutError, DeadKernelError) as error:
        raise MlmathError(f"{where}: {type(error).__name__}: {error}") from None
    return notebook


def _failed_cell(notebook) -> int:
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index
    return 0


def cell_text(cell) -> str:
    """Everything a cell printed, as text."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
        elif output.get("output_type") == "error":
            parts.append("\n".join(output.get("traceback", [])))
    return "\n".join(parts)
