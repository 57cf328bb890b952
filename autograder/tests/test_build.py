"""`mlmath build`: what each release holds, and that it is reproducible and usable."""

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import run_mlmath


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_student_release_has_public_tests_only(built_mini):
    student = built_mini / "dist/student/ps01-mini"
    names = sorted(str(p.relative_to(student)) for p in student.rglob("*") if p.is_file())
    assert names == [
        "README.md",
        "check.py",
        "mlmath_checks.py",
        "problemset.json",
        "ps01-mini.ipynb",
        "requirements.txt",
        "tests/q1.py",
        "tests/q2.py",
    ]
    q1 = (student / "tests/q1.py").read_text()
    assert "hidden=True" not in q1 and "test_square_random" not in q1
    assert "_hidden_inputs" not in q1  # helpers used only by hidden cases go too
    assert "otter-grader==7.0.0" in (student / "requirements.txt").read_text()
    with zipfile.ZipFile(built_mini / "dist/student/ps01-mini.zip") as archive:
        assert "ps01-mini/ps01-mini.ipynb" in archive.namelist()


def test_autograder_zip_holds_every_test_and_support_file(built_mini):
    with zipfile.ZipFile(built_mini / "dist/autograder/ps01-mini.zip") as archive:
        names = set(archive.namelist())
        assert {
            "tests/q1.py",
            "tests/q2.py",
            "files/mlmath_checks.py",
            "run_autograder",
            "otter_config.json",
            "environment.yml",
        } <= names
        assert "hidden=True" in archive.read("tests/q1.py").decode()
        assert "python=3.11" in archive.read("environment.yml").decode()


def test_solution_notebook_is_filled_and_executed(built_mini):
    notebook = json.loads((built_mini / "dist/solutions/ps01-mini.ipynb").read_text())
    sources = ["".join(c["source"]) for c in notebook["cells"]]
    assert any("return x * x" in s for s in sources)
    assert not any(s.rstrip().endswith("...") for s in sources)
    assert any(c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")


def test_build_is_deterministic(built_mini, tmp_path):
    again = tmp_path / "again"
    shutil.copytree(built_mini, again, ignore=shutil.ignore_patterns("dist"))
    run_mlmath("build", course=again, check=True)
    assert _digest(built_mini / "dist") == _digest(again / "dist")


def test_stock_otter_run_grades_with_the_built_zip(built_mini, tmp_path):
    """The instructor's path in the README: stock `otter run` on the built autograder zip."""
    otter = Path(sys.executable).parent / "otter"
    subprocess.run(
        [
            str(otter),
            "run",
            "-a",
            str(built_mini / "dist/autograder/ps01-mini.zip"),
            "-o",
            str(tmp_path),
            str(built_mini / "dist/solutions/ps01-mini.ipynb"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    results = json.loads((tmp_path / "results.json").read_text())
    scores = {t["name"]: t.get("score") for t in results["tests"] if "score" in t}
    assert scores == {"q1": 3, "q2": 3}
