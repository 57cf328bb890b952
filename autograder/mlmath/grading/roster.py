"""The instructor's roster: a CSV that says who each id found in an export is.

Columns (a header row; case, spaces and underscores do not matter): `student` (or `id`),
the id mlmath keys the gradebook on; `name`; `email`; `sis_id` (or `sis user id`); `lms_id`
(or `canvas id`, `user id`); `section`. Each row needs a `student` or an `email`. A
submission is matched to the row that knows any of its ids (the layout's id, its email,
SIS id or LMS user id), and is then recorded under that row's `student`.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import MlmathError
from .lms import Owner

ALIASES = {
    "student": "student", "id": "student", "student_id": "student",
    "name": "name", "student_name": "name", "full_name": "name",
    "email": "email", "e_mail": "email",
    "sis_id": "sis_id", "sis_user_id": "sis_id", "sid": "sis_id",
    "lms_id": "lms_id", "canvas_id": "lms_id", "user_id": "lms_id", "canvas_user_id": "lms_id",
    "section": "section",
}  # fmt: skip


@dataclass(frozen=True)
class Person:
    student: str
    name: str = ""
    email: str = ""
    sis_id: str = ""
    lms_id: str = ""
    section: str = ""

    def ids(self) -> set[str]:
        return {i.lower() for i in (self.student, self.email, self.sis_id, self.lms_id) if i}


class Roster:
    def __init__(self, people: list[Person]):
        self.people = people
        self.by_id: dict[str, Person] = {}
        for person in people:
            for key in person.ids():
                self.by_id.setdefault(key, person)

    def match(self, owner: Owner) -> Person | None:
        for key in owner.ids():
            if key in self.by_id:
                return self.by_id[key]
        return None


def _column(header: str) -> str:
    return ALIASES.get("_".join(header.strip().lower().replace("_", " ").split()), "")


def read_roster(path: Path | None) -> Roster | None:
    if path is None:
        return None
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [_column(h) for h in next(reader, [])]
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise MlmathError(f"cannot read the roster {path}: {error}") from None
    if "student" not in header and "email" not in header:
        raise MlmathError(
            f"the roster {path} needs a column student (or id) or email; see `mlmath grade --help`"
        )
    people, lines = [], {}
    for number, row in enumerate(rows, start=2):
        fields = {key: value.strip() for key, value in zip(header, row, strict=False) if key}
        if not any(fields.values()):
            continue
        student = fields.get("student") or fields.get("email")
        if not student:
            raise MlmathError(f"the roster {path}, line {number}: no student id or email")
        if student in lines:
            raise MlmathError(
                f"the roster {path} lists {student!r} twice (lines {lines[student]} and {number})"
            )
        lines[student] = number
        people.append(Person(**{**fields, "student": student}))
    return Roster(people)
