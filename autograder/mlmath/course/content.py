"""Load everything one problem set is made of, and check that the pieces fit together."""

import copy
from dataclasses import dataclass

import nbformat

from ..errors import MlmathError
from .sets import ProblemSet
from .stubs import Definition, cell_stubs, module_definitions, replace_definitions
from .testfiles import read_test_file
from .variants import Variant, VariantFile, read_variants


@dataclass(frozen=True)
class Stub:
    cell: int  # index of the notebook cell
    definition: Definition


def read_notebook(path, where):
    if not path.exists():
        raise MlmathError(f"{where}: missing notebook {path}")
    try:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # nbformat raises several unrelated types for bad files
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise MlmathError(f"{where}: {path.name} is not a valid notebook: {message}") from None
    return notebook


class SetContent:
    """A problem set's notebook, stubs, reference, tests and variants, cross-checked."""

    def __init__(self, ps: ProblemSet):
        self.ps = ps
        self.notebook = read_notebook(ps.notebook_path, ps.name)
        self.stubs = self._find_stubs()
        if not ps.solution_path.exists():
            raise MlmathError(f"{ps.name}: missing reference solution {ps.solution_path}")
        self.solution_source = ps.solution_path.read_text()
        self.definitions = module_definitions(self.solution_source, str(ps.solution_path))
        self._match_stubs_to_definitions()
        self.tests = [read_test_file(path) for path in ps.test_paths]
        self._check_tests()
        self.variant_file: VariantFile = read_variants(ps.variants_path)
        self._check_variants()

    def _find_stubs(self) -> dict[str, Stub]:
        stubs: dict[str, Stub] = {}
        for index, cell in enumerate(self.notebook.cells):
            if cell.cell_type != "code":
                continue
            for definition in cell_stubs(cell.source, f"{self.ps.name} notebook cell {index}"):
                if definition.name in stubs:
                    raise MlmathError(
                        f"{self.ps.name}: stub `{definition.name}` appears twice "
                        f"(cells {stubs[definition.name].cell} and {index})"
                    )
                stubs[definition.name] = Stub(index, definition)
        return stubs

    def _match_stubs_to_definitions(self):
        solution = self.ps.solution_path.relative_to(self.ps.course.root)
        for name, stub in self.stubs.items():
            if name not in self.definitions:
                raise MlmathError(
                    f"{self.ps.name}: the notebook's stub `{name}` (cell {stub.cell}) "
                    f"has no reference definition in {solution}"
                )
        for name, definition in self.definitions.items():
            if name not in self.stubs:
                raise MlmathError(
                    f"{self.ps.name}: {solution} defines `{name}` (line "
                    f"{definition.start}) but the notebook has no stub for it"
                )

    def _check_tests(self):
        questions = {q.name: q for q in self.ps.questions}
        for info in self.tests:
            if info.points != questions[info.name].points:
                raise MlmathError(
                    f"{self.ps.name} {info.name}: test cases add up to {info.points:g} "
                    f"points, problemset.toml says {questions[info.name].points:g}"
                )
            for case in info.cases:
                unknown = [p for p in case.params if p not in self.stubs]
                if unknown:
                    raise MlmathError(
                        f"{self.ps.name} {info.name}: test `{case.function}` takes "
                        f"{', '.join(unknown)}, which no stub defines"
                    )

    def _check_variants(self):
        questions = {q.name for q in self.ps.questions}
        for v in self.variant_file.variants:
            if v.question not in questions:
                raise MlmathError(f"{self.ps.name} variants: {v.label}: no question {v.question}")
            for name in v.replacements:
                if name not in self.definitions:
                    raise MlmathError(
                        f"{self.ps.name} variants: {v.label}: replaces `{name}`, "
                        "which the reference does not define"
                    )

    @property
    def variants(self) -> list[Variant]:
        return self.variant_file.variants

    def script(self, variant: Variant | None = None) -> str:
        """The reference as one Python script, with a variant's definitions swapped in."""
        if variant is None:
            return self.solution_source
        body = replace_definitions(
            self.solution_source, list(self.definitions.values()), variant.replacements
        )
        return f"{self.variant_file.imports}\n{body}" if self.variant_file.imports else body

    def stubs_by_cell(self) -> dict[int, list[Definition]]:
        """The stubs of each code cell that has any, by cell index."""
        by_cell: dict[int, list[Definition]] = {}
        for stub in self.stubs.values():
            by_cell.setdefault(stub.cell, []).append(stub.definition)
        return by_cell

    def filled_sources(self, variant: Variant | None = None) -> dict[int, str]:
        """The source of each stub cell with its stubs replaced by reference (or variant)
        code, by cell index."""
        code = {name: d.source for name, d in self.definitions.items()}
        if variant is not None:
            code.update(variant.replacements)
        cells = self.notebook.cells
        return {
            index: replace_definitions(cells[index].source, definitions, code)
            for index, definitions in self.stubs_by_cell().items()
        }

    def filled_notebook(self, variant: Variant | None = None):
        """The notebook with every stub replaced by reference (or variant) code."""
        notebook = copy.deepcopy(self.notebook)
        cells = notebook.cells
        for index, source in self.filled_sources(variant).items():
            cells[index].source = source
        if variant is not None and self.variant_file.imports:
            cells.insert(
                self._first_import_cell() + 1, nbformat.v4.new_code_cell(self.variant_file.imports)
            )
        return notebook

    def _first_import_cell(self) -> int:
        for index, cell in enumerate(self.notebook.cells):
            if cell.cell_type == "code" and "import" in cell.source:
                return index
        return 0
