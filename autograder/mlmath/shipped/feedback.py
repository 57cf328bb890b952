"""Check a problem-set notebook against its public tests and say what to fix.

This file ships at the root of every student repository as ``check.py``: the CI
workflow runs it on every push, and students run the very same commands themselves:

    python check.py setup    install the pinned packages (requirements.txt) into this Python
    python check.py          run the notebook and its public checks, report the result

A check writes ``results.json`` (for tools) and ``feedback.md`` (for people); the
Markdown goes to the job summary too when ``$GITHUB_STEP_SUMMARY`` is set.

Exit status: 0 when the notebook runs and every public check passes; 1 when it runs but
a public check fails (an unfinished question included), so the commit's mark is never
green while something is left to fix; 2 when the notebook is missing, is not a notebook,
fails in a cell, or runs out of time: there is nothing meaningful to score until that
is fixed. Hidden tests run only when the instructor grades, and are never in these points.

It needs only the standard library and what otter-grader and ipykernel install
(nbformat, psutil); its problem set is described by ``problemset.json`` beside it.
"""

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = "results.json"
MARKDOWN = "feedback.md"
HIDDEN_NOTE = (
    "These are the **public** checks only. When your notebook is graded, hidden tests run "
    "your functions on inputs you have not seen, and they carry most of the points: "
    "passing every public check is not full marks."
)
EXIT_PASSED, EXIT_FAILING, EXIT_BROKEN = 0, 1, 2


