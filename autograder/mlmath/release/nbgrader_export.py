"""Export a problem set as an nbgrader assignment: ``dist/nbgrader/``, a course root with
``nbgrader_config.py`` and ``source/PS/`` (the notebook, mlmath_checks.py, the set's
support modules and data).

The source notebook is the otter notebook turned into nbgrader's format: each stub cell
is a solution cell holding the reference between nbgrader's solution markers (so that
``nbgrader generate_assignment`` gives back the stub), and each ``grader.check("qN")``
cell becomes one autograded test cell per test case, worth that case's points (so
partial credit is otter's); hidden cases sit between nbgrader's hidden-test markers.
"""

import ast
import copy
import io
import re
import tokenize
from pathlib import Path

import nbformat

from ..course.content import SetContent
from ..course.stubs import Definition, is_docstring, parse_python, replace_definitions
from ..course.testfiles import CaseInfo, TestFileInfo, render_nodes, statements_for
from ..course.variants import Variant
from ..errors import MlmathError

FOLDER = "nbgrader"
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
# an unanswered stub keeps the otter notebook's `...` body: it returns None, so the
# notebook's demo cells (guarded by `is None`) and the tests' messages work the same
CODE_STUB = "# YOUR CODE HERE\n..."
CASE_RUNNER = "_mlmath_test_case"

CONFIG = f'''"""nbgrader configuration of the mlmath course, written by `mlmath build`.

Run nbgrader's commands in this folder, e.g. `nbgrader generate_assignment ps01-algebra`.
"""

c = get_config()  # noqa: F821 (nbgrader defines it)

c.CourseDirectory.course_id = "mlmath"
# an unanswered stub keeps its `...` body, as in the otter notebook
c.ClearSolutions.code_stub = {{"python": {CODE_STUB!r}}}
# the course's slowest cells take seconds; a student's endless loop is stopped
c.Execute.timeout = 120
'''

_OTTER_LINES = (
    re.compile(r"^\s*import\s+otter\s*$"),
    re.compile(r"^\s*grader\s*=\s*otter\.Notebook\(.*\)\s*$"),
    re.compile(r"^\s*grader\.check_all\(\s*\)\s*$"),
)
_CHECK = re.compile(r"""^\s*grader\.check\(\s*["'](q\d+)["']\s*\)\s*$""")
_OTTER_NAME = re.compile(r"\b(grader|otter)\b")


def root(dist: Path) -> Path:
    return dist / FOLDER


def source_folder(dist: Path, name: str) -> Path:
    return root(dist) / "source" / name


