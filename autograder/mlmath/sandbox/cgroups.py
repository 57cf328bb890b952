"""Control groups: memory and tasks summed over a whole process tree.

rlimits count one process at a time; a cgroup counts a submission and everything it
starts. Each grading slot's sandbox lives in a group of its own, and the grading
worker in another, so that one runaway submission or one huge answer costs its own
slot, never the machine. Works with cgroup v2 (a writable unified hierarchy with the
memory and pids controllers) or v1 (writable memory and pids hierarchies); where
neither is writable, `available()` says so and grading falls back to rlimits.
"""

import contextlib
import os
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PREFIX = "mlmath-"


def _writable(folder: Path) -> bool:
    probe = folder / f"{PREFIX}probe-{os.getpid()}"
    try:
        probe.mkdir()
        probe.rmdir()
        return True
    except OSError:
        return False


def _layout() -> dict[str, Path] | None:
    """{"memory": folder, "pids": folder} under which groups can be made, or None."""
    unified = ROOT / "cgroup.controllers"
    if unified.exists():
        controllers = set(unified.read_text().split())
        if {"memory", "pids"} <= controllers and _writable(ROOT):
            with contextlib.suppress(OSError):
                (ROOT / "cgroup.subtree_control").write_text("+memory +pids")
            return {"memory": ROOT, "pids": ROOT}
        return None
    v1 = {name: ROOT / name for name in ("memory", "pids")}
    if all(folder.is_dir() and _writable(folder) for folder in v1.values()):
        return v1
    return None


_LAYOUT: dict | None = None
_PROBED = False


def layout():
    global _LAYOUT, _PROBED
    if not _PROBED:
        _LAYOUT, _PROBED = _layout(), True
    return _LAYOUT


def available() -> bool:
    return layout() is not None


def _v2() -> bool:
    found = layout()
    return found is not None and found["memory"] == found["pids"]


class Group:
    """One cgroup (in each hierarchy it needs) with a memory and a task limit."""

    def __init__(self, name: str):
        self.folders = {
            kind: folder / f"{PREFIX}{os.getpid()}-{name}" for kind, folder in layout().items()
        }
        for folder in set(self.folders.values()):
            folder.mkdir(exist_ok=True)

    def add(self, pid: int):
        for folder in set(self.folders.values()):
            (folder / "cgroup.procs").write_text(str(pid))

    def usage(self) -> int:
        name = "memory.current" if _v2() else "memory.usage_in_bytes"
        return int((self.folders["memory"] / name).read_text())

    def tasks(self) -> int:
        return int((self.folders["pids"] / "pids.current").read_text())

    def limit(self, memory_bytes: int | None = None, tasks: int | None = None):
        if memory_bytes is not None:
            name = "memory.max" if _v2() else "memory.limit_in_bytes"
            (self.folders["memory"] / name).write_text(str(int(memory_bytes)))
            if not _v2():  # swap must not become the way around the limit
                with contextlib.suppress(OSError):
                    (self.folders["memory"] / "memory.memsw.limit_in_bytes").write_text(
                        str(int(memory_bytes))
                    )
        if tasks is not None:
            (self.folders["pids"] / "pids.max").write_text(str(int(tasks)))

    def oom_kills(self) -> int:
        """How many times the kernel killed a process of this group for memory."""
        folder = self.folders["memory"]
        try:
            if _v2():
                text = (folder / "memory.events").read_text()
            else:
                text = (folder / "memory.oom_control").read_text()
        except OSError:
            return 0
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        if not _v2():
            return int((folder / "memory.failcnt").read_text())
        return 0

    def remove(self):
        for folder in set(self.folders.values()):
            _remove(folder)


def _remove(folder: Path):
    procs = folder / "cgroup.procs"
    with contextlib.suppress(OSError):
        for pid in procs.read_text().split():
            with contextlib.suppress(OSError):
                os.kill(int(pid), 9)
    for _ in range(100):
        try:
            folder.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            import time

            time.sleep(0.02)


def remove_stale():
    """Groups left by a run that was killed (kill -9): their processes are gone."""
    found = layout()
    if found is None:
        return
    for folder in set(found.values()):
        for group in folder.glob(f"{PREFIX}*"):
            owner = group.name[len(PREFIX) :].split("-", 1)[0]
            if owner.isdigit() and not alive(int(owner)):
                _remove(group)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
