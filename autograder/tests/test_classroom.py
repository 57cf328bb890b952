"""Student repositories (dist/classroom/PS/) and the release's README and export cell.

The feedback script runs as CI runs it: on a fresh clone of the built repository, in a
clean virtual environment made from that repository's requirements.txt by the
repository's own `python check.py setup`. The instructor's side grades a folder of
cloned repositories with `mlmath grade`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

import nbformat
import psutil
import pytest
import yaml
from conftest import run_mlmath

from mlmath.adapters.jupyter import execute_notebook
from mlmath.course.content import SetContent
from mlmath.course.sets import Course
from mlmath.release.build import Release
from mlmath.release.leaks import scan
from mlmath.release.requirements import STUDENT_PACKAGES
from mlmath.release.submit_cells import with_export_cell

SET = "ps01-mini"
STUBS = {  # question: (the stub in the notebook, a correct answer)
    "q1": ('"""Return x squared."""\n    ...', '"""Return x squared."""\n    return x * x'),
    "q2": (
        '"""Return the arithmetic mean of a list of numbers."""\n    ...',
        '"""Return the arithmetic mean of a list of numbers."""\n'
        "    return sum(values) / len(values)",
    ),
}
GIT = {
    "GIT_AUTHOR_NAME": "student",
    "GIT_AUTHOR_EMAIL": "student@example.org",
    "GIT_COMMITTER_NAME": "student",
    "GIT_COMMITTER_EMAIL": "student@example.org",
}


def _git(*args, cwd):
    env = {**os.environ, **GIT}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def template(built_mini, tmp_path_factory) -> Path:
    """The built repository, committed as a template repository is."""
    origin = tmp_path_factory.mktemp("origin") / SET
    shutil.copytree(built_mini / "dist/classroom" / SET, origin)
    _git("init", "-q", "-b", "main", cwd=origin)
    _git("add", "-A", cwd=origin)
    _git("commit", "-q", "-m", "template", cwd=origin)
    return origin


@pytest.fixture(scope="module")
def student_python(template, tmp_path_factory) -> Path:
    """One clean virtual environment, made by the repository's own setup step."""
    clone = _clone(template, tmp_path_factory.mktemp("setup") / "repo")
    venv = tmp_path_factory.mktemp("venv") / "venv"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    setup = subprocess.run(
        [str(python), "check.py", "setup"], cwd=clone, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-3000:]
    print(f"student environment made in {time.monotonic() - started:.1f} s")
    return python


def _clone(template: Path, target: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(template), str(target)], check=True)
    return target


def _answer(notebook_path: Path, questions):
    """Answer ``questions`` in the notebook, leaving the other stubs as they are."""
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        for question in questions:
            stub, answer = STUBS[question]
            cell.source = cell.source.replace(stub, answer)
    nbformat.write(notebook, notebook_path)