def problem_set() -> dict:
    return json.loads((HERE / "problemset.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- running the notebook


def _first_error(notebook) -> dict | None:
    """The source and the error of the first cell of the executed notebook that raised."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return {
                    "source": cell.source,
                    "error": f"{output.get('ename', 'Error')}: {output.get('evalue', '')}",
                }
    return None


def grade_in_this_process(notebook_path: Path, out: Path):
    """Execute the notebook in a fresh kernel with otter and write plain results to ``out``."""
    import io

    from otter.execute import grade_notebook

    tests = sorted(str(p.relative_to(HERE)) for p in (HERE / "tests").glob("q*.py"))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        results = grade_notebook(str(notebook_path), tests_glob=tests, test_dir="tests")
    questions = {}
    for name, test_file in results.results.items():
        questions[name] = {
            "points": float(test_file.score),
            "possible": float(test_file.possible),
            "failures": [
                {"case": r.test_case.name, "message": _student_message(r.message or "")}
                for r in test_file.test_case_results
                if not r.passed
            ],
        }
    error = _first_error(results.notebook)
    out.write_text(json.dumps({"questions": questions, "error": error}), encoding="utf-8")


def _student_message(message: str) -> str:
    """otter's message for a failed case ends with the assertion the test raised: keep
    that, which is written for students, and drop the traceback through test code."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].startswith("AssertionError"):
            return "\n".join(lines[index:]).removeprefix("AssertionError:").strip()
    return lines[-1].strip() if lines else "failed"


def _cell_number(original, source: str) -> int | None:
    """The cell's number in the student's notebook, counted from 1 (otter adds cells)."""
    for number, cell in enumerate(original.cells, start=1):
        if cell.cell_type == "code" and cell.source.strip() == source.strip():
            return number
    return None


def run_checks(notebook_path: Path, timeout: float) -> tuple[dict, str, str]:
    """(raw results, status, problem), status and problem empty when the notebook ran:
    grading runs in a child process so that a crash, a hang or an ``exit()`` in the
    notebook becomes a message instead of ending this script."""
    with tempfile.TemporaryDirectory(prefix="mlmath-check-") as scratch:
        out = Path(scratch) / "raw.json"
        command = [sys.executable, str(Path(__file__).resolve()), "_grade", str(notebook_path)]
        try:
            returncode, stderr = _run_with_kernel(
                [*command, str(out)], timeout, {**os.environ, "MPLBACKEND": "Agg"}
            )
        except subprocess.TimeoutExpired:
            return (
                {},
                "timeout",
                (
                    f"the notebook did not finish within {timeout:g} seconds: look for a loop that "
                    "never ends, or work that is far slower than it needs to be"
                ),
            )
        if returncode != 0 or not out.exists():
            last = [line for line in stderr.splitlines() if line.strip()][-1:] or ["?"]
            return {}, "error", f"the notebook could not be run: {last[0].strip()}"
        return json.loads(out.read_text(encoding="utf-8")), "", ""


def _run_with_kernel(command, timeout: float, env) -> tuple[int, str]:
    """Run ``command``; on timeout end it and every process it started (the kernel runs in
    a session of its own), so that a notebook stuck in a loop never keeps a core busy."""
    import psutil  # ipykernel's own dependency, so always beside otter

    with subprocess.Popen(
        command, cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    ) as child:
        try:
            _, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            tree = psutil.Process(child.pid)
            for process in [*tree.children(recursive=True), tree]:
                with contextlib.suppress(psutil.Error):
                    process.kill()
            child.communicate()
            raise
    return child.returncode, stderr


# ---------------------------------------------------------------- the report


def check(timeout: float) -> dict:
    """The whole result of one check, as written to results.json."""
    info = problem_set()
    notebook_path = HERE / info["notebook"]
    original, raw, status, problem = None, {}, "", ""
    if not notebook_path.exists():
        status, problem = (
            "missing",
            (
                f"{info['notebook']} is not in the repository: commit the notebook under that "
                "exact name (File > Save, then git add, commit and push)"
            ),
        )
    else:
        original, problem = _read_notebook(notebook_path)
        status = "invalid" if problem else ""
    if not problem:
        raw, status, problem = run_checks(notebook_path, timeout)
    if not problem and raw.get("error"):
        status, problem = "error", _cell_error(original, raw["error"])
    code = [c.source for c in original.cells if c.cell_type == "code"] if original else []
    questions = [
        _question(name, question, raw.get("questions", {}).get(name), code)
        for name, question in info["questions"].items()
    ]
    if not status:
        status = "passed" if all(q["passed"] for q in questions) else "failing"
    report = {
        "problem_set": info["name"],
        "notebook": info["notebook"],
        "status": status,
        "message": problem,
        "public_points": sum(q["points"] for q in questions),
        "public_possible": sum(q["possible"] for q in questions),
        "total_possible": sum(q["total_points"] for q in questions),
        "hidden_tests": "not run: they run when your instructor grades the notebook",
        "questions": questions,
    }
    report["message"] = problem or _verdict(report)
    return report


def _question(name: str, question: dict, result: dict | None, code: list[str]) -> dict:
    """One question's entry; a question that never got checked earns nothing."""
    return {
        "question": name,
        "title": question["title"],
        "points": result["points"] if result else 0.0,
        "possible": result["possible"] if result else float(question["public_points"]),
        "total_points": float(question["points"]),
        "passed": bool(result) and not result["failures"],
        "not_started": _untouched(question.get("stubs", {}), code),
        "failures": result["failures"] if result else [],
    }


def _cell_error(original, error: dict) -> str:
    number = _cell_number(original, error["source"])
    first = (error["source"].strip().splitlines() or [""])[0][:60]
    where = f"cell {number} (`{first}`)" if number else f"the cell `{first}`"
    return (
        f"{where} raised {error['error']}. The cells after it still ran, but fix this "
        "first: the checks below may fail only because of it"
    )


def _untouched(stubs: dict[str, str], code: list[str]) -> list[str]:
    """The names whose stub is still in the notebook exactly as it was handed out."""
    return [name for name, stub in stubs.items() if any(stub.strip() in cell for cell in code)]


def _read_notebook(path: Path):
    import nbformat

    try:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # nbformat raises many unrelated types for a bad file
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return None, (
            f"{path.name} is not a valid notebook ({first[:200]}): open it in Jupyter, "
            "or restore the last good version with git"
        )
    return notebook, ""


def _verdict(report: dict) -> str:
    points = f"{report['public_points']:g} of {report['public_possible']:g} public points"
    if report["status"] == "passed":
        return f"every public check passes ({points})"
    left = sum(not q["passed"] for q in report["questions"])
    unstarted = sum(bool(q["not_started"]) for q in report["questions"])
    later = f", {unstarted} of them not started yet" if unstarted else ""
    return f"{left} question(s) still fail a public check{later} ({points})"


def _result(question: dict) -> str:
    if question["passed"]:
        return "passed"
    if question["not_started"]:
        names = ", ".join(f"`{name}`" for name in question["not_started"])
        return f"not started: {names} still `...`"
    return "not passed"


def exit_status(report: dict) -> int:
    return {"passed": EXIT_PASSED, "failing": EXIT_FAILING}.get(report["status"], EXIT_BROKEN)


def _cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return "<br>".join(line.strip() for line in text.strip().splitlines()) or " "


def markdown(report: dict) -> str:
    mark = {"passed": "✅", "failing": "❌"}.get(report["status"], "⚠️")
    lines = [
        f"## {mark} {report['problem_set']}: {report['message']}",
        "",
        f"> {HIDDEN_NOTE}",
        "",
        "| question | public points | result | what to fix |",
        "|---|---|---|---|",
    ]
    for q in report["questions"]:
        result = _result(q)
        fixes = "<br>".join(f"`{f['case']}`: {_cell(f['message'])}" for f in q["failures"])
        lines.append(
            f"| {q['question']}: {_cell(q['title'])} | {q['points']:g} / {q['possible']:g} "
            f"(of {q['total_points']:g} in all) | {result} | {fixes or ' '} |"
        )
    lines += [
        f"| **total** | **{report['public_points']:g} / {report['public_possible']:g}** "
        f"(of {report['total_possible']:g} in all) | | |",
        "",
    ]
    return "\n".join(lines)


def plain_text(report: dict) -> str:
    lines = [f"{report['problem_set']}: {report['status']}: {report['message']}", ""]
    for q in report["questions"]:
        state = "ok  " if q["passed"] else "FAIL"
        points = f"{q['points']:g}/{q['possible']:g} public points"
        lines.append(f"  {state} {q['question']}  {points}  {_result(q)}")
        for failure in q["failures"]:
            body = failure["message"].strip().replace("\n", "\n         ")
            lines.append(f"         {failure['case']}: {body}")
    lines += ["", HIDDEN_NOTE.replace("**", "")]
    return "\n".join(lines)


def annotations(report: dict) -> list[str]:
    """GitHub Actions workflow commands: one annotation per question that does not pass,
    shown on the run's page and beside the commit."""

    def escape(text: str) -> str:  # the encoding workflow commands require
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = []
    if report["status"] not in ("passed", "failing"):
        lines.append(f"::error title={report['notebook']}::{escape(report['message'])}")
    for q in report["questions"]:
        if q["passed"]:
            continue
        title = f"{q['question']}: {q['points']:g}/{q['possible']:g} public points"
        body = "\n".join(f"{f['case']}: {f['message']}" for f in q["failures"]) or _result(q)
        lines.append(f"::warning title={escape(title)}::{escape(body)}")
    return lines


def write_report(report: dict):
    (HERE / RESULTS).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = markdown(report)
    (HERE / MARKDOWN).write_text(text, encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(plain_text(report))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(annotations(report)))
    print(f"\nwrote {RESULTS} and {MARKDOWN}")


# ---------------------------------------------------------------- the command


def setup() -> int:
    """Install the pinned packages into the Python running this script.

    ``--no-compile``: compiling every installed module costs more than half the time of
    a fresh install, and a check imports only a small part of them."""
    pip = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check"]
    return subprocess.call([*pip, "--no-compile", "-r", str(HERE / "requirements.txt")])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", nargs="?", default="check", choices=["check", "setup"])
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds the notebook may run (default: set's)"
    )
    if argv is None and sys.argv[1:2] == ["_grade"]:  # the child process of run_checks
        grade_in_this_process(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    args = parser.parse_args(argv)
    if args.action == "setup":
        return setup()
    report = check(args.timeout or float(problem_set().get("timeout", 600)))
    write_report(report)
    return exit_status(report)


if __name__ == "__main__":
    sys.exit(main())
