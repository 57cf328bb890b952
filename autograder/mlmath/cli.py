"""The `mlmath` command."""

import argparse
import os
import sys
from pathlib import Path

from .course.sets import Course
from .errors import MlmathError


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


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
    reports = validate(course, names, args.jobs, progress=_say if args.verbose else _quiet)
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


def cmd_grade(args) -> int:
    from .grading.batch import grade_batch
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
    summary = grade_batch(
        ps.name,
        Release.at(course.dist, ps.name).autograder_zip,
        args.submissions,
        jobs=args.jobs,
        limits=limits,
        gradebook_path=args.gradebook,
        regrade=args.regrade,
        mapping=read_mapping(args.map),
        progress=not args.quiet,
    )
    for line in summary.lines():
        print(line)
    return 0


def cmd_export(args) -> int:
    from .grading.exports import export_csv

    count = export_csv(_open_gradebook(args.gradebook), args.problem_set, args.csv)
    print(f"wrote {count} student row(s) to {args.csv}")
    return 0


def cmd_feedback(args) -> int:
    from .grading.exports import write_feedback

    names = write_feedback(_open_gradebook(args.gradebook), args.problem_set, args.out)
    for student, name in sorted(names.items(), key=lambda item: item[1]):
        print(f"{name}\t{student.encode('unicode_escape').decode('ascii')}")
    print(f"wrote {len(names)} feedback file(s) to {args.out}")
    return 0


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
    grade.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(run=cmd_grade)

    export = commands.add_parser("export", help="write the gradebook of a set as CSV")
    export.add_argument("problem_set")
    export.add_argument("--csv", type=Path, required=True)
    export.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    export.set_defaults(run=cmd_export)

    feedback = commands.add_parser("feedback", help="write one Markdown feedback file a student")
    feedback.add_argument("problem_set")
    feedback.add_argument("--out", type=Path, required=True)
    feedback.add_argument("--gradebook", type=Path, default=Path("gradebook.sqlite"))
    feedback.set_defaults(run=cmd_feedback)

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


if __name__ == "__main__":
    sys.exit(main())
