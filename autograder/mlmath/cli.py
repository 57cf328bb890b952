"""The `mlmath` command."""

import argparse
import contextlib
import os
import sys
from pathlib import Path

from .course.sets import Course
from .errors import MlmathError


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


SCHEDULER_HELP = "a Dask scheduler (tcp://HOST:PORT) whose workers run the jobs instead"


def _say(message: str):
    print(message, file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    from .release.build import build_set

    course = Course(args.course)
    for ps in course.problem_sets(args.sets):
        release = build_set(ps, course.dist)
        _say(
            f"built {ps.name}: {release.student_zip.relative_to(course.root)}, "
            f"{release.autograder_zip.relative_to(course.root)}, "
            f"{release.solution_notebook.relative_to(course.root)}, "
            f"{release.classroom_dir.relative_to(course.root)}/"
        )
    return 0


def cmd_validate(args) -> int:
    from .validation.report import write_reports
    from .validation.validate import validate

    course = Course(args.course)
    names = [ps.name for ps in course.problem_sets(args.sets)]  # unknown names fail fast
    with _executor(args) as executor:
        reports = validate(course, names, executor, progress=_say if args.verbose else _quiet)
    json_path, md_path = write_reports(reports, course.dist)
    failed = 0
    for report in reports:
        print(f"{report.name}: {'PASS' if report.ok else 'FAIL'}")
        for check in report.checks:
            for detail in check.details:
                failed += 1
                print(f"  {report.name} / {check.name} / {detail}")
    print(f"report: {md_path.relative_to(course.root)}, {json_path.relative_to(course.root)}")
    return 1 if failed else 0


def _quiet(message: str):
    pass


def cmd_datasets(args) -> int:
    from .course.datasets import manifest, refresh_manifest, verify

    course = Course(args.course)
    if args.refresh:
        refresh_manifest(course)
    problems = verify(course)
    for name, entry in sorted(manifest(course).items()):
        print(
            f"{name:15} {entry['file']:20} {entry['rows']:>5} rows  {entry['columns']:>3} cols  "
            f"{entry['license']}"
        )
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


@contextlib.contextmanager
def _executor(args):
    from .executor import executor_for

    executor = executor_for(args.scheduler, args.jobs)
    try:
        yield executor
    finally:
        getattr(executor, "close", lambda: None)()


def cmd_grade(args) -> int:
    from .grading.batch import grade_batch
    from .grading.roster import read_roster
    from .grading.submissions import read_mapping
    from .release.build import Release
    from .sandbox.isolation import Limits

    course = Course(args.course)
    ps = course.problem_set(args.problem_set)
    limits = Limits(
        timeout=args.timeout,
        memory_mb=args.memory,
        call_seconds=min(args.timeout, Limits.call_seconds),
    )
    with _executor(args) as executor:
        summary = grade_batch(
            ps.name,
            Release.at(course.dist, ps.name).autograder_zip,
            args.submissions,
            executor=executor,
            limits=limits,
            gradebook_path=args.gradebook,
            regrade=args.regrade,
            mapping=read_mapping(args.map),
            roster=read_roster(args.roster),
            progress=not args.quiet,
        )
    for line in summary.lines():
        print(line)
    return 0


def cmd_export(args) -> int:
    from .grading import exports
    from .grading.late import policy_from
    from .grading.roster import read_roster

    gradebook, policy = _open_gradebook(args.gradebook), policy_from(args)
    roster = read_roster(args.roster)
    if args.format == "canvas":
        assignment = args.assignment or args.problem_set
        unmatched = exports.export_canvas(
            gradebook, args.problem_set, args.csv, assignment, policy, roster
        )
        if unmatched:
            _say(f"warning: Canvas cannot match {len(unmatched)} student(s) without a Canvas "
                 f"ID or SIS User ID (give them in --roster): {', '.join(unmatched)}")  # fmt: skip
        print(f"wrote the Canvas gradebook import {args.csv} (column {assignment!r})")
        return 0
    export = exports.export_gradescope if args.format == "gradescope" else exports.export_csv
    count = export(gradebook, args.problem_set, args.csv, policy, roster)
    print(f"wrote {count} student row(s) to {args.csv}")
    return 0


def cmd_feedback(args) -> int:
    from .grading.exports import write_feedback
    from .grading.late import policy_from

    names = write_feedback(
        _open_gradebook(args.gradebook), args.problem_set, args.out, policy_from(args)
    )
    for student, name in sorted(names.items(), key=lambda item: item[1]):
        print(f"{name}\t{student.encode('unicode_escape').decode('ascii')}")
    print(f"wrote {len(names)} feedback file(s) to {args.out}")
    return 0


def cmd_show(args) -> int:
    from .grading.late import policy_from
    from .grading.show import show_student

    gradebook = _open_gradebook(args.gradebook)
    print(show_student(gradebook, args.problem_set, args.student, policy_from(args)))
    return 0


def cmd_report(args) -> int:
    from .reporting.page import write_report

    html, markdown = write_report(_open_gradebook(args.gradebook), args.problem_set, args.out)
    print(f"wrote {html} and {markdown}")
    return 0


def _late_options(command):
    command.add_argument(
        "--deadline", default=None,
        help="ISO 8601 deadline, e.g. 2026-12-01T23:59:00+01:00 (UTC without an offset)",
    )  # fmt: skip
    command.add_argument(
        "--per-day", type=float, default=0.0,
        help="percent of the possible points taken off per started day late",
    )  # fmt: skip
    command.add_argument(
        "--grace", default=None, help="time after the deadline that is not late: 15m, 2h, 1d"
    )


def _open_gradebook(path: Path):
    from .grading.gradebook import Gradebook

    if not path.exists():
        raise MlmathError(f"no gradebook at {path}")
    return Gradebook(path)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="mlmath", description="Build, validate and grade the mlmath course."
    )
    top.add_argument(
        "--course",
        type=Path,
        default=None,
        help="course folder (default: $MLMATH_COURSE, else this checkout)",
    )
    commands = top.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build student, autograder and solution releases")
    build.add_argument("sets", nargs="*", help="problem sets (default: all)")
    build.set_defaults(run=cmd_build)

    check = commands.add_parser("validate", help="build, then prove each set grades correctly")
    check.add_argument("sets", nargs="*", help="problem sets (default: all)")
    check.add_argument("--jobs", type=int, default=_cores(), help="parallel workers")
    check.add_argument("--scheduler", help=SCHEDULER_HELP + " (sharing this checkout's path)")
    check.add_argument("-v", "--verbose", action="store_true", help="print progress")
    check.set_defaults(run=cmd_validate)

    grade = commands.add_parser("grade", help="grade submissions into the gradebook")
    grade.add_argument("problem_set")
    grade.add_argument(
        "submissions",
        nargs="+",
        type=Path,
        help="notebooks, folders and zip files (LMS or Gradescope exports)",
    )
    grade.add_argument("--jobs", type=int, default=_cores(), help="submissions graded at once")
    grade.add_argument("--scheduler", help=SCHEDULER_HELP)
    grade.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds of wall clock per submission (default 60)",
    )
    grade.add_argument("--memory", type=int, default=1024, help="MB per submission (default 1024)")
    grade.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    grade.add_argument(
        "--regrade", action="store_true", help="grade again submissions the gradebook already holds"
    )
    grade.add_argument(
        "--map",
        type=Path,
        default=None,
        help="CSV with columns submission,student that overrides student ids",
    )
    grade.add_argument(
        "--roster", type=Path, default=None,
        help="CSV of student,name,email,sis_id,lms_id,section: who each id is",
    )  # fmt: skip
    grade.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(run=cmd_grade)

    export = commands.add_parser("export", help="write the gradebook of a set as CSV")
    export.add_argument("problem_set")
    export.add_argument("--csv", type=Path, required=True, help="the file to write")
    export.add_argument(
        "--format", choices=("csv", "canvas", "gradescope"), default="csv",
        help="csv (every detail), canvas (a Canvas gradebook import), gradescope",
    )  # fmt: skip
    export.add_argument(
        "--assignment", default=None,
        help="the Canvas assignment column, e.g. 'PS01 Algebra (123456)' (default: the set)",
    )  # fmt: skip
    export.add_argument("--roster", type=Path, default=None, help="names and ids (see grade)")
    export.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    _late_options(export)
    export.set_defaults(run=cmd_export)

    feedback = commands.add_parser("feedback", help="write one Markdown feedback file a student")
    feedback.add_argument("problem_set")
    feedback.add_argument("--out", type=Path, required=True)
    feedback.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    _late_options(feedback)
    feedback.set_defaults(run=cmd_feedback)

    show = commands.add_parser("show", help="one student's questions, points and failures")
    show.add_argument("problem_set")
    show.add_argument("student", help="an id, name, email, SIS or LMS id")
    show.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    _late_options(show)
    show.set_defaults(run=cmd_show)

    report = commands.add_parser("report", help="an HTML and Markdown report on a set's grades")
    report.add_argument("problem_set")
    report.add_argument("--out", type=Path, required=True, help="folder for report.html/.md")
    report.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    report.set_defaults(run=cmd_report)

    data = commands.add_parser("datasets", help="list the shipped datasets and verify checksums")
    data.add_argument(
        "--refresh",
        action="store_true",
        help="recompute checksums and sizes in datasets/manifest.json",
    )
    data.set_defaults(run=cmd_datasets)
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    # kernels and tools (jupyter, otter) are found beside this Python, venv or not
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    try:
        return args.run(args)
    except MlmathError as error:
        print(f"mlmath: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mlmath: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `mlmath show ... | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
