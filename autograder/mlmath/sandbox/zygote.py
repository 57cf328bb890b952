"""A warm process that forks one isolated child per submission.

Started once per grading slot (inside bubblewrap where available), it imports the
scientific stack once, so a submission's `import numpy` costs nothing. For each
submission the grader sends it one end of a fresh socket; the forked child gives itself
a private, size-limited working folder and /tmp, takes limits on memory, CPU, file size
and processes, drops to the slot's unprivileged user, and runs the notebook.

Usage: python zygote.py CONTROL_FD CHECKS_PATH   (a unix socket to the grader, and
mlmath_checks.py, whose forbid_calls runs in the student's process)
"""

import ctypes
import json
import os
import resource
import shutil
import signal
import socket
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import codec  # noqa: E402
import student  # noqa: E402

CLONE_NEWNS = 0x00020000
MS_REC, MS_PRIVATE, MS_NOSUID, MS_NODEV = 16384, 1 << 18, 2, 4
PRELOAD = ("numpy", "pandas", "scipy", "scipy.special", "scipy.stats", "scipy.linalg",
           "matplotlib", "matplotlib.pyplot")  # fmt: skip


def preload():
    os.environ.setdefault("MPLBACKEND", "Agg")
    for name in PRELOAD:
        try:
            __import__(name)
        except Exception:  # a missing package only costs speed
            pass


def _private_folders(work: str, tmp_bytes: int, data: str | None) -> list[str]:
    """A fresh tmpfs for the working folder and /tmp, seen by this child alone."""
    notes = []
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNS) != 0:
        return ["no private mount namespace (not root?): working folder shared"]
    libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None)
    options = f"size={tmp_bytes},mode=0777".encode()
    for target in (work, "/tmp"):
        os.makedirs(target, exist_ok=True)
        if libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options) != 0:
            notes.append(f"could not mount a private {target}")
    if data and os.path.isdir(data):
        os.symlink(data, os.path.join(work, "data"))
    return notes


def _limit(settings: dict):
    mb = settings["memory_mb"]
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * resource.getpagesize()
    address_space = current + mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = int(settings["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    file_bytes = settings["file_bytes"]
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails, it does not kill
    resource.setrlimit(resource.RLIMIT_NPROC, (settings["processes"], settings["processes"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _become(uid: int):
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)


def _own_folder(base: str, uid: int, data: str | None) -> str:
    """Without a sandbox: a fresh folder of the submission's own under ``base``."""
    work = tempfile.mkdtemp(prefix="submission-", dir=base)
    if os.getuid() == 0:
        os.chown(work, uid, uid)
    if data and os.path.isdir(data):  # a copy: the grader's own folders stay closed to it
        shutil.copytree(data, os.path.join(work, "data"))
        if os.getuid() == 0:
            for root, folders, files in os.walk(work):
                for name in folders + files:
                    os.chown(os.path.join(root, name), uid, uid)
    return work


def child(sock: socket.socket, settings: dict, checks):
    """The forked child: isolate, limit, drop privileges, run the notebook."""
    try:
        os.setsid()
        notes = []
        if settings["private_mounts"] and os.getuid() == 0:
            work = settings["work"]
            notes = _private_folders(work, settings["tmp_bytes"], settings.get("data"))
        else:
            work = _own_folder(settings["work"], settings["uid"], settings.get("data"))
        os.chdir(work)
        os.environ["HOME"] = work
        _limit(settings)
        _become(settings["uid"])
        channel = codec.Channel(sock, settings["max_frame"])
        channel.send({"op": "ready", "notes": notes, "pid": os.getpid()})
        student.run(channel, channel.receive(), checks)
    finally:
        os._exit(0)


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    preload()
    # loaded here, before any student code and any private mount, and kept out of
    # sys.modules, so a notebook can neither hide nor replace it
    checks = student.load_checks(sys.argv[2])
    children = {}
    while True:
        # one datagram per order (a SOCK_SEQPACKET pair); a fork order carries a socket
        data, fds, _flags, _address = socket.recv_fds(control, 1 << 16, 1)
        if not data:
            break
        order = json.loads(data)
        if order["op"] == "fork":
            sock = socket.socket(fileno=fds[0])
            pid = os.fork()
            if pid == 0:
                control.close()
                child(sock, order["settings"], checks)
            sock.close()
            children[order["id"]] = pid
            control.send(json.dumps({"id": order["id"], "pid": pid}).encode())
        elif order["op"] == "reap":
            pid = children.pop(order["id"], None)
            status = _reap(pid, float(order.get("grace", 0)), int(order["uid"]))
            control.send(json.dumps({"id": order["id"], "status": status}).encode())


def _reap(pid, grace, uid):
    """Stop a child (and everything it started) and report how it ended."""
    if pid is None:
        return "unknown"
    deadline = time.monotonic() + grace
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() >= deadline:
            for target in (-pid, pid):  # its session, then itself
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
            _, status = os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    _kill_session(pid)
    _kill_user(uid)
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit {os.WEXITSTATUS(status)}"


def _kill_session(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def _kill_user(uid):
    """Whatever the submission started, even in a new session, runs as the slot's user."""
    if os.getuid() != 0 or uid == 0:
        return
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                owner = next(line for line in status if line.startswith("Uid:")).split()[1]
            if int(owner) == uid:
                os.kill(int(entry), signal.SIGKILL)
        except (OSError, StopIteration, ValueError):
            continue


if __name__ == "__main__":
    main()
