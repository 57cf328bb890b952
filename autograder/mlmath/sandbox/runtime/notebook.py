"""A submitted notebook's code cells, read the way Jupyter reads them.

Runs inside the sandbox (the student's process), so that a hostile file is decoded
under the submission's own limits and clock, never in the grader.
"""

import functools


class InvalidNotebook(Exception):
    pass


def code_cells(data: bytes) -> list[tuple[int, str]]:
    """(position, source) of each code cell; positions count every cell from 1, as a
    student counts them in Jupyter."""
    import nbformat

    if not data.strip():
        raise InvalidNotebook("the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidNotebook("not a notebook: the file is not UTF-8 text") from None
    try:
        parsed = nbformat.reads(text, as_version=4)
    except Exception as error:  # nbformat reports bad JSON and bad structure many ways
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise InvalidNotebook(f"not a notebook: {first}") from None
    cells = parsed.get("cells")
    if not isinstance(cells, list):
        raise InvalidNotebook("not a notebook: it has no list of cells")
    found = []
    for position, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        found.append((position, "".join(source) if isinstance(source, list) else str(source)))
    return found


@functools.cache
def _transformer():
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager()


def to_python(source: str) -> str:
    """A cell with IPython syntax (magics, !commands) turned into Python."""
    try:
        return _transformer().transform_cell(source)
    except Exception:  # a cell IPython cannot parse fails when it runs, as in Jupyter
        return source
