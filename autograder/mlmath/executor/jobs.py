"""Run independent jobs in forked worker processes, a few at a time, each with a time limit.

A job that hangs or crashes its process becomes a failed result, never a stuck batch.
The parent starts no kernels itself, so forking is safe.
"""

import multiprocessing
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_context = multiprocessing.get_context("fork")


@dataclass
class Outcome:
    ok: bool
    value: Any = None
    error: str = ""
    seconds: float = 0.0


def _child(connection, function, args):
    try:
        connection.send(Outcome(True, function(*args)))
    except BaseException as error:  # reported to the parent, whatever it was
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        connection.send(Outcome(False, error=last))
    finally:
        connection.close()


def run_jobs(
    jobs: dict[Any, tuple[Callable, tuple]],
    workers: int,
    timeout: float,
    on_done: Callable[[Any, Outcome], None] | None = None,
) -> dict[Any, Outcome]:
    """Run ``{key: (function, args)}`` with at most ``workers`` at once."""
    pending = list(jobs.items())
    running: dict[Any, tuple] = {}
    results: dict[Any, Outcome] = {}
    while pending or running:
        while pending and len(running) < max(1, workers):
            key, (function, args) = pending.pop(0)
            receiver, sender = _context.Pipe(duplex=False)
            process = _context.Process(target=_child, args=(sender, function, args), daemon=True)
            process.start()
            sender.close()
            running[key] = (process, receiver, time.monotonic())
        for key, (process, receiver, started) in list(running.items()):
            elapsed = time.monotonic() - started
            outcome = None
            if receiver.poll():
                try:
                    outcome = receiver.recv()
                except EOFError:
                    outcome = Outcome(False, error="the worker process died")
            elif not process.is_alive():
                outcome = Outcome(False, error=f"the worker process died (exit {process.exitcode})")
            elif elapsed > timeout:
                process.kill()
                outcome = Outcome(False, error=f"timed out after {timeout:g} s")
            if outcome is not None:
                process.join(1)
                if process.is_alive():
                    process.kill()
                receiver.close()
                outcome.seconds = elapsed
                results[key] = outcome
                del running[key]
                if on_done:
                    on_done(key, outcome)
        time.sleep(0.005)
    return results
