"""The shipped datasets match their manifest, and tampering is caught."""

import shutil

from conftest import REPO

from mlmath.course.datasets import load, manifest, verify
from mlmath.course.sets import Course


def test_every_shipped_dataset_matches_its_checksum_and_size():
    course = Course(REPO)
    assert verify(course) == []
    for name, entry in manifest(course).items():
        table = load(name, course)
        assert table.shape == (entry["rows"], entry["columns"]), name


def test_a_changed_file_and_an_unlisted_file_are_reported(tmp_path):
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    (tmp_path / "assignments").mkdir()
    iris = tmp_path / "datasets" / "iris.csv"
    iris.write_text(iris.read_text().replace("5.1", "5.2", 1))
    (tmp_path / "datasets" / "extra.csv").write_text("a,b\n1,2\n")
    problems = verify(Course(tmp_path))
    assert any("iris" in p and "sha256" in p for p in problems)
    assert any("extra.csv" in p for p in problems)


def test_the_datasets_readme_documents_every_dataset():
    readme = (REPO / "datasets/README.md").read_text()
    for name, entry in manifest(Course(REPO)).items():
        assert f"| {name} | `{entry['file']}` | {entry['rows']} |" in readme
        assert entry["license"] in readme
