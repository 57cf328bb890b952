"""Clauses of question 5, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- lr0 * decay_rate ** (step / decay_steps) with a real exponent, relative error 1e-9, for an
  integer step or an integer array (same shape): test_continuous_schedule; variants
  "integer division without staircase", "decay_rate ** step / decay_steps".
- staircase=True rounds the exponent DOWN: test_staircase_schedule (steps at, just before
  and just after multiples of decay_steps); variants "ignores staircase", "rounds to the
  nearest integer".
- staircase=False does not round: test_staircase_schedule (steps 5 and 15).
- steps_to_reach solves the continuous schedule for the step, relative error 1e-9, paired
  with the absolute oracle: test_steps_to_reach; variants "ln(lr0 / target)", "forgets
  decay_steps".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, to_number

name = "q5"
points = 6


def _fail(message):
    """Fail the test case with a message written for the student."""
    raise AssertionError(message)


@test_case(points=1, hidden=False)
def test_schedule_by_hand(lr_exponential):
    assert_close(
        call(lr_exponential, 0.1, 0.5, 10, 10),
        0.05,
        rtol=1e-12,
        what="lr_exponential(0.1, 0.5, 10, 10)",
        hint="after decay_steps steps the rate is multiplied by decay_rate once.",
        reveal=True,
    )
    assert_close(
        call(lr_exponential, 0.1, 0.5, 10, 15, staircase=True),
        0.05,
        rtol=1e-12,
        what="lr_exponential(0.1, 0.5, 10, 15, staircase=True)",
        hint="with staircase=True the exponent step / decay_steps is rounded down.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_steps_to_reach_by_hand(steps_to_reach):
    assert_close(
        to_number(
            call(steps_to_reach, 1.0, 0.25, 0.5, 100), what="steps_to_reach(1, 0.25, 0.5, 100)"
        ),
        200.0,
        rtol=1e-10,
        what="steps_to_reach(1, 0.25, 0.5, 100)",
        hint="halving every 100 steps, it takes two halvings to go from 1 to 0.25.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_continuous_schedule(lr_exponential):
    rng = np.random.default_rng(501)
    for shape in [(1,), (20,), (4, 6)]:
        lr0 = 10 ** rng.uniform(-4, -1)
        rate = rng.uniform(0.1, 0.99)
        decay_steps = int(rng.integers(5, 500))
        steps = rng.integers(0, 5000, size=shape)
        assert_close(
            call(lr_exponential, lr0, rate, decay_steps, steps.copy()),
            lr0 * rate ** (steps / decay_steps),
            rtol=1e-9,
            atol=1e-300,
            what=f"lr_exponential(..., step) with step an integer array of shape {shape}",
            hint="the exponent is step / decay_steps as a real number (true division, no "
            "rounding), and decay_rate ** (step / decay_steps) needs the parentheses.",
        )
    found = to_number(call(lr_exponential, 0.01, 0.9, 7, 3), what="lr_exponential at a single step")
    assert_close(
        found,
        0.01 * 0.9 ** (3 / 7),
        rtol=1e-10,
        what="lr_exponential(0.01, 0.9, 7, 3)",
        hint="between two multiples of decay_steps the continuous schedule decays smoothly.",
    )


@test_case(points=1, hidden=True)
def test_staircase_schedule(lr_exponential):
    rng = np.random.default_rng(502)
    for _ in range(3):
        lr0 = 10 ** rng.uniform(-4, -1)
        rate = rng.uniform(0.1, 0.99)
        decay_steps = int(rng.integers(5, 200))
        multiples = decay_steps * np.arange(0, 6)
        steps = np.concatenate([multiples, multiples + 1, multiples[1:] - 1])
        assert_close(
            call(lr_exponential, lr0, rate, decay_steps, steps.copy(), staircase=True),
            lr0 * rate ** np.floor(steps / decay_steps),
            rtol=1e-9,
            what="lr_exponential(..., staircase=True) on steps around multiples of decay_steps",
            hint="with staircase=True use the exponent floor(step / decay_steps): the rate "
            "stays constant for decay_steps steps, then drops by a factor decay_rate.",
        )
    continuous = call(lr_exponential, 0.1, 0.5, 10, np.array([5, 15]), staircase=False)
    assert_close(
        continuous,
        0.1 * 0.5 ** np.array([0.5, 1.5]),
        rtol=1e-9,
        what="lr_exponential(..., staircase=False) between multiples of decay_steps",
        hint="round the exponent down only when staircase=True.",
    )


@test_case(points=2, hidden=True)
def test_steps_to_reach(lr_exponential, steps_to_reach):
    rng = np.random.default_rng(503)
    for _ in range(5):
        lr0 = 10 ** rng.uniform(-3, 0)
        target = lr0 * 10 ** rng.uniform(-4, -0.1)
        rate = rng.uniform(0.05, 0.99)
        decay_steps = int(rng.integers(1, 1000))
        t = to_number(
            call(steps_to_reach, lr0, target, rate, decay_steps), what="steps_to_reach(...)"
        )
        if t < 0:
            _fail(
                f"steps_to_reach returned a negative step ({t:.4g}) for a target below lr0. "
                "Both ln(target / lr0) and ln(decay_rate) are negative: check the order of "
                "target and lr0 in the ratio."
            )
        assert_close(
            t,
            decay_steps * np.log(target / lr0) / np.log(rate),
            rtol=1e-9,
            what="steps_to_reach(lr0, target, decay_rate, decay_steps)",
            hint="solve lr0 * decay_rate ** (t / decay_steps) = target for t by taking logs.",
        )
        assert_close(
            call(lr_exponential, lr0, rate, decay_steps, t),
            target,
            rtol=1e-9,
            what="lr_exponential(lr0, ..., steps_to_reach(lr0, target, ...))",
            hint="at the step you return, the continuous schedule must equal target.",
        )
