"""The forbidden-call watch: a profiler the student's code cannot switch off.

Installed in the student's process before any of its code runs, when the problem set's
tests forbid library functions (mlmath_checks.forbid_calls). Every time a watched
function's code starts to run, the watch writes a "forbidden" notice straight to the
grader's socket; the grader counts a notice that arrives while a forbid_calls call is
in progress against that call. Nothing is kept in this process to be undone later.

What keeps it on (an audit hook, which Python never lets anyone remove, refuses each of
these from then on): replacing or removing the profiler (sys.setprofile, sys.settrace,
threading and cProfile go through the same gate), reaching the watch's own objects
through the garbage collector, adding audit hooks, starting programs (exec, spawn,
fork), loading foreign code or poking memory with ctypes, importing CPython's test
modules, and writing to /proc/*/mem. Threads are refused by the process limit of the
submission's user (one task), so no code runs where the profiler does not.
sys.getprofile is hidden, and the watch reads nothing but what it captured at install.

Identity is by code, as in mlmath_checks.forbid_calls: a renamed import runs the same
code; a copy of a library's file executed again, or its code object renamed, runs code
from the same file and line, which the watch also recognizes. What it does not see is a
copy of the library's source compiled as the student's own, under another file name
and line: that is copying the implementation, not calling it.
"""

import os
import signal
import sys
from importlib import import_module

BLOCKED_EVENTS = frozenset({
    "sys.setprofile", "sys.settrace", "sys.addaudithook",
    "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "os.exec", "os.posix_spawn", "os.fork", "os.forkpty", "os.system", "subprocess.Popen",
    "ctypes.dlopen", "ctypes.dlsym", "ctypes.cdata", "ctypes.string_at",
    "ctypes.wstring_at", "ctypes.cdata/buffer", "ctypes.call_function",
})  # fmt: skip
BLOCKED_IMPORTS = frozenset(
    {"_testcapi", "_testinternalcapi", "_xxsubinterpreters", "_ctypes_test"}
)


def _resolve(dotted):
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ValueError(dotted)


def _targets(names):
    """(code objects, (file, first line) places, builtins) for each watched name."""
    codes, places, builtins_ = {}, {}, []
    for dotted in names:
        try:
            obj = _resolve(dotted)
        except Exception:  # a name this Python does not have cannot be called either
            continue
        target = getattr(obj, "_implementation", obj)  # numpy's dispatch wrappers
        target = getattr(target, "__wrapped__", target)
        code = getattr(target, "__code__", None)
        if code is not None:  # several names may run one code (scipy's rv_generic.pdf)
            codes[code] = codes.get(code, ()) + (dotted,)
            place = (code.co_filename, code.co_firstlineno)
            places[place] = places.get(place, ()) + (dotted,)
        else:
            builtins_.append((obj, (dotted,)))
    return codes, places, tuple(builtins_)


def _frame(name: str) -> bytes:
    import json
    import struct

    body = json.dumps({"op": "forbidden", "name": name}).encode()
    return struct.pack("!I", len(body)) + body


def install(names, fd: int):
    """Watch ``names`` (dotted) for the rest of this process's life; notices go to ``fd``."""
    codes, places, builtins_ = _targets(names)
    if not codes and not builtins_:
        return
    short_names = frozenset(code.co_name for code in codes)
    first_lines = frozenset(code.co_firstlineno for code in codes)
    every = {d for names in codes.values() for d in names} | {d for _, ds in builtins_ for d in ds}
    notices = {dotted: _frame(dotted) for dotted in every}
    write, fstat, kill, getpid = os.write, os.fstat, os.kill, os.getpid
    identity = (fstat(fd).st_dev, fstat(fd).st_ino)

    def report(names):
        status = fstat(fd)
        if (status.st_dev, status.st_ino) != identity:  # the socket was swapped: stop here
            kill(getpid(), signal.SIGKILL)
        for dotted in names:
            write(fd, notices[dotted])

    def profile(frame, event, arg):
        if event == "call":
            code = frame.f_code
            if code.co_name in short_names or code.co_firstlineno in first_lines:
                names = codes.get(code) or places.get((code.co_filename, code.co_firstlineno))
                if names:
                    report(names)
        elif event == "c_call":
            for builtin, names in builtins_:
                if arg is builtin:
                    report(names)

    def guard(event, args):
        if event in BLOCKED_EVENTS:
            raise RuntimeError(f"{event} is not allowed while grading this problem set")
        if event == "import" and args and args[0] in BLOCKED_IMPORTS:
            raise RuntimeError(f"importing {args[0]} is not allowed while grading")
        if event == "open" and args and isinstance(args[0], str | bytes):
            path = os.fsdecode(args[0])
            if path.startswith("/proc/") and path.endswith("/mem"):
                raise RuntimeError("opening process memory is not allowed while grading")

    sys.setprofile(profile)
    sys.addaudithook(guard)  # from here on the profiler stays, whatever runs next
    sys.getprofile = lambda: None
