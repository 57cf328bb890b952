"""The student's side: read the notebook, run its cells, then answer the grader.

Runs inside the sandbox, in a process made for one submission, after that process has
given up its privileges. Nothing here is secret: no test, no expected value. Everything
that touches the submission's bytes (JSON decoding, IPython's input transformation,
running the cells) happens here, under the submission's own limits and clock.
"""

import builtins
import io
import signal
import sys
import types

import codec
import notebook

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
    """Serves the grader's requests on the notebook's namespace and objects. Calls into
    the grader can only reach the callables a test passed (GraderCallable)."""

    serves_student = True

    def __init__(self, channel, namespace, call_seconds):
        super().__init__(channel)
        self.namespace = namespace
        self.call_seconds = call_seconds

    def export(self, value):
        if codec.is_unshareable(value):
            raise TypeError(f"{type(value).__name__} cannot be shared across the sandbox")
        return self._exported_ref(value, callable(value))

    def proxy(self, ref, is_callable, type_name, name):
        if not is_callable:
            raise codec.ProtocolError("the grader sent a reference to a non-callable")
        return self._cached_proxy(codec.GraderCallable, ref, type_name, name)

    def run_call(self, function, args, kwargs, message):
        with Alarm(self.call_seconds):
            try:
                return super().run_call(function, args, kwargs, message)
            except TimeLimit:
                raise TimeoutError(f"stopped after {self.call_seconds:g} s") from None

    def answer(self, message):
        op = message.get("op")
        if op == "get":
            name = str(message.get("name"))
            if name not in self.namespace:
                raise NameError(f"name '{name}' is not defined")
            return {"value": self.encode(self.namespace[name])}
        target = self.exported.get(message.get("ref"))
        if target is None:
            raise LookupError("unknown reference")
        if op == "call":
            return self.call_local(target, message)
        # reading an attribute, an item, a length or a name runs the student's dunder
        # methods (__getattr__, __len__, __iter__...): the same time limit as a call
        with Alarm(self.call_seconds):
            try:
                return {"value": self._inspect(op, target, message)}
            except TimeLimit:
                raise TimeoutError(f"stopped after {self.call_seconds:g} s") from None

    def _inspect(self, op, target, message):
        name = str(message.get("name", ""))
        if op in ("getattr", "setattr") and name.startswith("_"):
            raise AttributeError(f"attribute {name!r} is not available across the sandbox")
        if op == "getattr":
            return self.encode(getattr(target, name))
        if op == "setattr":
            setattr(target, name, self.decode(message.get("value")))
            return None
        if op == "getitem":
            return self.encode(target[self.decode(message.get("key"))])
        if op == "len":
            return len(target)
        if op == "list":
            return self.encode(list(target))
        raise codec.ProtocolError(f"unknown request {op!r}")


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


def run(channel: codec.Channel, setup: dict):
    """Read the notebook, execute its cells, report, then serve until the grader is done."""
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    endpoint = StudentEndpoint(channel, namespace, setup.get("call_seconds"))
    modules = [str(m) for m in setup.get("support_modules") or []]
    endpoint.allow_value_classes(codec.support_classes(modules))
    output = BoundedOutput()
    sys.stdout = sys.stderr = output
    signal.signal(signal.SIGALRM, _on_alarm)
    cell_seconds = setup.get("cell_seconds")
    try:
        with Alarm(cell_seconds):
            cells = notebook.code_cells(codec.base64.b64decode(setup["notebook"]))
    except notebook.InvalidNotebook as error:
        channel.send({"op": "invalid", "reason": codec.storable(str(error))})
        return _serve_until_exit(channel, endpoint)
    except TimeLimit:
        channel.send({"op": "invalid", "reason": "reading the notebook took too long"})
        return _serve_until_exit(channel, endpoint)
    sys.modules["otter"] = _otter_stand_in(endpoint)
    namespace["get_ipython"] = lambda: _IPythonStandIn(namespace)
    namespace["display"] = lambda *args, **kwargs: None
    errors = []
    for position, source in cells:
        channel.send({"op": "cell", "index": position})
        try:
            with Alarm(cell_seconds):
                python = notebook.to_python(source)
                exec(compile(python, f"<cell {position}>", "exec"), namespace)
        except TimeLimit:
            errors.append([position, "TimeoutError", f"the cell ran over {cell_seconds:g} s"])
        except BaseException as error:  # SystemExit and the like must not end grading
            errors.append([position, type(error).__name__, codec.message_of(error)[:600]])
    channel.send(
        {"op": "done", "errors": errors, "output_size": output.size,
         "ambient": endpoint.ambient.outgoing()}
    )  # fmt: skip
    _serve_until_exit(channel, endpoint)


def _serve_until_exit(channel, endpoint):
    while True:
        message = channel.receive()
        if message.get("op") == "exit":
            return
        endpoint.serve(message)
