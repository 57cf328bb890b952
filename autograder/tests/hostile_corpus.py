"""Hostile and broken submissions of ps01-algebra, for `mlmath grade` (test_hostile.py).

Every case starts from a real notebook of the set: the reference notebook
(``SetContent.filled_notebook()``), the same with a wrong variant swapped in, or the
reference with some answers left as stubs. Attack cells are injected into it (or, for
the broken-file cases, the file is raw bytes). Each case says what the grader must do:

- ``Expect(baseline=NAME)``: score, question by question, exactly what the honest
  submission NAME (graded in the same batch) scores, with a status from ``statuses``.
  An attack that tries to GAIN points is always paired with a wrong answer, so that a
  successful attack would show as points the baseline does not have.
- ``Expect(baseline=None)``: score nothing; ``zeroed`` lists questions that score
  nothing even though the baseline earns them (the process was gone by then).
- ``words``: the status reason must contain each of them (case-insensitive).

Decisions recorded here:
- an nbformat 3 notebook is upgraded to nbformat 4 and graded like any other;
- a notebook that ends its own process (os._exit, SIGKILL) keeps the points of the
  questions it checked before, scores nothing for the rest, and gets status ``error``;
- SystemExit, KeyboardInterrupt, exit() and quit() only stop their own cell, as in Jupyter;
- printed output is counted, never stored, so printing gigabytes costs nothing.
"""

import copy
import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

SET = "ps01-algebra"
QUESTIONS = [f"q{n}" for n in range(1, 11)]


@dataclass(frozen=True)
class Context:
    """What a builder may use: the set's content and the paths an attack aims at."""

    content: object  # mlmath.course.content.SetContent of ps01-algebra
    blank: bytes  # the built student notebook
    token: str  # marks every file an attack tries to write, to look for it on the host
    repo: Path
    course: Path
    gradebook: Path


@dataclass(frozen=True)
class Honest:
    """An honest submission graded in the same batch; its score is known independently."""

    name: str
    description: str
    variant: tuple[str, str] | None = None  # (question, words of the variant's description)
    stubs: tuple[str, ...] = ()  # reference answers left as the notebook's stubs
    blank: bool = False


@dataclass(frozen=True)
class Expect:
    baseline: str | None
    statuses: tuple[str, ...] = ("graded",)
    words: tuple[str, ...] = ()
    zeroed: tuple[str, ...] = ()

    def points(self, baseline_points: dict[str, float] | None) -> dict[str, float]:
        return {
            q: 0.0
            if self.baseline is None or q in self.zeroed or baseline_points is None
            else baseline_points[q]
            for q in QUESTIONS
        }


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    build: Callable[[Context], bytes] = field(repr=False)
    expect: Expect
    suffix: str = ".ipynb"  # the submitted file is NAME + suffix
    link: bool = False  # submitted as a symbolic link to a file outside the folder


HONEST = [
    Honest("honest-solution", "the reference notebook"),
    Honest("honest-blank", "the student notebook as released, nothing filled in", blank=True),
    Honest("honest-wrong-sigmoid", "q9 sign error: 1 / (1 + exp(x))", ("q9", "sign error")),
    Honest(
        "honest-wrong-logsumexp",
        "q8 calls the forbidden scipy.special.logsumexp",
        ("q8", "calls scipy.special.logsumexp"),
    ),
    Honest(
        "honest-partial",
        "the reference with sigmoid and DOUBLING_TIME left as stubs",
        stubs=("sigmoid", "DOUBLING_TIME"),
    ),
]


# ---- building notebooks -------------------------------------------------------------


def honest_variant(content, honest: Honest):
    """The mlmath Variant that makes this honest submission (None: the reference)."""
    from mlmath.course.variants import Variant

    if honest.variant is not None:
        question, words = honest.variant
        matches = [v for v in content.variants if v.question == question and words in v.description]
        assert len(matches) == 1, f"{honest.name}: {len(matches)} variants match {words!r}"
        return matches[0]
    if honest.stubs:
        replacements = {name: content.stubs[name].definition.source for name in honest.stubs}
        return Variant("q9", "wrong", honest.description, replacements)
    return None


def honest_bytes(ctx: Context, honest: Honest) -> bytes:
    if honest.blank:
        return ctx.blank
    return _bytes(ctx.content.filled_notebook(honest_variant(ctx.content, honest)))


def _notebook(ctx: Context, honest: str = "honest-solution"):
    spec = next(h for h in HONEST if h.name == honest)
    return copy.deepcopy(ctx.content.filled_notebook(honest_variant(ctx.content, spec)))


def _bytes(notebook) -> bytes:
    return nbformat.writes(notebook).encode()


def _index(notebook, where: str) -> int:
    """Where to insert a cell: start, end, after-imports, before-check:qN, after-check:qN."""
    cells = notebook.cells
    if where == "start":
        return 0
    if where == "end":
        return len(cells)
    if where == "after-imports":
        found = [i for i, c in enumerate(cells) if "import numpy as np" in c.source]
        return found[0] + 1
    kind, question = where.split(":")
    found = [i for i, c in enumerate(cells) if f'grader.check("{question}")' in c.source]
    return found[0] + (1 if kind == "after-check" else 0)


