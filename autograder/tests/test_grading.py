"""`mlmath grade`, `export` and `feedback` on the miniature course, with a real SQLite file."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_mlmath


def _notebook(built: Path, which: str) -> dict:
    path = {
        "solution": built / "dist/solutions/ps01-mini.ipynb",
        "blank": built / "dist/student/ps01-mini/ps01-mini.ipynb",
    }[which]
    return json.loads(path.read_text())


def _with_cell(notebook: dict, source: str, replace: tuple[str, str] | None = None) -> str:
    notebook = json.loads(json.dumps(notebook))
    for cell in notebook["cells"]:
        if replace and cell["cell_type"] == "code" and replace[0] in "".join(cell["source"]):
            cell["source"] = replace[1]
    notebook["cells"].insert(
        3,
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": source,
        },
    )
    return json.dumps(notebook)


def _grade(course: Path, *args):
    """`mlmath grade ps01-mini ARGS...` on a built course; fails the test if it fails."""
    return run_mlmath("grade", "ps01-mini", *map(str, args), course=course, check=True)


def _rows(path: Path) -> dict[str, dict]:
    with open(path, newline="") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def graded(built_mini, tmp_path_factory):
    """One batch: honest, wrong, broken and duplicate submissions, graded once."""
    folder = tmp_path_factory.mktemp("subs")
    solution, blank = _notebook(built_mini, "solution"), _notebook(built_mini, "blank")
    (folder / "alice").mkdir()
    (folder / "alice/ps01-mini.ipynb").write_text(json.dumps(solution))
    older = folder / "alice/old.ipynb"
    older.write_text(json.dumps(blank))
    os.utime(older, (1_000, 1_000))
    (folder / "bob.ipynb").write_text(json.dumps(blank))
    wrong = _with_cell(solution, "x = 1", ("def square", "def square(x):\n    return 2 * x\n"))
    (folder / "carol.ipynb").write_text(wrong)
    (folder / "dan.ipynb").write_text("{ this is not json")
    with_magics = _with_cell(
        json.loads(_with_cell(solution, "%%time\ny = sum(range(3))")),
        "%matplotlib inline\nx = 1\n!echo shell",
    )
    (folder / "erin.ipynb").write_text(with_magics)
    gradebook = folder.parent / "gradebook.sqlite"
    result = _grade(built_mini, folder, "--gradebook", gradebook, "--timeout", "30")
    export = folder.parent / "grades.csv"
    run_mlmath(
        "export",
        "ps01-mini",
        "--csv",
        str(export),
        "--gradebook",
        str(gradebook),
        course=built_mini,
        check=True,
    )
    feedback = folder.parent / "feedback"
    run_mlmath(
        "feedback",
        "ps01-mini",
        "--out",
        str(feedback),
        "--gradebook",
        str(gradebook),
        course=built_mini,
        check=True,
    )
    return result, _rows(export), feedback, gradebook


def test_scores_and_statuses(graded):
    result, rows, _, _ = graded
    assert rows["alice"]["total"] == "6" and rows["alice"]["percentage"] == "100.0"
    assert rows["bob"]["total"] == "0"
    assert rows["carol"]["q1"] == "0" and rows["carol"]["q2"] == "3"
    assert rows["dan"]["status"] == "invalid" and "not a notebook" in rows["dan"]["reason"]
    assert rows["erin"]["total"] == "6"  # magics are handled
    assert "mean score" in result.stdout


def test_the_newest_duplicate_wins_and_the_summary_says_so(graded):
    result, rows, _, _ = graded
    assert rows["alice"]["submission"].endswith("alice/ps01-mini.ipynb")
    assert "superseded: alice" in result.stdout and "old.ipynb" in result.stdout


def test_feedback_shows_messages_but_never_hidden_test_source(graded, built_mini):
    _, _, feedback, _ = graded
    text = (feedback / "carol.md").read_text()
    assert "Score: **3 / 6**" in text
    assert "hidden test" in text and "square(" in text
    hidden_source = (built_mini / "assignments/ps01-mini/tests/q1.py").read_text()
    assert "_hidden_inputs" in hidden_source and "_hidden_inputs" not in text
    assert "31.4159265" not in text and "x * x" not in text
    assert sorted(p.name for p in feedback.iterdir()) == [
        "alice.md", "bob.md", "carol.md", "dan.md", "erin.md"]  # fmt: skip


def test_gradebook_holds_per_test_results_and_reasons(graded):
    _, _, _, gradebook = graded
    db = sqlite3.connect(gradebook)
    statuses = dict(db.execute("SELECT student, status FROM submissions"))
    assert statuses["dan"] == "invalid"
    cases = db.execute(
        "SELECT question, hidden, passed FROM results JOIN submissions ON id = submission_id "
        "WHERE student = 'carol' ORDER BY question, test_case"
    ).fetchall()
    assert cases == [("q1", 0, 0), ("q1", 1, 0), ("q2", 0, 1), ("q2", 1, 1)]


def test_a_second_run_skips_what_is_graded_and_regrade_redoes_it(graded, built_mini):
    _, _, _, gradebook = graded
    folder = next(p for p in gradebook.parent.iterdir() if p.is_dir() and p.name.startswith("subs"))
    again = _grade(built_mini, folder, "--gradebook", gradebook, "-q")
    # only what is recorded as graded is skipped: dan's invalid notebook is looked at again
    assert "graded 1 submission(s) (1 invalid)" in again.stdout, again.stdout
    assert "skipped 4" in again.stdout
    redo = _grade(built_mini, folder / "bob.ipynb", "--gradebook", gradebook, "--regrade", "-q")
    assert "graded 1 submission(s)" in redo.stdout
    count = sqlite3.connect(gradebook).execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    assert count == 5


def test_kill_9_mid_batch_then_resume_loses_and_duplicates_nothing(built_mini, tmp_path):
    solution = _notebook(built_mini, "solution")
    folder = tmp_path / "subs"
    folder.mkdir()
    for index in range(10):  # each takes a moment, so the kill lands mid-batch
        (folder / f"s{index:02d}.ipynb").write_text(
            _with_cell(solution, f"import time\ntime.sleep(0.6)\nstudent_number = {index}")
        )
    gradebook = tmp_path / "gradebook.sqlite"
    command = [
        sys.executable,
        "-m",
        "mlmath",
        "--course",
        str(built_mini),
        "grade",
        "ps01-mini",
        str(folder),
        "--gradebook",
        str(gradebook),
        "--jobs",
        "2",
        "-q",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if gradebook.exists():
            try:
                done = (
                    sqlite3.connect(gradebook)
                    .execute("SELECT COUNT(*) FROM submissions")
                    .fetchone()[0]
                )
            except sqlite3.OperationalError:
                done = 0
            if done >= 3:
                break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    db = sqlite3.connect(gradebook)
    partial = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    assert 3 <= partial < 10
    again = _grade(built_mini, folder, "--gradebook", gradebook, "-q")
    assert f"skipped {partial} already graded" in again.stdout
    rows = db.execute("SELECT student, COUNT(*), MAX(score) FROM submissions GROUP BY student")
    assert sorted(rows.fetchall()) == [(f"s{i:02d}", 1, 6.0) for i in range(10)]
    results = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert results == 10 * 4  # 4 test cases each, none lost, none doubled


def test_without_bubblewrap_it_grades_with_a_loud_warning(built_mini, tmp_path):
    notebook = tmp_path / "alice.ipynb"
    notebook.write_text(json.dumps(_notebook(built_mini, "solution")))
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no bwrap on this PATH
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlmath",
            "--course",
            str(built_mini),
            "grade",
            "ps01-mini",
            str(notebook),
            "--gradebook",
            str(tmp_path / "g.sqlite"),
            "-q",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING: bubblewrap (bwrap) is not installed" in result.stderr
    assert "mean score 6.00 / 6" in result.stdout


def test_grading_an_unbuilt_set_and_exporting_nothing_are_clear_errors(mini, tmp_path):
    result = run_mlmath("grade", "ps01-mini", str(tmp_path), course=mini)
    assert result.returncode == 2 and "run `mlmath build` first" in result.stderr
    result = run_mlmath(
        "export",
        "ps01-mini",
        "--csv",
        str(tmp_path / "x.csv"),
        "--gradebook",
        str(tmp_path / "none.sqlite"),
        course=mini,
    )
    assert result.returncode == 2 and "no gradebook" in result.stderr
