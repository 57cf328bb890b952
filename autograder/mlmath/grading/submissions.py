"""Find the submissions in what an instructor passes, and whose each one is.

The rule for student ids (README, "Who a submission belongs to"):
- a notebook file passed directly: its name without `.ipynb`;
- a zip holding a single notebook (a student's own export): the zip's name without `.zip`;
- a folder, or a zip of many notebooks (an LMS or Gradescope export): an item in a
  first-level subfolder belongs to that subfolder's name; an item at the top level to
  its own name without extension (a nested zip counts as the student's own export);
- a mapping CSV (`--map`, columns `submission,student`) overrides any of these: its
  `submission` is the file, zip or folder name the rule would have used.
A student with several notebooks is graded on the newest (by modification time),
preferring notebooks named after the problem set; the others are reported as superseded.

Nothing here trusts the bytes it reads: every file and zip member is read with a size
bound, any zip that Python cannot read (bad names, dates, compression, encryption, a
corrupt stream) becomes that submission's own row with the reason, symbolic links in a
folder are refused, and no notebook is held in memory while collecting: a submission
is found by a locator and read again, bounded, by the worker that grades it.
"""

import csv
import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from ..errors import MlmathError

IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints")
MAX_MEMBER_MB = 100  # a notebook or nested zip that would unpack to more is not read
MAX_TOTAL_MB = 4096  # all that is read from one zip or folder, nested zips included
CHUNK = 1 << 20


class Unreadable(Exception):
    """A file or zip member that cannot be read, with the reason a person can act on."""


@dataclass(frozen=True)
class Locator:
    """Where a submission's bytes are: a file, or members of (nested) zips in a file."""

    path: str
    members: tuple[str, ...] = ()

    def read(self) -> bytes:
        """The bytes, read again with the same bounds as when they were found (a zip on
        disk is read member by member, never whole)."""
        if not self.members:
            return _read_file(Path(self.path))
        source: str | bytes = self.path
        for member in self.members:
            with _open_zip(source) as archive:
                try:
                    info = archive.getinfo(member)
                except KeyError:
                    raise Unreadable("the zip changed since it was listed") from None
                source = _read_member(archive, info)
        return source


@dataclass
class Submission:
    student: str
    label: str  # where it came from, for people
    locator: Locator | None  # None: nothing to read (the problem says why)
    submitted_at: float
    problem: str = ""  # why it cannot be graded
    content_hash: str = ""

    def read(self) -> bytes:
        if self.locator is None:
            raise Unreadable(self.problem)
        return self.locator.read()


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
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise MlmathError(f"cannot read the mapping {path}: {error}") from None
    if rows and not {"submission", "student"} <= set(rows[0]):
        raise MlmathError(f"the mapping {path} needs the columns submission,student")
    return {
        (row["submission"] or "").strip(): (row["student"] or "").strip()
        for row in rows
        if row.get("student")
    }


def _too_large(limit_mb: int) -> str:
    return f"it is larger than {limit_mb} MB: not read"


def _read_file(path: Path, limit_mb: int = MAX_MEMBER_MB) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit_mb * 1024 * 1024 + 1)
    except OSError as error:
        raise Unreadable(f"cannot read the file ({error.strerror})") from None
    if len(data) > limit_mb * 1024 * 1024:
        raise Unreadable(_too_large(limit_mb))
    return data