def injected(honest: str, *cells: tuple[str, str]) -> Callable[[Context], bytes]:
    """A builder: the honest notebook with code cells (where, source) inserted."""

    def build(ctx: Context) -> bytes:
        notebook = _notebook(ctx, honest)
        for where, source in cells:
            source = (
                source.replace("@TOKEN@", ctx.token)
                .replace("@REPO@", str(ctx.repo))
                .replace("@COURSE@", str(ctx.course))
                .replace("@GRADEBOOK@", str(ctx.gradebook))
                .replace("@PAYOFF@", repr(ctx.content.definitions["sigmoid"].source))
            )
            notebook.cells.insert(_index(notebook, where), nbformat.v4.new_code_cell(source))
        return _bytes(notebook)

    return build


def raw(data: bytes) -> Callable[[Context], bytes]:
    return lambda ctx: data


def _zip_bomb(ctx: Context) -> bytes:
    """A 300 KB zip whose one notebook unpacks to 300 MB (a valid notebook, padded)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open(f"{SET}.ipynb", "w", force_zip64=True) as member:
            member.write(
                b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "x": "'
            )
            block = b" " * (1 << 20)
            for _ in range(300):
                member.write(block)
            member.write(b'"}')
    return buffer.getvalue()


def _nbformat3(ctx: Context) -> bytes:
    """The reference notebook written as nbformat 3 (worksheets, `input` fields)."""
    v3 = nbformat.v3
    cells = []
    for cell in _notebook(ctx).cells:
        if cell.cell_type == "code":
            cells.append(v3.new_code_cell(input=cell.source, language="python"))
        else:
            cells.append(v3.new_text_cell("markdown", source=cell.source))
    notebook = v3.new_notebook(worksheets=[v3.new_worksheet(cells=cells)])
    text = v3.writes_json(notebook)
    assert json.loads(text)["nbformat"] == 3
    return text.encode()


def _png() -> bytes:
    """A real 1x1 PNG image, named .ipynb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


# ---- attack code ----------------------------------------------------------------------

# In a stock otter run, tests and mlmath_checks execute in the student's kernel, so a
# patch that lies only to them would pass every comparison while the student's own
# code keeps working. These patches do exactly that; here they must change nothing.
LIE_TO_THE_GRADER = """
import builtins
import functools
import sys

import numpy as np
import numpy.testing


GRADER_FILES = ("mlmath_checks", "/tests/", "otter", "<reference>")


def _grader_calling(files):  # no builtins in here: they are about to be patched
    try:
        name = sys._getframe(2).f_code.co_filename
    except ValueError:
        return False
    for part in files:
        if part in name:
            return True
    return False


def _lie(original, answer, files=GRADER_FILES):
    @functools.wraps(original)
    def patched(*args, **kwargs):
        if _grader_calling(files):
            return answer(*args) if callable(answer) else answer
        return original(*args, **kwargs)

    return patched
"""

PATCH_NUMPY = (
    LIE_TO_THE_GRADER
    + """
for _name in ("isclose", "allclose", "array_equal", "array_equiv"):
    setattr(np, _name, _lie(getattr(np, _name), True))
np.abs = np.absolute = _lie(np.abs, lambda x, *rest: np.zeros(np.shape(x)))
np.isnan = _lie(np.isnan, lambda x, *rest: np.zeros(np.shape(x), dtype=bool))
for _name in ("assert_allclose", "assert_array_almost_equal", "assert_almost_equal",
              "assert_array_equal", "assert_equal", "assert_array_less"):
    setattr(np.testing, _name, _lie(getattr(np.testing, _name), None))
    setattr(numpy.testing, _name, getattr(np.testing, _name))
print("q9 results: All test cases passed!")
"""
)

PATCH_BUILTINS = (
    LIE_TO_THE_GRADER
    + """
# the sandbox holds a copy of mlmath_checks too (forbid_calls runs where the call
# happens): lying to it would only break the notebook's own q8, so only tests are lied to
TESTS = ("/tests/", "otter", "<reference>")
builtins.abs = _lie(builtins.abs, 0.0, TESTS)
builtins.isinstance = _lie(builtins.isinstance, True, TESTS)
builtins.all = _lie(builtins.all, True, TESTS)
builtins.any = _lie(builtins.any, False, TESTS)
builtins.max = _lie(builtins.max, 0.0, TESTS)
builtins.len = _lie(builtins.len, 0, TESTS)
builtins.AssertionError = type("AssertionError", (Exception,), {})
builtins.print = _lie(builtins.print, None, TESTS)
try:
    np.float64.__eq__ = lambda self, other: True
except TypeError:
    pass  # numpy's types are immutable
"""
)

FAKE_OTTER = """
import sys
import types


class _AllPassed:
    score = possible = 59.0
    passed = all_passed = True

    def __init__(self, *args, **kwargs):
        self.test_case_results = []

    @classmethod
    def from_file(cls, path, *args, **kwargs):
        return cls()

    def run(self, *args, **kwargs):
        print("All test cases passed!")

    def __repr__(self):
        return "All test cases passed!"


class Notebook:
    def __init__(self, *args, **kwargs):
        pass

    def check(self, question, *args, **kwargs):
        print(f"{question} results: All test cases passed!")
        return _AllPassed()

    def check_all(self, *args, **kwargs):
        print("Score: 59.0 / 59.0")

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


fake = types.ModuleType("otter")
fake.Notebook = Notebook
fake.test_files = types.ModuleType("otter.test_files")
for _cls in ("TestFile", "ExceptionTestFile", "OKTestFile", "NotebookMetadataExceptionTestFile"):
    setattr(fake.test_files, _cls, _AllPassed)
fake.test_files.test_case = lambda *args, **kwargs: (lambda function: function)
fake.api = types.ModuleType("otter.api")
fake.api.grade_submission = lambda *args, **kwargs: _AllPassed()
for _name, _module in (("otter", fake), ("otter.test_files", fake.test_files),
                       ("otter.api", fake.api), ("otter.test_files.abstract_test", fake.test_files),
                       ("otter.test_files.exception_test", fake.test_files)):
    sys.modules[_name] = _module
"""

