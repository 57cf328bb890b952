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
    late INTEGER,
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
CREATE TABLE IF NOT EXISTS students (
    student TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    sis_id TEXT NOT NULL DEFAULT '',
    lms_id TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT ''
);
"""
STUDENT_FIELDS = ("name", "email", "sis_id", "lms_id", "section")
CURRENT_FIELDS = ("id", "student", "source", "status", "reason", "score", "possible",
                  "submitted_at", "seconds", "late")  # fmt: skip


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


class Gradebook:
    def __init__(self, path: Path):
        self.path = Path(path)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(submissions)")}
            if "late" not in columns:  # a gradebook written before late markers were kept
                db.execute("ALTER TABLE submissions ADD COLUMN late INTEGER")

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
        late=None,
    ):
        """Write one graded submission and its per-test results atomically."""
        score = sum(q.score for q in questions.values())
        student, source, reason = storable(student), storable(source), storable(reason)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO submissions (student, problem_set, source, content_hash, "
                "autograder_hash, submitted_at, graded_at, status, reason, score, possible, "
                "seconds, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (student, problem_set, content_hash, autograder_hash) DO UPDATE "
                "SET source = excluded.source, graded_at = excluded.graded_at, "
                "status = excluded.status, reason = excluded.reason, score = excluded.score, "
                "possible = excluded.possible, seconds = excluded.seconds, late = excluded.late "
                "RETURNING id",
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
                    None if late is None else int(late),
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
        """Each student's latest submission for a problem set (by submission time, then
        grading time), in the order of their ids."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {', '.join(CURRENT_FIELDS)} FROM submissions WHERE problem_set = ? "
                "ORDER BY student, submitted_at, graded_at, id",
                (problem_set,),
            ).fetchall()
        latest = {row[1]: dict(zip(CURRENT_FIELDS, row, strict=True)) for row in rows}
        return [latest[s] for s in sorted(latest)]

    def set_students(self, people: list[dict]):
        """Who each student is (from a roster or the LMS); an empty field keeps what the
        gradebook already knows."""
        with self._connect() as db:
            for person in people:
                values = [storable(person.get(f) or "") for f in STUDENT_FIELDS]
                db.execute(
                    "INSERT INTO students VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (student) DO "
                    "UPDATE SET "
                    + ", ".join(
                        f"{f} = CASE WHEN excluded.{f} = '' THEN {f} ELSE excluded.{f} END"
                        for f in STUDENT_FIELDS
                    ),
                    (storable(person["student"]), *values),
                )

    def students(self) -> dict[str, dict]:
        with self._connect() as db:
            rows = db.execute(f"SELECT student, {', '.join(STUDENT_FIELDS)} FROM students")
            return {row[0]: dict(zip(STUDENT_FIELDS, row[1:], strict=True)) for row in rows}

    def results(self, submission_id: int) -> list[dict]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT question, test_case, hidden, points, possible, passed, message FROM "
                "results WHERE submission_id = ?",
                (submission_id,),
            ).fetchall()
        keys = ("question", "test_case", "hidden", "points", "possible", "passed", "message")
        return [dict(zip(keys, row, strict=True)) for row in rows]
