"""The local executor: worker processes on this machine, one task at a time each.

Each worker gets its tasks over its own pipe, so the coordinator always knows what each
worker holds: a worker that dies or runs out of time loses only its current task, a new
worker takes its slot, and the batch always finishes. Workers are forked by default, so
they inherit what the coordinator prepared (imported libraries, an unpacked autograder);
on a Dask worker, whose process runs threads, they come from a fork server instead.
"""

import ctypes
import multiprocessing
import signal
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from multiprocessing.connection import wait

from . import Finished, Setup

PR_SET_PDEATHSIG = 1
MAX_START_FAILURES = 3  # a slot whose worker cannot even start this often is given up


def _die_with_parent():
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's exit still closes the pipe
        pass


def _last_line(error: BaseException) -> str:
    return traceback.format_exception_only(type(error), error)[-1].strip()


def _send(connection, message):
    try:
        connection.send(message)
    except Exception as error:  # an unpicklable result must not look like a dead worker
        _kind, index, _value, retiring = message
        connection.send(("error", index, f"its result could not be sent back: {error}", retiring))


def _worker_main(slot: int, setup: Setup, connection):
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the coordinator decides when to stop
    try:
        work = setup(slot)
    except BaseException as error:
        connection.send(("failed", None, _last_line(error), True))
        return
    connection.send(("ready", None, None, False))
    while True:
        try:
            item = connection.recv()
        except EOFError:  # the coordinator is gone
            return
        if item is None:
            return
        index, task = item
        try:
            value = work(task)
        except BaseException as error:  # reported to the coordinator, whatever it was
            value, kind = _last_line(error), "error"
        else:
            kind = "result"
        # retiring: a clean process for the next task, or a fresh sandbox after a broken one
        retiring = bool(getattr(setup, "fresh", False) or getattr(work, "broken", False))
        _send(connection, (kind, index, value, retiring))
        if retiring:
            return


class _Worker:
    """One worker process and what it holds."""

    def __init__(self, slot: int, setup: Setup, context):
        self.slot = slot
        ours, theirs = context.Pipe()
        self.connection = ours
        self.process = context.Process(target=_worker_main, args=(slot, setup, theirs), daemon=True)
        self.process.start()
        theirs.close()
        self.ready = False
        self.retiring = False  # it said it will exit after its last result
        self.current: int | None = None
        self.started = 0.0

    def give(self, index: int, task) -> bool:
        try:
            self.connection.send((index, task))
        except (OSError, ValueError):  # it died just now
            return False
        self.current, self.started = index, time.monotonic()
        return True

    def receive(self):
        """The next message, or None once the process is gone."""
        try:
            if self.connection.poll():
                return self.connection.recv()
        except (EOFError, OSError):
            return None
        return ("idle", None, None, False) if self.process.is_alive() else None

    def death(self) -> str:
        self.process.join(timeout=1)
        code = self.process.exitcode
        if code is not None and code < 0:
            known = -code in signal.valid_signals()
            name = signal.Signals(-code).name if known else str(-code)
            return f"killed by {name}" + (" (out of memory?)" if code == -signal.SIGKILL else "")
        return f"exit code {code}"

    def end(self, kill: bool = False):
        if not kill:
            try:
                self.connection.send(None)
            except (OSError, ValueError):
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


