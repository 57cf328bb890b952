"""Prove that a problem set grades the way it should.

For each set: the solution scores full marks and the blank notebook zero (both through
otter's own kernel path), the blank notebook runs cleanly for a student, every wrong
variant loses points on its question and every correct one scores full marks (through
otter's test-file code, without a kernel), and nothing secret reaches students.
"""

import re
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from ..adapters.jupyter import cell_text, execute_notebook
from ..adapters.otter import grade_notebook_with_otter, grade_script, grade_script_over_seeds
from ..course.content import SetContent
from ..course.sets import Course, ProblemSet
from ..course.testfiles import forbidden_names
from ..errors import MlmathError
from ..executor import Executor
from ..executor import Finished as Outcome
from ..executor.calls import run_calls
from ..release.build import Release, build_set, write_files
from ..release.leaks import scan
from ..release.zips import folder_entries

MAX_PUBLIC_SHARE = 1 / 3
MIN_WRONG_VARIANTS = 2
MAX_SECONDS_PER_QUESTION = 1.0
KERNEL_TIMEOUT = 300
VARIANT_TIMEOUT = 60
# random questions: every variant is graded again under this many other seeds
SEED_SHIFTS = list(range(1, 21))


@dataclass
class Check:
    name: str
    ok: bool
    details: list[str] = field(default_factory=list)


@dataclass
class QuestionReport:
    name: str
    title: str
    points: float
    public_cases: int
    hidden_cases: int
    public_points: float
    wrong_caught: int = 0
    wrong_total: int = 0
    correct_accepted: int = 0
    correct_total: int = 0
    seconds: float = 0.0


@dataclass
class SetReport:
    name: str
    title: str = ""
    questions: list[QuestionReport] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0
    # per question, as otter's own kernel path scored the solution and the blank notebook:
    # what `mlmath grade` must reproduce (the course tests compare with these)
    otter_scores: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def check(self, name: str, problems: list[str]):
        self.checks.append(Check(name, not problems, problems))

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


# ---- jobs (run in forked workers) -----------------------------------------------------


def _build_job(root: str, name: str, dist: str) -> Release:
    course = Course(Path(root))
    return build_set(course.problem_set(name), Path(dist))


def _student_run_job(release: Release) -> list[tuple[int, str, bool]]:
    """Run the blank student notebook as a student would; (cell, printed text, error?)."""
    with tempfile.TemporaryDirectory(prefix="mlmath-blank-") as scratch:
        write_files(Path(scratch), folder_entries(release.student_dir))
        notebook = nbformat.read(release.student_dir / f"{release.name}.ipynb", as_version=4)
        try:
            execute_notebook(
                notebook,
                Path(scratch),
                f"{release.name} blank student notebook",
                timeout=KERNEL_TIMEOUT,
            )
        except MlmathError as error:
            return [(-1, str(error), True)]
    return [
        (index, cell_text(cell), False)
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and "grader.check(" in cell.source
    ]


def _otter_job(notebook: Path, autograder_zip: Path):
    return grade_notebook_with_otter(notebook, autograder_zip)


def _script_job(script: str, test_paths: list[Path], support_dir: Path):
    return grade_script(script, test_paths, support_dir)


def _seeds_job(script: str, test_paths: list[Path], support_dir: Path):
    return grade_script_over_seeds(script, test_paths, support_dir, SEED_SHIFTS)


# ---- checks (in the parent) -------------------------------------------------------------


def _check_cells(content: SetContent) -> set[str]:
    """The questions the notebook checks: grader.check("qN") calls in its code cells."""
    found = set()
    for cell in content.notebook.cells:
        if cell.cell_type == "code":
            found.update(re.findall(r"grader\.check\(\s*[\"'](q\d+)[\"']\s*\)", cell.source))
    return found


def _structure_problems(content: SetContent) -> list[str]:
    problems = []
    checked = _check_cells(content)
    support = {path.stem: path.read_text() for path in content.ps.support_modules}
    for info, question in zip(content.tests, content.ps.questions, strict=True):
        if question.name not in checked:
            problems.append(
                f'{question.name}: the notebook has no grader.check("{question.name}") cell'
            )
        try:
            forbidden_names(info.source, str(info.path), support)
        except MlmathError as error:
            problems.append(str(error))
        if not any(c.hidden for c in info.cases):
            problems.append(f"{info.name}: no hidden test case")
        if info.public_points > MAX_PUBLIC_SHARE * info.points + 1e-9:
            problems.append(
                f"{info.name}: public cases carry {info.public_points:g} of "
                f"{info.points:g} points (at most a third)"
            )
        wrong = [v for v in content.variants if v.question == question.name and v.kind == "wrong"]
        if len(wrong) < MIN_WRONG_VARIANTS:
            problems.append(
                f"{info.name}: {len(wrong)} wrong variant(s), at least {MIN_WRONG_VARIANTS} needed"
            )
    return problems


