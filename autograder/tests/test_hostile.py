"""`mlmath grade` against hostile and broken submissions (the corpus in hostile_corpus.py).

ps01-algebra is built once into a scratch copy of the course; every corpus notebook and
a few honest submissions go into ONE folder graded by ONE `mlmath grade` batch, so that
"the batch finishes" and "every other submission is unaffected" are tested for real.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import hostile_corpus as corpus
import pytest
from conftest import REPO, run_mlmath

TESTS = Path(__file__).resolve().parent


def _isolated() -> str | None:
    from mlmath.sandbox.isolation import isolation_warning

    return isolation_warning()


pytestmark = pytest.mark.skipif(
    _isolated() is not None,
    reason=f"hostile submissions need the real sandbox: {_isolated()}",
)


@dataclass
class Batch:
    rows: dict[str, dict]  # student -> CSV row
    reference: dict[str, dict[str, float]]  # honest submission -> otter's own score
    token: str
    roots: list[Path]
    seconds: float
    output: str


def _course_copy(target: Path) -> Path:
    (target / "assignments").mkdir(parents=True)
    (target / "solutions").mkdir()
    shutil.copytree(REPO / "assignments" / corpus.SET, target / "assignments" / corpus.SET)
    shutil.copytree(REPO / "solutions" / corpus.SET, target / "solutions" / corpus.SET)
    shutil.copytree(REPO / "datasets", target / "datasets")
    return target


def _start_reference_scores(course: Path) -> subprocess.Popen:
    """hostile_corpus.reference_scores in a subprocess (it changes folder and sys.path),
    started now and read once the batch is graded."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import hostile_corpus; "
        "from pathlib import Path; "
        "print(json.dumps(hostile_corpus.reference_scores(Path(sys.argv[2]))))"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(TESTS), str(course)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )


def _reference_scores(process: subprocess.Popen) -> dict:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    from mlmath.course.content import SetContent
    from mlmath.course.sets import Course

    root = tmp_path_factory.mktemp("hostile")
    course = _course_copy(root / "course")
    run_mlmath("build", corpus.SET, course=course, check=True)
    reference_process = _start_reference_scores(course)
    gradebook = root / "gradebook.sqlite"
    ctx = corpus.Context(
        content=SetContent(Course(course).problem_set(corpus.SET)),
        blank=(course / "dist/student" / corpus.SET / f"{corpus.SET}.ipynb").read_bytes(),
        token=f"mlmath-{uuid.uuid4().hex}",
        repo=REPO,
        course=course,
        gradebook=gradebook,
    )
    submissions = root / "submissions"
    submissions.mkdir()
    for honest in corpus.HONEST:
        (submissions / f"{honest.name}.ipynb").write_bytes(corpus.honest_bytes(ctx, honest))
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    for case in corpus.CASES:
        target = submissions / f"{case.name}{case.suffix}"
        if case.link:  # the file lives outside the submitted folder
            (elsewhere / target.name).write_bytes(case.build(ctx))
            target.symlink_to(elsewhere / target.name)
        else:
            target.write_bytes(case.build(ctx))
    started = time.monotonic()
    graded = run_mlmath(
        "grade", corpus.SET, str(submissions), "--gradebook", str(gradebook),
        "--timeout", "20", "--jobs", "2", "--quiet",
        course=course, timeout=600,
    )  # fmt: skip
    seconds = time.monotonic() - started
    reference = _reference_scores(reference_process)
    assert graded.returncode == 0, f"the batch failed:\n{graded.stdout}\n{graded.stderr}"
    table = root / "grades.csv"
    run_mlmath("export", corpus.SET, "--csv", str(table), "--gradebook", str(gradebook), check=True)
    with open(table, newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    return Batch(
        rows,
        reference,
        ctx.token,
        [root, course, submissions.parent],
        seconds,
        graded.stdout + graded.stderr,
    )


def _points(row: dict) -> dict[str, float]:
    return {q: float(row[q]) for q in corpus.QUESTIONS}


def test_the_batch_grades_every_submission(batch):
    expected = {h.name for h in corpus.HONEST} | {c.name for c in corpus.CASES}
    assert set(batch.rows) == expected
    total = len(corpus.HONEST) + len(corpus.CASES)
    assert f"graded {total} submission(s)" in batch.output, batch.output
    print(f"\nthe hostile batch took {batch.seconds:.1f} s")
    for student, row in sorted(batch.rows.items()):
        print(f"{student:28} {row['total']:>4} {row['status']:8} {row['reason'][:150]}")


@pytest.mark.parametrize("honest", corpus.HONEST, ids=lambda h: h.name)
def test_honest_submission_scores_what_otter_gives(batch, honest):
    row = batch.rows[honest.name]
    assert (row["status"], row["reason"]) == ("graded", "")
    assert _points(row) == pytest.approx(batch.reference[honest.name]), honest.description


def test_honest_reference_scores_are_what_they_should_be(batch):
    full = {
        q: float(p) for q, p in zip(corpus.QUESTIONS, [4, 10, 4, 6, 6, 7, 5, 7, 7, 5], strict=True)
    }
    assert batch.reference["honest-solution"] == full
    assert sum(batch.reference["honest-blank"].values()) == 0
    for name, question in [("honest-wrong-sigmoid", "q9"), ("honest-wrong-logsumexp", "q8")]:
        assert batch.reference[name][question] < full[question]
    partial = batch.reference["honest-partial"]
    assert partial["q4"] < full["q4"] and partial["q9"] < full["q9"]


@pytest.mark.parametrize("case", corpus.CASES, ids=lambda c: c.name)
def test_hostile_submission(batch, case):
    row = batch.rows[case.name]
    expect = case.expect
    baseline = batch.rows[expect.baseline] if expect.baseline else None
    assert row["status"] in expect.statuses, f"{case.description}: {row['status']}: {row['reason']}"
    for word in expect.words:
        assert word.lower() in row["reason"].lower(), f"reason {row['reason']!r} lacks {word!r}"
    if row["status"] != "graded":
        assert row["reason"].strip(), "a status other than graded needs a reason"
    wanted = expect.points(_points(baseline) if baseline else None)
    assert _points(row) == pytest.approx(wanted), (
        f"{case.description}: scored {_points(row)}, honest work earns {wanted} "
        f"({row['status']}: {row['reason']})"
    )


def _host_files_named(token: str, roots: list[Path]) -> list[str]:
    found = []
    skip = {".venv", ".git", "node_modules", "__pycache__", "proc", "sys"}

    def walk(folder: Path, depth: int):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if token in entry.name:
                found.append(entry.path)
            if depth > 0 and entry.is_dir(follow_symlinks=False) and entry.name not in skip:
                walk(Path(entry.path), depth - 1)

    for root, depth in roots:
        walk(root, depth)
    return found


def test_no_file_written_by_an_attack_reaches_the_host(batch):
    roots = [(REPO, 4), (Path("/tmp"), 4), (Path("/dev/shm"), 2), (Path("/var/tmp"), 2),
             (Path.home(), 1), (Path("/"), 1), (Path.cwd(), 2)]  # fmt: skip
    roots += [(root, 6) for root in batch.roots]
    assert _host_files_named(batch.token, roots) == []
