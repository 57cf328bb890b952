"""Clauses of question 8, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- warm-up: lr_max (step + 1) / warmup_steps for 0 <= step < warmup_steps:
  test_warmup_ramp; variant "lr_max step / warmup_steps (starts at 0)".
- cosine phase: lr_min + (lr_max - lr_min) (1 + cos(pi p)) / 2 with
  p = (step - warmup_steps) / (total_steps - warmup_steps), lr_min honoured:
  test_cosine_phase; variants "ignores lr_min", "p = step / total_steps".
- after total_steps the rate stays lr_min: test_after_the_end; variant "the cosine goes
  on and rises again".
- warmup_steps = 0 means no warm-up (no division by zero): test_after_the_end; variant
  "divides by warmup_steps".
- step may be an int or an int array of any shape, the result has the same shape:
  test_warmup_ramp (shape (2, 3)) and test_cosine_phase.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q8"
points = 4


def _schedule(step, lr_max, warmup, total, lr_min):
    out = np.empty(np.shape(step))
    for index, s in np.ndenumerate(np.asarray(step)):
        if s < warmup:
            out[index] = lr_max * (s + 1) / warmup
        elif s <= total:
            p = (s - warmup) / (total - warmup)
            out[index] = lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * p)) / 2
        else:
            out[index] = lr_min
    return out


@test_case(points=1, hidden=False)
def test_by_hand(warmup_cosine):
    steps = np.array([0, 1, 2, 4, 6, 7])
    assert_close(
        call(warmup_cosine, steps, 1.0, 2, 6),
        [0.5, 1.0, 1.0, 0.5, 0.0, 0.0],
        rtol=1e-12,
        atol=1e-12,
        what="warmup_cosine([0, 1, 2, 4, 6, 7], lr_max=1, warmup_steps=2, total_steps=6)",
        hint="steps 0 and 1 ramp up to lr_max; from step 2 the cosine falls from 1 to 0 at step 6 "
        "(halfway, at step 4, it is 0.5); after step 6 it stays at lr_min = 0.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_warmup_ramp(warmup_cosine):
    rng = np.random.default_rng(801)
    for warmup in [5, 37]:
        lr_max = float(10 ** rng.uniform(-4, -1))
        steps = np.arange(warmup)
        assert_close(
            call(
                warmup_cosine, steps.copy(), lr_max, warmup, 10 * warmup, what="the warm-up steps"
            ),
            lr_max * (steps + 1) / warmup,
            rtol=1e-10,
            what=f"warmup_cosine during a warm-up of {warmup} steps",
            hint="during warm-up the rate is lr_max * (step + 1) / warmup_steps: the first "
            "step (step 0) already uses lr_max / warmup_steps, and step warmup_steps - 1 "
            "uses lr_max.",
        )
    grid = rng.integers(0, 300, size=(2, 3))
    assert_close(
        call(
            warmup_cosine,
            grid.copy(),
            0.1,
            50,
            250,
            lr_min=0.01,
            what="an int array of shape (2, 3)",
        ),
        _schedule(grid, 0.1, 50, 250, 0.01),
        rtol=1e-10,
        what="warmup_cosine on an int array of steps of shape (2, 3)",
        hint="the result has the shape of step, and each entry follows the phase its step is in "
        "(warm-up, cosine, or after total_steps).",
    )


@test_case(points=1, hidden=True)
def test_cosine_phase(warmup_cosine):
    rng = np.random.default_rng(802)
    for _ in range(3):
        warmup = int(rng.integers(1, 100))
        total = warmup + int(rng.integers(50, 1000))
        lr_max = float(10 ** rng.uniform(-3, -1))
        lr_min = lr_max * float(rng.uniform(0.01, 0.3))
        steps = np.unique(np.r_[warmup, total, rng.integers(warmup, total + 1, size=20)])
        found = call(
            warmup_cosine,
            steps.copy(),
            lr_max,
            warmup,
            total,
            lr_min=lr_min,
            what="steps of the cosine phase",
        )
        expected = _schedule(steps, lr_max, warmup, total, lr_min)
        no_min = _schedule(steps, lr_max, warmup, total, 0.0)
        if np.shape(found) == expected.shape and np.allclose(found, no_min, rtol=1e-8):
            hint = (
                "the cosine falls to lr_min, not to 0: "
                "lr_min + (lr_max - lr_min) (1 + cos(pi p)) / 2."
            )
        else:
            hint = (
                "the progress p = (step - warmup_steps) / (total_steps - warmup_steps) goes "
                "from 0 at the end of warm-up to 1 at total_steps."
            )
        assert_close(
            found, expected, rtol=1e-10, what="warmup_cosine in the cosine phase", hint=hint
        )
    scalar = call(warmup_cosine, 30, 0.2, 10, 50, lr_min=0.02, what="the int step 30")
    assert_close(
        scalar,
        0.02 + 0.18 * (1 + np.cos(np.pi * 0.5)) / 2,
        rtol=1e-10,
        what="warmup_cosine(30, 0.2, 10, 50, lr_min=0.02) for a single int step",
        hint="halfway through the cosine phase the rate is (lr_max + lr_min) / 2.",
    )


@test_case(points=1, hidden=True)
def test_after_the_end(warmup_cosine):
    steps = np.array([100, 101, 150, 199, 5000])
    assert_close(
        call(
            warmup_cosine, steps.copy(), 0.05, 10, 100, lr_min=0.001, what="steps after total_steps"
        ),
        np.full(5, 0.001),
        rtol=1e-10,
        what="warmup_cosine after total_steps = 100",
        hint="after total_steps the rate stays at lr_min: clip the progress p at 1, or the "
        "cosine rises again.",
    )
    steps = np.array([0, 1, 20, 40, 41])
    with np.errstate(divide="ignore", invalid="ignore"):
        found = call(warmup_cosine, steps.copy(), 0.3, 0, 40, what="warmup_steps = 0")
    assert_close(
        found,
        _schedule(steps, 0.3, 0, 40, 0.0),
        rtol=1e-10,
        atol=1e-15,
        what="warmup_cosine(..., warmup_steps=0, total_steps=40)",
        hint="warmup_steps = 0 means no warm-up: step 0 already starts the cosine at lr_max "
        "(do not divide by warmup_steps when it is 0).",
    )
