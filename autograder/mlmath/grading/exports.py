"""What instructors take out of the gradebook: a CSV of grades, Markdown feedback.

Student text (ids, reasons, failure messages) is untrusted: CSV cells that a spreadsheet
would run as a formula are neutralized, feedback file names are bounded and never
collide (the mapping is returned), and Markdown is escaped.
"""

import csv
import hashlib
import re
from pathlib import Path

from ..errors import MlmathError
from .gradebook import Gradebook


def _per_question(gradebook: Gradebook, submission_id: int) -> dict[str, float]:
    points: dict[str, float] = {}
    for row in gradebook.results(submission_id):
        points[row["question"]] = points.get(row["question"], 0.0) + row["points"]
    return points


def _require(gradebook: Gradebook, problem_set: str):
    questions = gradebook.questions(problem_set)
    rows = gradebook.current(problem_set)
    if not questions or not rows:
        raise MlmathError(f"the gradebook {gradebook.path} has no grades for {problem_set}")
    return questions, rows


def export_csv(gradebook: Gradebook, problem_set: str, target: Path) -> int:
    """One row per student: per-question points, total, percentage, status."""
    questions, rows = _require(gradebook, problem_set)
    names = [q for q, _ in questions]
    possible = sum(p for _, p in questions)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "student",
                *names,
                "total",
                "possible",
                "percentage",
                "status",
                "reason",
                "submission",
                "submitted_at",
            ]
        )
        for row in rows:
            points = _per_question(gradebook, row["id"])
            total = sum(points.values())
            writer.writerow([
                cell(row["student"]), *(f"{points.get(q, 0.0):g}" for q in names), f"{total:g}",
                f"{possible:g}", f"{100 * total / possible:.1f}" if possible else "0.0",
                row["status"], cell(row["reason"]), cell(row["source"]), row["submitted_at"],
            ])  # fmt: skip
    return len(rows)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_NAME = 80


def cell(text) -> str:
    """A CSV cell no spreadsheet runs as a formula: a leading ' makes it plain text."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def feedback_names(students: list[str]) -> dict[str, str]:
    """A file name for each student: readable, at most MAX_NAME characters, unique (two ids
    that read alike get a short hash of the id each)."""
    readable = {s: (re.sub(r"[^A-Za-z0-9._-]+", "_", s).strip("._-") or "student")[:MAX_NAME]
                for s in students}  # fmt: skip
    counts: dict[str, int] = {}
    for name in readable.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    names = {}
    for student, name in readable.items():
        if counts[name.lower()] > 1 or name != student:
            digest = hashlib.sha256(student.encode("utf-8", "backslashreplace")).hexdigest()[:10]
            name = f"{name[: MAX_NAME - 11]}-{digest}"
        names[student] = f"{name}.md"
    return names


def escape_markdown(text) -> str:
    """Student text shown as text in Markdown: no HTML, no emphasis, code, links or
    tables, and no line that starts a heading, a list or a quote."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)
    return re.sub(r"(?m)^(\s*)([#+=-]|\d+[.)])", r"\1\\\2", text)


def write_feedback(gradebook: Gradebook, problem_set: str, folder: Path) -> dict[str, str]:
    """One Markdown file per student: points per question, and why each failed case failed.

    Failure messages are the ones written for students; the source of hidden tests and
    their expected values never reach the gradebook, so they cannot reach this file.
    """
    questions, rows = _require(gradebook, problem_set)
    folder.mkdir(parents=True, exist_ok=True)
    possible = sum(p for _, p in questions)
    names = feedback_names([row["student"] for row in rows])
    for row in rows:
        results = gradebook.results(row["id"])
        total = sum(r["points"] for r in results)
        lines = [
            f"# {problem_set}: feedback for {escape_markdown(row['student'])}",
            "",
            f"Score: **{total:g} / {possible:g}**",
            "",
        ]
        if row["status"] != "graded":
            lines += [f"Status: **{row['status']}**: {escape_markdown(row['reason'])}", ""]
        lines += ["| question | points |", "|---|---|"]
        for question, question_possible in questions:
            earned = sum(r["points"] for r in results if r["question"] == question)
            lines.append(f"| {question} | {earned:g} / {question_possible:g} |")
        lines.append("")
        for question, _ in questions:
            failed = [r for r in results if r["question"] == question and not r["passed"]]
            if not failed:
                continue
            lines += [f"## {question}", ""]
            for result in failed:
                kind = "hidden test" if result["hidden"] else "public test"
                message = escape_markdown(result["message"].strip() or "failed")
                lines.append(
                    f"- {kind} {escape_markdown(result['test_case'])} "
                    f"({points_text(result['possible'])}): " + message.replace("\n", "\n  ")
                )
            lines.append("")
        (folder / names[row["student"]]).write_text("\n".join(lines))
    return names


def points_text(points: float) -> str:
    return f"{points:g} point" + ("" if points == 1 else "s")
