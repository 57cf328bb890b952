"""Jobs that are plain function calls, each in a clean process: what validation runs."""

from collections.abc import Callable
from typing import Any

from . import Executor, Finished


class EachCall:
    """The setup for tasks that are ``(function, args)`` pairs. ``fresh``: every call gets
    a new process, so no variant's code or imports can reach the next one's."""

    fresh = True

    def __init__(self, preload: tuple[str, ...] = ()):
        self.preload = preload  # modules a fork server imports once for every call
        self.key = ("each-call", preload)

    def __call__(self, slot: int):
        return _call


def _call(task):
    function, args = task
    return function(*args)


def run_calls(
    calls: dict[Any, tuple[Callable, tuple]],
    executor: Executor,
    timeout: float,
    on_done: Callable[[Any, Finished], None] | None = None,
    preload: tuple[str, ...] = (),
) -> dict[Any, Finished]:
    """Run ``{key: (function, args)}`` on ``executor``; each outcome comes back by key."""
    keys = list(calls)
    results = {}
    for finished in executor.run([calls[k] for k in keys], EachCall(preload), timeout=timeout):
        key = keys[finished.index]
        results[key] = finished
        if on_done:
            on_done(key, finished)
    return results
