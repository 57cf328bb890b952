"""The real course: every problem set validates, and `mlmath grade` agrees with otter.

Agreement is total: every variant of every set is graded by `mlmath grade` (the sandbox,
the protocol, the ambient state) and by otter's own test-file code in one process (the
path `validate` uses, which shares otter's kernel semantics), and every question's
points must match. The solution and the blank notebook, in the same batch, must match
what otter's real kernel path (`otter run`, run by `validate`) gave them.
"""

import json

import nbformat
import pytest
from conftest import REPO, mlmath_grades, run_mlmath

from mlmath.adapters.otter import grade_script
from mlmath.course.content import SetContent
from mlmath.course.sets import Course
from mlmath.executor.calls import run_calls
from mlmath.executor.local import LocalExecutor
from mlmath.release.build import Release, clean_notebook

SETS = Course(REPO).set_names()


@pytest.fixture(scope="session")
def validated():
    """`mlmath validate` over the whole course; it also builds dist/ for the tests below."""
    return run_mlmath("validate", "--jobs", "2", timeout=3600)


def test_every_problem_set_validates(validated):
    assert validated.returncode == 0, validated.stdout + validated.stderr
    report = json.loads((REPO / "dist/report.json").read_text())
    totals = report["totals"]
    assert totals["wrong_variants_caught"] == totals["wrong_variants"] > 0
    assert totals["correct_variants_accepted"] == totals["correct_variants"] > 0
    assert {s["name"] for s in report["sets"]} == set(SETS)


def _variant_notebooks(content: SetContent, folder):
    """student id -> (variant, notebook path) for every variant of the set."""
    found = {}
    for index, variant in enumerate(content.variants):
        student = f"v{index:03d}-{variant.slug}"[:80]
        path = folder / f"{student}.ipynb"
        nbformat.write(clean_notebook(content.filled_notebook(variant)), path)
        found[student] = (variant, path)
    return found


def _solution_and_blank(name: str) -> dict:
    return {
        "solution": REPO / "dist/solutions" / f"{name}.ipynb",
        "blank": REPO / "dist/student" / name / f"{name}.ipynb",
    }


def _agrees_with_otters_kernel_path(name: str, ours: dict[str, dict]):
    """The solution and the blank notebook: every question as otter's own kernel path
    (otter run, in `validate`) scored the same notebooks."""
    report = json.loads((REPO / "dist/report.json").read_text())
    theirs = next(s for s in report["sets"] if s["name"] == name)["otter_scores"]
    assert set(theirs) == {"solution", "blank"}, "validate could not grade them with otter"
    for student, scores in theirs.items():
        assert ours[student]["status"] == "graded", ours[student]
        for question, score in scores.items():
            assert float(ours[student][question]) == pytest.approx(score), (student, question)
    assert float(ours["solution"]["total"]) == float(ours["solution"]["possible"])
    assert float(ours["blank"]["total"]) == 0.0


@pytest.mark.parametrize("name", SETS)
def test_mlmath_grade_agrees_with_otter_on_every_variant(validated, name, tmp_path):
    assert validated.returncode == 0, "the course must validate first"
    content = SetContent(Course(REPO).problem_set(name))
    folder = tmp_path / "submissions"
    folder.mkdir()
    variants = _variant_notebooks(content, folder)
    for student, path in _solution_and_blank(name).items():
        (folder / f"{student}.ipynb").write_bytes(path.read_bytes())
    ours = mlmath_grades(name, folder, tmp_path)
    _agrees_with_otters_kernel_path(name, ours)
    support = Release.at(REPO / "dist", name).student_dir
    tests = [info.path for info in content.tests]
    theirs = run_calls(
        {
            student: (grade_script, (content.script(variant), tests, support))
            for student, (variant, _path) in variants.items()
        },
        LocalExecutor(2),
        600,
    )
    disagreements = []
    for student, outcome in sorted(theirs.items()):
        assert outcome.ok, f"otter's test-file code could not grade {student}: {outcome.error}"
        row = ours[student]
        for question, result in outcome.value.items():
            if abs(float(row[question]) - result.score) > 1e-9:
                disagreements.append(
                    f"{student} {question}: mlmath grade {row[question]} ({row['status']}: "
                    f"{row['reason'][:120]}), otter's test code {result.score:g}"
                )
    assert not disagreements, "\n".join(disagreements)
    assert len(theirs) == len(content.variants)
