"""The local executor with real worker processes: results as they finish, each exactly once."""

import os
import signal
import time

from mlmath.executor.calls import run_calls
from mlmath.executor.local import LocalExecutor, WarmWorker


class Counting:
    """A setup whose workers say which process and which slot ran each task."""

    def __init__(self, fresh=False):
        self.fresh = fresh

    def __call__(self, slot):
        started = os.getpid()

        def work(task):
            if task == "die":
                os.kill(os.getpid(), signal.SIGKILL)
            if task == "raise":
                raise ValueError("bad task")
            if task == "hang":
                time.sleep(60)
            if task == "unpicklable":
                return lambda: None
            return (task, started, slot)

        return work


class Broken:
    def __call__(self, slot):
        raise RuntimeError("cannot start here")


def _run(executor, tasks, setup, **options):
    results = {}
    for finished in executor.run(tasks, setup, **options):
        assert finished.index not in results, "a task came back twice"
        results[finished.index] = finished
    assert sorted(results) == list(range(len(tasks))), "a task was lost"
    return results


def test_workers_stay_warm_and_a_dying_task_loses_only_itself():
    tasks = [1, 2, "die", 3, "raise", 4, "unpicklable", 5]
    results = _run(LocalExecutor(2), tasks, Counting())
    assert "died" in results[2].error and "SIGKILL" in results[2].error
    assert results[4].error == "ValueError: bad task"
    assert "could not be sent back" in results[6].error
    good = [results[i].value for i in (0, 1, 3, 5, 7)]
    assert [value[0] for value in good] == [1, 2, 3, 4, 5]
    assert {value[2] for value in good} <= {0, 1}
    # warm: far fewer processes than tasks (one per slot, plus the one that replaced the dead)
    assert len({value[1] for value in good}) <= 3


def test_fresh_setups_get_a_new_process_for_every_task():
    results = _run(LocalExecutor(2), list(range(6)), Counting(fresh=True))
    assert len({r.value[1] for r in results.values()}) == 6


def test_a_task_over_its_time_is_stopped_and_the_rest_go_on():
    started = time.monotonic()
    results = _run(LocalExecutor(2), ["hang", 1, 2, 3], Counting(), timeout=2)
    assert results[0].error == "timed out after 2 s"
    assert [results[i].value[0] for i in (1, 2, 3)] == [1, 2, 3]
    assert time.monotonic() - started < 30


def test_a_setup_that_cannot_start_fails_every_task_with_its_reason():
    results = _run(LocalExecutor(2), [1, 2, 3], Broken())
    for finished in results.values():
        assert "no worker could start" in finished.error
        assert "cannot start here" in finished.error


def test_tasks_are_drawn_only_as_workers_free_up():
    drawn = []

    def tasks():
        for index in range(6):
            drawn.append(index)
            yield index

    seen_before_draws = []
    for finished in LocalExecutor(2).run(tasks(), Counting()):
        seen_before_draws.append(len(drawn))
        assert finished.ok
    assert seen_before_draws[0] <= 4  # two running and at most two drawn ahead


def test_run_calls_keys_each_outcome():
    results = run_calls({"a": (divmod, (7, 2)), "b": (divmod, (1, 0))}, LocalExecutor(2), 30)
    assert results["a"].value == (3, 1)
    assert results["b"].error == "ZeroDivisionError: integer division or modulo by zero"


def test_a_warm_worker_keeps_its_process_and_replaces_a_dead_one():
    warm = WarmWorker(0, Counting(), "forkserver")
    first, second = warm.do(1), warm.do(2)
    assert first.value[1] == second.value[1]
    assert "died" in warm.do("die").error
    assert warm.do(3).value[1] != first.value[1]
    assert warm.do("hang", timeout=1).error == "timed out after 1 s"
    assert warm.do(4).value[0] == 4
    warm.close()
