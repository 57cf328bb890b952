"""Shared fixtures: the repository, a scratch copy of the miniature course, the CLI."""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE_COURSE = Path(__file__).resolve().parent / "fixtures" / "course"


def run_mlmath(*args, course=None, check=False, timeout=900):
    """Run the real `mlmath` command; returns the CompletedProcess."""
    command = [sys.executable, "-m", "mlmath"]
    if course is not None:
        command += ["--course", str(course)]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        command + list(args), capture_output=True, text=True, timeout=timeout, env=env
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mlmath {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def mlmath_grades(name, folder, workdir, course=None, jobs=2) -> dict[str, dict]:
    """`mlmath grade` a folder of notebooks, then `mlmath export`: student -> CSV row."""
    gradebook, export = workdir / "gradebook.sqlite", workdir / "grades.csv"
    run_mlmath(
        "grade", name, str(folder), "--gradebook", str(gradebook), "-q", "--jobs", str(jobs),
        course=course, check=True, timeout=2400,
    )  # fmt: skip
    run_mlmath(
        "export", name, "--csv", str(export), "--gradebook", str(gradebook),
        course=course, check=True,
    )  # fmt: skip
    with open(export, newline="") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def mini(tmp_path) -> Path:
    """A fresh copy of the miniature course (one set, ps01-mini), safe to break."""
    target = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, target)
    return target


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory) -> Path:
    """The miniature course, built once for tests that only read the releases."""
    target = tmp_path_factory.mktemp("built") / "course"
    shutil.copytree(FIXTURE_COURSE, target)
    run_mlmath("build", course=target, check=True)
    return target
