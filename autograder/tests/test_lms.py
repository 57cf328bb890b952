"""Who a submission belongs to, in exports shaped as each LMS writes them, and a roster."""

import zipfile
from datetime import datetime

import pytest
from lms_fixtures import (
    GradescopeSubmission,
    Submitter,
    blackboard_name,
    canvas_name,
    gradescope_files,
    moodle_folder,
    write_folder,
    write_zip,
)

from mlmath.errors import MlmathError
from mlmath.grading.roster import read_roster
from mlmath.grading.submissions import collect, other_set

SET = "ps02-vectors"


def _notebook(tag: str, name: str = SET) -> bytes:
    """A small notebook whose bytes differ by tag, with the otter line of set `name`."""
    source = f'import otter\\ngrader = otter.Notebook(\\"{name}.ipynb\\")\\n# {tag}'
    return (
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], '
        f'"execution_count": null, "source": "{source}"}}], "metadata": {{}}, '
        '"nbformat": 4, "nbformat_minor": 5}'
    ).encode()


def _by_student(collection):
    return {s.student: s for s in collection.submissions}


FOUR = [
    GradescopeSubmission(111, [Submitter("Ada Lovelace", "1001", "ada@uni.edu")],
                         "2026-12-01 10:15:02.123456000 -0800", {"ps02-vectors.ipynb": b""}),
    GradescopeSubmission(112, [Submitter("Alan Turing", "1002", "alan@uni.edu"),
                               Submitter("Grace Hopper", "1003", "grace@uni.edu")],
                         "2026-12-02 09:00:00.000000000 -0800", {"ps02-vectors.ipynb": b""}),
    GradescopeSubmission(113, [Submitter("Emmy Noether", "1004", "emmy@uni.edu")],
                         "2026-11-30 23:59:59.000000000 -0800", {"work/ps02-vectors.ipynb": b""}),
    GradescopeSubmission(114, [Submitter("Kurt Godel", "1005", "kurt@uni.edu")],
                         "2026-12-01 08:00:00.000000000 -0800", {"answers.zip": b""}),
]  # fmt: skip


def _gradescope(tmp_path, as_zip: bool):
    files = gradescope_files(FOUR)
    for name in files:
        if name.endswith(".ipynb"):
            files[name] = _notebook(name)
        elif name.endswith(".zip"):  # a student's own zip inside the export
            inner = write_zip(tmp_path / "inner.zip", {"ps02-vectors.ipynb": _notebook("kurt")})
            files[name] = inner.read_bytes()
    if as_zip:
        return write_zip(tmp_path / "assignment_5551234_export.zip", files)
    return write_folder(tmp_path / "export", files)


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_a_gradescope_export_credits_every_submitter(tmp_path, as_zip):
    collection = collect([_gradescope(tmp_path, as_zip)], SET, {})
    students = _by_student(collection)
    assert sorted(students) == ["1001", "1002", "1003", "1004", "1005"]
    assert collection.superseded == []
    assert any("Gradescope export" in layout for layout in collection.layouts)
    alan, grace = students["1002"], students["1003"]
    assert alan.locator == grace.locator and alan.content_hash == grace.content_hash
    assert (grace.owner.name, grace.owner.email) == ("Grace Hopper", "grace@uni.edu")
    # the time is Gradescope's created_at, not the file's
    assert (
        students["1001"].submitted_at
        == datetime.fromisoformat("2026-12-01T10:15:02.123456-08:00").timestamp()
    )
    assert students["1005"].read() == _notebook("kurt")


def test_a_gradescope_export_with_broken_metadata_still_tells_submissions_apart(tmp_path):
    files = gradescope_files(FOUR[:2])
    files["assignment_5551234_export/submission_metadata.yml"] = b"submission_111: [unclosed"
    for name in files:
        if name.endswith(".ipynb"):
            files[name] = _notebook(name)
    collection = collect([write_zip(tmp_path / "export.zip", files)], SET, {})
    assert sorted(_by_student(collection)) == ["submission_111", "submission_112"]
    assert any("not readable YAML" in warning for warning in collection.warnings)


def test_a_gradescope_submission_without_a_notebook_is_its_own_row(tmp_path):
    only = [Submitter("Only Pdf", "1006", "pdf@uni.edu")]
    pdf = GradescopeSubmission(115, only, "2026-12-01 08:00:00 -0800", {"answers.pdf": b"%PDF"})
    files = gradescope_files([FOUR[0], pdf])
    files = {name: _notebook(name) if name.endswith(".ipynb") else data
             for name, data in files.items()}  # fmt: skip
    students = _by_student(collect([write_zip(tmp_path / "export.zip", files)], SET, {}))
    assert sorted(students) == ["1001", "1006"]
    assert students["1006"].locator is None
    assert students["1006"].problem == "the submission holds no notebook"


def test_canvas_file_names_give_the_user_the_late_marker_and_the_newest_file(tmp_path):
    files = {
        canvas_name("doejane", 12345, 67890, "ps02-vectors.ipynb"): _notebook("first"),
        canvas_name("doejane", 12345, 67891, "ps02-vectors-1.ipynb"): _notebook("second"),
        canvas_name("smithbob", 22222, 67892, "ps02-vectors.ipynb", late=True): _notebook("b"),
    }
    collection = collect([write_zip(tmp_path / "submissions.zip", files)], SET, {})
    students = _by_student(collection)
    assert sorted(students) == ["12345", "22222"]
    assert students["12345"].read() == _notebook("second")
    superseded = [old.label for old, _ in collection.superseded]
    assert len(superseded) == 1 and superseded[0].endswith("67890_ps02-vectors.ipynb")
    assert students["22222"].owner.late is True and students["12345"].owner.late is False
    assert students["22222"].owner.lms_id == "22222"


