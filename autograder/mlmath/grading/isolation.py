"""Start the warm process (the zygote) that forks one isolated child per submission.

On Linux with bubblewrap, the zygote lives in its own mount, PID, network, IPC and UTS
namespaces and sees only the system's libraries, Python, the runtime in
mlmath/sandbox and the problem set's data files: no tests, solutions, other
submissions or gradebook exist in there. Without bubblewrap it runs unconfined, and
`isolation_warning()` says so loudly.
"""

import functools
import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import checks

RUNTIME = Path(__file__).resolve().parent.parent / "sandbox"
CHECKS_FILE = str(Path(checks.__file__).resolve())
SANDBOX_RUNTIME, SANDBOX_CHECKS = "/opt/mlmath/runtime", "/opt/mlmath/mlmath_checks.py"
SLOT_UID_BASE = 61000  # each slot's children run as their own unprivileged user


@dataclass(frozen=True)
class Limits:
    timeout: float = 60.0  # wall clock per submission
    memory_mb: int = 1024  # beyond what the warm process already holds
    call_seconds: float = 10.0  # each cell, and each call a test makes into student code
    file_mb: int = 32  # largest file, and size of the private working folder and /tmp
    processes: int = 16  # tasks (processes and threads) the submission's user may have
    max_frame_mb: int = 64  # largest value that may come back from student code


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


def bwrap_command(data_dir: Path | None, limits: Limits) -> list[str]:
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
    args += _bind_with_parents(SANDBOX_RUNTIME, str(RUNTIME))
    args += ["--ro-bind", CHECKS_FILE, SANDBOX_CHECKS]
    if data_dir is not None:
        args += ["--ro-bind", str(data_dir), "/opt/data"]
    for name, value in _environment().items():
        args += ["--setenv", name, value]
    return args + ["--chdir", "/sub"]


def _environment() -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin", "HOME": "/tmp", "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
    }  # fmt: skip


class Zygote:
    """One warm process for one grading slot."""

    def __init__(self, slot: int, data_dir: Path | None, limits: Limits, scratch: Path):
        self.slot = slot
        self.limits = limits
        self.uid = SLOT_UID_BASE + slot
        self.sandboxed = bubblewrap() is not None and sys.platform == "linux"
        self.scratch = scratch
        self.data_dir = data_dir
        self._counter = 0
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        python = [sys.executable, "-I"]
        if self.sandboxed:
            command = (
                bwrap_command(data_dir, limits)
                + python
                + [
                    f"{SANDBOX_RUNTIME}/zygote.py",
                    str(theirs.fileno()),
                    SANDBOX_CHECKS,
                ]
            )
            env = None
        else:
            command = python + [str(RUNTIME / "zygote.py"), str(theirs.fileno()), CHECKS_FILE]
            env = {**os.environ, **_environment()}
        self.process = subprocess.Popen(
            command,
            pass_fds=(theirs.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        theirs.close()
        self.control = ours

    def spawn(self) -> tuple[socket.socket, int]:
        """A connected socket to a fresh child for one submission, and the child's id."""
        self._counter += 1
        child_id = self._counter
        mine, theirs = socket.socketpair()
        if self.sandboxed:
            work = "/sub/work"  # the child mounts its own tmpfs there
        else:
            work = str(self.scratch / f"work-{self.slot}")  # the child makes a folder in it
            os.makedirs(work, exist_ok=True)
        settings = {
            "work": work, "tmp_bytes": self.limits.file_mb * 1024 * 1024,
            "data": "/opt/data" if self.sandboxed else (str(self.data_dir) if self.data_dir
                                                        else None),
            "memory_mb": self.limits.memory_mb, "cpu_seconds": self.limits.timeout + 5,
            "file_bytes": self.limits.file_mb * 1024 * 1024, "processes": self.limits.processes,
            "uid": self.uid, "max_frame": self.limits.max_frame_mb * 1024 * 1024,
            "private_mounts": self.sandboxed,
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
