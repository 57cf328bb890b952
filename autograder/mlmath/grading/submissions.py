"""Find the submissions in what an instructor passes, and whose each one is.

The rule for student ids (README, "Who a submission belongs to"):
- a notebook file passed directly: its name without `.ipynb`;
- a folder or zip with the structure of an LMS export (Gradescope, Canvas, Moodle,
  Blackboard; see lms.py for each layout and where it comes from): whom the LMS says;
- any other folder, or a zip of notebooks in several first-level folders: an item in a
  first-level subfolder belongs to that subfolder's name; an item at the top level to
  its own name without extension;
- any other zip passed directly is a student's own export: the zip's name without `.zip`;
- a zip inside an export always belongs to whom it would as a file there: a student's
  own zip is never read as an export of others, whatever it holds;
- a mapping CSV (`--map`, columns `submission,student`) overrides any of these: its
  `submission` is the file, zip or folder name (or the LMS id) the rule would have used;
  a roster (`--roster`, roster.py) then maps each to the instructor's own id.
A student with several notebooks is graded on the newest (by the LMS's attempt number,
then its time or the modification time), preferring notebooks named after the problem
set; the others are reported as superseded. A path that does not exist, or a file that
is not a notebook, zip or folder, is an error of the command line, not a student.

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
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path, PurePosixPath

from ..errors import MlmathError
from . import lms
from .lms import Owner
from .roster import Person, Roster

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
    owner: Owner | None = None  # who, by the layout (the student id may be a roster's)
    person: Person | None = None  # the roster's row, when there is a roster
    note: str = ""  # what the grade's status must say (a notebook of another set)

    def read(self) -> bytes:
        if self.locator is None:
            raise Unreadable(self.problem)
        return self.locator.read()


@dataclass
class Collection:
    submissions: list[Submission] = field(default_factory=list)
    superseded: list[tuple[Submission, Submission]] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)  # "export.zip: Gradescope"
    warnings: list[str] = field(default_factory=list)
    not_on_roster: list[str] = field(default_factory=list)
    without_submission: list[Person] = field(default_factory=list)


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


def _wanted(path: PurePosixPath) -> bool:
    """Notebooks, zips, and the metadata file of a Gradescope export."""
    return path.suffix in (".ipynb", ".zip") or path.name == lms.METADATA_NAME


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
        if info.is_dir() or _ignored(path.parts) or not _wanted(path):
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
            if _ignored(relative.parts) or not _wanted(relative):
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


# `otter.Notebook("psNN-slug.ipynb")`, as it reads inside the notebook's JSON
NOTEBOOK_NAME = re.compile(rb'otter\.Notebook\(\s*\\?["\']([A-Za-z0-9_.-]{1,80})\.ipynb\\?["\']')


def other_set(data: bytes, problem_set: str) -> str:
    """What a notebook of another problem set says it is: the name its otter line gives."""
    names = {match.decode() for match in NOTEBOOK_NAME.findall(data)}
    if names and problem_set not in names:
        return f"this looks like a notebook for {sorted(names)[0]}, not {problem_set}"
    return ""


def _several_folders(items: list[_Item]) -> bool:
    """A zip of work in two or more first-level folders (and maybe students' own zips
    beside them), with no loose notebook: an export of many students."""
    if any(len(item.path.parts) < 2 and item.path.suffix == ".ipynb" for item in items):
        return False
    return len({item.path.parts[0] for item in items if len(item.path.parts) > 1}) > 1


class _Collector:
    def __init__(self, problem_set: str, mapping: dict[str, str]):
        self.problem_set = problem_set
        self.mapping = mapping
        self.found: list[Submission] = []
        self.layouts: list[str] = []
        self.warnings: list[str] = []
        self.digests: dict[Locator, tuple[str, str]] = {}  # a group's notebook read once

    def owner(self, key: str, default: str) -> Owner:
        return Owner(self.mapping.get(key, default))

    def mapped(self, owner: Owner) -> Owner:
        student = self.mapping.get(owner.student)
        return replace(owner, student=student) if student else owner

    def add(self, owner: Owner, label: str, locator, when: float, problem: str = ""):
        digest, note = "", ""
        if locator is not None and not problem:
            try:
                digest, note = self._digest(locator)
            except Unreadable as error:
                locator, problem = None, str(error)
        if not digest:
            digest = hashlib.sha256(f"{label}\n{problem}".encode("utf-8", "replace")).hexdigest()
        if owner.submitted_at is not None:
            when = owner.submitted_at
        self.found.append(
            Submission(owner.student, label, locator, when, problem, digest, owner, None, note)
        )

    def _digest(self, locator: Locator) -> tuple[str, str]:
        if locator not in self.digests:
            data = locator.read()
            self.digests[locator] = (hashlib.sha256(data).hexdigest(),
                                     other_set(data, self.problem_set))  # fmt: skip
        return self.digests[locator]

    def add_zip(self, locator: Locator, when: float, owners: list[Owner] | None, label: str,
                budget: _Budget):  # fmt: skip
        """A zip passed directly (owners None) is an export if it is shaped as one; any
        other zip is its owners' own, whatever it holds."""
        own = [self.owner(Path(label).name, Path(label).stem)]
        try:
            source = locator.read() if locator.members else locator.path
            items = list(_zip_items(source, locator, when, budget))
        except Unreadable as error:
            for owner in owners or own:
                self.add(owner, label, None, when, str(error))
            return
        if owners is None and self.add_export(items, label + ":", budget, folder=False):
            return
        notebooks = [item for item in items if item.path.suffix == ".ipynb"]
        for owner in owners or own:
            if not notebooks:
                self.add(owner, label, None, when, "the zip holds no notebook")
            for item in notebooks:
                self.add(owner, f"{label}:{item.path}", item.locator, item.when, item.problem)

    def add_export(self, items: list[_Item], prefix: str, budget: _Budget, folder: bool) -> bool:
        """The items of an export, each credited to whom its LMS layout (or the folder
        rule) says; False when a zip is not an export at all."""
        layout = self._layout(items, prefix)
        work = [item for item in items if item.path.name != lms.METADATA_NAME]
        if layout is None and not folder and not _several_folders(work):
            return False
        for item in work:
            owners = layout.owners_of(item.path) if layout else None
            if owners is not None:
                owners = [self.mapped(owner) for owner in owners]
            elif len(item.path.parts) > 1:
                owners = [self.owner(item.path.parts[0], item.path.parts[0])]
            else:
                owners = [self.owner(item.path.name, item.path.stem)]
            label = f"{prefix}{item.path}"
            if item.path.suffix == ".zip" and item.locator is not None:
                self.add_zip(item.locator, item.when, owners, label, budget)
            else:
                for owner in owners:
                    self.add(owner, label, item.locator, item.when, item.problem)
        for folder, owners in (layout.listed if layout else {}).items():
            if not any(folder in item.path.parents for item in work):  # a PDF, say
                for owner in owners:
                    self.add(self.mapped(owner), f"{prefix}{folder}/", None, 0.0,
                             "the submission holds no notebook")  # fmt: skip
        return True

    def _layout(self, items: list[_Item], prefix: str):
        where = prefix.rstrip(":/") or "."
        by_path = {item.path: item for item in items}

        def read(path: PurePosixPath) -> bytes:
            item = by_path[path]
            if item.locator is None:
                raise lms.LayoutError(item.problem)
            try:
                return item.locator.read()
            except Unreadable as error:
                raise lms.LayoutError(f"{path}: {error}") from None

        layout = lms.recognise(list(by_path), read)
        if layout is not None:
            self.layouts.append(f"{where}: {layout.lms} export")
            if layout.warning:
                self.warnings.append(f"{where}: {layout.warning}")
        return layout


