"""Whose each file of an LMS export is, recognised by the export's own structure.

Each layout is the one its LMS documents for its bulk download; the test fixtures in
autograder/tests/lms_fixtures.py are built to exactly these shapes.

- Gradescope, "Export Submissions" (assignment page, Manage Submissions): a zip whose top
  folder (e.g. `assignment_1234567_export/`) holds `submission_metadata.yml` and one
  `submission_NNN/` folder per submission. The YAML maps each `submission_NNN` to Ruby
  symbol keys: `:submitters:` (a list of `:name:`, `:sid:`, `:email:`; several for a
  group submission) and `:created_at:` (the upload time). Every member of a group is
  credited with the group's notebook.
- Canvas, "Download Submissions" (assignment page or SpeedGrader): a flat zip whose files
  are named `lastnamefirstname_[LATE_]userid_attachmentid_filename`; `LATE` is Canvas's
  own judgement against its due date, `userid` the Canvas user id, and a file re-uploaded
  under the same name gets `-1`, `-2`, ... before its extension (the highest is newest).
- Moodle, "Download all submissions": `Full Name_participantid_assignsubmission_file_`
  either as a folder holding the files ("Download submissions in folders") or as the
  prefix of each file name. Moodle's own mod/assign/locallib.php (download_submissions)
  builds it: the full name with `_` made spaces, `_`, the participant's unique id, `_`,
  then the plugin's `assignsubmission_file_`.
- Blackboard Learn, "Download Assignment": flat files named
  `Assignment_username_attempt_YYYY-MM-DD-HH-MM-SS_filename` (beside a `.txt` receipt
  per attempt); the time in the name is the attempt's, in the server's local time.

Anything else falls back to the documented folder rule in submissions.py.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

METADATA_NAME = "submission_metadata.yml"


@dataclass(frozen=True)
class Owner:
    """Who a submission belongs to, with what the LMS says about them and it."""

    student: str  # the id the gradebook keys on
    name: str = ""
    email: str = ""
    sis_id: str = ""
    lms_id: str = ""
    late: bool | None = None  # the LMS's own late marker; None: it has none
    submitted_at: float | None = None  # the LMS's own time of the submission
    attempt: int = 0  # a later attempt of the same file ranks higher

    def ids(self) -> list[str]:
        """Every id a roster might know this person by, the layout's own id first."""
        return [i.lower() for i in (self.student, self.lms_id, self.sis_id, self.email) if i]


class LayoutError(Exception):
    """An export that has an LMS's shape but cannot be read as one (bad metadata)."""


@dataclass
class Layout:
    """A recognised export: the LMS's name, and the owners of each of its paths."""

    lms: str
    owners_of: Callable[[PurePosixPath], list[Owner] | None]  # None: not in the layout
    warning: str = ""  # what could not be read, and what was done instead
    listed: dict[PurePosixPath, list[Owner]] = field(default_factory=dict)  # every submission


# ---- Gradescope -------------------------------------------------------------------


def _gradescope(paths: list[PurePosixPath], read: Callable[[PurePosixPath], bytes]):
    metadata = [p for p in paths if p.name == METADATA_NAME and len(p.parts) <= 2]
    if len(metadata) != 1:
        return None
    root = metadata[0].parent
    warning = ""
    try:
        entries = _gradescope_entries(read(metadata[0]))
    except LayoutError as error:
        entries = {}
        warning = f"{error}; each submission_NNN folder is graded under its own name"

    def owners_of(path: PurePosixPath):
        try:
            inside = path.relative_to(root)
        except ValueError:
            return None
        if len(inside.parts) < 2:
            return None
        folder = inside.parts[0]
        return entries.get(folder) or [Owner(student=folder)]

    listed = {root / folder: owners for folder, owners in entries.items()}
    return Layout("Gradescope", owners_of, warning, listed)


