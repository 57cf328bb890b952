"""An instructor's run on the miniature course: a Gradescope export and a Canvas download
(built to each LMS's layout) graded in one batch with a roster, then exported for Canvas
and Gradescope with a late policy, shown per student, and reported on in Chromium."""

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import REPO, run_mlmath
from lms_fixtures import (
    GradescopeSubmission,
    Submitter,
    canvas_name,
    gradescope_files,
    write_zip,
)

SET = "ps01-mini"
DEADLINE = ["--deadline", "2026-12-01T23:59:00-08:00", "--per-day", "10", "--grace", "1h"]
CHROMIUM = Path("/usr/bin/chromium")


def _notebook(built: Path, which: str) -> dict:
    path = {
        "solution": built / f"dist/solutions/{SET}.ipynb",
        "blank": built / f"dist/student/{SET}/{SET}.ipynb",
    }[which]
    return json.loads(path.read_text())


def _bytes(notebook: dict) -> bytes:
    return json.dumps(notebook).encode()


def _with_cell(notebook: dict, source: str, at: int = 3) -> dict:
    notebook = json.loads(json.dumps(notebook))
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": source}  # fmt: skip
    notebook["cells"].insert(at, cell)
    return notebook


def _replaced(notebook: dict, old: str, new: str) -> dict:
    return json.loads(json.dumps(notebook).replace(old, new))


def _csv(path: Path) -> list[dict]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def run(built_mini, tmp_path_factory):
    """Grade both exports once; every test reads the same gradebook."""
    folder = tmp_path_factory.mktemp("instructor")
    solution, blank = _notebook(built_mini, "solution"), _notebook(built_mini, "blank")
    raising = _with_cell(solution, "undefined_thing + 1")
    other_set = _replaced(
        solution, f'otter.Notebook(\\"{SET}.ipynb', 'otter.Notebook(\\"ps01-algebra.ipynb'
    )
    wrong_q1 = _replaced(solution, "return x * x", "return 2 * x")
    assert other_set != solution and wrong_q1 != solution
    gradescope = gradescope_files([
        GradescopeSubmission(201, [Submitter("Ada Lovelace", "1001", "ada@uni.edu")],
                             "2026-12-02 00:30:00.000000000 -0800",  # inside the grace hour
                             {f"{SET}.ipynb": _bytes(solution)}),
        GradescopeSubmission(202, [Submitter("Alan Turing", "1002", "alan@uni.edu"),
                                   Submitter("Grace Hopper", "1003", "grace@uni.edu")],
                             "2026-12-01 20:00:00.000000000 -0800",
                             {f"{SET}.ipynb": _bytes(raising)}),
        GradescopeSubmission(203, [Submitter("Emmy Noether", "1004", "emmy@uni.edu")],
                             "2026-12-01 21:00:00.000000000 -0800",
                             {f"{SET}.ipynb": _bytes(other_set)}),
        GradescopeSubmission(204, [Submitter("Kurt Godel", "1005", "kurt@uni.edu")],
                             "2026-12-03 12:00:00.000000000 -0800",  # 36 hours late
                             {f"{SET}.ipynb": _bytes(solution)}),
    ], assignment=777)  # fmt: skip
    canvas = {
        canvas_name("doejane", 12345, 501, f"{SET}.ipynb"): _bytes(blank),
        canvas_name("doejane", 12345, 502, f"{SET}-1.ipynb"): _bytes(solution),
        canvas_name("smithbob", 22222, 503, f"{SET}.ipynb", late=True): _bytes(wrong_q1),
    }
    roster = folder / "roster.csv"
    roster.write_text(
        "student,name,email,sis_id,lms_id,section\n"
        "ada,Ada Lovelace,ada@uni.edu,1001,70001,A\n"
        "alan,Alan Turing,alan@uni.edu,1002,70002,A\n"
        "grace,Grace Hopper,grace@uni.edu,,70003,A\n"
        "jane,Jane Doe,jane@uni.edu,S-12,12345,B\n"
        "bob,Bob Smith,bob@uni.edu,S-13,22222,B\n"
        "zed,Zed Absent,zed@uni.edu,S-99,79999,B\n"
    )
    paths = [
        write_zip(folder / "assignment_777_export.zip", gradescope),
        write_zip(folder / "submissions.zip", canvas),
        folder / "lin.ipynb",  # a notebook passed by itself: no LMS, no roster row
    ]
    paths[-1].write_bytes(_bytes(solution))
    gradebook = folder / "grades.sqlite"
    grade = run_mlmath("grade", SET, *map(str, paths), "--roster", str(roster),
                       "--gradebook", str(gradebook), "--timeout", "30", course=built_mini,
                       check=True)  # fmt: skip
    return {"folder": folder, "gradebook": gradebook, "roster": roster, "grade": grade,
            "course": built_mini}  # fmt: skip