# the engine's own stand-in for otter, reached after `grader = otter.Notebook(...)`
PATCH_STAND_IN = """
import sys

stand_in = type(grader)
for question in ("q11", "../tests/q9", "q9; import os", "", "q" * 10_000, "q1\\x00"):
    grader.check(question)
stand_in.check = lambda self, question, *args, **kwargs: print(question, "passed")
stand_in.check_all = lambda self, *args, **kwargs: print("59 / 59")
for name in list(sys.modules):
    if name.startswith("otter"):
        sys.modules[name].Notebook = stand_in
"""

REPLACE_CHECKS = """
import os
import sys
import types

FAKE = '''
def _call_forbidding(forbidden, func, args, kwargs):
    return func(*args, **kwargs)

def forbid_calls(forbidden, func, *args, **kwargs):
    return func(*args, **kwargs)

def call(func, *args, name=None, **kwargs):
    return func(*args, **kwargs)

def assert_close(actual, expected, **kwargs):
    return expected

assert_finite = to_array = to_number = lambda value, *args, **kwargs: value
'''
for folder in (".", "/tmp", os.path.expanduser("~"), "..", "/opt/mlmath"):
    try:
        with open(os.path.join(folder, "mlmath_checks.py"), "w") as handle:
            handle.write(FAKE)
    except OSError:
        pass
fake = types.ModuleType("mlmath_checks")
exec(FAKE, fake.__dict__)
sys.modules["mlmath_checks"] = fake
sys.path.insert(0, os.getcwd())
"""

ALWAYS_EQUAL = """
class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __le__ = __ge__ = __eq__
    __lt__ = __gt__ = __ne__
    __hash__ = object.__hash__

    def __bool__(self):
        return True

    def __abs__(self):
        return 0.0

    def __sub__(self, other):
        return 0.0

    __rsub__ = __sub__

    def __array__(self, *args, **kwargs):
        raise TypeError("no")

    def __len__(self):
        return 1

    def __getitem__(self, index):  # a sequence of one: itself, all the way down
        if index != 0:
            raise IndexError(index)
        return self

    def __repr__(self):
        return "the right answer"


DOUBLING_TIME = AlwaysEqual()
"""

ALWAYS_EQUAL_FUNCTION = """
def sigmoid(x):
    return AlwaysEqual()
"""

# a wrong sigmoid whose answers are numpy arrays and scalars that claim equality
LYING_ARRAYS = """
class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(self), dtype=bool)

    def __ne__(self, other):
        return np.zeros(np.shape(self), dtype=bool)

    def __array_finalize__(self, obj):
        pass


class LyingScalar(np.float64):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = np.float64.__hash__


_wrong_sigmoid = sigmoid


def sigmoid(x):
    value = np.asarray(_wrong_sigmoid(x))
    return LyingScalar(value) if value.ndim == 0 else value.view(LyingArray)
"""

READ_SECRETS = """
import glob
import json
import os
import time
import zipfile

PAYOFF = @PAYOFF@
stolen = []


def use(path, data):
    stolen.append(path)


candidates = [
    "@REPO@/solutions/ps01-algebra/solution.py",
    "@REPO@/solutions/ps01-algebra/variants.py",
    "@REPO@/assignments/ps01-algebra/tests/q9.py",
    "@REPO@/dist/autograder/ps01-algebra.zip",
    "@REPO@/dist/solutions/ps01-algebra.ipynb",
    "@REPO@/datasets/manifest.json",
    "@COURSE@/solutions/ps01-algebra/solution.py",
    "@COURSE@/dist/autograder/ps01-algebra.zip",
    "@COURSE@/dist/solutions/ps01-algebra.ipynb",
    "@GRADEBOOK@",
    "../solutions/ps01-algebra/solution.py",
    "../../solutions/ps01-algebra/solution.py",
    "../tests/q9.py",
    "../../tests/q9.py",
    "tests/q9.py",
    "../autograder/tests/q9.py",
    "/autograder/source/tests/q9.py",
    "/proc/1/root@REPO@/solutions/ps01-algebra/solution.py",
    "/proc/1/root@GRADEBOOK@",
    "/proc/self/root@REPO@/solutions/ps01-algebra/solution.py",
    "/proc/1/environ",
]
for pattern in ("/tmp/*/autograder/tests/q9.py", "/tmp/mlmath-grade-*/autograder/*.zip",
                "/proc/*/cwd/tests/q9.py", "/proc/*/cwd/../tests/q9.py",
                "/proc/*/root/tmp/mlmath-grade-*/autograder/tests/q9.py", "/proc/*/environ",
                "data/*", "/opt/data/*", "/opt/mlmath/*", "../*/*.py", "../*/*.ipynb"):
    candidates += glob.glob(pattern)
deadline = time.monotonic() + 3
skip = {"/proc", "/sys", "/dev", "/usr"}
for root, dirs, files in os.walk("/"):
    if time.monotonic() > deadline:
        break
    dirs[:] = [d for d in dirs if os.path.join(root, d) not in skip]
    for name in files:
        if name in ("solution.py", "q9.py", "ps01-algebra.zip", "ps01-algebra.ipynb",
                    "variants.py") or name.endswith((".sqlite", ".sqlite-wal")):
            candidates.append(os.path.join(root, name))
for path in candidates:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        continue
    if path.startswith(("/opt/mlmath/", "/opt/support/", "data/", "/opt/data/")):
        continue  # the runtime, and the files the notebook ships with: nothing secret
    if b"def sigmoid" in data or b"ps01-algebra" in data or (
        b"test_case" in data and b"sigmoid" in data
    ):
        use(path, data)
if stolen:
    exec(PAYOFF, globals())  # whatever was read, a successful read earns the answer
"""

