"""Question 9: hoeffding_bound(n, epsilon, a=0, b=1) and
hoeffding_sample_size(epsilon, delta, a=0, b=1, n_hypotheses=1).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- the two-sided bound 2 exp(-2 n epsilon^2 / (b - a)^2): test_bound_random / "one-sided
  bound exp(-2 n eps^2)"
- the range (b - a)^2 is honoured: test_bound_random / "ignores a and b"
- the bound is capped at 1 (it is a probability): test_bound_cap / "no cap"
- the sample size is the CEILING of (b - a)^2 ln(2 H / delta) / (2 epsilon^2), the
  smallest n whose bound is <= delta: test_sample_size_random (brute force) / "rounds
  to the nearest integer", "floor (int())"
- n_hypotheses = H is honoured (a union bound over H hypotheses): test_union_bound /
  "ignores n_hypotheses", "H multiplies the sample size instead of entering the log"
- a and b are honoured in the sample size: test_sample_size_random / "ignores a and b
  in the sample size"
- the sample size is an int (a float such as 185.0 fails only this case): test_returns_int
  / "returns np.ceil's float"
"""

OK_FORMAT = False

import math

import numpy as np
from otter.test_files import test_case
from ps15_checks import number

from mlmath_checks import assert_close, call, to_number

name = "q9"
points = 6


def _bound(n, eps, a=0.0, b=1.0):
    return min(1.0, 2.0 * math.exp(-2.0 * n * eps**2 / (b - a) ** 2))


def _smallest_n(eps, delta, a=0.0, b=1.0, H=1):
    """Brute force: the smallest n with H * bound(n) <= delta, searched from a safe start."""
    n = max(1, int((b - a) ** 2 * math.log(2 * H / delta) / (2 * eps**2)) - 3)
    while H * 2.0 * math.exp(-2.0 * n * eps**2 / (b - a) ** 2) > delta:
        n += 1
    return n


def _bound_hint(found, n, eps, a, b):
    if np.isclose(found, min(1.0, math.exp(-2 * n * eps**2 / (b - a) ** 2)), rtol=1e-9, atol=0):
        return (
            "that is the one-sided bound: P(|mean - mu| >= eps) counts both tails, so 2 exp(...)."
        )
    if (b - a) != 1 and np.isclose(found, _bound(n, eps), rtol=1e-9, atol=0):
        return "the exponent divides by (b - a)**2: a wider range needs more samples."
    return "bound = min(1, 2 exp(-2 n eps**2 / (b - a)**2))."


def _size(hoeffding_sample_size, args, what, strict=False):
    found = call(hoeffding_sample_size, *args, what=what)
    value = to_number(found, what=f"hoeffding_sample_size on {what}")
    if value != math.floor(value):
        raise AssertionError(
            f"hoeffding_sample_size on {what} returned {value:.6g}, not a whole number: a "
            "sample size is an integer; take the ceiling (math.ceil)."
        )
    if strict and (not isinstance(found, (int, np.integer)) or isinstance(found, bool)):
        raise AssertionError(
            f"hoeffding_sample_size on {what} returned {value:g} as a "
            f"{type(found).__name__}: return an int (np.ceil gives a float; wrap it in int(), "
            "or use math.ceil, which returns an int)."
        )
    return int(value)


def _size_hint(found, eps, delta, a, b, H):
    exact = (b - a) ** 2 * math.log(2 * H / delta) / (2 * eps**2)
    if found == round(exact) or found == math.floor(exact):
        return (
            "round UP (math.ceil): the smallest n with bound <= delta; rounding down leaves "
            "the bound above delta."
        )
    if H > 1 and found == math.ceil(exact - math.log(H) * (b - a) ** 2 / (2 * eps**2)):
        return "the union bound over H hypotheses puts H inside the log: ln(2 H / delta)."
    if H > 1 and found == math.ceil(H * (b - a) ** 2 * math.log(2 / delta) / (2 * eps**2)):
        return "H enters inside the log, ln(2 H / delta), not as a factor."
    if found == math.ceil((b - a) ** 2 * math.log(H / delta) / (2 * eps**2)):
        return "the two-sided bound has a 2 inside the log: ln(2 H / delta)."
    if (b - a) != 1 and found == math.ceil(exact / (b - a) ** 2):
        return "multiply by (b - a)**2: values spread over a wider range need more samples."
    return "n = ceil((b - a)**2 ln(2 H / delta) / (2 eps**2))."