class LocalExecutor:
    def __init__(self, slots: int, context: str = "fork"):
        self.slots = max(1, slots)
        self.context = multiprocessing.get_context(context)

    def run(
        self, tasks: Iterable, setup: Setup, *, timeout: float | None = None
    ) -> Iterator[Finished]:
        slots = min(self.slots, len(tasks)) if isinstance(tasks, Sized) else self.slots
        source = enumerate(tasks)
        retry: deque = deque()  # (index, task) given to a worker that died at that moment

        def next_task():
            if retry:
                return retry.popleft()
            return next(source, None)

        upcoming = next_task()
        failures = {slot: 0 for slot in range(max(1, slots))}
        start_errors: list[str] = []
        workers = {slot: _Worker(slot, setup, self.context) for slot in failures}
        try:
            while workers and (
                upcoming is not None or any(w.current is not None for w in workers.values())
            ):
                for worker in workers.values():
                    if worker.ready and worker.current is None and upcoming is not None:
                        if not worker.give(*upcoming):
                            retry.append(upcoming)
                        upcoming = next_task()
                waitables = {w.connection: w for w in workers.values()}
                waitables.update({w.process.sentinel: w for w in workers.values()})
                for ready in wait(list(waitables), timeout=_wait_time(workers, timeout)):
                    worker = waitables[ready]
                    if workers.get(worker.slot) is not worker:
                        continue
                    message = worker.receive()
                    if message is None:
                        yield from self._replace(worker, workers, failures, setup, upcoming)
                        continue
                    kind, index, value, retiring = message
                    worker.retiring = worker.retiring or retiring
                    if kind == "ready":
                        worker.ready = True
                        failures[worker.slot] = 0
                    elif kind == "failed":
                        start_errors.append(value)
                    elif kind in ("result", "error") and index == worker.current:
                        worker.current = None
                        worker.ready = not worker.retiring
                        seconds = time.monotonic() - worker.started
                        if kind == "result":
                            yield Finished(index, value, seconds=seconds)
                        else:
                            yield Finished(index, error=value, seconds=seconds)
                for worker in list(workers.values()):
                    if _overdue(worker, timeout):
                        index = worker.current
                        worker.end(kill=True)
                        worker.current = None
                        yield Finished(
                            index, error=f"timed out after {timeout:g} s", seconds=timeout
                        )
                        workers[worker.slot] = _Worker(worker.slot, setup, self.context)
            reason = start_errors[-1] if start_errors else "see the warnings above"
            while upcoming is not None:  # every slot failed to start: nothing can run these
                yield Finished(upcoming[0], error=f"no worker could start ({reason})")
                upcoming = next_task()
        finally:
            for worker in workers.values():
                worker.end()

    def _replace(self, worker: _Worker, workers: dict, failures: dict, setup, upcoming):
        """A worker is gone: report what it held, and start another in its slot."""
        if worker.current is not None:
            seconds = time.monotonic() - worker.started
            reason = f"the worker died while on this task ({worker.death()})"
            yield Finished(worker.current, error=reason, seconds=seconds)
        elif not worker.ready and not (worker.retiring and worker.started):
            failures[worker.slot] += 1  # it never started (a retiring worker that ran is fine)
        worker.end(kill=True)
        del workers[worker.slot]
        if upcoming is not None and failures[worker.slot] < MAX_START_FAILURES:
            workers[worker.slot] = _Worker(worker.slot, setup, self.context)


def _overdue(worker: _Worker, timeout: float | None) -> bool:
    return (
        timeout is not None
        and worker.current is not None
        and time.monotonic() - worker.started > timeout
    )


def _wait_time(workers: dict, timeout: float | None) -> float:
    if timeout is None:
        return 1.0
    busy = [
        w.started + timeout - time.monotonic() for w in workers.values() if w.current is not None
    ]
    return max(0.01, min([1.0, *busy]))


class WarmWorker:
    """One worker process kept between calls, for a caller that runs one task at a time
    (a Dask worker's thread): the process, and what its setup prepared, stay warm."""

    def __init__(self, slot: int, setup: Setup, context: str = "forkserver"):
        self.slot, self.setup = slot, setup
        self.context = multiprocessing.get_context(context)
        if context == "forkserver":  # only the first setup's list counts: one server
            self.context.set_forkserver_preload([__name__, *getattr(setup, "preload", ())])
        self.worker: _Worker | None = None

    def close(self):
        if self.worker is not None:
            self.worker.end()
            self.worker = None

    def do(self, task, timeout: float | None = None) -> Finished:
        for _ in range(MAX_START_FAILURES):
            if self.worker is None or not self.worker.process.is_alive():
                if self.worker is not None:
                    self.worker.end(kill=True)
                self.worker = _Worker(self.slot, self.setup, self.context)
            finished = self._do_once(task, timeout)
            if finished is not None:
                return finished
        return Finished(0, error="no worker could start (see the worker's log)")

    def _do_once(self, task, timeout):
        worker = self.worker
        given = False
        deadline = None
        while True:
            if worker.ready and not given:
                if not worker.give(0, task):
                    return None
                given = True
                deadline = None if timeout is None else time.monotonic() + timeout
            left = 1.0 if deadline is None else max(0.01, deadline - time.monotonic())
            wait([worker.connection, worker.process.sentinel], timeout=left)
            message = worker.receive()
            if message is None:
                if not given:
                    return None  # it died starting: start another
                seconds = time.monotonic() - worker.started
                reason = f"the worker died while on this task ({worker.death()})"
                self.worker = None
                return Finished(0, error=reason, seconds=seconds)
            kind, _index, value, retiring = message
            if kind == "ready":
                worker.ready = True
            elif kind == "failed":
                return Finished(0, error=f"no worker could start ({value})")
            elif kind in ("result", "error"):
                worker.current = None
                seconds = time.monotonic() - worker.started
                if retiring:
                    worker.end()
                    self.worker = None
                if kind == "result":
                    return Finished(0, value, seconds=seconds)
                return Finished(0, error=value, seconds=seconds)
            if deadline is not None and time.monotonic() > deadline:
                worker.end(kill=True)
                self.worker = None
                return Finished(0, error=f"timed out after {timeout:g} s", seconds=timeout)
