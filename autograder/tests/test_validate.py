"""`mlmath validate` passes a sound set and catches planted problems."""

import json

from conftest import run_mlmath


def _report(course):
    return json.loads((course / "dist/report.json").read_text())


def test_sound_set_passes_with_every_variant_measured(mini):
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 0, result.stdout + result.stderr
    report = _report(mini)
    assert report["ok"] is True
    assert report["totals"]["wrong_variants_caught"] == report["totals"]["wrong_variants"] == 4
    assert report["totals"]["correct_variants_accepted"] == 2
    assert "| q1: Squares | 3 |" in (mini / "dist/report.md").read_text()


def test_wrong_variant_scoring_full_marks_is_caught(mini):
    path = mini / "solutions/ps01-mini/variants.py"
    path.write_text(
        path.read_text() + '\n\n@variant("q1", wrong="planted: really correct")\n'
        "def square(x):\n    return x * x * 1.0\n"
    )
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "planted: really correct" in result.stdout
    assert "a wrong variant scores full marks" in result.stdout


def test_correct_variant_losing_points_is_caught(mini):
    path = mini / "solutions/ps01-mini/variants.py"
    path.write_text(
        path.read_text() + '\n\n@variant("q2", correct="planted: off by one")\n'
        "def mean(values):\n    return sum(values) / len(values) + 1\n"
    )
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "planted: off by one" in result.stdout and "loses points" in result.stdout


def test_leaked_solution_and_hidden_test_are_caught(mini):
    notebook_path = mini / "assignments/ps01-mini/ps01-mini.ipynb"
    notebook = json.loads(notebook_path.read_text())
    notebook["cells"].append(
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": [
                "Hint: `return float(np.sum(values) / len(values))`\n",
                "and `for x in _hidden_inputs():`",
            ],
        }
    )
    notebook_path.write_text(json.dumps(notebook))
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    leaks = [line for line in result.stdout.splitlines() if "no leaks" in line]
    assert any("solution code of `mean`" in line for line in leaks), result.stdout
    assert any("hidden test q1" in line for line in leaks), result.stdout
    assert any("ps01-mini.zip:" in line for line in leaks)  # zips are scanned too


def test_hidden_case_marked_public_leaks_its_expected_value(mini):
    path = mini / "assignments/ps01-mini/tests/q2.py"
    path.write_text(
        path.read_text() + "\n\n@test_case(points=0, hidden=True)\n"
        "def test_exact(mean):\n    assert abs(mean([0.1, 0.2]) - 0.1500000001) < 1\n"
    )
    notebook_path = mini / "assignments/ps01-mini/ps01-mini.ipynb"
    notebook_path.write_text(
        notebook_path.read_text().replace("A tiny set used", "0.1500000001 is a tiny set used")
    )
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "a hidden expected value of q2" in result.stdout


def test_crashing_test_code_on_the_blank_notebook_is_caught(mini):
    path = mini / "assignments/ps01-mini/tests/q1.py"
    path.write_text(
        path.read_text().replace(
            "    for x in _hidden_inputs():",
            "    assert square(2.0) + 0 == 4.0, 'square(2) should be 4'\n"
            "    for x in _hidden_inputs():",
        )
    )
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "crashed instead of failing clearly" in result.stdout


def test_a_question_without_its_check_cell_is_caught(mini):
    path = mini / "assignments/ps01-mini/ps01-mini.ipynb"
    notebook = json.loads(path.read_text())
    notebook["cells"] = [
        c for c in notebook["cells"] if 'grader.check("q2")' not in "".join(c["source"])
    ]
    path.write_text(json.dumps(notebook))
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert 'the notebook has no grader.check("q2") cell' in result.stdout


def test_reference_code_in_a_demo_cell_is_caught(mini):
    """Code the student sees anyway is no excuse: two consecutive reference lines in a
    demo cell give the answer away before the student writes it."""
    path = mini / "assignments/ps01-mini/ps01-mini.ipynb"
    notebook = json.loads(path.read_text())
    demo = (
        "def spread(values):\n    total = float(np.sum(values))\n"
        "    return float(np.sum(values) / len(values))\n"
    )
    notebook["cells"].insert(
        len(notebook["cells"]) - 1,
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": demo},
    )  # fmt: skip
    path.write_text(json.dumps(notebook))
    solution = mini / "solutions/ps01-mini/solution.py"
    solution.write_text(
        solution.read_text().replace(
            "    return float(np.sum(values) / len(values))",
            "    total = float(np.sum(values))\n    return float(np.sum(values) / len(values))",
        )
    )
    result = run_mlmath("validate", course=mini)
    assert result.returncode == 1
    assert "two consecutive lines of the reference `mean`" in result.stdout
