"""Bad input gets a clear one-line error and a non-zero exit, never a traceback."""

import json

import pytest
from conftest import run_mlmath


def _one_line_error(result, *needles):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mlmath: error: ")
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_unknown_set(mini):
    _one_line_error(run_mlmath("build", "ps99-nope", course=mini), "ps99-nope", "ps01-mini")


def test_malformed_notebook(mini):
    (mini / "assignments/ps01-mini/ps01-mini.ipynb").write_text("{ not json")
    _one_line_error(run_mlmath("build", "ps01-mini", course=mini), "not a valid notebook")


def test_missing_test_file(mini):
    (mini / "assignments/ps01-mini/tests/q2.py").unlink()
    _one_line_error(run_mlmath("build", "ps01-mini", course=mini), "missing test file", "q2.py")
    # validate reports it as that set's failure, in the set's own row, and exits non-zero
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "ps01-mini / structure / ps01-mini: missing test file" in result.stdout


def test_syntax_error_in_solution(mini):
    path = mini / "solutions/ps01-mini/solution.py"
    path.write_text(path.read_text().replace("return x * x", "return x *"))
    _one_line_error(run_mlmath("build", course=mini), "solution.py", "syntax error at line")


def test_stub_without_reference_names_both(mini):
    path = mini / "solutions/ps01-mini/solution.py"
    path.write_text(path.read_text().replace("def mean(", "def average("))
    result = run_mlmath("build", course=mini)
    _one_line_error(result, "`mean`")
    assert "solution.py" in result.stderr


def test_reference_without_stub_names_both(mini):
    path = mini / "solutions/ps01-mini/solution.py"
    path.write_text(path.read_text() + "\n\ndef helper(x):\n    return x\n")
    _one_line_error(run_mlmath("build", course=mini), "`helper`", "no stub")


def test_points_that_do_not_add_up(mini):
    toml = mini / "assignments/ps01-mini/problemset.toml"
    toml.write_text(toml.read_text().replace("points = 3", "points = 4", 1))
    _one_line_error(run_mlmath("build", course=mini), "q1", "add up to 3")


@pytest.mark.parametrize("content", ["", "[]", json.dumps({"cells": "nope"})])
def test_broken_notebooks(mini, content):
    (mini / "assignments/ps01-mini/ps01-mini.ipynb").write_text(content)
    _one_line_error(run_mlmath("build", course=mini), "ps01-mini")


def test_not_a_course(tmp_path):
    _one_line_error(run_mlmath("build", course=tmp_path), "not an mlmath course")