def _score_problems(label: str, outcome: Outcome, expect_full: bool) -> list[str]:
    if not outcome.ok:
        return [f"{label}: could not be graded: {outcome.error}"]
    problems = []
    for name, result in outcome.value.items():
        if expect_full and not result.full:
            reasons = "; ".join(_first_line(c.message) for c in result.failures())
            problems.append(
                f"{name}: {label} scored {result.score:g}/{result.possible:g}: {reasons}"
            )
        if not expect_full and result.score > 0:
            problems.append(
                f"{name}: {label} scored {result.score:g}/{result.possible:g}, expected 0"
            )
    return problems


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    errors = [line for line in lines if "Error:" in line]
    return (errors or lines or [""])[-1]


def _blank_message_problems(outcome: Outcome) -> list[str]:
    """A blank notebook must fail through assertions, never a crash inside test code."""
    if not outcome.ok:
        return []
    problems = []
    for name, result in outcome.value.items():
        for case in result.failures():
            if "AssertionError" not in case.message:
                problems.append(
                    f"{name} `{case.name}`: on the blank notebook the test crashed "
                    f"instead of failing clearly: {_first_line(case.message)}"
                )
    return problems


def _student_run_problems(outcome: Outcome) -> list[str]:
    if not outcome.ok:
        return [f"blank notebook run: {outcome.error}"]
    problems = []
    for cell, text, error in outcome.value:
        if error:
            problems.append(text)
        elif "Traceback" in text:
            problems.append(f"cell {cell}: grader.check printed a traceback")
        elif "failed" not in text.lower():
            problems.append(
                f"cell {cell}: grader.check did not report a failure on the blank notebook"
            )
    return problems


def _agreement_problems(fast: Outcome, otter: Outcome) -> list[str]:
    if not (fast.ok and otter.ok):
        return []
    return [
        f"{name}: reference scores {fast.value[name].score:g} without a kernel but "
        f"{result.score:g} through otter"
        for name, result in otter.value.items()
        if name in fast.value and abs(fast.value[name].score - result.score) > 1e-9
    ]


def _variant_problems(content: SetContent, outcomes, report: SetReport) -> list[str]:
    by_name = {q.name: q for q in report.questions}
    problems = []
    for index, variant in enumerate(content.variants):
        outcome = outcomes[("variant", content.ps.name, index)]
        question = by_name[variant.question]
        if variant.kind == "wrong":
            question.wrong_total += 1
            # a variant that crashes or hangs as a whole would earn nothing: caught
            if not outcome.ok or not outcome.value[variant.question].full:
                question.wrong_caught += 1
            else:
                problems.append(f"{variant.label}: a wrong variant scores full marks")
        else:
            question.correct_total += 1
            lost = [] if not outcome.ok else [n for n, r in outcome.value.items() if not r.full]
            if outcome.ok and not lost:
                question.correct_accepted += 1
            else:
                why = (
                    outcome.error
                    if not outcome.ok
                    else "; ".join(
                        f"{n}: " + _first_line(outcome.value[n].failures()[0].message) for n in lost
                    )
                )
                problems.append(f"{variant.label}: a correct variant loses points ({why})")
    return problems


# ---- driver -----------------------------------------------------------------------------


def validate(
    course: Course, names: list[str] | None, executor: Executor, progress=lambda message: None
) -> list[SetReport]:
    sets = course.problem_sets(names)
    started = time.monotonic()
    reports = {ps.name: SetReport(ps.name) for ps in sets}
    contents: dict[str, SetContent] = {}
    for ps in sets:
        try:
            contents[ps.name] = _load(ps, reports[ps.name])
        except MlmathError as error:
            reports[ps.name].check("structure", [str(error)])

    builds = run_calls(
        {name: (_build_job, (str(course.root), name, str(course.dist))) for name in contents},
        executor,
        KERNEL_TIMEOUT,
        lambda key, o: progress(f"built {key}" if o.ok else o.error),
    )
    jobs = {}
    for name, outcome in builds.items():
        reports[name].check("build", [] if outcome.ok else [outcome.error])
        if outcome.ok:
            jobs.update(_grading_jobs(contents[name], outcome.value))
    _preload_scientific_stack()
    outcomes = run_calls(
        jobs,
        executor,
        KERNEL_TIMEOUT,
        lambda key, o: progress(f"graded {' '.join(map(str, key))}"),
        preload=SCIENTIFIC_STACK,
    )
    for name, outcome in builds.items():
        if outcome.ok:
            _judge(contents[name], outcome.value, outcomes, reports[name], course.root)
    total = time.monotonic() - started
    for report in reports.values():
        report.seconds = round(total, 2)
    return list(reports.values())


def _preload_scientific_stack():
    """Import once what every reference script imports: forked grading jobs inherit it
    instead of each paying the import (hundreds of variants)."""
    import matplotlib

    matplotlib.use("Agg")
    for name in SCIENTIFIC_STACK:
        __import__(name)


