"""Grade with otter's own test-running code: a notebook through `otter run`'s path, or a
Python namespace directly through otter's test-file classes (no kernel)."""

import contextlib
import io
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class CaseResult:
    name: str
    hidden: bool
    points: float
    passed: bool
    message: str
    hint: str = ""  # the test's failure_message, written for students


@dataclass
class QuestionResult:
    name: str
    score: float
    possible: float
    cases: list[CaseResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def full(self) -> bool:
        return abs(self.score - self.possible) < 1e-9

    def failures(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.passed]


def summarize(test_files) -> dict[str, QuestionResult]:
    """Plain results from otter TestFile objects (picklable, comparable)."""
    summary = {}
    for name, test_file in test_files.items():
        cases = [
            CaseResult(
                r.test_case.name,
                bool(r.test_case.hidden),
                float(r.test_case.points),
                bool(r.passed),
                r.message or "",
            )
            for r in test_file.test_case_results
        ]
        summary[name] = QuestionResult(
            name, float(test_file.score), float(test_file.possible), cases
        )
    return summary


def grade_notebook_with_otter(notebook: Path, autograder_zip: Path) -> dict[str, QuestionResult]:
    """Stock otter grading (`otter run`'s code path): a kernel executes the notebook."""
    from otter.api import grade_submission

    with contextlib.redirect_stderr(io.StringIO()):
        results = grade_submission(str(notebook), str(autograder_zip), quiet=True)
    return summarize(results.results)


def grade_script(
    script: str, test_paths: list[Path], support_dir: Path
) -> dict[str, QuestionResult]:
    """Run ``script`` as a module, then each test file against its globals (no kernel).

    ``support_dir`` holds mlmath_checks.py and data/, as beside a student's notebook.
    """
    return grade_script_over_seeds(script, test_paths, support_dir, [0])[0]


def grade_script_over_seeds(
    script: str, test_paths: list[Path], support_dir: Path, shifts: list[int]
) -> dict[int, dict[str, QuestionResult]]:
    """``grade_script`` once, then the tests once per seed shift (mlmath_checks.SEED_SHIFT)."""
    from otter.test_files import ExceptionTestFile

    os.chdir(support_dir)
    sys.path.insert(0, str(support_dir))
    os.environ.setdefault("MPLBACKEND", "Agg")
    import mlmath_checks

    namespace = {"__name__": "__main__"}
    by_shift = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(script, "<reference>", "exec"), namespace)
        for shift in shifts:
            mlmath_checks.SEED_SHIFT = shift
            test_files, seconds = {}, {}
            for path in test_paths:
                # CPU time: what the tests cost, whatever else the machine is doing
                started = time.process_time()
                test_file = ExceptionTestFile.from_file(str(path))
                test_file.run(namespace)
                seconds[test_file.name] = time.process_time() - started
                test_files[test_file.name] = test_file
            summary = summarize(test_files)
            for name, result in summary.items():
                result.seconds = seconds[name]
            by_shift[shift] = summary
    mlmath_checks.SEED_SHIFT = 0
    return by_shift
