"""The Dask executor: the same setups and tasks as the local one, on a Dask cluster.

The coordinator sends a setup once to every worker (as one task's result, replicated:
for grading, the autograder's bytes), then tasks a few at a time. On each Dask worker, every
thread keeps one warm worker process (local.WarmWorker, from a fork server: a Dask
worker runs threads, so it must not fork itself), which calls the setup once and then
takes task after task, so a grading sandbox starts once per thread, not per submission.
Results go back to the coordinator only, which alone records them.

A Dask worker that dies loses only the tasks it was running; the scheduler runs them
again elsewhere. A task that has killed ``ALLOWED_FAILURES + 1`` workers is not tried
again: it comes back as a `Finished` with the reason.
"""

import contextlib
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import Finished, Setup

ALLOWED_FAILURES = 1  # so a task that kills two workers is recorded, not retried forever
TASKS_PER_THREAD = 2  # in flight per worker thread: enough to keep each one busy


class DaskExecutor:
    def __init__(self, address: str):
        from distributed import Client

        try:
            self.client = Client(address, timeout="20s", set_as_default=False)
        except OSError as error:
            from ..errors import MlmathError

            raise MlmathError(f"could not reach the Dask scheduler at {address}: {error}") from None
        self.client.run_on_scheduler(_limit_failures, ALLOWED_FAILURES)
        self.client.wait_for_workers(1, timeout=60)

    @property
    def slots(self) -> int:
        workers = self.client.scheduler_info()["workers"].values()
        return max(1, sum(w["nthreads"] for w in workers))

    def run(
        self, tasks: Iterable, setup: Setup, *, timeout: float | None = None
    ) -> Iterator[Finished]:
        from distributed import as_completed

        run_id = uuid.uuid4().hex[:12]
        # a task's result, not scattered data: if every worker holding it dies, the
        # scheduler computes it again instead of cancelling what depends on it
        shared = self.client.submit(_identity, setup, key=f"mlmath-{run_id}-setup")
        self.client.replicate([shared])
        source = enumerate(tasks)
        index_of: dict[str, int] = {}
        running = as_completed(loop=self.client.loop)

        def submit_next():
            item = next(source, None)
            if item is not None:
                index, task = item
                future = self.client.submit(
                    _run_on_worker, shared, task, timeout, key=f"mlmath-{run_id}-{index}"
                )
                index_of[future.key] = index
                running.add(future)

        for _ in range(self.slots * TASKS_PER_THREAD):
            submit_next()
        try:
            for future in running:
                index = index_of.pop(future.key)
                yield _finished(future, index)
                future.release()
                submit_next()
        finally:
            for future in list(running.futures):
                future.cancel()

    def close(self):
        self.client.close()


def _finished(future, index: int) -> Finished:
    from distributed import KilledWorker

    try:
        finished = future.result()
    except KilledWorker:
        return Finished(
            index,
            error=f"{ALLOWED_FAILURES + 1} workers of the cluster died while running this task; "
            "it was not tried again",
        )
    except Exception as error:  # the task's own code raised outside the worker process
        return Finished(index, error=f"{type(error).__name__}: {error}")
    finished.index = index
    return finished


def _identity(value):
    return value


def _limit_failures(allowed: int, dask_scheduler=None):
    dask_scheduler.allowed_failures = allowed


# ---- on each Dask worker -----------------------------------------------------------------

_warm: dict = {}  # (setup key, thread) -> local.WarmWorker, oldest first
_warm_lock = threading.Lock()
WARM_PER_THREAD = 2  # setups kept warm per thread (a cluster grading set after set)


def _run_on_worker(setup: Setup, task, timeout):
    from .local import WarmWorker

    # the worker's own process may be a daemon (Dask's nanny starts it so); our children
    # die with it anyway (PR_SET_PDEATHSIG), which is all the daemon flag is for
    multiprocessing.current_process()._config.pop("daemon", None)
    key = (getattr(setup, "key", id(setup)), threading.get_ident())
    with _warm_lock:
        warm = _warm.pop(key, None)
        if warm is None:
            mine = [k for k in _warm if k[1] == key[1]]
            for old in mine[: max(0, len(mine) - WARM_PER_THREAD + 1)]:
                _warm.pop(old).close()
            warm = WarmWorker(_next_slot(), setup, "forkserver")
        _warm[key] = warm  # now the most recently used
    return warm.do(task, timeout)


_slots = iter(range(1_000_000))


def _next_slot() -> int:
    """Slot numbers unique in this worker process (they name cgroups and work folders)."""
    return next(_slots)


# ---- a cluster on this machine, for tests and benchmarks -----------------------------------


class LoopbackCluster:
    """A real `dask scheduler` and ``workers`` `dask worker` processes (one thread each)
    on 127.0.0.1, started from this Python's bin folder; a context manager."""

    def __init__(self, workers: int, logs: Path, env: dict | None = None):
        self.workers, self.logs = workers, Path(logs)
        self.env = {**os.environ, **(env or {})}
        self.processes: list[subprocess.Popen] = []
        self.address = ""

    def __enter__(self) -> "LoopbackCluster":
        from distributed import Client

        self.logs.mkdir(parents=True, exist_ok=True)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        self._start("scheduler", "--host", "127.0.0.1", "--port", str(port))
        for index in range(self.workers):
            name = f"w{index + 1}"
            self._start(name, self.address, "--nthreads", "1", "--name", name,
                        "--local-directory", str(self.logs / name))  # fmt: skip
        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self

    def _start(self, log: str, *args: str):
        command = [str(Path(sys.executable).parent / "dask"), "worker" if log != "scheduler"
                   else "scheduler", *args, "--no-dashboard"]  # fmt: skip
        with open(self.logs / f"{log}.log", "w") as output:
            self.processes.append(
                subprocess.Popen(
                    command,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=self.env,
                    cwd=self.logs,
                    start_new_session=True,
                )  # fmt: skip
            )

    def __exit__(self, *exc):
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
