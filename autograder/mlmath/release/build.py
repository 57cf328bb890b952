"""Build a problem set's releases: the student folder and zip, the otter autograder zip,
and the executed solution notebook. The same sources always give the same bytes."""

import contextlib
import copy
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..adapters.jupyter import execute_notebook
from ..course.content import SetContent
from ..course.datasets import dataset_path, manifest
from ..course.sets import ProblemSet
from ..course.testfiles import public_source
from ..errors import MlmathError
from ..shipped import checks
from . import nbgrader_export
from .classroom import check_files, classroom_files
from .requirements import GRADING_PYTHON, GRADING_REQUIREMENTS, pinned, requirements_text
from .submit_cells import with_export_cell
from .zips import folder_entries, write_zip, zip_entries

CHECKS_MODULE = "mlmath_checks.py"


@dataclass(frozen=True)
class Release:
    """Where one problem set's built artifacts are."""

    name: str
    student_dir: Path
    student_zip: Path
    autograder_zip: Path
    solution_notebook: Path
    classroom_dir: Path

    @classmethod
    def at(cls, dist: Path, name: str) -> "Release":
        return cls(
            name,
            dist / "student" / name,
            dist / "student" / f"{name}.zip",
            dist / "autograder" / f"{name}.zip",
            dist / "solutions" / f"{name}.ipynb",
            dist / "classroom" / name,
        )

    def student_artifacts(self) -> list[Path]:
        """Everything students receive: what the leak scan must cover."""
        return [self.student_dir, self.student_zip, self.classroom_dir]


def clean_notebook(notebook):
    """A copy with no outputs and no execution counts: what a student starts from."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    return notebook


def notebook_bytes(notebook) -> bytes:
    return (nbformat.writes(notebook) + "\n").encode()


def support_files(ps: ProblemSet) -> dict[str, bytes]:
    """Files that sit beside the notebook for students and for the autograder alike."""
    files = {CHECKS_MODULE: Path(checks.__file__).read_bytes()}
    for module in ps.support_modules:
        files[module.name] = module.read_bytes()
    entries = manifest(ps.course) if ps.dataset_names else {}
    for name in ps.dataset_names:
        files[f"data/{entries[name]['file']}"] = dataset_path(ps.course, name).read_bytes()
    return files


def write_files(folder: Path, files: dict[str, bytes]):
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def student_files(content: SetContent) -> dict[str, bytes]:
    ps = content.ps
    notebook = with_export_cell(clean_notebook(content.notebook))
    files = {f"{ps.name}.ipynb": notebook_bytes(notebook)}
    for info in content.tests:
        files[f"tests/{info.name}.py"] = public_source(info).encode()
    files.update(support_files(ps))
    files["requirements.txt"] = requirements_text(pinned())
    files.update(check_files(content))
    return files


@contextlib.contextmanager
def _inside(folder: Path):
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def autograder_zip_entries(content: SetContent) -> dict[str, bytes]:
    """The otter autograder zip, made by otter's own generator, then made reproducible."""
    from otter.generate import main as otter_generate

    with tempfile.TemporaryDirectory(prefix="mlmath-ag-") as scratch:
        scratch = Path(scratch)
        files = support_files(content.ps)
        write_files(scratch, files)
        write_files(scratch, {f"tests/{t.name}.py": t.source.encode() for t in content.tests})
        (scratch / "requirements.txt").write_bytes(requirements_text(GRADING_REQUIREMENTS))
        top_level = sorted({name.split("/")[0] for name in files})
        with _inside(scratch), contextlib.redirect_stdout(open(os.devnull, "w")):
            otter_generate(
                tests_dir="tests",
                output_path="autograder.zip",
                requirements="requirements.txt",
                no_environment=True,
                no_config=True,
                files=top_level,
                python_version=GRADING_PYTHON,
            )
        return zip_entries(scratch / "autograder.zip")


def solution_notebook(content: SetContent, student: dict[str, bytes]):
    """The notebook with every stub filled in by the reference, executed with outputs."""
    notebook = clean_notebook(content.filled_notebook())
    with tempfile.TemporaryDirectory(prefix="mlmath-sol-") as scratch:
        write_files(Path(scratch), student)
        execute_notebook(notebook, Path(scratch), f"{content.ps.name} solution notebook")
    return notebook


def build_set(ps: ProblemSet, dist: Path) -> Release:
    content = SetContent(ps)
    release = Release.at(dist, ps.name)
    student = student_files(content)
    nbgrader = nbgrader_files(content)  # before running anything: a bad notebook fails fast
    solution = solution_notebook(content, student)
    autograder = autograder_zip_entries(content)

    shutil.rmtree(release.student_dir, ignore_errors=True)
    write_files(release.student_dir, student)
    write_zip(release.student_zip, folder_entries(release.student_dir, f"{ps.name}/"))
    shutil.rmtree(release.classroom_dir, ignore_errors=True)
    write_files(release.classroom_dir, classroom_files(content, student))
    write_zip(release.autograder_zip, autograder)
    release.solution_notebook.parent.mkdir(parents=True, exist_ok=True)
    release.solution_notebook.write_bytes(notebook_bytes(solution))
    shutil.rmtree(nbgrader_export.source_folder(dist, ps.name), ignore_errors=True)
    write_files(nbgrader_export.root(dist), nbgrader)
    return release


def nbgrader_files(content: SetContent) -> dict[str, bytes]:
    """The set's assignment in the nbgrader course root, by path inside ``dist/nbgrader/``."""
    files = nbgrader_export.source_files(content, support_files(content.ps))
    return {
        path: data if isinstance(data, bytes) else notebook_bytes(data)
        for path, data in files.items()
    }


def require_built(dist: Path, name: str) -> Release:
    release = Release.at(dist, name)
    for path in (release.student_dir, release.autograder_zip, release.solution_notebook):
        if not path.exists():
            raise MlmathError(f"{name}: {path} is missing: run `mlmath build {name}` first")
    return release
