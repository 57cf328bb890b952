"""The student's side: run a notebook's cells, then answer the grader's questions.

Runs inside the sandbox, in a process forked for one submission, after that process
has given up its privileges. Nothing here is secret: no test, no expected value.
"""

import builtins
import importlib.util
import io
import os
import signal
import sys
import types

import codec

OUTPUT_KEPT = 64 * 1024  # printed text kept per submission; the rest is counted, not stored


class TimeLimit(BaseException):
    """Raised inside student code when its time is up (a BaseException, so that a
    student's `except Exception` does not swallow it)."""


class BoundedOutput(io.TextIOBase):
    """Stands in for stdout and stderr: keeps the first bytes, counts the rest."""

    def __init__(self):
        self.kept = []
        self.size = 0

    def write(self, text):
        text = str(text)
        if self.size < OUTPUT_KEPT:
            self.kept.append(text[: OUTPUT_KEPT - self.size])
        self.size += len(text)
        return len(text)

    def writable(self):
        return True


class Alarm:
    """A time limit on a block of student code; nests by pausing the outer limit."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds

    def __enter__(self):
        self.previous = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, self.previous)
        return False


def _on_alarm(signum, frame):
    raise TimeLimit("time limit reached")


class StudentEndpoint(codec.Endpoint):
    def __init__(self, channel, namespace, call_seconds, checks):
        super().__init__(channel, copy_back=True)
        self.checks = checks  # the zygote's private copy of mlmath_checks
        self.namespace = namespace
        self.call_seconds = call_seconds
        self.wrap_call = self._limited_call

    def lookup(self, name):
        if name not in self.namespace:
            raise NameError(f"name '{name}' is not defined")
        return self.namespace[name]

    def _limited_call(self, function, args, kwargs, request):
        forbidden = request.get("forbid")
        with Alarm(self.call_seconds):
            try:
                if forbidden:
                    return self.checks._call_forbidding(
                        [str(f) for f in forbidden], function, args, kwargs
                    )
                return function(*args, **kwargs)
            except TimeLimit:
                raise TimeoutError(f"stopped after {self.call_seconds:g} s") from None

    def _answer(self, message):
        if message.get("op") == "call":  # limited in _limited_call
            return super()._answer(message)
        # reading an attribute, an item, a length or a name runs the student's dunder
        # methods (__getattr__, __len__, __iter__...): the same time limit as a call
        with Alarm(self.call_seconds):
            try:
                return super()._answer(message)
            except TimeLimit:
                raise TimeoutError(f"stopped after {self.call_seconds:g} s") from None


def load_checks(path):
    """mlmath_checks, the same file the tests use, for forbid_calls in this process."""
    spec = importlib.util.spec_from_file_location("mlmath_checks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _otter_stand_in(endpoint: StudentEndpoint):
    """`import otter` inside the sandbox: checks become checkpoints the grader grades."""

    def checkpoint(questions):
        with Alarm(None):  # the grader's time, not the cell's
            endpoint.request({"op": "checkpoint", "questions": questions}, timeout=None)

    class Notebook:
        def __init__(self, *args, **kwargs):
            pass

        def check(self, question, *args, **kwargs):
            checkpoint([str(question)])

        def check_all(self, *args, **kwargs):
            checkpoint(None)

        def __getattr__(self, name):  # export, to_pdf, submit...: nothing to do here
            return lambda *args, **kwargs: None

    module = types.ModuleType("otter")
    module.Notebook = Notebook
    return module


class _IPythonStandIn:
    """Enough of get_ipython() for magics in graded notebooks: line magics are ignored,
    a cell magic's body still runs (%%time and friends)."""

    def __init__(self, namespace):
        self.namespace = namespace

    def run_line_magic(self, *args, **kwargs):
        return None

    def run_cell_magic(self, name, line, cell):
        exec(compile(cell, "<cell magic>", "exec"), self.namespace)

    def system(self, *args, **kwargs):
        return None

    def getoutput(self, *args, **kwargs):
        return []

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def run(channel: codec.Channel, setup: dict, checks):
    """Execute the cells, report, then serve the grader until it says goodbye."""
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    endpoint = StudentEndpoint(channel, namespace, setup.get("call_seconds"), checks)
    output = BoundedOutput()
    sys.stdout = sys.stderr = output
    sys.modules["otter"] = _otter_stand_in(endpoint)
    namespace["get_ipython"] = lambda: _IPythonStandIn(namespace)
    namespace["display"] = lambda *args, **kwargs: None
    signal.signal(signal.SIGALRM, _on_alarm)
    # a copy made by os.fork must never speak for the submission: it leaves quietly
    os.register_at_fork(after_in_child=lambda: os._exit(0))
    errors = []
    for index, source in enumerate(setup["cells"]):
        channel.send({"op": "cell", "index": index})
        try:
            with Alarm(setup.get("cell_seconds")):
                exec(compile(source, f"<cell {index}>", "exec"), namespace)
        except TimeLimit:
            errors.append([index, "TimeoutError", f"the cell ran over {setup['cell_seconds']:g} s"])
        except BaseException as error:  # SystemExit and the like must not end grading
            errors.append([index, type(error).__name__, codec._message(error)[:300]])
    channel.send({"op": "done", "errors": errors, "output_size": output.size})
    while True:
        message = channel.receive()
        if message.get("op") == "exit":
            return
        endpoint.serve(message)
