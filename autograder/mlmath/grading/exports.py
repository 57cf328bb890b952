"""What instructors take out of the gradebook: grades as CSV (plain, a Canvas gradebook
import, Gradescope's columns) and Markdown feedback, with an optional late policy.

Student text (ids, reasons, failure messages) is untrusted: CSV cells that a spreadsheet
would run as a formula are neutralized, feedback file names are bounded and never
collide (the mapping is returned), and Markdown is escaped.
"""

import contextlib
import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import MlmathError
from .gradebook import STUDENT_FIELDS, Gradebook
from .late import Lateness, LatePolicy, lateness_text
from .roster import Roster


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


@dataclass
class StudentGrade:
    """One student's grade for a set, as every export and view shows it."""

    student: str
    who: dict  # name, email, sis_id, lms_id, section (empty strings when unknown)
    row: dict | None  # the gradebook's current submission; None: no submission
    points: dict[str, float]
    possible: float
    lateness: Lateness | None = None

    @property
    def total(self) -> float:
        return sum(self.points.values())

    @property
    def final(self) -> float:
        return self.lateness.final if self.lateness else self.total


def grades(
    gradebook: Gradebook,
    problem_set: str,
    policy: LatePolicy | None = None,
    roster: Roster | None = None,
) -> tuple[list[tuple[str, float]], list[StudentGrade]]:
    """The questions, and each student's grade (roster students without a submission
    last, with no points)."""
    questions, rows = _require(gradebook, problem_set)
    possible = sum(p for _, p in questions)
    known = gradebook.students()
    result = []
    for row in rows:
        who = {f: "" for f in STUDENT_FIELDS} | known.get(row["student"], {})
        grade = StudentGrade(row["student"], who, row, _per_question(gradebook, row["id"]),
                             possible)  # fmt: skip
        if policy is not None:
            grade.lateness = policy.assess(row["submitted_at"], row["late"], grade.total, possible)
        result.append(grade)
    if roster is not None:
        graded = {g.student for g in result}
        for person in roster.people:
            if person.student not in graded:
                who = {f: getattr(person, f) for f in STUDENT_FIELDS}
                result.append(StudentGrade(person.student, who, None, {}, possible))
        for grade in result:  # the roster's word on who a student is wins
            person = roster.by_id.get(grade.student.lower())
            if person is not None:
                grade.who |= {f: getattr(person, f) for f in STUDENT_FIELDS if getattr(person, f)}
    return questions, result


def _late_cells(grade: StudentGrade) -> list[str]:
    late = grade.lateness
    if late is None:
        return []
    return [str(late.days), f"{late.penalty:g}", f"{late.final:g}"]


def export_csv(
    gradebook: Gradebook,
    problem_set: str,
    target: Path,
    policy: LatePolicy | None = None,
    roster: Roster | None = None,
) -> int:
    """One row per student: per-question points, total, percentage, status (and, with a
    late policy, days late, the penalty and the final score)."""
    questions, rows = grades(gradebook, problem_set, policy, roster)
    names = [q for q, _ in questions]
    header = ["student", *names, "total", "possible", "percentage", "status", "reason",
              "submission", "submitted_at"]  # fmt: skip
    if policy is not None:
        header += ["days_late", "late_penalty", "final"]
    with _writer(target) as writer:
        writer.writerow(header)
        for grade in rows:
            row = grade.row or {"status": "missing", "reason": "no submission", "source": "",
                                "submitted_at": ""}  # fmt: skip
            writer.writerow([
                cell(grade.student), *(f"{grade.points.get(q, 0.0):g}" for q in names),
                f"{grade.total:g}", f"{grade.possible:g}", _percent(grade.total, grade.possible),
                row["status"], cell(row["reason"]), cell(row["source"]), row["submitted_at"],
                *(_late_cells(grade) if grade.row else ["", "", ""] if policy else []),
            ])  # fmt: skip
    return len(rows)


