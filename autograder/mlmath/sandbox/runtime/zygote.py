"""A warm process that forks one isolated process tree per submission.

Started once per grading slot (inside bubblewrap where available), it imports the
scientific stack once, so a submission's `import numpy` costs nothing. For each
submission the grader sends it one end of a fresh socket, and it forks a keeper. As
root, the keeper enters new PID, IPC, network and mount namespaces and forks the
submission's process, PID 1 of its own namespace: when that process ends or is killed,
the kernel ends every process the submission started, and its SysV IPC objects, POSIX
shared memory, sockets and files vanish with its namespaces. The submission's process
mounts a private, size-limited working folder, /tmp and /dev/shm, takes limits on
memory, CPU, file size and tasks, drops to the slot's unprivileged user, starts the
forbidden-call watch where the tests need it, and runs the notebook.

Usage: python zygote.py CONTROL_FD
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
import notebook  # noqa: E402
import student  # noqa: E402
import watch  # noqa: E402

CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWIPC, CLONE_NEWNET = 0x20000, 0x20000000, 0x8000000, 0x40000000
MS_REC, MS_PRIVATE, MS_NOSUID, MS_NODEV, MS_BIND = 16384, 1 << 18, 2, 4, 4096
PR_SET_PDEATHSIG = 1
PRELOAD = ("numpy", "pandas", "scipy", "scipy.special", "scipy.stats", "scipy.linalg",
           "scipy.optimize", "matplotlib", "matplotlib.pyplot", "nbformat",
           "IPython.core.inputtransformer2")  # fmt: skip
_libc = ctypes.CDLL(None, use_errno=True)


def preload():
    os.environ.setdefault("MPLBACKEND", "Agg")
    for name in PRELOAD:
        try:
            __import__(name)
        except Exception:  # a missing package only costs speed
            pass
    notebook.to_python("x = 1")  # builds IPython's transformer once


def _mount(source, target, kind, flags, options=None) -> bool:
    return _libc.mount(source, target.encode(), kind, flags, options) == 0


def _private_folders(settings: dict) -> list[str]:
    """Fresh tmpfs for the working folder, /tmp and /dev/shm, seen by this submission
    alone; folders of Python that lived under /tmp are bound back in."""
    notes = []
    _mount(b"none", "/", None, MS_REC | MS_PRIVATE)
    options = f"size={settings['tmp_bytes']},mode=0777".encode()
    for target in (settings["work"], "/tmp", "/dev/shm"):
        os.makedirs(target, exist_ok=True)
        if not _mount(b"tmpfs", target, b"tmpfs", MS_NOSUID | MS_NODEV, options):
            notes.append(f"could not mount a private {target}")
    for staged, real in settings.get("rebind", []):
        os.makedirs(real, exist_ok=True)
        if not _mount(staged.encode(), real, None, MS_BIND | MS_REC):
            notes.append(f"could not bind {real}")
    _mount(b"proc", "/proc", b"proc", MS_NOSUID | MS_NODEV)  # this PID namespace only
    data = os.path.join(settings.get("support") or "", "data")
    if settings.get("support") and os.path.isdir(data):
        os.symlink(data, os.path.join(settings["work"], "data"))
    return notes


def _limit(settings: dict, tasks: int):
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
    resource.setrlimit(resource.RLIMIT_NPROC, (tasks, tasks))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:  # the kernel's out-of-memory killer takes this process, never the zygote
        with open("/proc/self/oom_score_adj", "w") as adj:
            adj.write("1000")
    except OSError:
        pass


def _become(uid: int):
    if os.getuid() == 0 and uid:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)


def _own_folder(base: str, uid: int, data: str | None) -> str:
    """Without namespaces: a fresh folder of the submission's own under ``base``."""
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


