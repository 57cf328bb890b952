"""`mlmath grade`: grade a batch of submissions of one problem set into the gradebook."""

import hashlib
import io
import os
import shutil
import stat
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from pathlib import Path, PurePosixPath

from ..course.sets import question_key
from ..course.testfiles import forbidden_names
from ..errors import MlmathError
from ..executor import Executor
from ..sandbox import cgroups
from ..sandbox.isolation import (
    Limits,
    Zygote,
    confine_worker,
    drop_privileges,
    isolation_warning,
    limits_note,
)
from .gradebook import STUDENT_FIELDS, Gradebook
from .roster import Roster
from .session import Outcome, SubmissionGrader, TestSource, clean_message
from .submissions import Collection, Submission, Unreadable, check_paths, collect

SCRATCH_PREFIX = "mlmath-grade-"


@dataclass
class BatchSummary:
    problem_set: str
    graded: int = 0
    skipped: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)
    possible: float = 0.0
    superseded: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)
    not_on_roster: list[str] = field(default_factory=list)
    without_submission: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        mean = sum(self.scores) / len(self.scores) if self.scores else 0.0
        counts = ", ".join(f"{n} {s}" for s, n in sorted(self.by_status.items())) or "none"
        lines = [f"WARNING: {warning}" for warning in self.warnings]
        lines += [
            f"{self.problem_set}: graded {self.graded} submission(s) ({counts}); "
            f"skipped {self.skipped} already graded",
            f"mean score {mean:.2f} / {self.possible:g}" if self.scores else "no scores",
        ]
        lines += [f"read {layout}" for layout in self.layouts]
        if self.not_on_roster:
            lines.append(f"not on the roster: {', '.join(self.not_on_roster)}")
        if self.without_submission:
            lines.append(f"on the roster, no submission: {', '.join(self.without_submission)}")
        return lines + [f"superseded: {note}" for note in self.superseded]


class PreparedAutograder:
    """The built autograder zip: its tests held in memory (read once, never written to
    disk), and its support files (mlmath_checks, helpers, data: what students get too)
    unpacked where the grading workers can read them."""

    def __init__(self, zip_bytes: bytes, scratch: Path):
        self.hash = hashlib.sha256(zip_bytes).hexdigest()
        self.scratch = scratch
        self.root = scratch / "autograder"
        self.files = self.root / "files"
        tests = []
        with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
            for info in archive.infolist():
                path = PurePosixPath(info.filename)
                if path.parts[:1] == ("tests",) and path.suffix == ".py":
                    tests.append(TestSource(path.stem, archive.read(info).decode()))
                elif path.parts[:1] == ("files",) and not info.is_dir():
                    target = self.root.joinpath(*path.parts)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(info))
        self.tests = sorted(tests, key=lambda t: question_key(t.name))
        support = {path.stem: path.read_text() for path in self.files.glob("*.py")}
        # the set's own helper modules: their objects cross to student code by value
        self.support_modules = sorted(name for name in support if name != "mlmath_checks")
        self.watched = sorted(
            set().union(
                *(forbidden_names(t.source, f"tests/{t.name}.py", support) for t in self.tests)
            )
        )
        _readable_by_all(scratch)
        data = self.files / "data"
        self.data = data if data.is_dir() else None

    def possible(self) -> dict[str, float]:
        from otter.test_files import ExceptionTestFile

        self.enter()
        points = {}
        for test in self.tests:
            test_file = ExceptionTestFile.from_string(test.source, path=f"tests/{test.name}.py")
            points[test_file.name] = float(test_file.possible)
        return points

    def enter(self):
        """Make mlmath_checks importable and data/ reachable for the tests."""
        self.files.mkdir(parents=True, exist_ok=True)
        if str(self.files) not in sys.path:
            sys.path.insert(0, str(self.files))
        os.chdir(self.files)


def _readable_by_all(folder: Path):
    """Support files are what students receive: the unprivileged workers may read them."""
    for root, _folders, files in os.walk(folder):
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), stat.S_IRUSR | stat.S_IWUSR | 0o044)


class GradingSetup:
    """What a grading worker needs, as bytes: the autograder zip and the limits.

    Picklable, so a Dask cluster's workers get it once each; a process prepares the
    autograder from it once (`prepared`), then each slot starts its warm sandbox. Locally
    the coordinator prepares it before its workers fork, and they inherit it."""

    preload = ("numpy", "otter.test_files")  # what a fork server imports once

    def __init__(self, autograder_zip: bytes, limits: Limits):
        self.zip = autograder_zip
        self.limits = limits
        self.digest = hashlib.sha256(autograder_zip).hexdigest()
        # workers kept warm for one setup serve only the same zip under the same limits
        self.key = f"{self.digest}-{limits!r}"

    def __getstate__(self):
        return {"zip": self.zip, "limits": self.limits, "digest": self.digest, "key": self.key}

    def prepared(self, scratch: Path | None = None) -> "PreparedAutograder":
        found = _prepared.get(self.digest)
        if found is None:
            if scratch is None:  # a worker process of a cluster: a scratch of its own
                scratch = _scratch()
                Finalize(None, shutil.rmtree, args=(scratch, True), exitpriority=0)
            found = _prepared[self.digest] = PreparedAutograder(self.zip, scratch)
        return found

    def __call__(self, slot: int):
        autograder = self.prepared()
        limits = self.limits
        confine_worker(slot, limits)
        autograder.enter()
        zygote = Zygote(
            slot, autograder.files, limits, autograder.scratch, watch=autograder.watched
        )
        from otter.test_files import ExceptionTestFile  # noqa: F401

        import mlmath_checks  # noqa: F401  (imported before the worker gives up root)

        drop_privileges(slot)
        grader = SubmissionGrader(
            autograder.tests, zygote, limits, autograder.watched, autograder.support_modules
        )

        def work(payload: "Payload") -> Outcome:
            if payload.unreadable:
                return Outcome("invalid", payload.unreadable)
            try:
                outcome = grader.grade(payload.data)
            except Exception as error:  # never lose the batch to one submission
                outcome = Outcome("error", f"grading failed: {type(error).__name__}: {error}")
            if zygote.process.poll() is not None:
                work.broken = True  # the executor starts a fresh worker for this slot
            for question in outcome.questions.values():
                for case in question.cases:
                    text = clean_message(case.message)
                    case.message = "" if case.passed else "\n".join(filter(None, [case.hint, text]))
            return outcome

        work.broken = False
        return work