SCIENTIFIC_STACK = (
    "numpy",
    "scipy.linalg",
    "scipy.special",
    "scipy.stats",
    "pandas",
    "matplotlib.pyplot",
)


def _load(ps: ProblemSet, report: SetReport) -> SetContent:
    content = SetContent(ps)
    report.title = ps.title
    for info, question in zip(content.tests, ps.questions, strict=True):
        report.questions.append(
            QuestionReport(
                question.name,
                question.title,
                question.points,
                sum(not c.hidden for c in info.cases),
                sum(c.hidden for c in info.cases),
                info.public_points,
            )
        )
    report.check("structure", _structure_problems(content))
    return content


def _grading_jobs(content: SetContent, release: Release) -> dict:
    name = content.ps.name
    tests = [info.path for info in content.tests]
    jobs = {
        ("otter", name, "solution"): (
            _otter_job,
            (release.solution_notebook, release.autograder_zip),
        ),
        ("otter", name, "blank"): (
            _otter_job,
            (release.student_dir / f"{name}.ipynb", release.autograder_zip),
        ),
        ("student-run", name): (_student_run_job, (release,)),
        ("reference", name): (_script_job, (content.script(), tests, release.student_dir)),
    }
    random = [info.path for info in content.tests if info.random]
    if random:
        jobs[("seeds", name, "reference")] = (
            _seeds_job,
            (content.script(), random, release.student_dir),
        )
    for index, variant in enumerate(content.variants):
        # a wrong variant must lose points on its own question; a correct one must keep
        # full marks everywhere, since other answers may build on it
        own = [info.path for info in content.tests if info.name == variant.question]
        jobs[("variant", name, index)] = (
            _script_job,
            (
                content.script(variant),
                own if variant.kind == "wrong" else tests,
                release.student_dir,
            ),
        )
        replay = own if variant.kind == "wrong" else random
        if any(info.random and info.path in replay for info in content.tests):
            jobs[("seeds", name, index)] = (
                _seeds_job,
                (content.script(variant), replay, release.student_dir),
            )
    return jobs


def _seed_problems(content: SetContent, outcomes) -> list[str]:
    """Random questions: the reference and every correct variant keep full marks under
    every seed, and every wrong variant is caught under every seed."""
    name = content.ps.name
    labelled = [("reference", "the reference", "correct")] + [
        (index, variant.label, variant.kind) for index, variant in enumerate(content.variants)
    ]
    problems = []
    for key, label, kind in labelled:
        outcome = outcomes.get(("seeds", name, key))
        if outcome is None:
            continue
        if not outcome.ok:
            if kind == "correct":
                problems.append(f"{label}: could not be graded under other seeds: {outcome.error}")
            continue
        for shift, results in outcome.value.items():
            if kind == "wrong":
                question = content.variants[key].question
                if results[question].full:
                    problems.append(
                        f"{label}: a wrong variant scores full marks under seed shift {shift}"
                    )
            else:
                lost = [n for n, r in results.items() if not r.full]
                if lost:
                    first = results[lost[0]].failures()[0].message
                    problems.append(
                        f"{label}: loses points under seed shift {shift} "
                        f"({', '.join(lost)}: {_first_line(first)})"
                    )
    return problems


def _judge(content: SetContent, release: Release, outcomes, report: SetReport, root: Path):
    name = content.ps.name
    solution, blank = outcomes[("otter", name, "solution")], outcomes[("otter", name, "blank")]
    reference = outcomes[("reference", name)]
    report.otter_scores = {
        which: {q: result.score for q, result in outcome.value.items()}
        for which, outcome in (("solution", solution), ("blank", blank))
        if outcome.ok
    }
    report.check("solution scores full marks (otter)", _score_problems("solution", solution, True))
    report.check("blank notebook scores zero (otter)", _score_problems("blank", blank, False))
    report.check("blank notebook fails clearly", _blank_message_problems(blank))
    report.check(
        "blank notebook runs for a student", _student_run_problems(outcomes[("student-run", name)])
    )
    report.check(
        "reference agrees without a kernel",
        _score_problems("reference", reference, True) + _agreement_problems(reference, solution),
    )
    slow = []
    if reference.ok:
        for question in report.questions:
            question.seconds = round(reference.value[question.name].seconds, 3)
            if question.seconds > MAX_SECONDS_PER_QUESTION:
                slow.append(
                    f"{question.name}: the reference takes {question.seconds:.2f} s to test"
                )
    report.check(f"each question tests in under {MAX_SECONDS_PER_QUESTION:g} s of CPU", slow)
    report.check(
        "variants: wrong ones caught, correct ones accepted",
        _variant_problems(content, outcomes, report),
    )
    report.check(
        f"random questions: variants judged the same under {len(SEED_SHIFTS)} more seeds",
        _seed_problems(content, outcomes),
    )
    report.check(
        "no leaks into student artifacts",
        scan(content, release.student_artifacts(), root),
    )