def _gradescope_entries(data: bytes) -> dict[str, list[Owner]]:
    import yaml

    try:
        document = yaml.safe_load(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise LayoutError(f"{METADATA_NAME} is not readable YAML ({_first_line(error)})") from None
    if not isinstance(document, dict):
        raise LayoutError(f"{METADATA_NAME} does not map submissions to their submitters")
    entries = {}
    for folder, entry in document.items():
        if not isinstance(entry, dict):
            continue
        when = _timestamp(_symbol(entry, "created_at"))
        owners = []
        for person in _symbol(entry, "submitters") or []:
            if not isinstance(person, dict):
                continue
            name, sid, email = (_text(_symbol(person, key)) for key in ("name", "sid", "email"))
            student = sid or email or name
            if student:
                owners.append(Owner(student, name, email, sid, "", None, when))
        if owners:
            entries[str(folder)] = owners
    return entries


def _symbol(mapping: dict, key: str):
    """A value under a Ruby symbol key (`:sid:` loads as ':sid'), or a plain key."""
    return mapping.get(f":{key}", mapping.get(key))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _timestamp(value) -> float | None:
    """Gradescope's `created_at`: YAML already made it a datetime, or it is text."""
    if isinstance(value, datetime):
        return value.timestamp()
    text = _text(value)
    for pattern in ("%Y-%m-%d %H:%M:%S.%f %z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return datetime.strptime(re.sub(r"(\.\d{6})\d+", r"\1", text), pattern).timestamp()
        except ValueError:
            continue
    return None


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:160] if lines else type(error).__name__


# ---- file-name layouts: Canvas, Moodle, Blackboard ----------------------------------

CANVAS = re.compile(
    r"^(?P<slug>[^_]+)_(?:(?P<late>LATE)_)?(?P<uid>\d+)_(?P<attachment>\d+)_(?P<file>.+)$"
)
RESUBMISSION = re.compile(r"^(?P<stem>.+?)-(?P<n>\d+)$")
MOODLE = re.compile(
    r"^(?P<name>.+)_(?P<pid>\d+)_assignsubmission_(?:file|onlinetext)_(?P<rest>.*)$"
)
BLACKBOARD = re.compile(
    r"^(?P<assignment>.+)_(?P<user>[^_]+)_attempt_"
    r"(?P<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})(?:_(?P<file>.+))?$"
)


def _canvas_owner(path: PurePosixPath) -> Owner | None:
    match = CANVAS.match(path.name) if len(path.parts) == 1 else None
    if not match:
        return None
    stem = PurePosixPath(match["file"]).stem
    resubmission = RESUBMISSION.match(stem)
    return Owner(
        student=match["uid"],
        name=match["slug"],
        lms_id=match["uid"],
        late=match["late"] is not None,
        attempt=int(resubmission["n"]) if resubmission else 0,
    )


def _moodle_owner(path: PurePosixPath) -> Owner | None:
    match = MOODLE.match(path.parts[0])
    if not match or (len(path.parts) == 1) == (match["rest"] == ""):
        return None  # a folder's name ends in `_`; a file's name goes on after it
    return Owner(student=match["pid"], name=match["name"].strip(), lms_id=match["pid"])


def _blackboard_owner(path: PurePosixPath) -> Owner | None:
    match = BLACKBOARD.match(path.stem if path.suffix == ".txt" else path.name)
    if len(path.parts) != 1 or not match:
        return None
    when = datetime.strptime(match["stamp"], "%Y-%m-%d-%H-%M-%S").timestamp()
    return Owner(student=match["user"], lms_id=match["user"], submitted_at=when)


NAMED_LAYOUTS = (("Canvas", _canvas_owner), ("Moodle", _moodle_owner),
                 ("Blackboard", _blackboard_owner))  # fmt: skip


def _named(paths: list[PurePosixPath]):
    """A layout whose file names say whose each file is: every submission must match."""
    work = [p for p in paths if p.suffix in (".ipynb", ".zip")]
    for lms, owner in NAMED_LAYOUTS:
        if work and all(owner(p) is not None for p in work):
            return Layout(lms, lambda path, owner=owner: _listed(owner(path)))
    return None


def _listed(owner: Owner | None) -> list[Owner] | None:
    return None if owner is None else [owner]


def recognise(paths: list[PurePosixPath], read: Callable[[PurePosixPath], bytes]):
    """The LMS layout of an export (its paths relative to its root), or None."""
    return _gradescope(paths, read) or _named(paths)
