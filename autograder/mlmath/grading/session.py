"""Grade one submission: its code runs in a sandboxed child, the tests run here.

Otter's own test-file code runs each question's tests, from sources held in memory;
each test function's parameters come from the student's namespace across the process
boundary (values by copy, the student's functions and objects as proxies). The student's
side can reach nothing here but the callables a test hands it (see sandbox/runtime/codec.py).
Questions are graded when the notebook calls grader.check (the last check of a question
counts, as in otter) and any left are graded at the end.
"""

import base64
import re
import time
from dataclasses import dataclass, field

from ..adapters.otter import QuestionResult, summarize
from ..sandbox.isolation import Limits, Zygote
from ..sandbox.runtime import ambient, codec
from ..shipped.checks import shorten


@dataclass
class Outcome:
    status: str = "graded"
    reason: str = ""
    questions: dict[str, QuestionResult] = field(default_factory=dict)
    cell_errors: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(q.score for q in self.questions.values())

    def note(self, status: str, reason: str):
        """Keep the most serious status (anything beats 'graded'); reasons accumulate."""
        if self.status == "graded":
            self.status = status
        self.remark(reason)

    def remark(self, reason: str):
        """Say what happened without changing the status (a cell that raised)."""
        if reason not in self.reason:
            self.reason = f"{self.reason}; {reason}" if self.reason else reason


@dataclass(frozen=True)
class TestSource:
    """One question's test file, read once from the autograder zip, never from disk."""

    name: str
    source: str


_MISSING = object()


class StudentNamespace(dict):
    """What otter's test_case.call_func sees as the global environment."""

    def __init__(self, endpoint: "GraderEndpoint"):
        super().__init__()
        self.endpoint = endpoint

    def _lookup(self, name):
        """The student's value, fetched once; _MISSING when the notebook never defined it."""
        if not dict.__contains__(self, name):
            try:
                value = self.endpoint.request({"op": "get", "name": name})
            except NameError:
                value = _MISSING
            dict.__setitem__(self, name, value)
        return dict.__getitem__(self, name)

    def get(self, name, default=None):
        value = self._lookup(name)
        return default if value is _MISSING else value

    def __getitem__(self, name):
        value = self._lookup(name)
        if value is _MISSING:
            raise KeyError(name)
        return value


class GraderEndpoint(codec.Endpoint):
    """The grader's side. It exports nothing but callables that tests pass to student
    code, and serves nothing but calls of those and the notebook's checkpoints."""

    def __init__(self, channel, on_checkpoint, on_stuck, on_ended, on_broken, watched):
        super().__init__(channel)
        self.on_checkpoint = on_checkpoint
        self.on_stuck = on_stuck  # each stops the student's process, notes why, and
        self.on_ended = on_ended  # returns the reason every later request fails with
        self.on_broken = on_broken
        self.dead_reason = ""
        self.watched = set(watched)  # what the student's process reports when it runs
        self.watching: list[tuple[set, list]] = []  # open forbid_calls windows

    def export(self, value):
        if not callable(value) or codec.is_unshareable(value) or isinstance(value, type):
            raise TypeError(
                f"a test passed a {type(value).__name__} to the student's code; only plain "
                "values and functions can cross"
            )
        return self._exported_ref(value, True)

    def proxy(self, ref, is_callable, type_name, name):
        cls = codec.RemoteFunction if is_callable else codec.RemoteObject
        return self._cached_proxy(cls, ref, type_name, name)

    def request(self, message, timeout=None, targets=((), {})):
        if self.dead_reason:
            raise codec.ChannelClosed(self.dead_reason)
        try:
            return super().request(message, timeout, targets)
        except codec.ProtocolError as error:
            self.fail(error)
            raise

    def call_forbidding(self, ref, args, kwargs, forbidden, used):
        unknown = sorted(set(forbidden) - self.watched)
        if unknown:
            raise AssertionError(
                f"the grader cannot watch {', '.join(unknown)}: a test must name forbidden "
                "functions in a literal list"
            )
        window = (set(forbidden), used)
        self.watching.append(window)
        try:
            return self.call(ref, args, kwargs)
        finally:
            self.watching.remove(window)

    def fail(self, error: codec.ProtocolError):
        """The conversation with the student's process is over: say why, once."""
        if self.dead_reason:
            return
        if isinstance(error, codec.CallTimeout):
            self.dead_reason = self.on_stuck()
        elif isinstance(error, codec.ChannelClosed):
            self.dead_reason = self.on_ended()
        else:
            self.dead_reason = self.on_broken(error)

    def serve(self, message):
        if message.get("op") == "forbidden":  # a notice from the watch: no answer
            name = message.get("name")
            for names, used in self.watching:
                if name in names and name not in used:
                    used.append(name)
            return
        super().serve(message)

    def answer(self, message):
        op = message.get("op")
        if op == "call":
            target = self.exported.get(message.get("ref"))
            if target is None:
                raise codec.Refused("unknown function")
            return self.call_local(target, message)
        if op == "checkpoint":
            self.ambient.incoming(message.get("ambient"))
            questions = message.get("questions")
            self.on_checkpoint(questions if isinstance(questions, list) else None)
            return {"value": None}
        if op in ("ready", "cell", "done", "invalid"):  # only valid while the notebook runs
            raise codec.ProtocolError(f"a {op!r} message out of turn")
        raise codec.Refused(f"the grader serves no {str(op)[:40]!r} request")


