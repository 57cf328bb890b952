"""Isolation that needs processes of its own: what one submission leaves behind, memory
summed over a submission's tree, a grading worker killed mid-batch, a kill -9 of the
whole command, Python installed under /tmp, and output that is safe to open.

The miniature course (ps01-mini) forbids no call, so its submissions may start
processes: exactly what these attacks need.
"""

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_mlmath

from mlmath.sandbox import cgroups
from mlmath.sandbox.isolation import isolation_warning

pytestmark = pytest.mark.skipif(
    isolation_warning() is not None, reason=f"needs the real sandbox: {isolation_warning()}"
)


def _solution(built: Path) -> dict:
    return json.loads((built / "dist/solutions/ps01-mini.ipynb").read_text())


def _with_cells(notebook: dict, *sources: str, at: int = 3) -> str:
    notebook = json.loads(json.dumps(notebook))
    for offset, source in enumerate(sources):
        notebook["cells"].insert(
            at + offset,
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
             "source": source},
        )  # fmt: skip
    return json.dumps(notebook)


def _scores(gradebook: Path) -> dict[str, tuple]:
    db = sqlite3.connect(gradebook)
    return {
        row[0]: row[1:]
        for row in db.execute("SELECT student, status, reason, score FROM submissions")
    }


LEAVE_BEHIND = """
import ctypes, os, signal, time
from multiprocessing import shared_memory

libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
segment = libc.shmget(0x4D4C4D, 4096, 0o1666)  # IPC_CREAT | 0666: a SysV segment
if segment >= 0:
    address = libc.shmat(segment, None, 0)
    ctypes.memmove(address, b"secret-sysv", 11)
posix = shared_memory.SharedMemory(name="mlmath-secret", create=True, size=64)
posix.buf[:13] = b"secret-posix!"
if os.fork() == 0:  # a daemon that keeps forking and kills whatever its user runs
    os.setsid()
    while True:
        if os.fork() == 0:
            continue
        for _ in range(50):
            try:
                os.kill(-1, signal.SIGKILL)
            except OSError:
                pass
            time.sleep(0.01)
        os._exit(0)
"""

LOOK_FOR_LEFTOVERS = """
import ctypes, os
from multiprocessing import shared_memory

found = []
libc = ctypes.CDLL(None, use_errno=True)
segment = libc.shmget(0x4D4C4D, 4096, 0)
if segment >= 0:
    found.append("sysv")
try:
    shared_memory.SharedMemory(name="mlmath-secret")
    found.append("posix")
except FileNotFoundError:
    pass
# this namespace holds the sandbox's init (PID 1) and this notebook: nothing else
others = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, os.getpid())]
if found or others:
    def square(x):  # what this notebook saw of another submission costs it points
        return 0.0
"""


def test_nothing_of_a_submission_survives_into_the_next_one(built_mini, tmp_path):
    """A daemon that keeps forking and killing, a SysV segment and POSIX shared memory:
    the next submission in the same slot sees none of them and is graded in full."""
    folder = tmp_path / "subs"
    folder.mkdir()
    solution = _solution(built_mini)
    (folder / "a-attacker.ipynb").write_text(_with_cells(solution, LEAVE_BEHIND))
    for name in ("b-honest", "c-honest"):
        (folder / f"{name}.ipynb").write_text(
            _with_cells(solution, LOOK_FOR_LEFTOVERS, at=len(solution["cells"]) - 1)
        )
    gradebook = tmp_path / "g.sqlite"
    run_mlmath("grade", "ps01-mini", str(folder), "--gradebook", str(gradebook), "--jobs", "1",
               "-q", course=built_mini, check=True)  # fmt: skip
    scores = _scores(gradebook)
    for name in ("b-honest", "c-honest"):
        assert scores[name] == ("graded", "", 6.0), scores


HOLD_MEMORY_IN_CHILDREN = """
import os, time

done = []
children = []
for index in range(3):
    pid = os.fork()
    if pid == 0:
        block = bytearray(700 << 20)  # touched: really held
        for offset in range(0, len(block), 4096):
            block[offset] = 1
        open(f"/tmp/holding-{index}", "w").close()
        time.sleep(3)
        os._exit(0)
    children.append(pid)
statuses = [os.waitpid(pid, 0)[1] for pid in children]
held = len([n for n in os.listdir("/tmp") if n.startswith("holding-")])
if held == 3 and all(status == 0 for status in statuses):
    def square(x):  # all three children held 2.1 GB at once: the limit did not hold
        return 0.0
"""


@pytest.mark.skipif(os.getuid() != 0 or not cgroups.available(),
                    reason="memory summed over a submission's processes needs a writable "
                    "memory cgroup (and root)")  # fmt: skip
def test_memory_is_limited_over_the_whole_tree(built_mini, tmp_path):
    notebook = tmp_path / "children.ipynb"
    notebook.write_text(_with_cells(_solution(built_mini), HOLD_MEMORY_IN_CHILDREN))
    honest = tmp_path / "honest.ipynb"
    honest.write_text(json.dumps(_solution(built_mini)))
    gradebook = tmp_path / "g.sqlite"
    run_mlmath("grade", "ps01-mini", str(notebook), str(honest), "--gradebook", str(gradebook),
               "--memory", "1024", "-q", course=built_mini, check=True)  # fmt: skip
    scores = _scores(gradebook)
    assert scores["honest"] == ("graded", "", 6.0)
    status, reason, score = scores["children"]
    assert score == 6.0, scores  # the parent lives on; a child holding too much was killed
    assert status in ("graded", "memory"), reason


