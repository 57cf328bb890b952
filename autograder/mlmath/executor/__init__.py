"""The executor: one way to run independent jobs and hand back results as they finish.

Validation and grading both describe their work the same way: a list of tasks, and a
*setup*, a picklable callable that a worker calls once with its slot number to get the
function it then applies to one task after another (so a grading worker starts its warm
sandbox once and keeps it). A setup whose ``fresh`` attribute is true gets a new process
for every task instead (validation: each variant in a clean interpreter).

`LocalExecutor` (local.py) runs the workers as processes on this machine and needs no
server; `DaskExecutor` (dask_cluster.py) runs the same setups on a Dask distributed cluster.
Either way a task's outcome comes back exactly once, as a `Finished`: its value, or why
there is none (the worker raised, died or ran out of time). The caller alone records
results, so "nothing lost, nothing doubled" is the caller's loop over `run`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass
class Finished:
    index: int  # the task's position in the tasks given to run()
    value: Any = None
    error: str = ""  # why there is no value; empty when there is one
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


Setup = Callable[[int], Callable[[Any], Any]]


class Executor(Protocol):
    slots: int  # how many tasks run at once

    def run(
        self, tasks: Iterable, setup: Setup, *, timeout: float | None = None
    ) -> Iterator[Finished]:
        """Run ``setup(slot)(task)`` for every task; yield each outcome as it arrives.

        Tasks are drawn from ``tasks`` only as workers become free, so a generator that
        loads each task (a submission's bytes) holds only a few in memory at a time.
        ``timeout`` bounds one task's seconds (its worker is then replaced).
        """
        ...


def executor_for(scheduler: str | None, slots: int) -> Executor:
    """The local executor, or a Dask cluster's when a scheduler address is given."""
    if scheduler:
        from .dask_cluster import DaskExecutor

        return DaskExecutor(scheduler)
    from .local import LocalExecutor

    return LocalExecutor(slots)