def _check(python: Path, repo: Path, tmp_path: Path, *extra):
    """Run check.py as the workflow does; (exit status, results.json, job summary)."""
    summary = tmp_path / "summary.md"
    env = {
        key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")
    }
    result = subprocess.run(
        [str(python), "check.py", *extra],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**env, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"},
        timeout=300,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    results = json.loads((repo / "results.json").read_text())
    return result.returncode, results, summary.read_text(), result.stdout


def _questions(results):
    return {q["question"]: q for q in results["questions"]}


def _cwd(process) -> Path | None:
    try:
        return Path(process.cwd())
    except (psutil.Error, OSError):
        return None


def test_complete_notebook_passes(template, student_python, tmp_path):
    repo = _clone(template, tmp_path / "repo")
    _answer(repo / f"{SET}.ipynb", ["q1", "q2"])
    status, results, summary, stdout = _check(student_python, repo, tmp_path)
    assert status == 0, stdout
    assert results["status"] == "passed"
    assert (results["public_points"], results["public_possible"]) == (2.0, 2.0)
    assert results["total_possible"] == 6.0
    assert all(q["passed"] and not q["failures"] for q in results["questions"])
    assert "| q1: Squares | 1 / 1 (of 3 in all) | passed |" in summary
    assert "**2 / 2** (of 6 in all)" in summary
    assert "hidden tests run" in summary and "is not full marks" in summary
    assert "passing every public check is not full marks" in stdout
    assert (repo / "feedback.md").read_text() in summary
    assert not list(repo.glob("*.zip"))  # the export cell does nothing while checked


def test_partial_notebook_fails_with_the_stub_named(template, student_python, tmp_path):
    repo = _clone(template, tmp_path / "repo")
    _answer(repo / f"{SET}.ipynb", ["q1"])
    status, results, summary, stdout = _check(student_python, repo, tmp_path)
    assert status == 1
    assert results["status"] == "failing"
    questions = _questions(results)
    assert questions["q1"]["passed"] and questions["q1"]["points"] == 1.0
    assert not questions["q2"]["passed"] and questions["q2"]["points"] == 0.0
    message = questions["q2"]["failures"][0]["message"]
    assert "mean([1, 2, 3]) returned None: is it still a stub" in message
    assert "Traceback" not in message and 'File "' not in message
    assert questions["q2"]["not_started"] == ["mean"] and questions["q1"]["not_started"] == []
    assert "| q2: Means | 0 / 1 (of 3 in all) | not started: `mean` still `...` |" in summary
    assert "1 question(s) still fail a public check, 1 of them not started yet" in summary
    assert "::warning title=q2: 0/1 public points::q2 - 1: mean([1, 2, 3]) returned" in stdout
    assert "::warning title=q1" not in stdout


def test_broken_notebooks_get_feedback_not_a_traceback(template, student_python, tmp_path):
    repo = _clone(template, tmp_path / "repo")
    notebook_path = repo / f"{SET}.ipynb"

    # a cell that raises: reported by its number, and the other checks still run
    _answer(notebook_path, ["q2"])
    broken = nbformat.read(notebook_path, as_version=4)
    index = next(i for i, c in enumerate(broken.cells) if "def square" in c.source)
    broken.cells[index].source = "def square(x):\n    return x * y\n\n\nsquare(2)"
    nbformat.write(broken, notebook_path)
    status, results, summary, _ = _check(student_python, repo, tmp_path)
    assert status == 2 and results["status"] == "error"
    assert f"cell {index + 1} (`def square(x):`) raised NameError" in results["message"]
    assert _questions(results)["q2"]["passed"]
    assert "calling square(3) raised NameError" in summary

    # a notebook that never finishes
    broken.cells[index].source = "while True:\n    pass"
    nbformat.write(broken, notebook_path)
    status, results, _, _ = _check(student_python, repo, tmp_path, "--timeout", "8")
    assert status == 2 and results["status"] == "timeout"
    assert "did not finish within 8 seconds" in results["message"]
    assert not [p for p in psutil.process_iter() if _cwd(p) == repo]  # the kernel is gone

    # not a notebook at all (a bad merge), then no notebook
    notebook_path.write_text('{"cells": [<<<<<<< HEAD')
    status, results, summary, _ = _check(student_python, repo, tmp_path)
    assert status == 2 and results["status"] == "invalid"
    assert "is not a valid notebook" in summary and "restore the last good version" in summary
    notebook_path.unlink()
    status, results, summary, stdout = _check(student_python, repo, tmp_path)
    assert status == 2 and results["status"] == "missing"
    assert f"::error title={SET}.ipynb::{SET}.ipynb is not in the repository" in stdout
    assert f"{SET}.ipynb is not in the repository" in summary
    assert results["public_points"] == 0 and results["public_possible"] == 2.0


def test_every_ci_step_runs_the_script(built_mini):
    repo = built_mini / "dist/classroom" / SET
    workflow = yaml.safe_load((repo / ".github/workflows/check.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == ["python check.py setup", "python check.py"]
    actions = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert actions == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    assert all(("run" in step) != ("uses" in step) for step in steps)
    python = steps[1]["with"]
    assert python["cache"] == "pip" and python["cache-dependency-path"] == "requirements.txt"
    upload = steps[-1]
    assert upload["if"] == "always()" and "results.json" in upload["with"]["path"]
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML 1.1 reads `on` as True
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text())["check"]
    assert gitlab["script"] == runs
    assert "results.json" in gitlab["artifacts"]["paths"]


def test_repository_holds_what_a_student_needs_and_no_secret(built_mini):
    repo = built_mini / "dist/classroom" / SET
    student = built_mini / "dist/student" / SET

    def files(folder):
        return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}

    ci = {".github/workflows/check.yml", ".gitlab-ci.yml", ".gitignore"}
    assert files(repo) == files(student) | ci  # the student release, and CI
    assert {"README.md", "check.py", "problemset.json", "requirements.txt"} <= files(student)
    assert "hidden=True" not in (repo / "tests/q1.py").read_text()
    pins = (repo / "requirements.txt").read_text().split()
    assert pins == [f"{name}=={metadata.version(name)}" for name in STUDENT_PACKAGES]
    readme = (repo / "README.md").read_text()
    for text in (
        "python3 -m venv .venv",
        ".venv\\Scripts\\python check.py setup",
        "git push",
        "job summary",
        "This set is worth 6 points, of\nwhich the public checks are worth 2",
    ):
        assert text in readme
    assert "grader.export(pdf=False)" in (student / "README.md").read_text()
    with zipfile.ZipFile(built_mini / "dist/student" / f"{SET}.zip") as archive:
        assert {f"{SET}/README.md", f"{SET}/check.py"} <= set(archive.namelist())


def test_leak_scan_covers_the_repositories(built_mini, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(built_mini, course)
    ps = Course(course).problem_set(SET)
    release = Release.at(Course(course).dist, SET)
    content = SetContent(ps)
    assert scan(content, release.student_artifacts(), course) == []
    leaked = release.classroom_dir / "notes.py"
    leaked.write_text("def mean(values):\n    return float(np.sum(values) / len(values))\n")
    (release.classroom_dir / "tests/q1.py").write_bytes((ps.tests_folder / "q1.py").read_bytes())
    problems = scan(content, release.student_artifacts(), course)
    assert any("classroom/ps01-mini/notes.py" in p and "solution code" in p for p in problems)
    assert any("classroom/ps01-mini/tests/q1.py" in p and "hidden" in p for p in problems)


def test_student_notebook_exports_a_zip_without_latex(built_mini, tmp_path):
    student = built_mini / "dist/student" / SET
    shutil.copytree(student, tmp_path / SET)
    notebook = nbformat.read(student / f"{SET}.ipynb", as_version=4)
    assert [c.source for c in notebook.cells[-1:]] == ["grader.export(pdf=False)"]
    source = nbformat.read(built_mini / "assignments" / SET / f"{SET}.ipynb", as_version=4)
    assert not any("export" in c.source for c in source.cells)  # added by the build
    execute_notebook(notebook, tmp_path / SET, "blank student notebook")
    exports = list((tmp_path / SET).glob(f"{SET}_*.zip"))
    assert len(exports) == 1
    with zipfile.ZipFile(exports[0]) as archive:
        assert archive.testzip() is None and f"{SET}.ipynb" in archive.namelist()
        assert not any(name.endswith(".pdf") for name in archive.namelist())


def test_grade_a_folder_of_cloned_repositories(built_mini, template, tmp_path):
    """The instructor's side: one clone per student, in a folder named by the student."""
    pushed = {}
    for student, questions in {"alice": ["q1", "q2"], "bob": []}.items():
        work = _clone(template, tmp_path / "work" / student)
        _answer(work / f"{SET}.ipynb", questions)
        (work / "scratch.ipynb").write_bytes((template / f"{SET}.ipynb").read_bytes())
        _git("add", "scratch.ipynb", cwd=work)  # another notebook: the set's own is graded
        _git("commit", "-q", "-am", "my answers", cwd=work)
        pushed[student] = work
    repos = tmp_path / "repos"
    for student, work in pushed.items():
        _clone(work, repos / student)
    gradebook = tmp_path / "grades.sqlite"
    result = run_mlmath(
        "grade", SET, str(repos), "--gradebook", str(gradebook), "-q", course=built_mini
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(gradebook) as db:
        rows = dict(db.execute("SELECT student, score FROM submissions WHERE status = 'graded'"))
    assert rows == {"alice": 6.0, "bob": 0.0}


def test_an_existing_export_call_is_replaced():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("grader.export()"),
        nbformat.v4.new_markdown_cell("The end."),
    ]
    exported = with_export_cell(with_export_cell(notebook))  # built twice: one cell still
    sources = [c.source for c in exported.cells]
    assert sources[:2] == ["x = 1", "The end."]
    assert sources[-1] == "grader.export(pdf=False)" and sources.count(sources[-1]) == 1
    assert len(sources) == 4 and [c.source for c in notebook.cells][1] == "grader.export()"
