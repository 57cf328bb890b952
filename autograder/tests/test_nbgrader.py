"""The nbgrader export (`dist/nbgrader/`), tested with real nbgrader.

For every problem set: `mlmath build` writes the export, `nbgrader generate_assignment`
makes the student release (which must hold no solution and no hidden test), and one
`nbgrader autograde` call grades submitted copies of the solution notebook, the blank
release and a sample of variants; every question's score in nbgrader's gradebook must
equal `mlmath grade`'s on the otter notebook with the same answers. The sets run in two
halves at once, each half in its own nbgrader course (a gradebook.db of its own).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, mlmath_grades, run_mlmath

from mlmath.course.content import SetContent
from mlmath.course.sets import Course
from mlmath.release import build
from mlmath.release.build import clean_notebook
from mlmath.release.leaks import scan
from mlmath.release.nbgrader_export import answer_sources
from mlmath.release.zips import write_zip

SETS = Course(REPO).set_names()
HALVES = 2
VARIANTS_PER_SET = 2


def _code_cells(notebook_path: Path) -> list[dict]:
    notebook = json.loads(notebook_path.read_text())
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def test_export_is_an_nbgrader_course_with_answers_and_one_cell_per_case(built_mini):
    export = built_mini / "dist" / "nbgrader"
    files = sorted(str(p.relative_to(export)) for p in export.rglob("*") if p.is_file())
    assert files == [
        "nbgrader_config.py",
        "source/ps01-mini/mlmath_checks.py",
        "source/ps01-mini/ps01-mini.ipynb",
    ]
    assert "c.ClearSolutions.code_stub" in (export / "nbgrader_config.py").read_text()
    cells = _code_cells(export / "source/ps01-mini/ps01-mini.ipynb")
    sources = ["".join(c["source"]) for c in cells]
    assert not any("otter" in s or "grader." in s for s in sources)
    meta = {c["metadata"]["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c["metadata"]}
    square = "".join(meta["answer-square"]["source"])
    assert square.startswith('def square(x):\n    """Return x squared."""\n    ### BEGIN SOLUTION')
    assert "return x * x" in square and square.rstrip().endswith("### END SOLUTION")
    assert meta["answer-mean"]["metadata"]["nbgrader"]["solution"] is True
    tests = [c for c in cells if c["metadata"].get("nbgrader", {}).get("grade")]
    assert [c["metadata"]["nbgrader"]["points"] for c in tests] == [1, 2, 1, 2]
    hidden = ["### BEGIN HIDDEN TESTS" in "".join(c["source"]) for c in tests]
    assert hidden == [False, True, False, True]
    assert "test_square_random" in "".join(tests[1]["source"])  # restored when grading


def test_a_cell_the_export_cannot_place_fails_the_build_before_anything_runs(mini):
    path = mini / "assignments/ps01-mini/ps01-mini.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(6, nbformat.v4.new_code_cell('grader.export("ps01-mini.ipynb")'))
    nbformat.write(notebook, path)
    result = run_mlmath("build", course=mini)
    assert result.returncode == 2
    assert "ps01-mini: notebook cell 6 uses otter" in result.stderr
    assert "nbgrader export" in result.stderr
    assert not (mini / "dist").exists()


def nbgrader(*args, cwd: Path, timeout=1800):
    """A real nbgrader command; it runs `alembic` from PATH, so the venv's bin comes first."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [str(bin_dir / "nbgrader"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stderr[-4000:]}"
    return result