def _nbgrader_metadata(grade_id: str, *, solution: bool, points: float | None = None) -> dict:
    meta = {
        "grade": points is not None,
        "grade_id": grade_id,
        "locked": points is not None,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return meta


def _code_cell(source: str, cell_id: str, nbgrader: dict | None = None):
    cell = nbformat.v4.new_code_cell(source)
    cell.id = cell_id  # fixed ids: the same sources give the same bytes
    if nbgrader is not None:
        cell.metadata["nbgrader"] = nbgrader
    return cell


# ---- answers: stub cells ------------------------------------------------------------------


def _body_lines(definition: Definition) -> tuple[list[str], int] | None:
    """A function definition's body without its docstring, and its indentation."""
    node = parse_python(definition.source, definition.name).body[0]
    body = node.body
    if len(body) > 1 and is_docstring(body[0]):
        body = body[1:]
    elif is_docstring(body[0]):
        return None  # only a docstring: nothing to place
    lines = definition.source.split("\n")
    first = body[0].lineno
    while first - 2 >= 0 and lines[first - 2].strip().startswith("#"):
        first -= 1  # comments just above the first statement belong to it
    if body[0].lineno <= node.lineno:
        return None  # the body shares the `def` line
    return lines[first - 1 :], body[0].col_offset


def _same_signature(stub: ast.AST, reference: ast.AST) -> bool:
    functions = ast.FunctionDef | ast.AsyncFunctionDef
    return (
        isinstance(stub, functions)
        and type(stub) is type(reference)
        and not stub.decorator_list
        and not reference.decorator_list
        and ast.dump(stub.args) == ast.dump(reference.args)
        and ast.dump(stub.returns or ast.Constant(None))
        == ast.dump(reference.returns or ast.Constant(None))
    )


def solution_lines(stub: Definition, reference: Definition) -> list[str]:
    """The stub with the reference between solution markers, so that clearing the
    solution gives back the stub.

    A function whose reference has the same signature keeps the stub's header and
    docstring and gets the reference's body in place of its `...`; anything else (a
    constant, a class, a reference with another signature) keeps the whole stub and is
    followed by the whole reference, which redefines it.
    """
    stub_lines = stub.source.split("\n")
    stub_node = parse_python(stub.source, stub.name).body[0]
    reference_node = parse_python(reference.source, reference.name).body[0]
    body = _body_lines(reference) if _same_signature(stub_node, reference_node) else None
    ellipsis = stub_node.body[-1] if hasattr(stub_node, "body") else None
    if body is not None and ellipsis.lineno > stub_node.lineno:
        lines, indent = body
        if ellipsis.col_offset == indent and stub_lines[ellipsis.lineno - 1].strip() == "...":
            pad = " " * indent
            return (
                stub_lines[: ellipsis.lineno - 1]
                + [pad + BEGIN_SOLUTION, *lines, pad + END_SOLUTION]
                + stub_lines[ellipsis.lineno :]
            )
    return stub_lines + [BEGIN_SOLUTION, *reference.source.split("\n"), END_SOLUTION]


def _answer_id(definitions: list[Definition]) -> str:
    return f"answer-{min(definitions, key=lambda d: d.start).name}"


def answer_sources(content: SetContent, variant: Variant | None = None) -> dict[str, str]:
    """What a student who wrote the reference (or ``variant``) would have in each answer
    cell, by grade id: the submission made from nbgrader's release."""
    filled = content.filled_sources(variant)
    imports = content.variant_file.imports if variant is not None else ""
    return {
        _answer_id(definitions): (f"{imports}\n{filled[index]}" if imports else filled[index])
        for index, definitions in content.stubs_by_cell().items()
    }


# ---- tests: one autograded cell per test case --------------------------------------------


def _indent_code(source: str, pad: str = "    ") -> str:
    """Indent Python code one level, leaving the inside of multi-line strings as is."""
    inside = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and token.end[0] > token.start[0]:
            inside.update(range(token.start[0] + 1, token.end[0] + 1))
    return "\n".join(
        line if number in inside or not line.strip() else pad + line
        for number, line in enumerate(source.split("\n"), start=1)
    )


def _otter_import(node: ast.AST) -> bool:
    """Whether a statement imports otter (its test_case decorator), not needed here."""
    return isinstance(node, ast.ImportFrom) and (node.module or "").startswith("otter")


def case_source(info: TestFileInfo, case: CaseInfo) -> str:
    """One test case as code for an nbgrader test cell: the case and what it needs,
    run inside a function so that nothing it defines lands in the student's namespace;
    the student's names are passed as otter passes them (None when undefined)."""
    nodes = [
        node for node in statements_for(info, [case], keep_header=False) if not _otter_import(node)
    ]

    def segment(node):  # the case without its otter decorator
        if node is case.node:
            return "\n".join(info.source.split("\n")[node.lineno - 1 : node.end_lineno])
        return info.segment(node)

    code = render_nodes(info, nodes, segment).rstrip("\n")
    arguments = ", ".join(f'{name}=globals().get("{name}")' for name in case.params)
    return (
        f"def {CASE_RUNNER}():\n{_indent_code(code)}\n\n"
        "    # nbgrader fails a test cell that writes to stderr; a warning fails no test of\n"
        "    # the course elsewhere, so warnings go to the cell's ordinary output\n"
        "    import contextlib as _mlmath_contextlib\n"
        "    import sys as _mlmath_sys\n\n"
        "    with _mlmath_contextlib.redirect_stderr(_mlmath_sys.stdout):\n"
        f"        {case.function}({arguments})\n\n\n"
        f"try:\n    {CASE_RUNNER}()\nfinally:\n    del {CASE_RUNNER}"
    )


def test_cells(info: TestFileInfo) -> list:
    cells = []
    for number, case in enumerate(info.cases, start=1):
        points = f"{case.points:g} point{'' if case.points == 1 else 's'}"
        if case.hidden:
            source = (
                f"# {info.name}, test {number}: {points}, hidden (it runs when your notebook "
                f"is graded)\n{BEGIN_HIDDEN}\n{case_source(info, case)}\n{END_HIDDEN}"
            )
        else:
            source = f"# {info.name}, test {number}: {points}\n{case_source(info, case)}"
        grade_id = f"{info.name}-{case.function}"
        cells.append(
            _code_cell(
                source,
                f"{info.name}-test-{number}",
                _nbgrader_metadata(grade_id, solution=False, points=case.points),
            )
        )
    return cells


# ---- the notebook -------------------------------------------------------------------------


def _without_otter_lines(source: str) -> str:
    lines = [line for line in source.split("\n") if not any(p.match(line) for p in _OTTER_LINES)]
    return "\n".join(lines).strip("\n")


def source_notebook(content: SetContent):
    """nbgrader's source notebook of the set: answers in solution cells, the tests in
    autograded test cells, otter's own cells gone."""
    name = content.ps.name
    tests = {info.name: info for info in content.tests}
    stubs = content.stubs_by_cell()
    placed: set[str] = set()
    notebook = copy.deepcopy(content.notebook)
    notebook.metadata.pop("otter", None)
    cells = []
    for index, cell in enumerate(content.notebook.cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        if index in stubs:
            definitions = stubs[index]
            marked = {
                stub.name: "\n".join(solution_lines(stub, content.definitions[stub.name]))
                for stub in definitions
            }
            cell.source = replace_definitions(cell.source, definitions, marked)
            cell.metadata["nbgrader"] = _nbgrader_metadata(_answer_id(definitions), solution=True)
            cell.id = _answer_id(definitions)
            cells.append(cell)
            continue
        checked = [m.group(1) for line in cell.source.split("\n") if (m := _CHECK.match(line))]
        rest = _without_otter_lines(
            "\n".join(line for line in cell.source.split("\n") if not _CHECK.match(line))
        )
        if _OTTER_NAME.search(rest):
            raise MlmathError(
                f"{name}: notebook cell {index} uses otter ({rest.splitlines()[0][:60]!r}...); "
                'the nbgrader export knows only `grader.check("qN")` cells and otter\'s '
                "set-up and check_all lines"
            )
        if rest:
            cell.source = rest
            cells.append(cell)
        for question in checked:
            if question not in tests:
                raise MlmathError(f"{name}: notebook cell {index} checks unknown {question}")
            cells.extend(test_cells(tests[question]))
            placed.add(question)
    missing = sorted(set(tests) - placed)
    if missing:
        raise MlmathError(
            f"{name}: no grader.check cell for {', '.join(missing)}, so the nbgrader export "
            "has nowhere to put their tests"
        )
    notebook.cells = cells
    return notebook


def source_files(content: SetContent, beside: dict[str, bytes]) -> dict[str, object]:
    """What ``dist/nbgrader/`` holds for the set, by path inside it: the course's
    ``nbgrader_config.py``, the source notebook (a notebook object) and ``beside`` (the
    helpers and data that sit next to it)."""
    name = content.ps.name
    folder = f"source/{name}"
    return {
        "nbgrader_config.py": CONFIG.encode(),
        f"{folder}/{name}.ipynb": source_notebook(content),
        **{f"{folder}/{path}": data for path, data in beside.items()},
    }