def clean_message(message: str) -> str:
    """Otter's failure text without the test's source line: what a student may read."""
    lines = message.replace("❌ Test case failed", "").strip().splitlines()
    if lines and lines[0].startswith("Error at line"):
        lines = lines[1:]
        while lines and lines[0].startswith("  "):
            lines = lines[1:]
    text = "\n".join(lines).strip()
    return shorten(re.sub(r"^(AssertionError|mlmath\S*): ", "", text), 2000)


class SubmissionGrader:
    """Grades submissions of one problem set, one at a time, through one zygote."""

    def __init__(
        self, tests: list[TestSource], zygote: Zygote, limits: Limits, watched=(), support=()
    ):
        self.tests = tests
        self.zygote = zygote
        self.limits = limits
        self.watched = list(watched)
        self.support = list(support)
        self.value_classes = codec.support_classes(self.support)
        self.baseline = ambient.snapshot()  # each submission starts from the same state

    def grade(self, data: bytes) -> Outcome:
        started = time.monotonic()
        ambient.restore(self.baseline)
        outcome = Outcome()
        if len(data) * 4 // 3 + 1024 > self.limits.max_frame_mb * 1024 * 1024:
            outcome.note("invalid", f"the notebook is larger than {self.limits.max_frame_mb} MB")
            return outcome
        oom_before = self.zygote.oom_kills()
        sock, child = self.zygote.spawn()
        deadline = started + self.limits.timeout
        channel = codec.Channel(sock, self.limits.max_frame_mb * 1024 * 1024)
        current_cell = {"index": None}

        def stuck():
            self.zygote.reap(child, grace=0)
            where = f" (cell {current_cell['index']})" if current_cell["index"] is not None else ""
            if time.monotonic() >= deadline:
                outcome.note("timeout", f"the submission ran over {self.limits.timeout:g} s{where}")
            else:
                outcome.note("timeout", f"a call into the student's code did not return{where}")
            return "the student's process was stopped"

        def ended():
            status = self.zygote.reap(child, grace=0.2)
            if self.zygote.oom_kills() > oom_before:
                status = "memory"
            outcome.note(*_ended(status, current_cell["index"], self.limits))
            return "the student's process had ended"

        def broken(error):
            self.zygote.reap(child, grace=0)
            outcome.note("error", f"the submission's process sent invalid data ({error})")
            return "the student's process was stopped"

        endpoint = GraderEndpoint(
            channel, lambda qs: self._check(endpoint, outcome, qs), stuck, ended, broken,
            self.watched,
        )  # fmt: skip
        endpoint.deadline = deadline
        endpoint.call_timeout = self.limits.call_seconds + 5
        endpoint.allow_value_classes(self.value_classes)
        try:
            self._run_notebook(channel, endpoint, data, deadline, current_cell, outcome)
        except codec.ProtocolError as error:
            endpoint.fail(error)
        if outcome.status != "invalid":
            # questions the notebook never checked are graded against its final state
            self._check(
                endpoint, outcome, [t.name for t in self.tests if t.name not in outcome.questions]
            )
        if not endpoint.dead_reason:
            try:
                channel.send({"op": "exit"})
            except (codec.ProtocolError, OSError):
                pass
        self.zygote.reap(child, grace=0.5)
        sock.close()
        if self.zygote.oom_kills() > oom_before and outcome.status == "graded":
            outcome.note(
                "memory", f"a process ran out of memory (limit {self.limits.memory_mb} MB)"
            )
        raised = []
        for cell, kind, text in outcome.cell_errors:
            if kind == "MemoryError":
                outcome.note(
                    "memory", f"cell {cell} ran out of memory (limit {self.limits.memory_mb} MB)"
                )
            elif kind == "TimeoutError" and "ran over" in str(text):
                outcome.note(
                    "timeout",
                    f"cell {cell} ran over its time limit of "
                    f"{self.limits.call_seconds:g} s and was stopped",
                )
            else:
                raised.append(_cell_error(cell, kind, text))
        if raised:  # the other answers keep their points; the reason says what failed
            more = len(raised) - MAX_CELL_ERRORS
            outcome.remark("; ".join(raised[:MAX_CELL_ERRORS])
                           + (f"; and {more} more cell error(s)" if more > 0 else ""))  # fmt: skip
        outcome.seconds = time.monotonic() - started
        return outcome

    def _run_notebook(self, channel, endpoint, data, deadline, current_cell, outcome):
        ready = channel.receive(deadline)
        if ready.get("op") != "ready":
            raise codec.ProtocolError("no ready message")
        channel.send(
            {
                "notebook": base64.b64encode(data).decode(),
                "support_modules": self.support,
                "cell_seconds": self.limits.call_seconds,
                "call_seconds": self.limits.call_seconds,
            }
        )
        while True:
            message = channel.receive(deadline)
            op = message.get("op")
            if op == "cell":
                index = message.get("index")
                current_cell["index"] = index if type(index) is int else None
            elif op == "invalid":
                outcome.note("invalid", codec.storable(str(message.get("reason", "")))[:300])
                return
            elif op == "done":
                endpoint.ambient.incoming(message.get("ambient"))
                errors = message.get("errors")
                if isinstance(errors, list):
                    outcome.cell_errors = [e for e in errors if isinstance(e, list) and len(e) == 3]
                return
            else:
                endpoint.serve(message)

    def _check(self, endpoint, outcome: Outcome, questions: list[str] | None):
        from otter.test_files import ExceptionTestFile

        wanted = None if questions is None else set(questions)
        for test in self.tests:
            if wanted is not None and test.name not in wanted:
                continue
            test_file = ExceptionTestFile.from_string(test.source, path=f"tests/{test.name}.py")
            test_file.run(StudentNamespace(endpoint))
            outcome.questions.update(summarize({test_file.name: test_file}))


MAX_CELL_ERRORS = 3


def _cell_error(cell, kind, text) -> str:
    """`error in cell 5: NameError: name 'x' is not defined`, on one line."""
    first = (str(text).strip().splitlines() or [""])[0]
    return shorten(f"error in cell {cell}: {kind}" + (f": {first}" if first else ""), 240)


def _ended(status: str, cell, limits: Limits) -> tuple[str, str]:
    where = f" in cell {cell}" if cell is not None else ""
    if status == "memory":
        return "memory", (
            f"the process was killed for using more than {limits.memory_mb} MB{where}"
        )
    if status == "signal 24":  # SIGXCPU: the CPU-time limit
        return "timeout", f"the process was stopped for using too much CPU time{where}"
    if status == "signal 9":
        return "error", f"the process was killed (SIGKILL){where}"
    if status in ("signal 6", "signal 11"):
        return "memory", (
            f"the process crashed{where} ({status}), most likely out of memory "
            f"(limit {limits.memory_mb} MB)"
        )
    return "error", (
        f"the notebook ended its own process{where} ({status}); questions not "
        "checked before then earn nothing"
    )