def _mlmath(run, *args, check=True):
    return run_mlmath(*args, "--gradebook", str(run["gradebook"]), course=run["course"],
                      check=check)  # fmt: skip


def _statuses(run) -> dict[str, tuple]:
    with sqlite3.connect(run["gradebook"]) as db:
        rows = db.execute("SELECT student, status, reason, score, late FROM submissions")
        return {row[0]: row[1:] for row in rows}


def test_the_summary_names_layouts_and_roster_gaps(run):
    out = run["grade"].stdout
    assert "graded 8 submission(s)" in out, out
    assert "Gradescope export" in out and "Canvas export" in out
    assert "not on the roster: 1004, 1005, lin" in out
    assert "on the roster, no submission: zed (Zed Absent)" in out
    assert "superseded: jane" in out and "501" in out


def test_groups_statuses_and_canvas_resubmissions(run):
    rows = _statuses(run)
    assert set(rows) == {"ada", "alan", "grace", "1004", "1005", "jane", "bob", "lin"}
    assert rows["ada"] == ("graded", "", 6.0, None)
    # a group's notebook is credited to both; the raising cell is named, points kept
    for member in ("alan", "grace"):
        status, reason, score, _ = rows[member]
        assert (status, score) == ("graded", 6.0)
        assert reason == "error in cell 4: NameError: name 'undefined_thing' is not defined"
    assert rows["1004"][:2] == (
        "invalid",
        "this looks like a notebook for ps01-algebra, not ps01-mini",
    )
    assert rows["jane"] == ("graded", "", 6.0, 0)  # the -1 resubmission, not the blank
    assert rows["bob"][2:] == (3.0, 1)  # Canvas's LATE marker


def test_plain_csv_with_the_late_policy(run):
    target = run["folder"] / "grades.csv"
    _mlmath(run, "export", SET, "--csv", str(target), "--roster", str(run["roster"]), *DEADLINE)
    rows = {row["student"]: row for row in _csv(target)}
    assert (rows["ada"]["days_late"], rows["ada"]["final"]) == ("0", "6")  # grace period
    assert (rows["1005"]["days_late"], rows["1005"]["late_penalty"]) == ("2", "1.2")
    assert rows["1005"]["final"] == "4.8"
    assert (rows["bob"]["days_late"], rows["bob"]["final"]) == ("1", "2.4")
    assert rows["zed"]["status"] == "missing" and rows["zed"]["total"] == "0"


def test_canvas_gradebook_import(run):
    target = run["folder"] / "canvas.csv"
    result = _mlmath(run, "export", SET, "--format", "canvas", "--csv", str(target),
                     "--roster", str(run["roster"]), "--assignment", "PS01 Mini (4242)",
                     *DEADLINE)  # fmt: skip
    with open(target, newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                        "PS01 Mini (4242)"]  # fmt: skip
    assert lines[1] == ["Points Possible", "", "", "", "", "6"]
    by_id = {line[1]: line for line in lines[2:]}
    assert by_id["12345"] == ["Jane Doe", "12345", "S-12", "", "B", "6"]
    assert by_id["22222"][5] == "2.4"
    assert by_id["79999"][5] == ""  # no submission: Canvas leaves the cell as it is
    # off the roster, Gradescope's SID is the SIS id; a loose notebook has no id at all
    assert ["Kurt Godel", "", "1005", "", "", "4.8"] in lines
    assert "cannot match 1 student(s)" in result.stderr and ": lin" in result.stderr


