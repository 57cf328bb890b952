"""Who a submission belongs to, from files, folders, zips and a mapping (the README's rule)."""

import os
import zipfile
from pathlib import Path

import pytest

from mlmath.errors import MlmathError
from mlmath.grading.submissions import collect, read_mapping

NOTEBOOK = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'


def _write(path: Path, data: bytes = NOTEBOOK, mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def _students(collection):
    return {s.student: s.label for s in collection.submissions}


def test_a_notebook_file_is_its_name(tmp_path):
    path = _write(tmp_path / "alice_smith.ipynb")
    assert _students(collect([path], "ps01-x", {})) == {"alice_smith": str(path)}


def test_folder_of_student_folders_and_loose_notebooks(tmp_path):
    _write(tmp_path / "export/alice/ps01-x.ipynb")
    _write(tmp_path / "export/bob/work/ps01-x.ipynb")
    _write(tmp_path / "export/carol.ipynb")
    _write(tmp_path / "export/.ipynb_checkpoints/carol-checkpoint.ipynb")
    _write(tmp_path / "export/__MACOSX/alice/ps01-x.ipynb")
    assert sorted(_students(collect([tmp_path / "export"], "ps01-x", {}))) == [
        "alice", "bob", "carol"]  # fmt: skip


def test_a_zip_with_one_notebook_is_the_students_own_export(tmp_path):
    path = tmp_path / "dave.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ps01-x.ipynb", NOTEBOOK)
        archive.writestr("data/iris.csv", "a,b\n")
    assert list(_students(collect([path], "ps01-x", {}))) == ["dave"]


def test_an_lms_zip_of_folders_and_nested_zips(tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("ps01-x.ipynb", NOTEBOOK)
    path = tmp_path / "gradescope.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("erin/ps01-x.ipynb", NOTEBOOK)
        archive.writestr("frank/ps01-x.ipynb", NOTEBOOK)
        archive.writestr("gina.zip", inner.read_bytes())
    assert sorted(_students(collect([path], "ps01-x", {}))) == ["erin", "frank", "gina"]


def test_the_mapping_overrides_the_rule(tmp_path):
    _write(tmp_path / "export/s123/ps01-x.ipynb")
    _write(tmp_path / "export/s456.ipynb")
    mapping_file = tmp_path / "map.csv"
    mapping_file.write_text("submission,student\ns123,alice@uni.edu\ns456.ipynb,bob@uni.edu\n")
    mapping = read_mapping(mapping_file)
    assert sorted(_students(collect([tmp_path / "export"], "ps01-x", mapping))) == [
        "alice@uni.edu", "bob@uni.edu"]  # fmt: skip


def test_a_mapping_without_the_right_columns_is_a_clear_error(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("name,id\nx,y\n")
    with pytest.raises(MlmathError, match="submission,student"):
        read_mapping(path)


def test_newest_wins_and_the_problem_set_name_is_preferred(tmp_path):
    older = _write(tmp_path / "export/alice/ps01-x.ipynb", b"1" + NOTEBOOK, mtime=1_000)
    newer = _write(tmp_path / "export/alice/ps01-x-final.ipynb", b"2" + NOTEBOOK, mtime=2_000)
    _write(tmp_path / "export/alice/scratch.ipynb", b"3" + NOTEBOOK, mtime=3_000)
    collection = collect([tmp_path / "export"], "ps01-x", {})
    assert [s.label for s in collection.submissions] == ["export/alice/ps01-x-final.ipynb"]
    superseded = sorted(old.label for old, kept in collection.superseded)
    assert superseded == ["export/alice/ps01-x.ipynb", "export/alice/scratch.ipynb"]
    assert newer.exists() and older.exists()


def test_missing_paths_and_broken_zips_become_their_own_rows(tmp_path):
    broken = _write(tmp_path / "hank.zip", b"not a zip")
    collection = collect([tmp_path / "nobody.ipynb", broken], "ps01-x", {})
    problems = {s.student: s.problem for s in collection.submissions}
    assert problems == {"nobody": "no such file or folder", "hank": "not a valid zip file"}
