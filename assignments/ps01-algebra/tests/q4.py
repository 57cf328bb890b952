"""Clauses of question 4, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- exp_decay(n0, k, t) = n0 exp(-k t), relative error 1e-10: test_exp_decay_on_arrays;
  variant "exp(-t / k)".
- t a number, an array (integer times too) or a list, the result of its shape:
  test_exp_decay_on_arrays; variant "math.exp".
- half_life(k) = ln 2 / k, relative error 1e-10, paired with the absolute check that
  exp_decay halves at it: test_half_life; variants "1 / (2k)", "k ln 2".
- DOUBLING_TIME solves 1.07 ** T = 2, relative error 1e-8 (computed, not typed rounded):
  test_doubling_time; variants "ln 2 / 0.07", "rule of 70", "log10 over ln",
  "rounded to 10.24".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, defined, to_number

name = "q4"
points = 6


@test_case(points=1, hidden=False)
def test_decay_by_hand(exp_decay, half_life):
    assert_close(
        call(exp_decay, 8.0, np.log(2), 3.0),
        1.0,
        rtol=1e-12,
        what="exp_decay(8, ln 2, 3)",
        hint="at rate ln 2 the amount halves every unit of time: 8 -> 4 -> 2 -> 1.",
        reveal=True,
    )
    assert_close(
        call(half_life, np.log(2)),
        1.0,
        rtol=1e-12,
        what="half_life(ln 2)",
        hint="solve exp(-k T) = 1/2 for T.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_doubling_time_is_a_number(DOUBLING_TIME):
    value = to_number(defined(DOUBLING_TIME, "DOUBLING_TIME"), what="DOUBLING_TIME")
    if not 0 < value < 1000:
        raise AssertionError(
            f"DOUBLING_TIME should be a positive number of years, found {value!r}."
        )


@test_case(points=1, hidden=True)
def test_exp_decay_on_arrays(exp_decay):
    rng = np.random.default_rng(401)
    for shape in [(1,), (8,), (3, 5)]:
        n0 = rng.uniform(1, 1000)
        k = rng.uniform(0.01, 2)
        t = rng.uniform(0, 20, size=shape)
        assert_close(
            call(exp_decay, n0, k, t.copy()),
            n0 * np.exp(-k * t),
            rtol=1e-10,
            atol=1e-300,
            what=f"exp_decay(n0, k, t) with t of shape {shape}",
            hint="N(t) = N0 * exp(-k t): the rate multiplies the time inside the exponential.",
        )
    t_int = np.arange(6)
    assert_close(
        call(exp_decay, 3.0, 0.4, t_int.copy(), what="an integer array of times"),
        3.0 * np.exp(-0.4 * t_int.astype(float)),
        rtol=1e-10,
        what="exp_decay(3, 0.4, np.arange(6)) with integer times",
        hint="integer times are fine: the result is a float array of their shape.",
    )
    value = to_number(call(exp_decay, 7.0, 0.25, 2.0), what="exp_decay(7, 0.25, 2.0)")
    assert_close(
        value,
        7.0 * np.exp(-0.5),
        rtol=1e-10,
        what="exp_decay(7, 0.25, 2.0) at a single time",
        hint="a number for t gives a number.",
    )
    t = [0.0, 1.0, 2.5]
    assert_close(
        call(exp_decay, 5.0, 0.3, list(t)),
        5.0 * np.exp(-0.3 * np.array(t)),
        rtol=1e-10,
        what="exp_decay(5, 0.3, t) with t a list",
        hint="convert t with np.asarray so that a list works too.",
    )


@test_case(points=1, hidden=True)
def test_half_life(exp_decay, half_life):
    rng = np.random.default_rng(402)
    for k in rng.uniform(0.001, 5, size=4):
        found = to_number(call(half_life, k), what=f"half_life({k:.3g})")
        assert_close(
            found,
            np.log(2) / k,
            rtol=1e-10,
            what=f"half_life({k:.3g})",
            hint="exp(-k T) = 1/2  <=>  -k T = ln(1/2)  <=>  T = ln(2) / k.",
        )
        n0 = rng.uniform(1, 100)
        assert_close(
            call(exp_decay, n0, k, found),
            n0 / 2,
            rtol=1e-9,
            what="exp_decay(n0, k, half_life(k))",
            hint="after one half-life, half of n0 is left.",
        )


@test_case(points=2, hidden=True)
def test_doubling_time(DOUBLING_TIME):
    value = to_number(defined(DOUBLING_TIME, "DOUBLING_TIME"), what="DOUBLING_TIME")
    exact = np.log(2) / np.log(1.07)
    if abs(value - exact) <= 1e-8 * exact:
        return
    growth = 1.07**value
    if abs(growth - 2) <= 1e-3:
        hint = (
            "your value is close but rounded: compute it with numpy in the cell "
            "(np.log(...) / np.log(...)) instead of typing digits."
        )
    else:
        hint = (
            "solve 1.07 ** T = 2 with a logarithm: the growth is compounded once a year, so "
            "the rate is ln(1.07), not 0.07, and give the exact value, not a rule-of-thumb "
            "estimate."
        )
    raise AssertionError(
        f"DOUBLING_TIME should solve 1.07 ** T = 2 to a relative error of 1e-8; after "
        f"DOUBLING_TIME years at 7% per year the amount is multiplied by {growth:.6g}. {hint}"
    )
