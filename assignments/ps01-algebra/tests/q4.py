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
            call(exp_decay, n0, k, t),
            n0 * np.exp(-k * t),
            rtol=1e-10,
            atol=1e-300,
            what=f"exp_decay(n0, k, t) with t of shape {shape}",
            hint="N(t) = N0 * exp(-k t): the rate multiplies the time inside the exponential.",
        )
    t = [0.0, 1.0, 2.5]
    assert_close(
        call(exp_decay, 5.0, 0.3, t),
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
    growth = 1.07**value
    if not abs(growth - 2) <= 1e-6:
        raise AssertionError(
            f"after DOUBLING_TIME years at 7% per year the amount is multiplied by "
            f"1.07 ** DOUBLING_TIME = {growth:.6g}, not 2. Solve 1.07 ** T = 2 with a "
            "logarithm: the growth is compounded once a year, so the rate is ln(1.07), not 0.07, "
            "and give the exact value, not a rule-of-thumb estimate."
        )