_prepared: dict[str, "PreparedAutograder"] = {}  # by autograder hash, in this process


@dataclass
class Payload:
    """One submission as it travels to a worker: its bytes, or why it could not be read."""

    data: bytes = b""
    unreadable: str = ""


class Payloads:
    """The submissions, each read only when a worker is free for it (a few in memory at
    once); sized, so that a small batch starts no more workers than it has submissions."""

    def __init__(self, submissions: list[Submission]):
        self.submissions = submissions

    def __len__(self) -> int:
        return len(self.submissions)

    def __iter__(self):
        for submission in self.submissions:
            try:
                yield Payload(submission.read())
            except Unreadable as error:
                yield Payload(unreadable=str(error))


def _scratch() -> Path:
    """A private folder for this run; those of runs that were killed are removed first."""
    base = Path(tempfile.gettempdir())
    for stale in base.glob(f"{SCRATCH_PREFIX}*"):
        owner = stale.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and not cgroups.alive(int(owner)):
            shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))


def grade_batch(
    problem_set: str,
    autograder_zip: Path,
    paths: list[Path],
    *,
    executor: Executor,
    limits: Limits,
    gradebook_path: Path,
    regrade: bool,
    mapping: dict[str, str],
    roster: Roster | None = None,
    progress: bool = True,
) -> BatchSummary:
    check_paths(paths)  # a wrong path is the command line's error, before anything is written
    summary = BatchSummary(problem_set)
    summary.warnings = [w for w in (isolation_warning(), limits_note()) if w]
    for warning in summary.warnings:
        print(f"WARNING: {warning}", file=sys.stderr, flush=True)
    gradebook = Gradebook(gradebook_path)
    home = os.getcwd()
    cgroups.remove_stale()
    scratch = _scratch()
    try:
        if not autograder_zip.exists():
            raise MlmathError(f"{autograder_zip} is missing: run `mlmath build` first")
        setup = GradingSetup(autograder_zip.read_bytes(), limits)
        autograder = setup.prepared(scratch)
        possible = autograder.possible()
        os.chdir(home)
        summary.possible = sum(possible.values())
        gradebook.set_questions(problem_set, possible)
        collection: Collection = collect(paths, problem_set, mapping, roster)
        _summarize_collection(summary, collection)
        gradebook.set_students([_identity(s) for s in collection.submissions])
        # a group's notebook is graded once and credited to every member
        groups: dict[tuple[str, str], list[Submission]] = {}
        for s in collection.submissions:
            if regrade or not gradebook.already_graded(
                s.student, problem_set, s.content_hash, autograder.hash
            ):
                groups.setdefault((s.label, s.content_hash), []).append(s)
        todo = [members[0] for members in groups.values()]
        summary.skipped = len(collection.submissions) - sum(map(len, groups.values()))
        bar = _progress(len(todo), problem_set, progress)

        def record(index: int, outcome: Outcome):
            for submission in groups[(todo[index].label, todo[index].content_hash)]:
                _record_one(submission, outcome)
            bar.update(1)

        def _record_one(submission: Submission, outcome: Outcome):
            if submission.note:
                outcome.note("invalid", submission.note)
            gradebook.record(
                student=submission.student,
                problem_set=problem_set,
                source=submission.label,
                content_hash=submission.content_hash,
                autograder_hash=autograder.hash,
                submitted_at=submission.submitted_at,
                status=outcome.status,
                reason=outcome.reason,
                questions=outcome.questions,
                seconds=outcome.seconds,
                possible=summary.possible,
                late=submission.owner.late if submission.owner else None,
            )
            summary.graded += 1
            summary.by_status[outcome.status] = summary.by_status.get(outcome.status, 0) + 1
            summary.scores.append(outcome.score)

        for finished in executor.run(Payloads(todo), setup):
            outcome = finished.value if finished.ok else Outcome("error", finished.error)
            record(finished.index, outcome)
        bar.close()
    finally:
        os.chdir(home)
        shutil.rmtree(scratch, ignore_errors=True)
        cgroups.remove_stale()
    return summary


def _summarize_collection(summary: BatchSummary, collection: Collection):
    summary.superseded = [
        f"{old.student}: graded {kept.label}, not the older {old.label}"
        for old, kept in collection.superseded
    ]
    summary.layouts = collection.layouts
    summary.warnings += collection.warnings
    summary.not_on_roster = collection.not_on_roster
    summary.without_submission = [
        f"{p.student} ({p.name})" if p.name else p.student for p in collection.without_submission
    ]


def _identity(submission: Submission) -> dict:
    """What the gradebook keeps about who a student is: the roster's word, else the LMS's."""
    fields = {}
    for source in (submission.owner, submission.person):
        for key in STUDENT_FIELDS:
            if getattr(source, key, ""):
                fields[key] = getattr(source, key)
    return {**fields, "student": submission.student}


def _progress(total: int, label: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc=f"grading {label}",
        unit="submission",
        file=sys.stderr,
        disable=not enabled or total == 0,
        dynamic_ncols=True,
    )