def keeper(sock: socket.socket, settings: dict):
    """The zygote's child: new namespaces, then the submission's process, then its end."""
    code = 1
    try:
        os.setsid()
        isolated = settings["private_mounts"] and os.getuid() == 0
        if isolated:
            flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET
            if _libc.unshare(flags) != 0:
                isolated = False
        pid = os.fork()
        if pid == 0:
            submission(sock, settings, isolated)
        sock.close()
        _, status = os.waitpid(pid, 0)
        signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1
        if isolated and not signum and code > 128:  # the namespace's init reports a signal
            signum = code - 128
        if signum:
            _end_by(signum)  # the same way, so the zygote sees how it ended
    finally:
        os._exit(code)


def _end_by(signum: int):
    if signum not in (
        signal.SIGKILL,
        signal.SIGSEGV,
        signal.SIGABRT,
        signal.SIGXCPU,
        signal.SIGTERM,
        signal.SIGINT,
        signal.SIGBUS,
        signal.SIGFPE,
    ):
        signum = signal.SIGKILL  # fmt: skip
    try:
        if signum != signal.SIGKILL:
            signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    except (OSError, ValueError):
        pass


def submission(sock: socket.socket, settings: dict, isolated: bool):
    """The submission's process: PID 1 of its namespace when isolated."""
    try:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the keeper's end is the tree's end
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if isolated:
            notes = _private_folders(settings)
            work = settings["work"]
        else:
            notes = ["no private namespaces (not root?): the working folder is shared"]
            support = settings.get("support")
            data = os.path.join(support, "data") if support else None
            work = _own_folder(settings["work"], settings["uid"], data)
        if isolated:
            _become_init()  # from here on, this is the notebook's process, PID 2
        os.chdir(work)
        os.environ["HOME"] = work
        if settings.get("support"):  # the set's helper modules, as beside the notebook
            sys.path.insert(0, settings["support"])
        watched = settings.get("watch") or []
        # one task, unless the tests need none watched: threads would run unwatched
        _limit(settings, 1 if watched else settings["processes"])
        _become(settings["uid"])
        channel = codec.Channel(sock, settings["max_frame"])
        channel.send({"op": "ready", "notes": notes})
        setup = channel.receive()
        if watched:
            watch.install(watched, sock.fileno())
        student.run(channel, setup)
    finally:
        os._exit(0)


def _become_init():
    """Fork the notebook's process and stay behind as the namespace's init: it waits,
    then ends the way the notebook's process ended (the kernel ends everything else in
    the namespace with it). An init ignores the signals it sends itself; PID 2 does not."""
    pid = os.fork()
    if pid == 0:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        return
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    while True:
        try:
            done, status = os.waitpid(pid, 0)
        except ChildProcessError:
            os._exit(1)
        if done == pid:
            break
    os._exit(128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    preload()
    control.send(json.dumps({"op": "preloaded", "pid": os.getpid()}).encode())
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
                keeper(sock, order["settings"])
            sock.close()
            children[order["id"]] = pid
            control.send(json.dumps({"id": order["id"], "pid": pid}).encode())
        elif order["op"] == "reap":
            pid = children.pop(order["id"], None)
            status = _reap(pid, float(order.get("grace", 0)), int(order["uid"]))
            control.send(json.dumps({"id": order["id"], "status": status}).encode())


def _reap(pid, grace, uid):
    """Stop a submission (and everything it started) and report how it ended."""
    if pid is None:
        return "unknown"
    deadline = time.monotonic() + grace
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() >= deadline:
            for target in (-pid, pid):  # its session, then the keeper itself
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
            _, status = os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    _kill_user(uid)
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit {os.WEXITSTATUS(status)}"


def _kill_user(uid, seconds: float = 5.0):
    """Kill every process of the slot's user until none is left. With namespaces the
    kernel has already ended them all; this is what ends them without."""
    if os.getuid() != 0 or uid == 0:
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = False
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/status") as status:
                    owner = next(line for line in status if line.startswith("Uid:")).split()[1]
                if int(owner) == uid:
                    found = True
                    os.kill(int(entry), signal.SIGKILL)
            except (OSError, StopIteration, ValueError):
                continue
        if not found:
            return
        time.sleep(0.01)


if __name__ == "__main__":
    main()
