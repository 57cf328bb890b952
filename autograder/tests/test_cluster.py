"""Grading and validation on a real Dask cluster: a `dask scheduler` and two `dask worker`
processes on loopback, compared score by score with the local executor."""

import json
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import run_mlmath

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")

from mlmath.executor.dask_cluster import DaskExecutor, LoopbackCluster  # noqa: E402
from mlmath.grading.batch import grade_batch  # noqa: E402
from mlmath.sandbox.isolation import Limits  # noqa: E402

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    env = {"PYTHONPATH": str(HERE)}  # the workers import this module's setups
    with LoopbackCluster(2, tmp_path_factory.mktemp("dask"), env) as running:
        client = distributed.Client(running.address, timeout="60s")
        try:
            yield running.address, client
        finally:
            client.close()


@pytest.fixture(scope="module")
def batch(built_mini, tmp_path_factory):
    """Twelve submissions: solutions, blanks, a wrong answer, a crash and a broken file."""
    folder = tmp_path_factory.mktemp("cluster-subs")
    solution = (built_mini / "dist/solutions/ps01-mini.ipynb").read_text()
    blank = (built_mini / "dist/student/ps01-mini/ps01-mini.ipynb").read_text()
    wrong = solution.replace("return x * x", "return 2 * x")
    assert wrong != solution
    crash = solution.replace("return x * x", "import os; os._exit(3)")
    for index in range(12):
        text = [solution, blank, wrong, crash][index % 4]
        (folder / f"s{index:02d}.ipynb").write_text(text)
    (folder / "s99.ipynb").write_text("{ not a notebook")
    return folder


def _scores(gradebook: Path) -> dict[str, tuple]:
    with sqlite3.connect(gradebook) as db:
        rows = db.execute("SELECT student, status, score FROM submissions").fetchall()
    students = [row[0] for row in rows]
    assert len(students) == len(set(students)), "a submission was recorded twice"
    return {student: (status, score) for student, status, score in rows}


def _grade_cli(built_mini, batch, gradebook, *options):
    run_mlmath(
        "grade", "ps01-mini", str(batch), "--gradebook", str(gradebook), "-q", *options,
        course=built_mini, check=True, timeout=600,
    )  # fmt: skip
    return _scores(gradebook)


@pytest.fixture(scope="module")
def local_scores(built_mini, batch, tmp_path_factory):
    return _grade_cli(built_mini, batch, tmp_path_factory.mktemp("local") / "g.sqlite")


def test_the_cluster_grades_exactly_as_the_local_executor(
    cluster, built_mini, batch, tmp_path, local_scores
):
    address, _client = cluster
    ours = _grade_cli(built_mini, batch, tmp_path / "g.sqlite", "--scheduler", address)
    assert ours == local_scores
    assert len(ours) == 13
    assert {status for status, _ in ours.values()} >= {"graded", "invalid"}


class _KillAfterFirst:
    """The real executor, but after the first result one worker's process is killed."""

    def __init__(self, executor, client):
        self.executor, self.client = executor, client
        self.slots = executor.slots

    def run(self, tasks, setup, **options):
        for count, finished in enumerate(self.executor.run(tasks, setup, **options)):
            if count == 0:
                pids = self.client.run(os.getpid)
                os.kill(pids[sorted(pids)[0]], signal.SIGKILL)
            yield finished


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(
    cluster, built_mini, batch, tmp_path, local_scores
):
    address, client = cluster
    executor = DaskExecutor(address)
    gradebook = tmp_path / "g.sqlite"
    try:
        summary = grade_batch(
            "ps01-mini",
            built_mini / "dist/autograder/ps01-mini.zip",
            [batch],
            executor=_KillAfterFirst(executor, client),
            limits=Limits(timeout=60, memory_mb=1024),
            gradebook_path=gradebook,
            regrade=False,
            mapping={},
            progress=False,
        )
    finally:
        executor.close()
    assert summary.graded == 13
    assert _scores(gradebook) == local_scores
    client.wait_for_workers(2, timeout=120)  # the nanny brings the killed worker back


def test_validate_on_the_cluster_reports_as_locally(cluster, built_mini, tmp_path):
    address, _client = cluster
    reports = {}
    for where, options in (("local", ()), ("cluster", ("--scheduler", address))):
        course = tmp_path / where
        shutil.copytree(built_mini, course)
        run_mlmath("validate", "--jobs", "2", *options, course=course, check=True, timeout=900)
        report = json.loads((course / "dist/report.json").read_text())
        for entry in report["sets"]:
            entry.pop("seconds", None)
            for question in entry.get("questions", []):
                question.pop("seconds", None)
        reports[where] = report["sets"]
    assert reports["cluster"] == reports["local"]


class KillsItsWorker:
    """A setup whose every task kills the Dask worker process running it."""

    def __call__(self, slot):
        def work(task):
            forkserver = os.getppid()
            with open(f"/proc/{forkserver}/stat") as handle:
                dask_worker = int(handle.read().rsplit(")", 1)[1].split()[1])
            os.kill(dask_worker, signal.SIGKILL)
            time.sleep(30)

        return work


def test_a_task_that_kills_two_workers_is_recorded_not_retried_forever(cluster):
    address, client = cluster
    executor = DaskExecutor(address)
    try:
        results = list(executor.run(["poison"], KillsItsWorker()))
    finally:
        executor.close()
    assert len(results) == 1
    assert "2 workers of the cluster died while running this task" in results[0].error
    client.wait_for_workers(2, timeout=120)
