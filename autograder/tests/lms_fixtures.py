"""Exports built to the exact layout of each LMS's bulk download (see mlmath/grading/lms.py
for each layout and where it is documented): what `mlmath grade` is given in real courses.
"""

import zipfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Submitter:
    name: str
    sid: str
    email: str


@dataclass
class GradescopeSubmission:
    number: int  # the NNN of submission_NNN
    submitters: list[Submitter]
    created_at: str  # as Gradescope writes it: 2026-12-01 10:15:02.123456000 -0800
    files: dict[str, bytes] = field(default_factory=dict)


def gradescope_metadata(submissions: list[GradescopeSubmission]) -> str:
    """submission_metadata.yml as Gradescope writes it: Ruby symbols as keys."""
    lines = []
    for sub in submissions:
        lines += [f"submission_{sub.number}:", "  :submitters:"]
        for person in sub.submitters:
            lines += [
                f"  - :name: {person.name}",
                f"    :sid: '{person.sid}'",
                f"    :email: {person.email}",
            ]
        lines += [
            f"  :created_at: {sub.created_at}",
            "  :score: ",
            "  :status: processed",
            "  :results: {}",
        ]
    return "\n".join(lines) + "\n"


def gradescope_files(submissions, assignment: int = 5551234) -> dict[str, bytes]:
    root = f"assignment_{assignment}_export"
    files = {f"{root}/submission_metadata.yml": gradescope_metadata(submissions).encode()}
    for sub in submissions:
        for name, data in sub.files.items():
            files[f"{root}/submission_{sub.number}/{name}"] = data
    return files


def canvas_name(slug: str, user_id: int, attachment_id: int, filename: str, late=False) -> str:
    """Canvas's `lastnamefirstname_[LATE_]userid_attachmentid_filename`."""
    return f"{slug}_{'LATE_' if late else ''}{user_id}_{attachment_id}_{filename}"


def moodle_folder(full_name: str, participant: int) -> str:
    """Moodle's folder per participant ("Download submissions in folders")."""
    return f"{full_name}_{participant}_assignsubmission_file_"


def blackboard_name(assignment: str, user: str, stamp: str, filename: str = "") -> str:
    """Blackboard's `Assignment_user_attempt_YYYY-MM-DD-HH-MM-SS[_filename]`."""
    return f"{assignment}_{user}_attempt_{stamp}" + (f"_{filename}" if filename else "")


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def write_folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root