def export_canvas(
    gradebook: Gradebook,
    problem_set: str,
    target: Path,
    assignment: str,
    policy: LatePolicy | None = None,
    roster: Roster | None = None,
) -> list[str]:
    """A Canvas gradebook import file: Canvas's identity columns (`Student`, `ID`,
    `SIS User ID`, `SIS Login ID`, `Section`), a `Points Possible` row, and one column
    for the assignment, holding the score after any late penalty. Canvas matches rows
    by `ID` (its user id) or `SIS User ID`: the students it could not match are returned."""
    _questions, rows = grades(gradebook, problem_set, policy, roster)
    unmatched = []
    with _writer(target) as writer:
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment])
        writer.writerow(["Points Possible", "", "", "", "", f"{rows[0].possible:g}"])
        for grade in rows:
            who = grade.who
            if not (who["lms_id"] or who["sis_id"]):
                unmatched.append(grade.student)
            writer.writerow([
                cell(who["name"] or grade.student), cell(who["lms_id"]), cell(who["sis_id"]),
                "", cell(who["section"]), f"{grade.final:g}" if grade.row else "",
            ])  # fmt: skip
    return unmatched


def export_gradescope(
    gradebook: Gradebook,
    problem_set: str,
    target: Path,
    policy: LatePolicy | None = None,
    roster: Roster | None = None,
) -> int:
    """The columns of Gradescope's own grade download: `Name`, `SID`, `Email`, `Total
    Score` (after any late penalty), `Max Points`, `Status`, `Submission Time`,
    `Lateness (H:M:S)`, then one `qN (P pts)` column per question."""
    questions, rows = grades(gradebook, problem_set, policy, roster)
    header = ["Name", "SID", "Email", "Total Score", "Max Points", "Status", "Submission Time",
              "Lateness (H:M:S)", "Late Penalty", "Notes",
              *(f"{q} ({p:.1f} pts)" for q, p in questions)]  # fmt: skip
    with _writer(target) as writer:
        writer.writerow(header)
        for grade in rows:
            who, row, late = grade.who, grade.row, grade.lateness
            writer.writerow([
                cell(who["name"] or grade.student), cell(who["sis_id"] or grade.student),
                cell(who["email"]), f"{grade.final:g}" if row else "", f"{grade.possible:g}",
                ("Graded" if row["status"] == "graded" else row["status"].title()) if row
                else "Missing", row["submitted_at"] if row else "",
                lateness_text(late.seconds) if late else "", f"{late.penalty:g}" if late else "",
                cell(row["reason"]) if row else "",
                *(f"{grade.points.get(q, 0.0):g}" if row else "" for q, _ in questions),
            ])  # fmt: skip
    return len(rows)


@contextlib.contextmanager
def _writer(target: Path):
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="") as handle:
        yield csv.writer(handle)


def _percent(total: float, possible: float) -> str:
    return f"{100 * total / possible:.1f}" if possible else "0.0"


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


def write_feedback(
    gradebook: Gradebook, problem_set: str, folder: Path, policy: LatePolicy | None = None
) -> dict[str, str]:
    """One Markdown file per student: points per question, and why each failed case failed.

    Failure messages are the ones written for students; the source of hidden tests and
    their expected values never reach the gradebook, so they cannot reach this file.
    """
    questions, student_grades = grades(gradebook, problem_set, policy)
    folder.mkdir(parents=True, exist_ok=True)
    possible = student_grades[0].possible
    names = feedback_names([grade.student for grade in student_grades])
    for grade in student_grades:
        row = grade.row
        results = gradebook.results(row["id"])
        lines = [
            f"# {problem_set}: feedback for {escape_markdown(row['student'])}",
            "",
            f"Score: **{grade.total:g} / {possible:g}**",
            "",
        ]
        if grade.lateness is not None:
            lines += [late_line(grade.lateness, policy), ""]
        if row["status"] != "graded":
            lines += [f"Status: **{row['status']}**: {escape_markdown(row['reason'])}", ""]
        elif row["reason"]:
            lines += [f"Note: {escape_markdown(row['reason'])}", ""]
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


def late_line(late: Lateness, policy: LatePolicy) -> str:
    """What the late policy did, in words (feedback and `mlmath show`)."""
    if late.days == 0:
        return "Submitted on time."
    return (
        f"Late by {late.days} day(s) (deadline {policy.deadline.isoformat()}): "
        f"{policy.per_day:g}% a day, {late.penalty:g} point(s) off; final score {late.final:g}."
    )


def points_text(points: float) -> str:
    return f"{points:g} point" + ("" if points == 1 else "s")
