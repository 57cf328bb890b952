"""The `mlmath` command."""

import argparse
import os
import sys
from pathlib import Path

from .course import Course
from .errors import MlmathError


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _say(message: str):
    print(message, file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    from .build import build_set

    course = Course(args.course)
    for ps in course.problem_sets(args.sets):
        release = build_set(ps, course.dist)
        _say(
            f"built {ps.name}: {release.student_zip.relative_to(course.root)}, "
            f"{release.autograder_zip.relative_to(course.root)}, "
            f"{release.solution_notebook.relative_to(course.root)}"
        )
    return 0


def cmd_validate(args) -> int:
    from .report import write_reports
    from .validate import validate

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
    from .datasets import manifest, refresh_manifest, verify

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
    os.environ.setdefault("MPLBACKEND", "Agg")
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
