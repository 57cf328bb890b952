"""Find the submissions in what an instructor passes, and whose each one is.

The rule for student ids (README, "Grading submissions"):
- a notebook file passed directly: its name without `.ipynb`;
- a zip holding a single notebook (a student's own export): the zip's name without `.zip`;
- a folder, or a zip of many notebooks (an LMS or Gradescope export): an item in a
  first-level subfolder belongs to that subfolder's name; an item at the top level to
  its own name without extension (a nested zip counts as the student's own export);
- a mapping CSV (`--map`, columns `submission,student`) overrides any of these: its
  `submission` is the file, zip or folder name the rule would have used.
A student with several notebooks is graded on the newest (by modification time),
preferring notebooks named after the problem set; the others are reported as superseded.
"""

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from ..errors import MlmathError

IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints")
MAX_MEMBER_MB = 200  # a zip member that would unpack to more is not read (zip bombs)
TOO_LARGE = f"it unpacks to more than {MAX_MEMBER_MB} MB: not read"


@dataclass
class Submission:
    student: str
    label: str  # where it came from, for people
    data: bytes | None  # None: the path could not be read
    submitted_at: float
    problem: str = ""  # why it cannot be graded, when data is None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data or self.problem.encode()).hexdigest()


@dataclass
class Collection:
    submissions: list[Submission] = field(default_factory=list)
    superseded: list[tuple[Submission, Submission]] = field(default_factory=list)


def read_mapping(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    try:
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise MlmathError(f"cannot read the mapping {path}: {error.strerror}") from None
    if rows and not {"submission", "student"} <= set(rows[0]):
        raise MlmathError(f"the mapping {path} needs the columns submission,student")
    return {row["submission"].strip(): row["student"].strip() for row in rows if row["student"]}


def _ignored(parts) -> bool:
    return any(p in IGNORED_PARTS or p.startswith(".") for p in parts)


def _zip_items(data: bytes, label: str):
    """(relative path, bytes, time) of each notebook or nested zip in a zip; the bytes
    are None for a member too large to read (zipfile never unpacks more than the size
    a member declares)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            path = PurePosixPath(info.filename)
            if info.is_dir() or _ignored(path.parts) or path.suffix not in (".ipynb", ".zip"):
                continue
            too_large = info.file_size > MAX_MEMBER_MB * 1024 * 1024
            content = None if too_large else archive.read(info)
            yield path, content, datetime(*info.date_time).timestamp()


def _folder_items(folder: Path):
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not _ignored(relative.parts) and path.suffix in (".ipynb", ".zip"):
            yield PurePosixPath(relative.as_posix()), path.read_bytes(), path.stat().st_mtime


def _notebooks_in_zip(data: bytes):
    return [(p, b, t) for p, b, t in _zip_items(data, "") if p.suffix == ".ipynb"]


def _candidates(paths: list[Path], mapping: dict[str, str]) -> list[Submission]:
    found = []

    def student(key: str, default: str) -> str:
        return mapping.get(key, default)

    def add_zip(name: str, data: bytes | None, time: float, owner: str | None, label: str):
        if data is None:
            found.append(
                Submission(owner or student(name, Path(name).stem), label, None, time, TOO_LARGE)
            )
            return
        try:
            notebooks = _notebooks_in_zip(data)
        except zipfile.BadZipFile:
            found.append(
                Submission(
                    owner or student(name, Path(name).stem),
                    label,
                    None,
                    time,
                    "not a valid zip file",
                )
            )
            return
        if owner is None and len(notebooks) == 1:
            owner = student(name, Path(name).stem)
        if owner is not None:
            if not notebooks:
                found.append(Submission(owner, label, None, time, "the zip holds no notebook"))
            for path, content, when in notebooks:
                problem = TOO_LARGE if content is None else ""
                found.append(Submission(owner, f"{label}:{path}", content, when, problem))
            return
        add_items(_zip_items(data, label), label + ":")

    def add_items(items, prefix: str):
        for path, content, when in items:
            if len(path.parts) > 1:
                owner = student(path.parts[0], path.parts[0])
            else:
                owner = None
            label = f"{prefix}{path}"
            if path.suffix == ".zip":
                add_zip(path.name, content, when, owner, label)
            else:
                problem = TOO_LARGE if content is None else ""
                found.append(
                    Submission(
                        owner or student(path.name, path.stem), label, content, when, problem
                    )
                )

    for path in paths:
        if not path.exists():
            found.append(
                Submission(
                    student(path.name, path.stem), str(path), None, 0.0, "no such file or folder"
                )
            )
        elif path.is_dir():
            add_items(_folder_items(path), f"{path.name}/")
        elif path.suffix == ".zip":
            add_zip(path.name, path.read_bytes(), path.stat().st_mtime, None, str(path))
        else:
            found.append(
                Submission(
                    student(path.name, path.stem),
                    str(path),
                    path.read_bytes(),
                    path.stat().st_mtime,
                )
            )
    return found


def collect(paths: list[Path], problem_set: str, mapping: dict[str, str]) -> Collection:
    """One submission per student: the newest, preferring notebooks named for the set."""
    by_student: dict[str, list[Submission]] = {}
    for submission in _candidates(paths, mapping):
        by_student.setdefault(submission.student, []).append(submission)
    collection = Collection()
    for student in sorted(by_student):
        options = by_student[student]
        options.sort(
            key=lambda s: (problem_set in s.label, s.data is not None, s.submitted_at, s.label)
        )
        kept = options[-1]
        collection.submissions.append(kept)
        collection.superseded += [(older, kept) for older in options[:-1]]
    return collection
