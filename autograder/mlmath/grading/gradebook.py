"""The gradebook: one SQLite file, written one submission per transaction.

A batch killed at any moment (even kill -9) leaves every submission either fully
recorded or not at all, so running the same command again picks up where it stopped:
every submission not recorded as graded is graded again. Only the coordinating process
writes it, and it holds no connection open while it starts workers, so no worker ever
inherits one. Student text (ids, reasons, messages) is made storable before it is written.
"""

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ..course.sets import question_key
from ..sandbox.runtime.codec import storable

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    problem_set TEXT NOT NULL,
    question TEXT NOT NULL,
    possible REAL NOT NULL,
    PRIMARY KEY (problem_set, question)
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    student TEXT NOT NULL,
    problem_set TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    autograder_hash TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    graded_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('graded', 'error', 'timeout', 'memory', 'invalid')),
    reason TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL,
    possible REAL NOT NULL,
    seconds REAL NOT NULL,
    UNIQUE (student, problem_set, content_hash, autograder_hash)
);
CREATE TABLE IF NOT EXISTS results (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    test_case TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    points REAL NOT NULL,
    possible REAL NOT NULL,
    passed INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (submission_id, question, test_case)
);
"""


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


class Gradebook:
    def __init__(self, path: Path):
        self.path = Path(path)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(SCHEMA)

    @contextlib.contextmanager
    def _connect(self):
        """One short-lived connection per operation: none is open between two."""
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA foreign_keys = ON")
        try:
            with db:
                yield db
        finally:
            db.close()

    def set_questions(self, problem_set: str, possible: dict[str, float]):
        with self._connect() as db:
            db.execute("DELETE FROM questions WHERE problem_set = ?", (problem_set,))
            db.executemany(
                "INSERT INTO questions VALUES (?, ?, ?)",
                [(problem_set, q, p) for q, p in possible.items()],
            )

    def questions(self, problem_set: str) -> list[tuple[str, float]]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT question, possible FROM questions WHERE problem_set = ?", (problem_set,)
            ).fetchall()
        return sorted(rows, key=lambda row: question_key(row[0]))

    def already_graded(self, student, problem_set, content_hash, autograder_hash) -> bool:
        """Whether this very submission is recorded as graded (any other status, a
        worker that died, a timeout, is graded again)."""
        with self._connect() as db:
            row = db.execute(
                "SELECT 1 FROM submissions WHERE student = ? AND problem_set = ? AND "
                "content_hash = ? AND autograder_hash = ? AND status = 'graded'",
                (storable(student), problem_set, content_hash, autograder_hash),
            ).fetchone()
        return row is not None

    def record(
        self,
        *,
        student,
        problem_set,
        source,
        content_hash,
        autograder_hash,
        submitted_at,
        status,
        reason,
        questions,
        seconds,
        possible,
    ):
        """Write one graded submission and its per-test results atomically."""
        score = sum(q.score for q in questions.values())
        student, source, reason = storable(student), storable(source), storable(reason)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO submissions (student, problem_set, source, content_hash, "
                "autograder_hash, submitted_at, graded_at, status, reason, score, possible, "
                "seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (student, problem_set, content_hash, autograder_hash) DO UPDATE "
                "SET source = excluded.source, graded_at = excluded.graded_at, "
                "status = excluded.status, reason = excluded.reason, score = excluded.score, "
                "possible = excluded.possible, seconds = excluded.seconds RETURNING id",
                (
                    student,
                    problem_set,
                    source,
                    content_hash,
                    autograder_hash,
                    _iso(submitted_at),
                    _iso(datetime.now(UTC).timestamp()),
                    status,
                    reason,
                    score,
                    possible,
                    round(seconds, 3),
                ),
            )
            submission_id = cursor.fetchone()[0]
            db.execute("DELETE FROM results WHERE submission_id = ?", (submission_id,))
            db.executemany(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(submission_id, storable(q.name), storable(case.name), int(case.hidden),
                  case.points if case.passed else 0.0, case.points, int(case.passed),
                  storable(case.message)) for q in questions.values() for case in q.cases],
            )  # fmt: skip

    def current(self, problem_set: str) -> list[dict]:
        """Each student's latest submission for a problem set, newest grading first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, student, source, status, reason, score, possible, submitted_at FROM "
                "submissions WHERE problem_set = ? ORDER BY student, submitted_at, graded_at, id",
                (problem_set,),
            ).fetchall()
        latest = {}
        for row in rows:  # later rows win
            latest[row[1]] = dict(
                zip(
                    (
                        "id",
                        "student",
                        "source",
                        "status",
                        "reason",
                        "score",
                        "possible",
                        "submitted_at",
                    ),
                    row,
                    strict=True,
                )
            )
        return [latest[s] for s in sorted(latest)]

    def results(self, submission_id: int) -> list[dict]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT question, test_case, hidden, points, possible, passed, message FROM "
                "results WHERE submission_id = ?",
                (submission_id,),
            ).fetchall()
        keys = ("question", "test_case", "hidden", "points", "possible", "passed", "message")
        return [dict(zip(keys, row, strict=True)) for row in rows]
