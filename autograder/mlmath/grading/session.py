"""Grade one submission: its code runs in a sandboxed child, the tests run here.

Otter's own test-file code runs each question's tests; each test function's parameters
come from the student's namespace across the process boundary (plain values by copy,
functions as proxies). Questions are graded when the notebook calls grader.check (the
last check of a question counts, as in otter) and any left are graded at the end.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..sandbox import codec
from ..scoring import QuestionResult, summarize
from .isolation import Limits, Zygote


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
        if reason not in self.reason:
            self.reason = f"{self.reason}; {reason}" if self.reason else reason


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
    def __init__(self, channel, on_checkpoint, on_stuck, on_ended, on_broken):
        super().__init__(channel)
        self.on_checkpoint = on_checkpoint
        self.on_stuck = on_stuck  # each stops the student's process, notes why, and
        self.on_ended = on_ended  # returns the reason every later request fails with
        self.on_broken = on_broken
        self.dead_reason = ""

    def request(self, message, timeout=None):
        if self.dead_reason:
            raise codec.ChannelClosed(self.dead_reason)
        try:
            return super().request(message, timeout)
        except codec.ProtocolError as error:
            self.fail(error)
            raise

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

    def _answer(self, message):
        op = message.get("op")
        if op == "checkpoint":
            questions = message.get("questions")
            self.on_checkpoint(questions if isinstance(questions, list) else None)
            return {"value": None}
        if op in ("ready", "cell", "done"):  # only ever valid while the notebook runs
            raise codec.ProtocolError(f"a {op!r} message out of turn")
        return super()._answer(message)


def clean_message(message: str) -> str:
    """Otter's failure text without the test's source line: what a student may read."""
    lines = message.replace("❌ Test case failed", "").strip().splitlines()
    if lines and lines[0].startswith("Error at line"):
        lines = lines[1:]
        while lines and lines[0].startswith("  "):
            lines = lines[1:]
    text = "\n".join(lines).strip()
    return re.sub(r"^(AssertionError|mlmath\S*): ", "", text)[:2000]


class SubmissionGrader:
    """Grades submissions of one problem set, one at a time, through one zygote."""

    def __init__(self, tests: list[Path], zygote: Zygote, limits: Limits):
        self.tests = tests
        self.zygote = zygote
        self.limits = limits

    def grade(self, cells: list[str]) -> Outcome:
        started = time.monotonic()
        outcome = Outcome()
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
            outcome.note(*_ended(status, current_cell["index"], self.limits))
            return "the student's process had ended"

        def broken(error):
            self.zygote.reap(child, grace=0)
            outcome.note("error", f"the submission's process sent invalid data ({error})")
            return "the student's process was stopped"

        endpoint = GraderEndpoint(
            channel, lambda qs: self._check(endpoint, outcome, qs), stuck, ended, broken
        )
        endpoint.deadline = deadline
        endpoint.call_timeout = self.limits.call_seconds + 5
        try:
            self._run_notebook(channel, endpoint, cells, deadline, current_cell, outcome)
        except codec.ProtocolError as error:
            endpoint.fail(error)
        # questions the notebook never checked are graded against its final state
        self._check(
            endpoint, outcome, [t.stem for t in self.tests if t.stem not in outcome.questions]
        )
        if not endpoint.dead_reason:
            try:
                channel.send({"op": "exit"})
            except (codec.ProtocolError, OSError):
                pass
        self.zygote.reap(child, grace=0.5)
        sock.close()
        for index, kind, text in outcome.cell_errors:
            if kind == "MemoryError":
                outcome.note(
                    "memory", f"cell {index} ran out of memory (limit {self.limits.memory_mb} MB)"
                )
            elif kind == "TimeoutError" and "ran over" in text:
                outcome.note(
                    "timeout",
                    f"cell {index} ran over its time limit of "
                    f"{self.limits.call_seconds:g} s and was stopped",
                )
        outcome.seconds = time.monotonic() - started
        return outcome

    def _run_notebook(self, channel, endpoint, cells, deadline, current_cell, outcome):
        ready = channel.receive(deadline)
        if ready.get("op") != "ready":
            raise codec.ProtocolError("no ready message")
        channel.send(
            {
                "cells": cells,
                "cell_seconds": self.limits.call_seconds,
                "call_seconds": self.limits.call_seconds,
            }
        )
        while True:
            message = channel.receive(deadline)
            op = message.get("op")
            if op == "cell":
                current_cell["index"] = message.get("index")
            elif op == "done":
                errors = message.get("errors")
                if isinstance(errors, list):
                    outcome.cell_errors = [e for e in errors if isinstance(e, list) and len(e) == 3]
                return
            else:
                endpoint.serve(message)

    def _check(self, endpoint, outcome: Outcome, questions: list[str] | None):
        from otter.test_files import ExceptionTestFile

        wanted = None if questions is None else set(questions)
        for path in self.tests:
            if wanted is not None and path.stem not in wanted:
                continue
            test_file = ExceptionTestFile.from_file(str(path))
            test_file.run(StudentNamespace(endpoint))
            outcome.questions.update(summarize({test_file.name: test_file}))


def _ended(status: str, cell, limits: Limits) -> tuple[str, str]:
    where = f" in cell {cell}" if cell is not None else ""
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