WRITE_OUTSIDE = """
import glob
import os

PAYOFF = @PAYOFF@
escaped = []
name = "hostile-@TOKEN@"
folders = ["@REPO@", "@REPO@/dist", "@REPO@/autograder/tests", "@COURSE@", "@COURSE@/dist",
           "@COURSE@/dist/autograder", os.path.dirname("@GRADEBOOK@"), "/tmp", "/var/tmp",
           os.path.expanduser("~"), "..", "../..", "/", "/sub", "/opt/mlmath",
           "/opt/mlmath/runtime", "/opt/data", "/opt/support", "/proc/1/root/tmp", "/proc/1/cwd",
           "/root", "/work", "/work/main"]
folders += glob.glob("/tmp/mlmath-grade-*") + glob.glob("/tmp/mlmath-grade-*/autograder/tests")
folders += glob.glob("/proc/*/root/tmp") + glob.glob("/proc/*/cwd")
for folder in folders:
    try:
        with open(os.path.join(folder, name), "w") as handle:
            handle.write("written by a hostile submission")
    except OSError:
        continue
    if os.path.realpath(folder) not in (os.path.realpath("."), "/tmp"):
        escaped.append(folder)
# writing into the working folder and /tmp works: they are the submission's own
with open(name + "-cwd", "w") as handle:
    handle.write("mine")
with open(f"/tmp/{name}-tmp", "w") as handle:
    handle.write("mine")
# files that exist outside: the gradebook, the tests, the runtime, the checks
existing = ["@GRADEBOOK@", "/opt/mlmath/mlmath_checks.py", "/opt/mlmath/runtime/student.py",
            "/opt/mlmath/runtime/codec.py", "@REPO@/autograder/mlmath/shipped/checks.py"]
existing += glob.glob("/tmp/mlmath-grade-*/autograder/tests/q9.py")
for path in existing:
    try:
        with open(path, "r+b"):
            escaped.append(path)
    except OSError:
        pass
for path in ("/opt/mlmath/runtime", "@REPO@/autograder/mlmath/sandbox/runtime"):
    try:
        os.chmod(path, 0o777)
        escaped.append(path)
    except OSError:
        pass
if escaped:
    exec(PAYOFF, globals())
"""

SIGNAL_EVERYONE = """
import os
import signal

me = os.getpid()
for target in [os.getppid(), 1, 2, 3] + list(range(1, 4096)):
    if target == me:
        continue
    for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGSTOP, signal.SIGINT):
        try:
            os.kill(target, sig)
        except OSError:
            pass
for group in range(1, 4096):
    if group in (os.getpgrp(), me):
        continue
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
try:
    os.kill(-1, signal.SIGKILL)  # every process this user may signal, except this one
except OSError:
    pass
"""

FIND_CHANNEL = """
import json
import struct
import sys


def _find(kind):  # the engine's own objects, up the stack from this cell
    frame = sys._getframe()
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if type(value).__name__ == kind:
                return value
        frame = frame.f_back
    raise LookupError(kind)


channel = _find("Channel")


def frame(body: bytes):
    channel.sock.sendall(struct.pack("!I", len(body)) + body)
"""

PRINT_GIGABYTES = """
import os
import sys

chunk = "all tests passed " * 62_500  # about 1 MB
for _ in range(4_000):  # about 8 GB through print
    print(chunk)
    print(chunk, file=sys.stderr)
big = chunk * 64  # 64 MB strings, straight to the real file descriptors
for _ in range(4):
    sys.__stdout__.write(big)
    os.write(1, big.encode())
    os.write(2, big.encode())
"""

FILL_DISK = """
import os

block = b"\\0" * (1 << 20)
for folder in (".", "/tmp"):
    for index in range(100):
        try:
            with open(os.path.join(folder, f"fill-{index}"), "wb") as handle:
                for _ in range(64):
                    handle.write(block)
        except OSError:
            break
"""

MEMORY_BOMB = """
import numpy as np

try:
    grab = np.ones(1 << 30)  # 8 GB
except MemoryError:
    pass


def hog():
    blocks = []
    while True:
        blocks.append(bytearray(64 << 20))  # touched: really allocated


hog()
"""

FORK_BOMB = """
import ctypes

libc = ctypes.CDLL(None)
while True:
    libc.fork()  # libc's fork skips Python's at-fork hooks: every copy keeps forking
"""

PYTHON_FORKS = """
import os
import subprocess

for _ in range(50):
    try:
        if os.fork() == 0:
            while True:
                pass
    except OSError:
        break
for _ in range(50):
    try:
        subprocess.Popen(["/bin/sh", "-c", "while :; do :; done"], start_new_session=True)
    except OSError:
        break
"""

SWALLOW_ALARM = """
import signal

signal.signal(signal.SIGALRM, signal.SIG_IGN)
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
"""

SHELL_AND_MAGICS = """
!cat @REPO@/solutions/ps01-algebra/solution.py
solution = !cat @REPO@/solutions/ps01-algebra/solution.py
%run @REPO@/solutions/ps01-algebra/solution.py
%load @REPO@/solutions/ps01-algebra/solution.py
%cd @REPO@/solutions/ps01-algebra
%env SECRET=1
if solution:
    exec(@PAYOFF@)
"""

