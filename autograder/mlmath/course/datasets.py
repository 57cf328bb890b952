"""The course's shipped datasets: a manifest with checksums, verification and a loader."""

import hashlib
import json
from pathlib import Path

from ..errors import MlmathError
from .sets import Course

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(course: Course) -> dict:
    path = course.root / "datasets" / MANIFEST
    if not path.exists():
        raise MlmathError(f"missing {path}")
    return json.loads(path.read_text())


def dataset_path(course: Course, name: str) -> Path:
    """The verified file of dataset ``name``: it exists and matches its checksum."""
    entries = manifest(course)
    if name not in entries:
        raise MlmathError(f"unknown dataset '{name}' (known: {', '.join(sorted(entries))})")
    path = course.root / "datasets" / entries[name]["file"]
    if not path.exists():
        raise MlmathError(f"dataset '{name}': missing file {path}")
    if sha256(path) != entries[name]["sha256"]:
        raise MlmathError(f"dataset '{name}': {path.name} does not match its sha256 in {MANIFEST}")
    return path


def load(name: str, course: Course | None = None):
    """A shipped dataset as a pandas DataFrame, after checking its checksum."""
    import pandas as pd

    return pd.read_csv(dataset_path(course or Course(), name))


def verify(course: Course) -> list[str]:
    """Every problem with the datasets folder, as messages (empty when all is well)."""
    problems = []
    entries = manifest(course)
    for name, entry in sorted(entries.items()):
        for key in ("file", "sha256", "rows", "columns", "source", "license"):
            if key not in entry:
                problems.append(f"dataset '{name}': manifest entry has no '{key}'")
        try:
            dataset_path(course, name)
        except MlmathError as error:
            problems.append(str(error))
    listed = {e.get("file") for e in entries.values()}
    for path in sorted((course.root / "datasets").glob("*.csv")):
        if path.name not in listed:
            problems.append(f"datasets/{path.name} is not in {MANIFEST}")
    return problems


def refresh_manifest(course: Course) -> dict:
    """Recompute checksums and sizes of the listed files, keeping source and license."""
    import pandas as pd

    entries = manifest(course)
    for entry in entries.values():
        path = course.root / "datasets" / entry["file"]
        table = pd.read_csv(path)
        entry.update(sha256=sha256(path), rows=len(table), columns=len(table.columns))
    text = json.dumps(entries, indent=2, sort_keys=True) + "\n"
    (course.root / "datasets" / MANIFEST).write_text(text)
    return entries