@test_case(points=2, hidden=False)
def test_by_hand(hoeffding_bound, hoeffding_sample_size):
    found = number(hoeffding_bound, 100, 0.1, what="n = 100, epsilon = 0.1")
    assert_close(
        found,
        2 * math.exp(-2),
        rtol=1e-10,
        what="hoeffding_bound(100, 0.1)",
        hint=_bound_hint(found, 100, 0.1, 0.0, 1.0),
        reveal=True,
    )
    found = _size(hoeffding_sample_size, (0.1, 0.05), "epsilon = 0.1, delta = 0.05")
    if found != 185:
        raise AssertionError(
            f"hoeffding_sample_size(0.1, 0.05) should be ceil(ln(40) / 0.02) = "
            f"ceil(184.4) = 185, found {found}. " + _size_hint(found, 0.1, 0.05, 0.0, 1.0, 1)
        )


@test_case(points=1, hidden=True)
def test_bound_random(hoeffding_bound):
    gen = np.random.default_rng(901)
    for n, a, b in [
        (50, 0.0, 1.0),
        (50, 0.0, 2.0),
        (400, -1.0, 1.0),
        (1000, 0.0, 10.0),
        (30, 2.0, 2.5),
    ]:
        eps = float(gen.uniform(0.15, 0.3) * (b - a))
        found = number(hoeffding_bound, n, eps, a, b, what=f"n = {n}, a range [{a}, {b}]")
        assert_close(
            found,
            _bound(n, eps, a, b),
            rtol=1e-9,
            atol=1e-300,
            what=f"hoeffding_bound for n = {n}, range [{a}, {b}]",
            hint=_bound_hint(found, n, eps, a, b),
        )
    found = number(hoeffding_bound, 200, 0.08, what="n = 200, epsilon = 0.08 (default range)")
    assert_close(
        found,
        _bound(200, 0.08),
        rtol=1e-9,
        what="hoeffding_bound(200, 0.08)",
        hint=_bound_hint(found, 200, 0.08, 0, 1),
    )


@test_case(points=0.5, hidden=True)
def test_bound_cap(hoeffding_bound):
    for n, eps in [(1, 0.1), (10, 0.05), (0, 0.3)]:
        found = number(hoeffding_bound, n, eps, what=f"n = {n}, epsilon = {eps}")
        if not found <= 1.0:
            raise AssertionError(
                f"hoeffding_bound({n}, {eps}) returned {found:.6g}: the bound on a "
                "probability is capped at 1, min(1, 2 exp(...))."
            )
        assert_close(
            found,
            _bound(n, eps),
            rtol=1e-12,
            what=f"hoeffding_bound({n}, {eps})",
            hint="min(1, 2 exp(...)).",
        )


@test_case(points=1, hidden=True)
def test_sample_size_random(hoeffding_sample_size):
    cases = [
        (0.05, 0.01, 0.0, 1.0),
        (0.02, 0.1, 0.0, 1.0),
        (0.3, 0.001, -1.0, 1.0),
        (0.5, 0.05, 0.0, 5.0),
        (0.013, 0.2, 0.0, 1.0),
    ]
    for eps, delta, a, b in cases:
        expected = _smallest_n(eps, delta, a, b)
        args = (eps, delta) if (a, b) == (0.0, 1.0) else (eps, delta, a, b)
        what = f"epsilon = {eps}, delta = {delta}, range [{a}, {b}]"
        found = _size(hoeffding_sample_size, args, what)
        if found != expected:
            raise AssertionError(
                f"hoeffding_sample_size on {what} is off by {found - expected:+d}. "
                + _size_hint(found, eps, delta, a, b, 1)
            )


@test_case(points=1, hidden=True)
def test_union_bound(hoeffding_sample_size):
    for eps, delta, H in [(0.05, 0.05, 10), (0.1, 0.01, 1000), (0.2, 0.1, 3)]:
        expected = _smallest_n(eps, delta, H=H)
        what = f"epsilon = {eps}, delta = {delta}, {H} hypotheses"
        found = _size(hoeffding_sample_size, (eps, delta, 0.0, 1.0, H), what)
        if found != expected:
            raise AssertionError(
                f"hoeffding_sample_size on {what} is off by {found - expected:+d}. "
                + _size_hint(found, eps, delta, 0.0, 1.0, H)
            )


@test_case(points=0.5, hidden=True)
def test_returns_int(hoeffding_sample_size):
    for eps, delta in [(0.07, 0.02), (0.25, 0.1)]:
        expected = _smallest_n(eps, delta)
        found = _size(
            hoeffding_sample_size, (eps, delta), f"epsilon = {eps}, delta = {delta}", strict=True
        )
        if found != expected:
            raise AssertionError(
                f"hoeffding_sample_size({eps}, {delta}) is off by {found - expected:+d}. "
                + _size_hint(found, eps, delta, 0.0, 1.0, 1)
            )