CELL_MAGIC = """%%writefile @REPO@/hostile-@TOKEN@-writefile
print("a cell magic's body still runs as Python, in the sandbox")
"""

MUTATE_INPUTS = """
_wrong_sigmoid = sigmoid


def sigmoid(x):
    if isinstance(x, np.ndarray) and x.dtype.kind == "f":
        x[...] = 0.0  # the test's own input, changed under it
    return _wrong_sigmoid(x)
"""

# ---- reaching into the grader -----------------------------------------------------------

# q2's invert receives the test's function f. The student side may only call it; every
# other way of reaching a grader object (its attributes, raw protocol requests naming
# references, names of the grader's namespace) must fail. Any success earns the
# reference sigmoid at q9, where the baseline (a wrong sigmoid) loses points.
PROBE_GRADER = (
    FIND_CHANNEL
    + """
PAYOFF = @PAYOFF@
reached = []
endpoint = _find("StudentEndpoint")


def _probe(f):
    if type(f).__name__ != "GraderCallable":  # a function of this notebook's own
        return
    for name in ("__globals__", "__closure__", "__code__", "__self__", "__dict__", "__wrapped__",
                 "__defaults__", "tofile", "func_globals", "gi_frame", "__reduce__"):
        try:
            getattr(f, name)
            if name not in ("__reduce__",):
                reached.append(name)
        except Exception:
            pass
    try:
        f.__name__ = "patched"
        reached.append("setattr")
    except Exception:
        pass
    ref = getattr(f, "_ref", 1)
    for request in (
        {"op": "getattr", "ref": ref, "name": "tofile"},
        {"op": "getattr", "ref": ref, "name": "__globals__"},
        {"op": "setattr", "ref": ref, "name": "x", "value": 1},
        {"op": "getitem", "ref": ref, "key": 0},
        {"op": "len", "ref": ref},
        {"op": "list", "ref": ref},
        {"op": "get", "name": "np"},
        {"op": "get", "name": "__builtins__"},
        {"op": "call", "ref": ref + 1000, "args": [], "kwargs": {"dict": []}},
        {"op": "call", "ref": -1, "args": [], "kwargs": {"dict": []}},
        {"op": "open", "path": "../tests/q9.py"},
    ):
        try:
            value = endpoint.request(dict(request))
            reached.append((request["op"], repr(value)[:40]))
        except Exception:
            pass
    try:  # arguments cross by value: a change to one is this process's own business
        value = f(np.array([1.0, 2.0]))
        if hasattr(value, "tofile"):
            value.tofile("../tests/q9.py")
    except Exception:
        pass


_reference_invert = invert


def invert(f, y, lo, hi, tol=1e-10):
    _probe(f)
    if reached:
        exec(PAYOFF, globals())
    return _reference_invert(f, y, lo, hi, tol)
"""
)

SURROGATES = """
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text for you \\udc80")


print("lone surrogates \\udc80\\udcff on stdout")


calls = []


def sigmoid(x):
    calls.append(1)
    if len(calls) % 2:
        raise ValueError("bad \\udc80\\udcff value \\ud800")
    raise Unprintable()


raise RuntimeError("a cell fails with \\udc80 in its message")
"""

# a forged answer whose few bytes would decode into a huge object in the grader
DECODER_BOMBS = {
    "dataframe-over-range": {
        "dataframe": {
            "columns": ["a"],
            "index": {"range": [0, 500_000_000, 1]},
            "data": [{"npscalar": "AAAAAAAA8D8=", "dtype": "<f8"}],
        }
    },
    "object-array-shape": {"objarray": [1], "shape": [100_000, 100_000]},
    "array-shape": {"ndarray": "AAAAAAAA8D8=", "dtype": "<f8", "shape": [1_000_000, 1_000_000]},
    "series-over-range": {
        "series": {
            "name": "s",
            "index": {"range": [0, 10**12, 1]},
            "values": {"npscalar": "AAAAAAAA8D8=", "dtype": "<f8"},
        }
    },
    "wide-string-dtype": {"ndarray": "", "dtype": "<U1000000000", "shape": [8]},
}


def decoder_bomb(kind: str) -> str:
    bomb = json.dumps({"value": DECODER_BOMBS[kind]})
    return (
        FIND_CHANNEL
        + f"""
def sigmoid(x):
    # the grader is waiting for this call's answer: send it a forged one
    body = {bomb!r}.encode()
    channel.sock.sendall(struct.pack("!I", len(body)) + body)
    import time
    time.sleep(30)
"""
    )


SLOW_TRANSFORMS = "\n".join(["!ls -la /tmp"] * 480)