def check_paths(paths: list[Path]):
    """What the command line names must be notebooks, zips or folders that exist."""
    problems = []
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: no such file or folder")
        elif not path.is_dir() and path.suffix.lower() not in (".ipynb", ".zip"):
            problems.append(f"{path}: not a notebook (.ipynb), a zip or a folder")
    if problems:
        raise MlmathError("; ".join(problems))


def _candidates(collector: _Collector, paths: list[Path]):
    for path in paths:
        if path.is_dir():
            budget = _Budget()
            items = list(_folder_items(path, budget))
            collector.add_export(items, f"{path.name}/", budget, folder=True)
        elif path.suffix.lower() == ".zip":
            collector.add_zip(Locator(str(path)), path.stat().st_mtime, None, str(path), _Budget())
        else:
            owner = collector.owner(path.name, path.stem)
            collector.add(owner, str(path), Locator(str(path)), path.stat().st_mtime)


def collect(
    paths: list[Path], problem_set: str, mapping: dict[str, str], roster: Roster | None = None
) -> Collection:
    """One submission per student: the newest, preferring notebooks named for the set."""
    check_paths(paths)
    collector = _Collector(problem_set, mapping)
    _candidates(collector, paths)
    collection = Collection(layouts=collector.layouts, warnings=collector.warnings)
    by_student: dict[str, list[Submission]] = {}
    for submission in collector.found:
        if roster is not None:
            submission.person = roster.match(submission.owner)
            if submission.person is None:
                collection.not_on_roster.append(submission.student)
            else:
                submission.student = submission.person.student
        by_student.setdefault(submission.student, []).append(submission)
    for student in sorted(by_student):
        options = by_student[student]
        options.sort(
            key=lambda s: (problem_set in s.label, s.locator is not None, s.owner.attempt,
                           s.submitted_at, s.label)
        )  # fmt: skip
        kept = options[-1]
        collection.submissions.append(kept)
        collection.superseded += [(older, kept) for older in options[:-1]]
    collection.not_on_roster = sorted(set(collection.not_on_roster))
    if roster is not None:
        collection.without_submission = [p for p in roster.people if p.student not in by_student]
    return collection
