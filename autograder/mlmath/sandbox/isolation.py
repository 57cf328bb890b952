"""Start the warm process (the zygote) that forks one isolated child per submission.

On Linux with bubblewrap, the zygote lives in its own mount, PID, network, IPC and UTS
namespaces and sees only the system's libraries, Python, the runtime in
mlmath/sandbox and the problem set's data files: no tests, solutions, other
submissions or gradebook exist in there. Where cgroups are writable, each slot's
sandbox is a cgroup whose memory and task limits sum over the whole tree of the
submission it runs. Without bubblewrap it runs unconfined, and `isolation_warning()`
says so loudly; without cgroups, `limits_note()` says what is not enforced.
"""

import ctypes
import functools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import cgroups

RUNTIME = Path(__file__).resolve().parent / "runtime"
SANDBOX_RUNTIME = "/opt/mlmath/runtime"
SANDBOX_SUPPORT = "/opt/support"  # the files students get beside the notebook: data, helpers
CLONE_NEWNS, MS_REC, MS_PRIVATE = 0x20000, 16384, 1 << 18
MS_RDONLY, MS_REMOUNT, MS_BIND = 1, 32, 4096
SLOT_UID_BASE = 61000  # each slot's children run as their own unprivileged user
WORKER_UID_BASE = 62000  # each slot's grading worker runs the tests as this user
STAGED_ROOTS = "/opt/mlmath/python"  # Python folders under /tmp, bound again per child
# folders a submission gets fresh and empty: Python living under them is bound back in
PRIVATE_FOLDERS = ("/tmp", "/dev/shm", "/sub")


@dataclass(frozen=True)
class Limits:
    timeout: float = 60.0  # wall clock per submission
    memory_mb: int = 1024  # beyond what the warm process already holds
    call_seconds: float = 10.0  # each cell, and each call a test makes into student code
    file_mb: int = 32  # largest file, and size of the private working folder and /tmp
    processes: int = 16  # tasks (processes and threads) the submission's user may have
    max_frame_mb: int = 64  # largest value that may come back from student code
    worker_memory_mb: int = 4096  # the grading worker itself (decoding student answers)


@functools.cache
def bubblewrap() -> str | None:
    """bwrap's path, if it is installed and can make namespaces here (some systems forbid
    unprivileged user namespaces, and then bwrap is as good as missing)."""
    path = shutil.which("bwrap")
    if path is None:
        return None
    probe = [path, "--unshare-pid", "--unshare-net", "--die-with-parent",
             "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"]  # fmt: skip
    try:
        works = subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        works = False
    return path if works else None


def isolation_warning() -> str | None:
    if sys.platform != "linux":
        return "not on Linux: submissions run without namespaces or resource limits"
    if bubblewrap() is None:
        return (
            "bubblewrap (bwrap) is not installed, or cannot create namespaces here: "
            "submissions can read files on this machine, including tests and solutions, "
            "and reach the network. Install it (apt-get install bubblewrap) for isolated "
            "grading."
        )
    if os.getuid() != 0:
        return (
            "not running as root: submissions share the grader's user, so limits on "
            "processes and private working folders are weaker"
        )
    return None


def limits_note() -> str | None:
    """What is not enforced on this machine for lack of writable cgroups."""
    if sys.platform == "linux" and os.getuid() == 0 and cgroups.available():
        return None
    return (
        "no writable cgroups: memory is limited per process (RLIMIT_AS), not summed over "
        "a submission's processes, and the grading worker's own memory is not capped"
    )


def _under_private_folder(root: str) -> bool:
    return any(root == f or root.startswith(f + "/") for f in PRIVATE_FOLDERS)


def staged_roots() -> list[tuple[str, str]]:
    """(staging path, real path) of each Python folder that a submission's fresh /tmp
    would hide: bubblewrap binds it a second time where the child can bind it back."""
    return [
        (f"{STAGED_ROOTS}/{index}", root)
        for index, root in enumerate(r for r in _python_roots() if _under_private_folder(r))
    ]


def _python_roots() -> list[str]:
    roots = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), sys.prefix}
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            roots.add(entry)
    # keep only the outermost folders
    ordered = sorted(roots, key=len)
    return [r for i, r in enumerate(ordered) if not any(r.startswith(o + "/") for o in ordered[:i])]


