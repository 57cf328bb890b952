"""Where grading work is dispatched: here, a pool of local worker processes.

This is the one place that decides where a submission is graded. `run_local` takes
tasks and a factory of per-slot workers and hands back results as they finish. Each
worker gets one task at a time over its own pipe, so the coordinator always knows what
each worker holds: a worker that dies loses only its current task (reported through
``on_lost``), a new worker takes its slot, and the batch always finishes.
"""

import ctypes
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any

_context = multiprocessing.get_context("fork")
PR_SET_PDEATHSIG = 1
MAX_START_FAILURES = 3  # a slot whose worker cannot even start this often is given up


def _die_with_parent():
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's exit still closes the pipe
        pass


def _slot_main(slot, make_worker, connection):
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    work = make_worker(slot)
    connection.send(("ready", None, None))
    while True:
        item = connection.recv()
        if item is None:
            return
        index, task = item
        connection.send(("result", index, work(task)))
        if getattr(work, "broken", False):  # its sandbox died: a fresh worker takes over
            return


class _Slot:
    def __init__(self, slot, make_worker):
        self.slot = slot
        ours, theirs = _context.Pipe()
        self.connection = ours
        self.process = _context.Process(
            target=_slot_main, args=(slot, make_worker, theirs), daemon=True
        )
        self.process.start()
        theirs.close()
        self.ready = False
        self.current: int | None = None

    def give(self, index: int, task):
        self.current = index
        self.connection.send((index, task))

    def stop(self):
        try:
            self.connection.send(None)
        except (OSError, ValueError):
            pass

    def end(self):
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


def _death(process) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return f"killed by {name}" + (" (out of memory?)" if code == -signal.SIGKILL else "")
    return f"exit code {code}"


def run_local(
    tasks: list,
    slots: int,
    make_worker: Callable[[int], Callable[[Any], Any]],
    on_result: Callable[[int, Any], None],
    on_lost: Callable[[int, str], Any],
):
    """Run ``make_worker(slot)(task)`` for every task on ``slots`` processes.

    ``on_result(index, result)`` is called in this process as results arrive; a task
    whose worker died while holding it goes to ``on_lost(index, reason)`` instead.
    """
    pending = deque(range(len(tasks)))
    failures = {slot: 0 for slot in range(max(1, min(slots, len(tasks))))}
    running = {slot: _Slot(slot, make_worker) for slot in failures}
    try:
        while running and (pending or any(s.current is not None for s in running.values())):
            for slot in running.values():
                if slot.ready and slot.current is None and pending:
                    _give_next(slot, pending, tasks)
            waitables = {s.connection: s for s in running.values()}
            waitables.update({s.process.sentinel: s for s in running.values()})
            for ready in wait(list(waitables), timeout=1.0):
                slot = waitables[ready]
                if slot.slot not in running or running[slot.slot] is not slot:
                    continue
                message = _receive(slot)
                if message is None:  # the worker is gone
                    reason = (
                        "the grading worker died while grading this submission "
                        f"({_death(slot.process)})"
                    )
                    if slot.current is not None:
                        on_lost(slot.current, reason)
                        failures[slot.slot] = 0
                    elif not slot.ready:
                        failures[slot.slot] += 1
                    slot.end()
                    del running[slot.slot]
                    if pending and failures[slot.slot] < MAX_START_FAILURES:
                        running[slot.slot] = _Slot(slot.slot, make_worker)
                    continue
                kind, index, result = message
                if kind == "ready":
                    slot.ready = True
                elif kind == "result" and index == slot.current:
                    slot.current = None
                    on_result(index, result)
        for index in pending:  # every slot failed to start: nothing can grade these
            on_lost(index, "no grading worker could start (see the warning above)")
    finally:
        for slot in running.values():
            slot.stop()
        for slot in running.values():
            slot.end()


def _give_next(slot: _Slot, pending: deque, tasks: list):
    index = pending.popleft()
    try:
        slot.give(index, tasks[index])
    except (OSError, ValueError):  # it died just now: the task waits for the next worker
        slot.current = None
        pending.appendleft(index)


def _receive(slot: _Slot):
    try:
        if slot.connection.poll():
            return slot.connection.recv()
    except (EOFError, OSError):
        return None
    return None if not slot.process.is_alive() else ("idle", None, None)
