"""Where a course lives on disk, and what one problem set is made of."""

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..errors import MlmathError

SET_NAME = re.compile(r"^ps\d{2}-[a-z0-9-]+$")
QUESTION_NAME = re.compile(r"^q\d+$")


def default_root() -> Path:
    """The course root: $MLMATH_COURSE, else the checkout this package was installed from."""
    if os.environ.get("MLMATH_COURSE"):
        return Path(os.environ["MLMATH_COURSE"]).resolve()
    return Path(__file__).resolve().parents[3]


def question_key(name: str) -> int:
    return int(name[1:])


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    points: float


class ProblemSet:
    """One problem set: its student folder, its solution folder and its metadata."""

    def __init__(self, course: "Course", name: str):
        self.course = course
        self.name = name
        self.folder = course.root / "assignments" / name
        self.solution_folder = course.root / "solutions" / name

    def __repr__(self):
        return f"ProblemSet({self.name!r})"

    @property
    def notebook_path(self) -> Path:
        return self.folder / f"{self.name}.ipynb"

    @property
    def tests_folder(self) -> Path:
        return self.folder / "tests"

    @property
    def solution_path(self) -> Path:
        return self.solution_folder / "solution.py"

    @property
    def variants_path(self) -> Path:
        return self.solution_folder / "variants.py"

    @cached_property
    def metadata(self) -> dict:
        path = self.folder / "problemset.toml"
        if not path.exists():
            raise MlmathError(f"{self.name}: missing {path.relative_to(self.course.root)}")
        try:
            data = tomllib.loads(path.read_text())
        except tomllib.TOMLDecodeError as error:
            raise MlmathError(f"{self.name}: problemset.toml is not valid TOML: {error}") from None
        for key in ("title", "step", "goals", "questions"):
            if key not in data:
                raise MlmathError(f"{self.name}: problemset.toml has no '{key}'")
        return data

    @property
    def title(self) -> str:
        return self.metadata["title"]

    @cached_property
    def questions(self) -> list[Question]:
        found = []
        for name, spec in self.metadata["questions"].items():
            if not QUESTION_NAME.match(name):
                raise MlmathError(f"{self.name}: question '{name}' is not named qN")
            if "points" not in spec:
                raise MlmathError(f"{self.name}: question {name} has no points")
            found.append(Question(name, spec.get("title", name), float(spec["points"])))
        return sorted(found, key=lambda q: question_key(q.name))

    @property
    def dataset_names(self) -> list[str]:
        return list(self.metadata.get("datasets", []))

    @property
    def test_paths(self) -> list[Path]:
        paths = [self.tests_folder / f"{q.name}.py" for q in self.questions]
        for path in paths:
            if not path.exists():
                raise MlmathError(
                    f"{self.name}: missing test file {path.relative_to(self.course.root)}"
                )
        return paths

    @property
    def support_modules(self) -> list[Path]:
        """Python modules the set's tests share (support/*.py), shipped beside the notebook."""
        modules = sorted((self.folder / "support").glob("*.py"))
        for module in modules:
            if module.name == "mlmath_checks.py":
                raise MlmathError(
                    f"{self.name}: support/mlmath_checks.py would hide the "
                    "course's own mlmath_checks"
                )
        return modules

    @property
    def total_points(self) -> float:
        return sum(q.points for q in self.questions)


class Course:
    """A checkout of the course: assignments/, solutions/, datasets/."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root).resolve() if root else default_root()
        if not (self.root / "assignments").is_dir():
            raise MlmathError(f"{self.root} is not an mlmath course (no assignments/ folder)")

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    def set_names(self) -> list[str]:
        return sorted(
            p.name
            for p in (self.root / "assignments").iterdir()
            if p.is_dir() and SET_NAME.match(p.name)
        )

    def problem_set(self, name: str) -> ProblemSet:
        if name not in self.set_names():
            known = ", ".join(self.set_names()) or "none"
            raise MlmathError(f"unknown problem set '{name}' (known: {known})")
        return ProblemSet(self, name)

    def problem_sets(self, names=None) -> list[ProblemSet]:
        return [self.problem_set(n) for n in (names or self.set_names())]