def _bind_with_parents(target: str, source: str | None = None) -> list[str]:
    args, parts = [], Path(target).parts
    for depth in range(2, len(parts)):
        args += ["--perms", "0755", "--dir", str(Path(*parts[:depth]))]
    return args + ["--ro-bind", source or target, target]


def bwrap_command(support_dir: Path | None, limits: Limits) -> list[str]:
    args = [
        bubblewrap(), "--clearenv",  # --setenv below must come after it
        "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
        "--unshare-cgroup-try", "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr", "--ro-bind-try", "/bin", "/bin",
        "--ro-bind-try", "/lib", "/lib", "--ro-bind-try", "/lib64", "/lib64",
        "--ro-bind-try", "/sbin", "/sbin",
        "--proc", "/proc", "--dev", "/dev",
        "--perms", "0755", "--tmpfs", "/sub",
        "--size", str(limits.file_mb * 1024 * 1024), "--tmpfs", "/tmp",
    ]  # fmt: skip
    for root in _python_roots():
        if not root.startswith("/usr/"):
            args += _bind_with_parents(root)
    for staged, real in staged_roots():
        args += _bind_with_parents(staged, real)
    args += _bind_with_parents(SANDBOX_RUNTIME, str(RUNTIME))
    if support_dir is not None:
        args += ["--ro-bind", str(support_dir), SANDBOX_SUPPORT]
    for name, value in _environment().items():
        args += ["--setenv", name, value]
    return args + ["--chdir", "/sub"]


def _environment() -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin", "HOME": "/tmp", "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
    }  # fmt: skip


def slot_uid(slot: int) -> int:
    """The unprivileged user of a slot's submissions, unique to this run (the grading
    coordinator's pid): ending every process of one run's slot user never touches
    another run's submissions, even when two batches grade at once."""
    return SLOT_UID_BASE + (os.getppid() % 2000) * 32 + slot % 32


