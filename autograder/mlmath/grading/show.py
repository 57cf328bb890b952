"""`mlmath show PS STUDENT`: one student's grade, as text for a terminal.

Student text (ids, names, reasons, failure messages) may hold terminal escape
sequences: every control character but a newline is shown as a visible escape.
"""

import difflib
import re

from ..errors import MlmathError
from .exports import grades, late_line, points_text
from .gradebook import Gradebook
from .late import LatePolicy

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def plain(text) -> str:
    """Text a terminal shows as it is: no escape sequence reaches it."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def find_student(gradebook: Gradebook, problem_set: str, wanted: str, students: list[str]) -> str:
    """The student id `wanted` names: an id, or a name, email, SIS or LMS id the
    gradebook knows (case-insensitive)."""
    if wanted in students:
        return wanted
    folded = wanted.strip().lower()
    known = gradebook.students()
    matches = sorted(
        s for s in students
        if s.lower() == folded or folded in {v.lower() for v in known.get(s, {}).values() if v}
    )  # fmt: skip
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise MlmathError(f"{wanted!r} names several students of {problem_set}: "
                          f"{', '.join(matches)}")  # fmt: skip
    close = difflib.get_close_matches(wanted, students, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise MlmathError(f"no grade for {wanted!r} in {problem_set}{hint}")


def show_student(
    gradebook: Gradebook, problem_set: str, wanted: str, policy: LatePolicy | None = None
) -> str:
    questions, all_grades = grades(gradebook, problem_set, policy)
    by_student = {grade.student: grade for grade in all_grades}
    grade = by_student[find_student(gradebook, problem_set, wanted, list(by_student))]
    row, who = grade.row, grade.who
    identity = ", ".join(v for v in (who["name"], who["email"], who["sis_id"]) if v)
    percent = 100 * grade.total / grade.possible if grade.possible else 0.0
    lines = [
        f"{problem_set}: {plain(grade.student)}" + (f" ({plain(identity)})" if identity else ""),
        f"submission: {plain(row['source'])}",
        f"submitted:  {row['submitted_at']}"
        + ("" if row["late"] is None else "  (the LMS marks it late)" if row["late"] else ""),
        f"status:     {row['status']}" + (f": {plain(row['reason'])}" if row["reason"] else ""),
        f"score:      {grade.total:g} / {grade.possible:g} ({percent:.1f}%)",
        f"graded in:  {row['seconds']:.2f} s",
    ]
    if grade.lateness is not None:
        lines.append(f"late:       {late_line(grade.lateness, policy)}")
    results = gradebook.results(row["id"])
    width = max(len(q) for q, _ in questions)
    lines.append("")
    for question, possible in questions:
        cases = [r for r in results if r["question"] == question]
        earned = sum(r["points"] for r in cases)
        passed = sum(1 for r in cases if r["passed"])
        lines.append(f"{question:<{width}}  {earned:>5g} / {possible:<5g} "
                     f"{passed}/{len(cases)} test(s) passed")  # fmt: skip
        for case in cases:
            if case["passed"]:
                continue
            kind = "hidden" if case["hidden"] else "public"
            message = plain(case["message"].strip() or "failed").replace("\n", "\n      ")
            lines.append(f"    x {kind} test {plain(case['test_case'])} "
                         f"({points_text(case['possible'])}): {message}")  # fmt: skip
    return "\n".join(lines)
