"""The real course: every problem set validates, and `mlmath grade` agrees with stock otter.

The agreement test grades each set's solution, blank notebook and a sample of its variants
both ways and compares every question's score. `MLMATH_AGREEMENT=all` compares every
variant instead of a sample (the slow run: about 5 s of otter per variant).
"""

import csv
import json
import os
import random

import nbformat
import pytest
from conftest import REPO, run_mlmath

from mlmath.build import clean_notebook
from mlmath.content import SetContent
from mlmath.course import Course
from mlmath.scoring import grade_notebook_with_otter
from mlmath.tasks import run_jobs

SETS = Course(REPO).set_names()
SAMPLE = 3  # variants per set in the default run


@pytest.fixture(scope="session")
def validated():
    """`mlmath validate` over the whole course; it also builds dist/ for the tests below."""
    return run_mlmath("validate", "--jobs", "2", timeout=1800)


def test_every_problem_set_validates(validated):
    assert validated.returncode == 0, validated.stdout + validated.stderr
    report = json.loads((REPO / "dist/report.json").read_text())
    totals = report["totals"]
    assert totals["wrong_variants_caught"] == totals["wrong_variants"] > 0
    assert totals["correct_variants_accepted"] == totals["correct_variants"] > 0
    assert {s["name"] for s in report["sets"]} == set(SETS)


def _agreement_notebooks(name: str, folder):
    content = SetContent(Course(REPO).problem_set(name))
    variants = content.variants
    if os.environ.get("MLMATH_AGREEMENT") != "all":
        wrong = [v for v in variants if v.kind == "wrong"]
        correct = [v for v in variants if v.kind == "correct"]
        pick = random.Random(name)
        variants = pick.sample(wrong, min(2, len(wrong))) + pick.sample(
            correct, min(1, len(correct))
        )
        variants = variants[:SAMPLE]
    paths = {
        "solution": REPO / "dist/solutions" / f"{name}.ipynb",
        "blank": REPO / "dist/student" / name / f"{name}.ipynb",
    }
    for variant in variants:
        path = folder / f"variant-{variant.slug}.ipynb"
        nbformat.write(clean_notebook(content.filled_notebook(variant)), path)
        paths[f"variant-{variant.slug}"] = path
    for student, path in list(paths.items()):
        target = folder / f"{student}.ipynb"
        if path != target:
            target.write_bytes(path.read_bytes())
    return {student: folder / f"{student}.ipynb" for student in paths}


@pytest.mark.parametrize("name", SETS)
def test_mlmath_grade_agrees_with_otter(validated, name, tmp_path):
    assert validated.returncode == 0, "the course must validate first"
    folder = tmp_path / "submissions"
    folder.mkdir()
    notebooks = _agreement_notebooks(name, folder)
    gradebook, export = tmp_path / "gradebook.sqlite", tmp_path / "grades.csv"
    run_mlmath(
        "grade", name, str(folder), "--gradebook", str(gradebook), "-q", "--jobs", "2", check=True
    )
    run_mlmath("export", name, "--csv", str(export), "--gradebook", str(gradebook), check=True)
    with open(export, newline="") as handle:
        ours = {row["student"]: row for row in csv.DictReader(handle)}
    autograder = REPO / "dist/autograder" / f"{name}.zip"
    theirs = run_jobs(
        {s: (grade_notebook_with_otter, (p, autograder)) for s, p in notebooks.items()}, 2, 600
    )
    disagreements = []
    for student, outcome in sorted(theirs.items()):
        assert outcome.ok, f"otter could not grade {student}: {outcome.error}"
        assert ours[student]["status"] == "graded", ours[student]
        for question, result in outcome.value.items():
            if abs(float(ours[student][question]) - result.score) > 1e-9:
                disagreements.append(
                    f"{student} {question}: mlmath {ours[student][question]}, "
                    f"otter {result.score:g}"
                )
    assert not disagreements, "\n".join(disagreements)
    assert float(ours["solution"]["total"]) == float(ours["solution"]["possible"])
    assert float(ours["blank"]["total"]) == 0.0