def _open_zip(source: str | bytes) -> zipfile.ZipFile:
    """A zip file on disk (a path) or in memory (bytes)."""
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise Unreadable(f"not a readable zip file ({_short(error)})") from None
    except UnicodeDecodeError:
        raise Unreadable("not a readable zip file (a member's name is not valid UTF-8)") from None
    except Exception as error:  # zipfile raises many unrelated types on hostile input
        raise Unreadable(f"not a readable zip file ({_short(error)})") from None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, streamed so that nothing beyond the bound is ever unpacked."""
    limit = MAX_MEMBER_MB * 1024 * 1024
    if info.file_size > limit:
        raise Unreadable(f"it unpacks to more than {MAX_MEMBER_MB} MB: not read")
    chunks, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise Unreadable(f"it unpacks to more than {MAX_MEMBER_MB} MB: not read")
                chunks.append(chunk)
    except Unreadable:
        raise
    except NotImplementedError:
        raise Unreadable("its zip compression method is not supported") from None
    except RuntimeError as error:  # encrypted members
        raise Unreadable(f"it cannot be unpacked ({_short(error)})") from None
    except Exception as error:  # corrupt streams: zlib.error, BadZipFile, EOFError, ...
        raise Unreadable(f"it cannot be unpacked ({_short(error)})") from None
    return b"".join(chunks)


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:160]


def _member_time(info: zipfile.ZipInfo, fallback: float) -> float:
    try:
        return datetime(*info.date_time).timestamp()
    except (ValueError, OverflowError, OSError):  # a DOS date with month 0, and the like
        return fallback


def _ignored(parts) -> bool:
    return any(p in IGNORED_PARTS or p.startswith(".") for p in parts)


@dataclass
class _Item:
    """A notebook or nested zip found inside a folder or zip."""

    path: PurePosixPath
    locator: Locator | None
    when: float
    problem: str = ""


class _Budget:
    """All that may be read from one zip or folder the instructor passed."""

    def __init__(self):
        self.left = MAX_TOTAL_MB * 1024 * 1024

    def take(self, size: int):
        if size > self.left:
            raise Unreadable(f"the export unpacks to more than {MAX_TOTAL_MB} MB: not read")
        self.left -= size


def _zip_items(source, locator: Locator, fallback_time: float, budget: _Budget):
    """The notebooks and nested zips of a zip, each with its locator (or a problem)."""
    with _open_zip(source) as archive:
        infos = archive.infolist()
    for info in infos:
        try:
            name = info.filename
            path = PurePosixPath(name)
        except Exception:  # a name Python cannot make a path of
            continue
        if info.is_dir() or _ignored(path.parts) or path.suffix not in (".ipynb", ".zip"):
            continue
        when = _member_time(info, fallback_time)
        problem = ""
        try:
            budget.take(max(0, int(info.file_size)))
        except Unreadable as error:
            problem = str(error)
        member = Locator(locator.path, locator.members + (name,))
        yield _Item(path, None if problem else member, when, problem)


def _folder_items(folder: Path, budget: _Budget):
    """The notebooks and zips under a folder; symbolic links are refused, not followed."""
    for root, folders, files in os.walk(folder, followlinks=False):
        root_path = Path(root)
        for name in sorted(folders):
            if (root_path / name).is_symlink():
                relative = (root_path / name).relative_to(folder)
                yield _Item(PurePosixPath(relative.as_posix()), None, 0.0,
                            "a symbolic link to a folder: not followed")  # fmt: skip
        folders[:] = sorted(f for f in folders if not (root_path / f).is_symlink())
        for name in sorted(files):
            path = root_path / name
            relative = PurePosixPath(path.relative_to(folder).as_posix())
            if _ignored(relative.parts) or relative.suffix not in (".ipynb", ".zip"):
                continue
            if path.is_symlink():
                yield _Item(relative, None, 0.0, "a symbolic link: only files are graded")
                continue
            try:
                status = path.stat()
                budget.take(status.st_size)
            except Unreadable as error:
                yield _Item(relative, None, 0.0, str(error))
                continue
            except OSError as error:
                yield _Item(relative, None, 0.0, f"cannot read it ({error.strerror})")
                continue
            yield _Item(relative, Locator(str(path)), status.st_mtime)


class _Collector:
    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping
        self.found: list[Submission] = []

    def student(self, key: str, default: str) -> str:
        return self.mapping.get(key, default)

    def add(self, student: str, label: str, locator, when: float, problem: str = ""):
        digest = ""
        if locator is not None and not problem:
            try:
                digest = _hash(locator)
            except Unreadable as error:
                locator, problem = None, str(error)
        if not digest:
            digest = hashlib.sha256(f"{label}\n{problem}".encode("utf-8", "replace")).hexdigest()
        self.found.append(Submission(student, label, locator, when, problem, digest))

    def add_zip(self, name: str, locator: Locator, when: float, owner: str | None, label: str,
                budget: _Budget):  # fmt: skip
        fallback_owner = owner or self.student(name, Path(name).stem)
        try:
            source = locator.read() if locator.members else locator.path
            items = list(_zip_items(source, locator, when, budget))
        except Unreadable as error:
            self.add(fallback_owner, label, None, when, str(error))
            return
        notebooks = [item for item in items if item.path.suffix == ".ipynb"]
        if owner is None and len(notebooks) == 1 and len(items) == 1:
            owner = fallback_owner
        if owner is not None:
            if not notebooks:
                self.add(owner, label, None, when, "the zip holds no notebook")
            for item in notebooks:
                self.add(owner, f"{label}:{item.path}", item.locator, item.when, item.problem)
            return
        self.add_items(items, label + ":", budget)

    def add_items(self, items, prefix: str, budget: _Budget):
        for item in items:
            owner = (
                self.student(item.path.parts[0], item.path.parts[0])
                if len(item.path.parts) > 1
                else None
            )
            label = f"{prefix}{item.path}"
            if item.path.suffix == ".zip" and item.locator is not None:
                self.add_zip(item.path.name, item.locator, item.when, owner, label, budget)
            else:
                student = owner or self.student(item.path.name, item.path.stem)
                self.add(student, label, item.locator, item.when, item.problem)


def _hash(locator: Locator) -> str:
    return hashlib.sha256(locator.read()).hexdigest()


def _candidates(paths: list[Path], mapping: dict[str, str]) -> list[Submission]:
    collector = _Collector(mapping)
    for path in paths:
        student = collector.student(path.name, path.stem)
        if not path.exists() and not path.is_symlink():
            collector.add(student, str(path), None, 0.0, "no such file or folder")
        elif path.is_dir():
            budget = _Budget()
            collector.add_items(_folder_items(path, budget), f"{path.name}/", budget)
        elif path.suffix == ".zip":
            when = path.stat().st_mtime
            collector.add_zip(path.name, Locator(str(path)), when, None, str(path), _Budget())
        else:
            collector.add(student, str(path), Locator(str(path)), path.stat().st_mtime)
    return collector.found


def collect(paths: list[Path], problem_set: str, mapping: dict[str, str]) -> Collection:
    """One submission per student: the newest, preferring notebooks named for the set."""
    by_student: dict[str, list[Submission]] = {}
    for submission in _candidates(paths, mapping):
        by_student.setdefault(submission.student, []).append(submission)
    collection = Collection()
    for student in sorted(by_student):
        options = by_student[student]
        options.sort(
            key=lambda s: (problem_set in s.label, s.locator is not None, s.submitted_at, s.label)
        )
        kept = options[-1]
        collection.submissions.append(kept)
        collection.superseded += [(older, kept) for older in options[:-1]]
    return collection