def test_gradescope_style_csv(run):
    target = run["folder"] / "gradescope.csv"
    _mlmath(run, "export", SET, "--format", "gradescope", "--csv", str(target),
            "--roster", str(run["roster"]), *DEADLINE)  # fmt: skip
    rows = {row["Email"]: row for row in _csv(target)}
    kurt = rows["kurt@uni.edu"]
    assert (kurt["Name"], kurt["SID"], kurt["Total Score"], kurt["Max Points"]) == (
        "Kurt Godel", "1005", "4.8", "6")  # fmt: skip
    assert kurt["Lateness (H:M:S)"] == "36:01:00" and kurt["q1 (3.0 pts)"] == "3"
    assert rows["zed@uni.edu"]["Status"] == "Missing"
    assert rows["emmy@uni.edu"]["Status"] == "Invalid"


def test_show_one_student(run):
    out = _mlmath(run, "show", SET, "bob@uni.edu", *DEADLINE).stdout
    assert out.startswith("ps01-mini: bob (Bob Smith, bob@uni.edu, S-13)")
    assert "score:      3 / 6 (50.0%)" in out
    assert "the LMS marks it late" in out and "final score 2.4" in out
    assert "\nq1      0 / 3     0/2 test(s) passed\n    x public test" in out
    assert "x hidden test" in out and "\nq2      3 / 3     2/2 test(s) passed" in out
    grace = _mlmath(run, "show", SET, "Grace Hopper").stdout
    assert "status:     graded: error in cell 4: NameError" in grace
    missing = _mlmath(run, "show", SET, "ade", check=False)
    assert missing.returncode == 2 and "did you mean ada" in missing.stderr


def test_feedback_shows_the_late_penalty(run):
    out = run["folder"] / "feedback"
    _mlmath(run, "feedback", SET, "--out", str(out), *DEADLINE)
    text = (out / "1005.md").read_text()
    assert "Late by 2 day(s)" in text and "1.2 point(s) off; final score 4.8" in text
    assert "Note: error in cell 4" in (out / "alan.md").read_text()


def test_wrong_paths_are_command_line_errors(run, tmp_path):
    gradebook = tmp_path / "never.sqlite"
    notes = tmp_path / "notes.txt"
    notes.write_text("not a submission")
    result = run_mlmath("grade", SET, str(tmp_path / "nosuch"), str(notes), "--gradebook",
                        str(gradebook), course=run["course"])  # fmt: skip
    assert result.returncode == 2, result.stdout + result.stderr
    assert "nosuch: no such file or folder" in result.stderr
    assert "notes.txt: not a notebook" in result.stderr
    assert not gradebook.exists()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (ci/setup.sh as root)")
def test_the_report_in_a_real_browser(run):
    from playwright.sync_api import sync_playwright

    out = run["folder"] / "report"
    result = _mlmath(run, "report", SET, "--out", str(out))
    assert "report.html" in result.stdout
    markdown = (out / "report.md").read_text()
    assert "## Questions" in markdown and "![Score distribution](plots/scores.png)" in markdown
    assert all((out / "plots" / f"{name}.png").stat().st_size > 1000 for name in
               ("scores", "difficulty", "discrimination", "statuses", "times"))  # fmt: skip
    problems = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("requestfailed", lambda request: problems.append(request.url))
        page.goto(out.joinpath("report.html").as_uri())
        page.wait_for_load_state("load")
        images = page.eval_on_selector_all(
            "figure img",
            "els => els.map(e => [e.complete, e.naturalWidth, e.getBoundingClientRect().width,"
            " e.getBoundingClientRect().height, getComputedStyle(e).visibility])",
        )
        tables = page.locator("h2").all_inner_texts()
        screenshot = REPO / "dist" / "report-screenshot.png"
        screenshot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    assert problems == []
    assert len(images) == 5
    for complete, natural, width, height, visibility in images:
        assert complete and natural > 0 and width > 100 and height > 50 and visibility == "visible"
    assert tables[:2] == ["Summary", "Plots"] and "Test cases that fail most" in tables
    assert screenshot.stat().st_size > 10_000
    shutil.copy(screenshot, out / "screenshot.png")
