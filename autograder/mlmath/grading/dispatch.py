"""Where grading work is dispatched: here, a pool of local worker processes.

This is the one place that decides where a submission is graded. `run_local` takes
tasks and a factory of per-slot workers and hands back results as they finish; a
cluster dispatcher would offer the same call and send tasks elsewhere.
"""

import ctypes
import multiprocessing
import queue
import signal
from collections.abc import Callable
from typing import Any

_context = multiprocessing.get_context("fork")
PR_SET_PDEATHSIG = 1


def _die_with_parent():
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's exit still ends the queue
        pass


def _slot_main(slot, make_worker, tasks, results):
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    work = make_worker(slot)
    while True:
        item = tasks.get()
        if item is None:
            return
        index, task = item
        results.put((index, work(task)))


def run_local(
    tasks: list,
    slots: int,
    make_worker: Callable[[int], Callable[[Any], Any]],
    on_result: Callable[[int, Any], None],
    on_lost: Callable[[int, str], Any],
):
    """Run ``make_worker(slot)(task)`` for every task on ``slots`` processes.

    ``on_result(index, result)`` is called in this process as results arrive; a task
    whose worker process died is given to ``on_lost(index, reason)`` instead.
    """
    task_queue, result_queue = _context.Queue(), _context.Queue()
    for item in enumerate(tasks):
        task_queue.put(item)
    slots = max(1, min(slots, len(tasks)))
    for _ in range(slots):
        task_queue.put(None)
    workers = [
        _context.Process(target=_slot_main, args=(slot, make_worker, task_queue, result_queue),
                         daemon=True)
        for slot in range(slots)
    ]  # fmt: skip
    for worker in workers:
        worker.start()
    pending = set(range(len(tasks)))
    try:
        while pending:
            try:
                index, result = result_queue.get(timeout=1.0)
            except queue.Empty:
                if not any(w.is_alive() for w in workers):
                    for index in sorted(pending):
                        on_lost(index, "the grading worker stopped unexpectedly")
                    return
                continue
            pending.discard(index)
            on_result(index, result)
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
