"""What students install: the packages a notebook and its checks import, pinned to the
versions this grader runs, so that a public check means the same on a student's machine,
in a student repository's CI and at grading time."""

from importlib import metadata

from ..errors import MlmathError

# What the notebooks, the tests and otter's checks import (a kernel included); Jupyter
# itself is the student's choice (JupyterLab, VS Code, ...), so it is not pinned here.
STUDENT_PACKAGES = ["otter-grader", "numpy", "scipy", "pandas", "matplotlib", "ipykernel"]
GRADING_PYTHON = "3.11"  # the autograder zip's Python, and the student repositories' CI
# The autograder zip lets otter's own environment choose within the course's ranges.
GRADING_REQUIREMENTS = ["numpy>=1.26", "scipy>=1.11", "pandas>=2.1", "matplotlib>=3.8"]


def pinned(packages=STUDENT_PACKAGES) -> list[str]:
    """``name==version`` for each package, as installed beside this grader."""
    pins = []
    for name in packages:
        try:
            pins.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            raise MlmathError(
                f"{name} is not installed beside mlmath: its version cannot be pinned for "
                "students (run `bash ci/setup.sh`)"
            ) from None
    return pins


def requirements_text(lines) -> bytes:
    return ("\n".join(lines) + "\n").encode()