# q8's logsumexp calls the forbidden scipy.special.logsumexp; each attack tries to stop
# the grader from seeing it. Success would show as q8 points the baseline does not earn.
SWITCH_OFF_THE_WATCH = """
import gc
import sys
import threading
import types

import scipy.special

attempts = []


def attempt(name, action):
    try:
        action()
        attempts.append(name)
    except Exception:
        pass


attempt("setprofile", lambda: sys.setprofile(None))
attempt("settrace", lambda: sys.settrace(None))
attempt("threading", lambda: threading.setprofile(None))


def _cprofile():
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    profiler.disable()


attempt("cprofile", _cprofile)
attempt("getprofile", lambda: sys.getprofile().__closure__[0].__setattr__("cell_contents", {}))


def _gc_replace():
    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType) and obj.__name__ in ("profile", "report"):
            obj.__code__ = (lambda *args: None).__code__


attempt("gc", _gc_replace)


def _ctypes():
    import ctypes

    ctypes.pythonapi.PyEval_SetProfile(None, None)


attempt("ctypes", _ctypes)
attempt("exec", lambda: __import__("os").execv(sys.executable, [sys.executable, "-c", "pass"]))
attempt("audit", lambda: sys.addaudithook(lambda event, args: None))
_original = scipy.special.logsumexp
_renamed = types.FunctionType(
    _original.__code__.replace(co_name="harmless"), _original.__globals__, "harmless",
    _original.__defaults__,
)


def _in_thread(x, axis=None):
    box = []
    worker = threading.Thread(target=lambda: box.append(_original(x, axis=axis)))
    worker.start()
    worker.join()
    return box[0]


def logsumexp(x, axis=None):
    try:
        return _in_thread(x, axis)
    except Exception:
        return _renamed(x, axis=axis)
"""