def _sample(content: SetContent) -> dict[str, object]:
    """Wrong variants spread over the set (they earn partial credit): student id -> variant."""
    wrong = [i for i, v in enumerate(content.variants) if v.kind == "wrong"]
    chosen = [wrong[len(wrong) * k // VARIANTS_PER_SET] for k in range(VARIANTS_PER_SET)]
    return {f"v{index:03d}": content.variants[index] for index in dict.fromkeys(chosen)}


def _submit(root: Path, name: str, student: str, notebook):
    folder = root / "submitted" / student / name
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / f"{name}.ipynb")


def _answered(release_notebook, answers: dict[str, str]):
    """nbgrader's release with a student's answers typed into its solution cells."""
    notebook = nbformat.from_dict(json.loads(json.dumps(release_notebook)))
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = answers[grade_id]
    return notebook


def _nbgrader_scores(root: Path, name: str, students) -> dict[str, dict[str, float]]:
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for student in students:
            notebook = gradebook.find_submission_notebook(name, name, student)
            per_question: dict[str, float] = {}
            for grade in notebook.grades:
                question = grade.name.split("-")[0]
                per_question[question] = per_question.get(question, 0.0) + (grade.score or 0.0)
            scores[student] = per_question
    return scores


def _export(course: Path, name: str):
    """What the test needs of `mlmath build`, made by the build's own functions: the
    nbgrader export, the student release and the otter autograder zip (the build's
    executed solution notebook, a kernel run of its own, is not needed here)."""
    content = SetContent(Course(course).problem_set(name))
    dist = course / "dist"
    build.write_files(dist / "nbgrader", build.nbgrader_files(content))
    build.write_files(dist / "student" / name, build.student_files(content))
    release = build.Release.at(dist, name)
    write_zip(release.autograder_zip, build.autograder_zip_entries(content))


def _run_half(course: Path, names: list[str], root: Path, work: Path) -> dict[str, dict]:
    """Generate, submit and autograde these sets in one nbgrader course, and grade the
    same answers with `mlmath grade`."""
    export = course / "dist" / "nbgrader"
    root.mkdir(parents=True)
    shutil.copy(export / "nbgrader_config.py", root)
    for name in names:
        shutil.copytree(export / "source" / name, root / "source" / name)
    nbgrader("generate_assignment", "*", cwd=root)

    students, ours = {}, {}
    for name in names:
        content = SetContent(Course(course).problem_set(name))
        source = nbformat.read(root / "source" / name / f"{name}.ipynb", as_version=4)
        release = nbformat.read(root / "release" / name / f"{name}.ipynb", as_version=4)
        otter = work / name / "submissions"
        otter.mkdir(parents=True)
        _submit(root, name, "solution", source)
        nbformat.write(clean_notebook(content.filled_notebook()), otter / "solution.ipynb")
        _submit(root, name, "blank", release)
        shutil.copy(course / "dist/student" / name / f"{name}.ipynb", otter / "blank.ipynb")
        sample = _sample(content)
        for student, variant in sample.items():
            _submit(root, name, student, _answered(release, answer_sources(content, variant)))
            nbformat.write(
                clean_notebook(content.filled_notebook(variant)), otter / f"{student}.ipynb"
            )
        students[name] = ["solution", "blank", *sample]
        ours[name] = mlmath_grades(name, otter, work / name, course=course, jobs=1)

    nbgrader("autograde", "*", cwd=root)
    return {
        name: {
            "nbgrader": _nbgrader_scores(root, name, students[name]),
            "mlmath": ours[name],
            "leaks": scan(
                SetContent(Course(course).problem_set(name)), [root / "release" / name], root
            ),
        }
        for name in names
    }


@pytest.fixture(scope="session")
def graded() -> dict[str, dict]:
    """Every set through real nbgrader and through `mlmath grade`, two halves at once."""
    # not pytest's tmp_path: other sessions' pytest runs may delete old base folders
    # while this long run still uses its own
    with tempfile.TemporaryDirectory(prefix="mlmath-nbgrader-test-") as scratch:
        tmp = Path(scratch)
        course = tmp / "course"
        for part in ("assignments", "solutions", "datasets"):
            shutil.copytree(REPO / part, course / part)
        for name in SETS:  # one at a time: otter's zip generator changes the working folder
            _export(course, name)
        halves = [SETS[i::HALVES] for i in range(HALVES)]
        with ThreadPoolExecutor(HALVES) as pool:
            runs = [
                pool.submit(_run_half, course, half, tmp / f"nbgrader-{i}", tmp / f"work-{i}")
                for i, half in enumerate(halves)
            ]
            results = {}
            for run in runs:
                results.update(run.result())
        yield results


@pytest.mark.parametrize("name", SETS)
def test_nbgrader_grades_every_question_as_mlmath_grade_does(graded, name):
    result = graded[name]
    ps = Course(REPO).problem_set(name)
    disagreements = []
    for student, theirs in result["nbgrader"].items():
        row = result["mlmath"][student]
        assert row["status"] == "graded", (student, row["status"], row["reason"])
        assert set(theirs) == {q.name for q in ps.questions}, student
        for question, score in theirs.items():
            if abs(float(row[question]) - score) > 1e-9:
                disagreements.append(
                    f"{student} {question}: nbgrader {score:g}, mlmath grade {row[question]}"
                )
    assert not disagreements, "\n".join(disagreements)
    solution, blank = result["nbgrader"]["solution"], result["nbgrader"]["blank"]
    assert solution == {q.name: q.points for q in ps.questions}
    assert sum(blank.values()) == 0
    for student in (s for s in result["nbgrader"] if s.startswith("v")):
        assert sum(result["nbgrader"][student].values()) < ps.total_points, student


@pytest.mark.parametrize("name", SETS)
def test_nbgrader_release_holds_no_solution_and_no_hidden_test(graded, name):
    assert graded[name]["leaks"] == []
