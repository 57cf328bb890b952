"""Who a submission belongs to, from files, folders, zips and a mapping (the README's rule)."""

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from mlmath.errors import MlmathError
from mlmath.grading.submissions import Unreadable, collect, read_mapping

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


def test_missing_paths_are_errors_and_broken_zips_their_own_rows(tmp_path):
    broken = _write(tmp_path / "hank.zip", b"not a zip")
    with pytest.raises(MlmathError, match="nobody.ipynb: no such file or folder"):
        collect([tmp_path / "nobody.ipynb", broken], "ps01-x", {})
    problems = {s.student: s.problem for s in collect([broken], "ps01-x", {}).submissions}
    assert problems["hank"].startswith("not a readable zip file")


def _hostile_zip(path: Path, patch) -> Path:
    """A zip of one notebook member, then ``patch(data, offsets)`` on its raw bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ps01-x.ipynb", NOTEBOOK * 50)
    data = bytearray(buffer.getvalue())
    local = 0
    central = data.rindex(b"PK\x01\x02")
    patch(data, local, central)
    return _write(path, bytes(data))


def _set_flag(bit):
    def patch(data, local, central):
        for header, offset in ((local, 6), (central, 8)):
            flags = struct.unpack_from("<H", data, header + offset)[0] | bit
            struct.pack_into("<H", data, header + offset, flags)

    return patch


def _set_u16(local_offset, central_offset, value):
    def patch(data, local, central):
        struct.pack_into("<H", data, local + local_offset, value)
        struct.pack_into("<H", data, central + central_offset, value)

    return patch


def _invalid_utf8_name(data, local, central):
    _set_flag(0x800)(data, local, central)  # "the name is UTF-8", then a byte that is not
    data[local + 30] = 0xFF
    data[central + 46] = 0xFF


def _corrupt_stream(data, local, central):
    start = local + 30 + len("ps01-x.ipynb")
    data[start : start + 8] = b"\xff" * 8


HOSTILE_ZIPS = {
    "encrypted": _set_flag(0x1),
    "unknown-compression": _set_u16(8, 10, 99),
    "month-zero": _set_u16(12, 14, (2024 - 1980) << 9 | 0 << 5 | 1),
    "invalid-utf8-name": _invalid_utf8_name,
    "corrupt-deflate": _corrupt_stream,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_ZIPS))
def test_a_zip_python_cannot_read_is_its_own_row_and_the_rest_goes_on(tmp_path, kind):
    export = tmp_path / "export"
    _hostile_zip(export / f"{kind}.zip", HOSTILE_ZIPS[kind])
    _write(export / "honest.ipynb")
    collection = collect([export], "ps01-x", {})
    by_student = {s.student: s for s in collection.submissions}
    assert set(by_student) == {kind, "honest"}
    assert by_student["honest"].read() == NOTEBOOK
    hostile = by_student[kind]
    if kind == "month-zero":  # a bad date is not a reason to refuse the work
        assert hostile.read() == NOTEBOOK * 50
        return
    with pytest.raises(Unreadable) as error:
        hostile.read()
    assert str(error.value)


def test_symbolic_links_in_a_folder_are_refused_with_a_reason(tmp_path):
    secret = _write(tmp_path / "elsewhere/solution.ipynb")
    export = tmp_path / "export"
    (export / "mallory").mkdir(parents=True)
    (export / "mallory" / "ps01-x.ipynb").symlink_to(secret)
    (export / "trudy").symlink_to(secret.parent, target_is_directory=True)
    _write(export / "alice/ps01-x.ipynb")
    by_student = {s.student: s for s in collect([export], "ps01-x", {}).submissions}
    assert by_student["alice"].read() == NOTEBOOK
    for name in ("mallory", "trudy"):
        assert by_student[name].locator is None
        assert "symbolic link" in by_student[name].problem


def test_many_large_notebooks_are_never_held_in_memory_together(tmp_path):
    """Collecting keeps locators, not bytes: a small zip of huge notebooks costs nothing."""
    big = (
        b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "x": "'
        + (b" " * (40 << 20))
        + b'"}'
    )
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for n in range(6):
            archive.writestr(f"student{n}/ps01-x.ipynb", big)
    assert path.stat().st_size < 2 << 20
    collection = collect([path], "ps01-x", {})
    assert len(collection.submissions) == 6
    assert all(not hasattr(s, "data") for s in collection.submissions)
    assert collection.submissions[0].read() == big