CASES = [
    # ---- reaching into the grader, breaking its decoder, its clock, its watch
    Case(
        "probe-grader-objects",
        "q2's invert probes the test's function (attributes, setattr), sends raw requests "
        "naming grader references and names, and writes through a returned array; any "
        "success earns the reference sigmoid",
        injected("honest-wrong-sigmoid", ("before-check:q2", PROBE_GRADER)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "lone-surrogates",
        "lone surrogates in printed text, in the messages of exceptions the tests see, an "
        "exception whose __str__ raises, and a cell that fails with one",
        injected("honest-partial", ("before-check:q9", SURROGATES)),
        Expect("honest-partial"),
    ),
    *[
        Case(
            f"decoder-bomb-{kind}",
            f"sigmoid answers the grader with a forged value of a few bytes that would "
            f"decode into a huge object ({kind})",
            injected("honest-solution", ("before-check:q9", decoder_bomb(kind))),
            Expect("honest-solution", ("error",), ("invalid data",), zeroed=("q9", "q10")),
        )
        for kind in DECODER_BOMBS
    ],
    Case(
        "slow-input-transformation",
        "after check_all, cells of 480 `!ls` lines each, which IPython takes seconds to "
        "transform: that time is the submission's own",
        injected("honest-solution", *[("end", SLOW_TRANSFORMS)] * 6),
        Expect("honest-solution", ("timeout",), ("ran over",)),
    ),
    Case(
        "switch-off-the-watch",
        "calls the forbidden scipy.special.logsumexp (q8) after trying to switch off the "
        "forbidden-call watch: setprofile/settrace/threading/cProfile, the profiler's "
        "closure, gc, ctypes, exec, an audit hook; then calls it from a thread or as a "
        "renamed copy of its code",
        injected("honest-wrong-logsumexp", ("before-check:q8", SWITCH_OFF_THE_WATCH)),
        Expect("honest-wrong-logsumexp"),
    ),
    Case(
        "symlink-to-solution",
        "a symbolic link, in the submitted folder, to the executed solution notebook",
        lambda ctx: _bytes(_notebook(ctx)),
        Expect(None, ("invalid",), ("symbolic link",)),
        link=True,
    ),
    # ---- lying to the comparisons: each paired with a wrong sigmoid (q9 sign error)
    Case(
        "patch-numpy-comparisons",
        "np.isclose/allclose/array_equal/abs/isnan and numpy.testing.assert_* patched to lie "
        "whenever a test or mlmath_checks calls them, plus a fake 'All test cases passed!'",
        injected("honest-wrong-sigmoid", ("after-imports", PATCH_NUMPY)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "patch-builtins",
        "builtins abs/isinstance/all/any/max/len/print/AssertionError replaced to lie to the "
        "grader, "
        "np.float64.__eq__ always true for the grader",
        injected("honest-wrong-sigmoid", ("after-imports", PATCH_BUILTINS)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "fake-otter-module",
        "a fake `otter` (and otter.test_files, otter.api) in sys.modules before `import otter`: "
        "check() prints passes and never reaches the grader",
        injected("honest-wrong-sigmoid", ("start", FAKE_OTTER)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "patch-otter-stand-in",
        "the sandbox's otter stand-in: checks of odd question names, then check/check_all "
        "replaced by functions that print passes",
        injected("honest-wrong-sigmoid", ("after-imports", PATCH_STAND_IN)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "replace-mlmath-checks",
        "a forbidden scipy.special.logsumexp (q8) with mlmath_checks replaced in sys.modules "
        "and shadowed by mlmath_checks.py files in the working folder, /tmp and ~",
        injected("honest-wrong-logsumexp", ("after-imports", REPLACE_CHECKS)),
        Expect("honest-wrong-logsumexp"),
    ),
    Case(
        "always-equal-answers",
        "DOUBLING_TIME and sigmoid's results are objects whose == is always True "
        "(and <=, >=, abs, -, len, [] lie too)",
        injected(
            "honest-partial",
            ("before-check:q4", ALWAYS_EQUAL),
            ("before-check:q9", ALWAYS_EQUAL_FUNCTION),
        ),
        Expect("honest-partial"),
    ),
    Case(
        "lying-ndarray-subclass",
        "a wrong sigmoid returning an ndarray subclass and a float64 subclass whose == "
        "always holds",
        injected("honest-wrong-sigmoid", ("before-check:q9", LYING_ARRAYS)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "mutate-test-inputs",
        "a wrong sigmoid that zeroes the test's input array in place, so that an expected "
        "value computed from it afterwards matches",
        injected("honest-wrong-sigmoid", ("before-check:q9", MUTATE_INPUTS)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "print-fake-results",
        "prints otter-style 'All test cases passed!' and score lines, writes results.json",
        injected(
            "honest-wrong-sigmoid",
            (
                "before-check:q9",
                'print("q9 results: All test cases passed!")\n'
                'print("Score: 59.0 / 59.0 (100%)")\n'
                "import json\n"
                'json.dump({"q9": {"score": 7}}, open("results.json", "w"))\n',
            ),
            ("end", 'print("Grade: 59 / 59")\n'),
        ),
        Expect("honest-wrong-sigmoid"),
    ),
    # ---- reading and writing where it should not
    Case(
        "read-secrets",
        "reads solutions/, tests, the autograder zip, dist/, the gradebook, ../ paths, "
        "/proc/*/root and cwd, and walks the visible filesystem; any read earns the "
        "reference sigmoid",
        injected("honest-wrong-sigmoid", ("before-check:q9", READ_SECRETS)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "shell-and-magics",
        "!cat, %run, %load and %cd of the reference solution; a %%writefile into the repo",
        injected(
            "honest-wrong-sigmoid",
            ("before-check:q9", SHELL_AND_MAGICS),
            ("before-check:q9", CELL_MAGIC),
        ),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "write-outside",
        "writes files into the repo, dist/, the gradebook's folder, /tmp, /dev/shm, ~, ../, "
        "the grader's scratch folder and /proc/*/root; opens the gradebook, the tests and "
        "the runtime for writing; any success earns the reference sigmoid",
        injected("honest-wrong-sigmoid", ("before-check:q9", WRITE_OUTSIDE)),
        Expect("honest-wrong-sigmoid"),
    ),
    Case(
        "fill-disk",
        "writes 64 MB files until the working folder and /tmp are full",
        injected("honest-solution", ("after-imports", FILL_DISK)),
        Expect("honest-solution"),
    ),
    # ---- other processes, exits
    Case(
        "signal-everyone",
        "SIGKILL/SIGTERM/SIGSTOP to pids 1..4095, the parent, every process group, and kill(-1)",
        injected("honest-solution", ("after-imports", SIGNAL_EVERYONE)),
        Expect("honest-solution"),
    ),
    Case(
        "sys-exit",
        "sys.exit(0), raise SystemExit(1), exit(), quit() and KeyboardInterrupt in cells "
        "between questions",
        injected(
            "honest-solution",
            ("after-check:q2", "import sys\nsys.exit(0)"),
            ("after-check:q4", "raise SystemExit(1)"),
            ("after-check:q6", "exit()"),
            ("after-check:q8", "quit()"),
            ("after-check:q9", "raise KeyboardInterrupt"),
        ),
        Expect("honest-solution"),
    ),
    Case(
        "os-exit-midway",
        "os._exit(0) right after q5 is checked",
        injected("honest-solution", ("after-check:q5", "import os\nos._exit(0)")),
        Expect(
            "honest-solution",
            ("error",),
            ("ended its own process",),
            zeroed=("q6", "q7", "q8", "q9", "q10"),
        ),
    ),
    Case(
        "os-exit-first",
        "os._exit(3) as the very first cell",
        injected("honest-solution", ("start", "import os\nos._exit(3)")),
        Expect(None, ("error",), ("ended its own process",)),
    ),
    Case(
        "sigkill-self",
        "the notebook SIGKILLs its own process after q7 is checked",
        injected(
            "honest-solution",
            ("after-check:q7", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"),
        ),
        Expect("honest-solution", ("error",), ("killed",), zeroed=("q8", "q9", "q10")),
    ),
    # ---- time
    Case(
        "infinite-loop-cell",
        "`while True: pass` in a cell after the imports; the rest of the notebook is honest",
        injected("honest-solution", ("after-imports", "while True:\n    pass")),
        Expect("honest-solution", ("timeout",), ("time limit",)),
    ),
    Case(
        "infinite-loop-no-alarm",
        "ignores SIGALRM and swallows every exception in a `while True` after check_all",
        injected("honest-solution", ("end", SWALLOW_ALARM)),
        Expect("honest-solution", ("timeout",), ("ran over",)),
    ),
    Case(
        "infinite-loop-in-function",
        "posterior_probability (q10) loops forever whenever a test calls it",
        injected(
            "honest-solution",
            (
                "before-check:q10",
                "def posterior_probability(*args, **kwargs):\n    while True:\n        pass\n",
            ),
        ),
        Expect("honest-solution", ("timeout",), ("ran over",), zeroed=("q10",)),
    ),
    # ---- memory, processes, output
    Case(
        "memory-bomb",
        "np.ones(2**30) (8 GB), then a loop appending 64 MB blocks until memory runs out",
        injected("honest-solution", ("after-imports", MEMORY_BOMB)),
        Expect("honest-solution", ("memory",), ("out of memory",)),
    ),
    Case(
        "oversized-answers",
        "DOUBLING_TIME and every sigmoid result are 100 MB arrays, above the frame limit",
        injected(
            "honest-partial",
            ("before-check:q4", "DOUBLING_TIME = np.zeros(12_500_000)"),
            ("before-check:q9", "def sigmoid(x):\n    return np.zeros(12_500_000)\n"),
        ),
        Expect("honest-partial"),
    ),
    Case(
        "fork-bomb",
        "libc fork() in a loop after check_all (Python's at-fork hooks bypassed); a set "
        "whose tests forbid calls allows the submission one task, so it cannot even start",
        injected("honest-solution", ("end", FORK_BOMB)),
        Expect("honest-solution", ("graded", "timeout")),
    ),
    Case(
        "spinning-children",
        "os.fork and subprocess.Popen children that spin forever, in their own sessions, "
        "started after the imports",
        injected("honest-solution", ("after-imports", PYTHON_FORKS)),
        Expect("honest-solution"),
    ),
    Case(
        "print-gigabytes",
        "8 GB through print to stdout and stderr, 768 MB straight to file descriptors 1 and 2",
        injected("honest-solution", ("after-imports", PRINT_GIGABYTES)),
        Expect("honest-solution"),
    ),
    # ---- the wire between the sandbox and the grader
    Case(
        "garbage-frame",
        "after check_all, writes a frame that is not JSON onto the grader's socket",
        injected("honest-solution", ("end", FIND_CHANNEL + 'frame(b"not json at all")\n')),
        Expect("honest-solution", ("error",), ("invalid data",)),
    ),
    Case(
        "huge-integer-frame",
        "after check_all, sends a JSON frame holding a 100,000-digit integer",
        injected(
            "honest-solution",
            ("end", FIND_CHANNEL + 'frame(b\'{"op": "cell", "index": %s}\' % (b"9" * 100_000))\n'),
        ),
        Expect("honest-solution", ("error",), ("invalid data",)),
    ),
    Case(
        "deep-json-frame",
        "after check_all, sends a frame of 200,000 nested JSON lists",
        injected(
            "honest-solution",
            ("end", FIND_CHANNEL + 'frame(b"[" * 200_000 + b"]" * 200_000)\n'),
        ),
        Expect("honest-solution", ("error",), ("invalid data",)),
    ),
    Case(
        "forged-messages",
        "before q9 is checked, sends a forged 'done', a forged checkpoint and a forged answer "
        "on the grader's socket, then carries on",
        injected(
            "honest-wrong-sigmoid",
            (
                "before-check:q9",
                FIND_CHANNEL
                + 'channel.send({"op": "done", "errors": []})\n'
                + 'channel.send({"value": 0.5, "mutated": [[1, [1, 2]], [-1, [0.0]]]})\n'
                + 'channel.send({"op": "checkpoint", "questions": ["q9"]})\n',
            ),
        ),
        # a message out of turn ends the conversation: questions not checked before earn nothing
        Expect("honest-wrong-sigmoid", ("error",), ("invalid data",), zeroed=("q9", "q10")),
    ),
    Case(
        "null-bytes-and-bad-cells",
        "a cell holding a NUL byte, one with a syntax error and one with a non-UTF-8 escape",
        injected(
            "honest-solution",
            ("after-imports", "x = 1\x00"),
            ("after-imports", "def broken(:\n    pass"),
            ("after-imports", "print('\\udcff')"),
        ),
        Expect("honest-solution"),
    ),
    Case(
        "segfault",
        "after check_all, the process receives SIGSEGV",
        injected(
            "honest-solution", ("end", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)")
        ),
        Expect("honest-solution", ("memory", "error"), ("crashed",)),
    ),
    # ---- files that are not (quite) notebooks
    Case(
        "invalid-json",
        "a notebook cut off mid-way",
        raw(b'{"cells": [{"cell_type": "code", "sou'),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
    Case("empty-file", "0 bytes", raw(b""), Expect(None, ("invalid",), ("empty",))),
    Case(
        "whitespace-file",
        "only blanks and newlines",
        raw(b"  \n\n\t  \n"),
        Expect(None, ("invalid",), ("empty",)),
    ),
    Case(
        "nbformat-3",
        "the reference notebook written with nbformat.v3: upgraded and graded honestly",
        _nbformat3,
        Expect("honest-solution"),
    ),
    Case(
        "png-image",
        "a PNG image named .ipynb",
        raw(_png()),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
    Case(
        "binary-garbage",
        "random binary bytes named .ipynb",
        raw(bytes(range(256)) * 64),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
    Case(
        "json-list",
        "valid JSON, but a list",
        raw(b"[1, 2, 3]"),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
    Case(
        "json-without-cells",
        "a JSON object with nbformat 4 but no cells",
        raw(b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}'),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
    Case(
        "zip-bomb",
        "a zip of 300 KB holding one notebook that unpacks to 300 MB",
        _zip_bomb,
        Expect(None, ("invalid",), ("unpacks to more than",)),
        suffix=".zip",
    ),
    Case(
        "deeply-nested-json",
        "100,000 nested JSON lists",
        raw(b"[" * 100_000 + b"]" * 100_000),
        Expect(None, ("invalid",), ("not a notebook",)),
    ),
]


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def reference_scores(course: Path) -> dict[str, dict[str, float]]:
    """Each honest submission's score per question, by otter's own test-file code run
    in this process on the same definitions (no sandbox, no notebook): what the engine
    must reproduce. Changes the working folder and sys.path: run it in a subprocess."""
    from mlmath.adapters.otter import grade_script
    from mlmath.course.content import SetContent
    from mlmath.course.sets import Course
    from mlmath.release.build import Release

    content = SetContent(Course(course).problem_set(SET))
    support = Release.at(Course(course).dist, SET).student_dir
    tests = [info.path for info in content.tests]
    scores = {}
    for honest in HONEST:
        if honest.blank:
            scores[honest.name] = {q: 0.0 for q in QUESTIONS}
            continue
        script = content.script(honest_variant(content, honest))
        result = grade_script(script, tests, support)
        scores[honest.name] = {q: result[q].score for q in QUESTIONS}
    return scores