class Zygote:
    """One warm process for one grading slot, in a cgroup of its own where possible."""

    def __init__(
        self, slot: int, support_dir: Path | None, limits: Limits, scratch: Path, watch=()
    ):
        self.slot = slot
        self.limits = limits
        self.uid = slot_uid(slot)
        self.sandboxed = bubblewrap() is not None and sys.platform == "linux"
        self.scratch = scratch
        self.support_dir = support_dir
        self.watch = list(watch)
        self._counter = 0
        self.group = _group(f"slot{slot}")
        # without the sandbox the child makes its own folder in here (made now: the
        # worker may soon see the file system read-only)
        self.work = str(scratch / f"work-{slot}")
        os.makedirs(self.work, exist_ok=True)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        python = [sys.executable, "-I"]
        if self.sandboxed:
            command = (
                bwrap_command(support_dir, limits)
                + python
                + [f"{SANDBOX_RUNTIME}/zygote.py", str(theirs.fileno())]
            )
            env = None
        else:
            command = python + [str(RUNTIME / "zygote.py"), str(theirs.fileno())]
            env = {**os.environ, **_environment()}
        group = self.group
        self.process = subprocess.Popen(
            command,
            pass_fds=(theirs.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=(lambda: group.add(os.getpid())) if group else None,
        )
        theirs.close()
        self.control = ours
        if self._reply().get("op") != "preloaded":
            raise RuntimeError("the grading sandbox did not start")
        if self.group is not None:
            # what the warm process holds is shared by every child; each submission may
            # add memory_mb on top, summed over all its processes
            self.group.limit(
                memory_bytes=self.group.usage() + limits.memory_mb * 1024 * 1024,
                tasks=self.group.tasks() + 2 + limits.processes,
            )

    def oom_kills(self) -> int:
        return self.group.oom_kills() if self.group is not None else 0

    def spawn(self) -> tuple[socket.socket, int]:
        """A connected socket to a fresh child for one submission, and the child's id."""
        self._counter += 1
        child_id = self._counter
        mine, theirs = socket.socketpair()
        work = "/sub/work" if self.sandboxed else self.work
        settings = {
            "work": work, "tmp_bytes": self.limits.file_mb * 1024 * 1024,
            "support": SANDBOX_SUPPORT if self.sandboxed else (
                str(self.support_dir) if self.support_dir else None),
            "memory_mb": self.limits.memory_mb, "cpu_seconds": self.limits.timeout + 5,
            "file_bytes": self.limits.file_mb * 1024 * 1024, "processes": self.limits.processes,
            "uid": self.uid if self.sandboxed or python_readable_by_others() else 0,
            "max_frame": self.limits.max_frame_mb * 1024 * 1024,
            "private_mounts": self.sandboxed, "watch": self.watch,
            "rebind": staged_roots() if self.sandboxed else [],
        }  # fmt: skip
        order = json.dumps({"op": "fork", "id": child_id, "settings": settings})
        socket.send_fds(self.control, [order.encode()], [theirs.fileno()])
        theirs.close()
        reply = self._reply()
        if reply.get("id") != child_id:
            raise RuntimeError("the grading sandbox did not start a child")
        return mine, child_id

    def reap(self, child_id: int, grace: float = 0.5) -> str:
        """Stop the child and all it started; how it ended ('exit 0', 'signal 9', ...)."""
        order = {"op": "reap", "id": child_id, "grace": grace, "uid": self.uid}
        self.control.send(json.dumps(order).encode())
        return str(self._reply().get("status", "unknown"))

    def _reply(self) -> dict:
        data = self.control.recv(1 << 16)
        if not data:
            raise RuntimeError("the grading sandbox stopped (see `mlmath grade` limits)")
        return json.loads(data)

    def close(self):
        try:
            self.control.close()
            self.process.kill()
            self.process.wait(5)
        except OSError:
            pass
        if self.group is not None:
            self.group.remove()


def _group(name: str):
    """A cgroup for this process's ``name``, or None where cgroups are not ours to make."""
    if sys.platform != "linux" or os.getuid() != 0 or not cgroups.available():
        return None
    try:
        return cgroups.Group(name)
    except OSError:
        return None


def confine_worker(slot: int, limits: Limits):
    """The grading worker: a cgroup of its own (a huge answer costs this worker, not the
    machine), then, as root, an unprivileged user of its own for the rest of its life."""
    group = _group(f"worker{slot}")
    if group is not None:
        group.add(os.getpid())
        group.limit(memory_bytes=group.usage() + limits.worker_memory_mb * 1024 * 1024)
    return group


def drop_privileges(slot: int) -> str:
    """After its sandbox has started, the grading worker gives up what it does not need.

    As root, it becomes an unprivileged user of its own when the Python installation is
    readable by other users; where it is not (Python under /root), it instead enters a
    mount namespace of its own in which every file system is read-only. Either way the
    process that talks to student code can write no file. Returns what was done.
    """
    if sys.platform != "linux" or os.getuid() != 0:
        return "the worker runs as the invoking user"
    if python_readable_by_others():
        uid = WORKER_UID_BASE + slot
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        return "the worker runs as an unprivileged user"
    if _read_only_view():
        return "the worker sees every file system read-only"
    return "the worker could not give up root"


@functools.cache
def python_readable_by_others() -> bool:
    """Whether another user could run this Python (not so for one installed under /root)."""
    return all(_readable_by_others(Path(p)) for p in sys.path if p and os.path.isdir(p))


def _readable_by_others(path: Path) -> bool:
    path = path.resolve()
    for folder in [path, *path.parents]:
        mode = folder.stat().st_mode
        if not mode & 0o001 or (folder == path and not mode & 0o004):
            return False
    return True


def _read_only_view() -> bool:
    """A private mount namespace with every mount remounted read-only."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNS) != 0:
        return False
    libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None)
    with open("/proc/self/mounts") as mounts:
        points = [line.split()[1] for line in mounts]
    for point in sorted(set(points), key=len):
        target = point.encode().decode("unicode_escape").encode()
        libc.mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY, None)
    probe = Path(tempfile.gettempdir()) / f".mlmath-write-probe-{os.getpid()}"
    try:
        probe.write_text("")
    except OSError:
        return True
    probe.unlink()
    return False