def _slow_batch(built: Path, folder: Path, count: int):
    folder.mkdir()
    solution = _solution(built)
    for index in range(count):
        (folder / f"s{index:02d}.ipynb").write_text(
            _with_cells(solution, f"import time\ntime.sleep(0.8)\nnumber = {index}")
        )


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
            except OSError:
                continue
    return found


def test_a_worker_killed_mid_batch_loses_only_its_submission(built_mini, tmp_path):
    folder = tmp_path / "subs"
    _slow_batch(built_mini, folder, 10)
    gradebook = tmp_path / "g.sqlite"
    command = [sys.executable, "-m", "mlmath", "--course", str(built_mini), "grade", "ps01-mini",
               str(folder), "--gradebook", str(gradebook), "--jobs", "2", "-q"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until some are graded, then kill one worker
        try:
            done = sqlite3.connect(gradebook).execute("SELECT COUNT(*) FROM submissions")
            if done.fetchone()[0] >= 2:
                break
        except sqlite3.OperationalError:  # not created yet
            pass
        time.sleep(0.2)
    workers = _children(process.pid)
    assert workers, "no grading worker found"
    os.kill(workers[0], signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    scores = _scores(gradebook)
    assert len(scores) == 10, stdout
    lost = {name for name, (status, _, _) in scores.items() if status != "graded"}
    assert len(lost) <= 1
    for name in lost:
        assert "worker died" in scores[name][1]
    assert all(scores[name] == ("graded", "", 6.0) for name in scores if name not in lost)
    again = run_mlmath("grade", "ps01-mini", str(folder), "--gradebook", str(gradebook), "-q",
                       course=built_mini, check=True)  # fmt: skip
    assert f"graded {len(lost)} submission(s)" in again.stdout
    assert all(row == ("graded", "", 6.0) for row in _scores(gradebook).values())


def test_kill_9_leaves_no_hidden_test_on_disk(built_mini, tmp_path):
    """Hidden tests are held in memory; a killed run's scratch folder goes at the next."""
    hidden = "test_square_random"  # a hidden case's name: only the hidden tests hold it
    folder = tmp_path / "subs"
    _slow_batch(built_mini, folder, 6)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "mlmath", "--course", str(built_mini), "grade", "ps01-mini",
               str(folder), "--gradebook", str(tmp_path / "g.sqlite"), "-q"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(6)
    process.kill()  # SIGKILL: no cleanup of its own runs
    process.wait(30)
    for path in scratch.rglob("*"):
        if path.is_file():
            assert hidden.encode() not in path.read_bytes(), f"{path} holds a hidden test"
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    assert not [p for p in scratch.iterdir() if p.name.startswith("mlmath-grade-")]


def test_python_installed_under_tmp_is_importable_in_the_sandbox(built_mini, tmp_path):
    """The sandbox mounts a fresh /tmp for each submission: a virtual environment that
    lives there must still be seen, or honest imports fail where otter's succeed."""
    venv = Path("/tmp") / f"mlmath-venv-{os.getpid()}"
    shutil.rmtree(venv, ignore_errors=True)
    try:
        subprocess.run(["cp", "-al", sys.prefix, str(venv)], check=True)
        notebook = tmp_path / "imports.ipynb"
        imports = "import IPython.display, scipy.signal, matplotlib.animation, nbformat\n"
        solution = _solution(built_mini)
        for cell in solution["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and "def square" in source:
                cell["source"] = imports + source  # the answer exists only if they import
        notebook.write_text(json.dumps(solution))
        gradebook = tmp_path / "g.sqlite"
        result = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "mlmath", "--course", str(built_mini),
             "grade", "ps01-mini", str(notebook), "--gradebook", str(gradebook), "-q"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert _scores(gradebook)["imports"] == ("graded", "", 6.0)
    finally:
        shutil.rmtree(venv, ignore_errors=True)


def test_exports_and_feedback_are_safe_to_open(built_mini, tmp_path):
    """Student ids that start a spreadsheet formula, hold Markdown or HTML, are very long,
    or read alike: neutralized in the CSV, escaped and kept apart in feedback."""
    folder = tmp_path / "subs"
    folder.mkdir()
    solution = json.dumps(_solution(built_mini))
    ids = ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "# <b>bold <i>x [x](y)", "a b", "a_b",
           "x" * 200]  # fmt: skip
    for student in ids:
        (folder / student).mkdir()
        (folder / student / "ps01-mini.ipynb").write_text(solution)
    gradebook = tmp_path / "g.sqlite"
    run_mlmath("grade", "ps01-mini", str(folder), "--gradebook", str(gradebook), "-q",
               course=built_mini, check=True)  # fmt: skip
    table = tmp_path / "grades.csv"
    run_mlmath("export", "ps01-mini", "--csv", str(table), "--gradebook", str(gradebook),
               check=True)  # fmt: skip
    with open(table, newline="") as handle:
        cells = [row["student"] for row in csv.DictReader(handle)]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert sorted(c.lstrip("'") for c in cells) == sorted(ids)
    out = tmp_path / "feedback"
    printed = run_mlmath("feedback", "ps01-mini", "--out", str(out), "--gradebook",
                         str(gradebook), check=True).stdout  # fmt: skip
    files = sorted(out.iterdir())
    assert len(files) == len(ids)  # none overwrote another
    assert all(len(p.name) <= 100 for p in files)
    for path in files:
        assert path.name in printed  # the mapping of ids to files is printed
        text = path.read_text()
        assert "<b>" not in text and "\n# <" not in text