def test_moodle_folders_and_file_prefixes(tmp_path):
    files = {
        f"{moodle_folder('Jane Doe', 4001)}/ps02-vectors.ipynb": _notebook("jane"),
        f"{moodle_folder('Bob Smith', 4002)[:-1]}_ps02-vectors.ipynb": _notebook("bob"),
    }
    collection = collect([write_folder(tmp_path / "moodle", files)], SET, {})
    students = _by_student(collection)
    assert sorted(students) == ["4001", "4002"]
    assert students["4001"].owner.name == "Jane Doe"
    assert any("Moodle" in layout for layout in collection.layouts)


def test_blackboard_attempts_keep_the_latest(tmp_path):
    files = {
        blackboard_name("PS02", "jdoe", "2026-12-01-10-00-00", "ps02-vectors.ipynb"): b"1",
        blackboard_name("PS02", "jdoe", "2026-12-01-10-00-00") + ".txt": b"Name: Jane Doe",
        blackboard_name("PS02", "jdoe", "2026-12-01-18-30-00", "ps02-vectors.ipynb"): b"2",
        blackboard_name("PS02", "bsmith", "2026-11-30-09-00-00", "ps02-vectors.ipynb"): b"3",
    }
    collection = collect([write_zip(tmp_path / "gradebook.zip", files)], SET, {})
    students = _by_student(collection)
    assert sorted(students) == ["bsmith", "jdoe"]
    assert students["jdoe"].read() == b"2"
    assert students["jdoe"].submitted_at == datetime(2026, 12, 1, 18, 30).timestamp()


def test_a_students_own_zip_is_never_an_export_of_others(tmp_path):
    """mallory's zip holds bob's name, dated 2107: it is still mallory's, and bob's own
    notebook is the one graded as bob."""
    own = tmp_path / "own.zip"
    with zipfile.ZipFile(own, "w") as archive:
        archive.writestr("ps02-vectors.ipynb", _notebook("mallory"))
        info = zipfile.ZipInfo("bob/ps02-vectors.ipynb", date_time=(2107, 1, 1, 0, 0, 0))
        archive.writestr(info, _notebook("forged"))
        archive.writestr(zipfile.ZipInfo("carol/ps02-vectors.ipynb"), _notebook("forged"))
    export = tmp_path / "export"
    write_folder(export, {"bob/ps02-vectors.ipynb": _notebook("bob")})
    (export / "mallory.zip").write_bytes(own.read_bytes())
    students = _by_student(collect([export], SET, {}))
    assert sorted(students) == ["bob", "mallory"]
    assert students["bob"].read() == _notebook("bob")
    # passed directly, with no export's shape, it is the student's own too
    direct = tmp_path / "mallory.zip"
    with zipfile.ZipFile(direct, "w") as archive:
        archive.writestr("ps02-vectors.ipynb", _notebook("mallory"))
        archive.writestr("bob/ps02-vectors.ipynb", _notebook("forged"))
    assert list(_by_student(collect([direct], SET, {}))) == ["mallory"]


def test_paths_that_are_not_submissions_are_errors(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(MlmathError) as error:
        collect([tmp_path / "nosuch", notes], SET, {})
    assert "nosuch: no such file or folder" in str(error.value)
    assert "notes.txt: not a notebook (.ipynb), a zip or a folder" in str(error.value)


def test_a_roster_maps_ids_and_lists_who_is_missing(tmp_path):
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text(
        "Student ID,Name,Email,SIS User ID,Canvas ID,Section\n"
        "ada,Ada Lovelace,ada@uni.edu,1001,,A\n"
        "alan,Alan Turing,ALAN@uni.edu,,,A\n"
        "jane,Jane Doe,,,12345,B\n"
        "zed,Zed Absent,zed@uni.edu,9999,,B\n"
    )
    roster = read_roster(roster_file)
    files = {canvas_name("doejane", 12345, 1, "ps02-vectors.ipynb"): _notebook("jane")}
    paths = [_gradescope(tmp_path, True), write_zip(tmp_path / "canvas.zip", files)]
    collection = collect(paths, SET, {}, roster)
    students = _by_student(collection)
    assert {"ada", "alan", "jane"} <= set(students)  # by SIS id, by email any case, by LMS id
    assert students["ada"].person.section == "A"
    assert collection.not_on_roster == ["1003", "1004", "1005"]
    assert [p.student for p in collection.without_submission] == ["zed"]


def test_a_roster_without_an_id_column_is_a_clear_error(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("first,last\nA,B\n")
    with pytest.raises(MlmathError, match="student .or id. or email"):
        read_roster(path)
    path.write_text("id,name\nada,Ada\nbob,Bob\nada,Ada again\n")
    with pytest.raises(MlmathError, match="lists 'ada' twice .lines 2 and 4."):
        read_roster(path)


def test_a_notebook_of_another_set_says_which():
    assert other_set(_notebook("x", "ps01-algebra"), SET) == (
        "this looks like a notebook for ps01-algebra, not ps02-vectors"
    )
    assert other_set(_notebook("x"), SET) == ""
    assert other_set(b'{"cells": []}', SET) == ""
