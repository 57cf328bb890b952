"""What instructors take out of the gradebook: a CSV of grades, Markdown feedback."""

import csv
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
                row["student"], *(f"{points.get(q, 0.0):g}" for q in names), f"{total:g}",
                f"{possible:g}", f"{100 * total / possible:.1f}" if possible else "0.0",
                row["status"], row["reason"], row["source"], row["submitted_at"],
            ])  # fmt: skip
    return len(rows)


def _safe_name(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", student).strip("._") or "student"


def write_feedback(gradebook: Gradebook, problem_set: str, folder: Path) -> int:
    """One Markdown file per student: points per question, and why each failed case failed.

    Failure messages are the ones written for students; the source of hidden tests and
    their expected values never reach the gradebook, so they cannot reach this file.
    """
    questions, rows = _require(gradebook, problem_set)
    folder.mkdir(parents=True, exist_ok=True)
    possible = sum(p for _, p in questions)
    for row in rows:
        results = gradebook.results(row["id"])
        total = sum(r["points"] for r in results)
        lines = [
            f"# {problem_set}: feedback for {row['student']}",
            "",
            f"Score: **{total:g} / {possible:g}**",
            "",
        ]
        if row["status"] != "graded":
            lines += [f"Status: **{row['status']}**: {row['reason']}", ""]
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
                message = result["message"].strip() or "failed"
                lines.append(
                    f"- {kind} `{result['test_case']}` ({result['possible']:g} points): "
                    + message.replace("\n", "\n  ")
                )
            lines.append("")
        (folder / f"{_safe_name(row['student'])}.md").write_text("\n".join(lines))
    return len(rows)
