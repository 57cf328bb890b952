"""`mlmath grade`: grade a batch of submissions of one problem set into the gradebook."""

import hashlib
import os
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from IPython.core.inputtransformer2 import TransformerManager

from ..course import question_key
from ..errors import MlmathError
from .dispatch import run_local
from .gradebook import Gradebook
from .isolation import Limits, Zygote, isolation_warning
from .session import Outcome, SubmissionGrader, clean_message
from .submissions import Collection, Submission, collect


class InvalidNotebook(Exception):
    pass


def notebook_cells(data: bytes) -> list[str]:
    """The code cells of a submitted notebook, magics turned into Python."""
    if not data.strip():
        raise InvalidNotebook("the file is empty")
    try:
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
    except UnicodeDecodeError:
        raise InvalidNotebook("not a notebook: the file is not text") from None
    except Exception as error:  # nbformat reports bad JSON and bad structure many ways
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise InvalidNotebook(f"not a notebook: {first}") from None
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        raise InvalidNotebook("not a notebook: it has no list of cells")
    transformer = TransformerManager()
    sources = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        try:
            sources.append(transformer.transform_cell(source))
        except Exception:  # a cell IPython cannot parse fails in the sandbox, like in Jupyter
            sources.append(source)
    return sources


@dataclass
class BatchSummary:
    problem_set: str
    graded: int = 0
    skipped: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)
    possible: float = 0.0
    superseded: list[str] = field(default_factory=list)
    warning: str | None = None

    def lines(self) -> list[str]:
        mean = sum(self.scores) / len(self.scores) if self.scores else 0.0
        counts = ", ".join(f"{n} {s}" for s, n in sorted(self.by_status.items())) or "none"
        lines = [
            f"{self.problem_set}: graded {self.graded} submission(s) ({counts}); "
            f"skipped {self.skipped} already graded",
            f"mean score {mean:.2f} / {self.possible:g}" if self.scores else "no scores",
        ]
        lines += [f"superseded: {note}" for note in self.superseded]
        if self.warning:
            lines.insert(0, f"WARNING: {self.warning}")
        return lines


class PreparedAutograder:
    """The built autograder zip, unpacked where only the grader can read it."""

    def __init__(self, zip_path: Path, scratch: Path):
        if not zip_path.exists():
            raise MlmathError(f"{zip_path} is missing: run `mlmath build` first")
        self.hash = hashlib.sha256(zip_path.read_bytes()).hexdigest()
        self.root = scratch / "autograder"
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(self.root)
        os.chmod(scratch, 0o700)
        self.tests = self.root / "tests"
        self.files = self.root / "files"
        data = self.files / "data"
        self.data = data if data.is_dir() else None

    def possible(self) -> dict[str, float]:
        from otter.test_files import ExceptionTestFile

        self.enter()
        points = {}
        for path in self.test_paths:
            test_file = ExceptionTestFile.from_file(str(path))
            points[test_file.name] = float(test_file.possible)
        return points

    @property
    def test_paths(self) -> list[Path]:
        return sorted(self.tests.glob("q*.py"), key=lambda p: question_key(p.stem))

    def enter(self):
        """Make mlmath_checks importable and data/ reachable for the tests."""
        if str(self.files) not in sys.path:
            sys.path.insert(0, str(self.files))
        os.chdir(self.files if self.files.is_dir() else self.root)


def _worker_factory(autograder: PreparedAutograder, limits: Limits, scratch: Path):
    def make(slot: int):
        autograder.enter()
        zygote = Zygote(slot, autograder.data, limits, scratch)
        grader = SubmissionGrader(autograder.test_paths, zygote, limits)

        def work(submission: Submission) -> Outcome:
            if submission.data is None:
                return Outcome("invalid", submission.problem)
            try:
                cells = notebook_cells(submission.data)
            except InvalidNotebook as error:
                return Outcome("invalid", str(error))
            try:
                outcome = grader.grade(cells)
            except Exception as error:  # never lose the batch to one submission
                return Outcome("error", f"grading failed: {type(error).__name__}: {error}")
            for question in outcome.questions.values():
                for case in question.cases:
                    text = clean_message(case.message)
                    case.message = "" if case.passed else "\n".join(filter(None, [case.hint, text]))
            return outcome

        return work

    return make


def grade_batch(
    problem_set: str,
    autograder_zip: Path,
    paths: list[Path],
    *,
    jobs: int,
    limits: Limits,
    gradebook_path: Path,
    regrade: bool,
    mapping: dict[str, str],
    progress: bool = True,
) -> BatchSummary:
    summary = BatchSummary(problem_set, warning=isolation_warning())
    if summary.warning:
        print(f"WARNING: {summary.warning}", file=sys.stderr, flush=True)
    gradebook = Gradebook(gradebook_path)
    home = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="mlmath-grade-") as scratch:
        scratch = Path(scratch)
        autograder = PreparedAutograder(autograder_zip, scratch)
        possible = autograder.possible()
        os.chdir(home)
        summary.possible = sum(possible.values())
        gradebook.set_questions(problem_set, possible)
        collection: Collection = collect(paths, problem_set, mapping)
        summary.superseded = [
            f"{old.student}: graded {kept.label}, not the older {old.label}"
            for old, kept in collection.superseded
        ]
        todo = [
            s
            for s in collection.submissions
            if regrade
            or not gradebook.already_graded(s.student, problem_set, s.content_hash, autograder.hash)
        ]
        summary.skipped = len(collection.submissions) - len(todo)
        bar = _progress(len(todo), problem_set, progress)

        def record(index: int, outcome: Outcome):
            submission = todo[index]
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
            )
            summary.graded += 1
            summary.by_status[outcome.status] = summary.by_status.get(outcome.status, 0) + 1
            summary.scores.append(outcome.score)
            bar.update(1)

        run_local(
            todo,
            jobs,
            _worker_factory(autograder, limits, scratch),
            record,
            lambda index, reason: record(index, Outcome("error", reason)),
        )
        bar.close()
        os.chdir(home)
    gradebook.close()
    return summary


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
