"""Clauses of question 2 (case -> the wrong variant that breaks that clause alone):

- binomial_pmf(k, n, p) = C(n, k) p^k (1 - p)^(n - k), elementwise over k, shape of k kept
    -> test_by_hand_binomial (public), test_binomial_small; variant "math.comb * p**k, scalar only"
- accurate for large n (n = 5000) without overflow -> test_binomial_large_n;
    variant "math.comb * p**k" (OverflowError)
- p = 0 and p = 1 give the point masses; k outside 0..n or not an integer gives 0
    -> test_binomial_edges; variant "k log p at p = 0 is NaN"
- poisson_pmf(k, lam) = lam^k e^-lam / k!, accurate for lam = 1000
    -> test_by_hand_poisson (public), test_poisson; variant "lgamma(k) instead of lgamma(k + 1)"
- binomial_cdf(k, n, p) = P(X <= k), inclusive, any real k (floor), 0 below 0, 1 from n
    -> test_binomial_cdf; variant "sums j < k"
- scipy.stats is not used (checked by code, whatever the import name)
    -> test_no_scipy_stats; variant "calls scipy.stats.binom.pmf as sb.pmf"
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from prob_checks import SCIPY_STATS

from mlmath_checks import assert_close, assert_finite, assert_shape, call, forbid_calls

name = "q2"
points = 8

TAIL = 1e-300  # relative accuracy is asked for wherever the probability exceeds this


def _compare(found, expected, what, hint, rtol=1e-9):
    expected = np.asarray(expected, dtype=float)
    array = assert_shape(
        found,
        expected.shape,
        what=what,
        hint="return one probability per entry of k, in the shape of k.",
    )
    assert_finite(array, what=what, hint=hint)
    assert_close(array, expected, rtol=rtol, atol=TAIL, what=what, hint=hint)


@test_case(points=1, hidden=False)
def test_by_hand_binomial(binomial_pmf):
    found = call(binomial_pmf, 3, 10, 0.5, name="binomial_pmf")
    assert_close(
        found,
        120 / 1024,
        rtol=1e-10,
        what="binomial_pmf(3, 10, 0.5)",
        hint="C(10, 3) = 120 and 0.5**10 = 1/1024.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_by_hand_poisson(poisson_pmf):
    found = call(poisson_pmf, 2, 3.0, name="poisson_pmf")
    assert_close(
        found,
        4.5 * np.exp(-3.0),
        rtol=1e-10,
        what="poisson_pmf(2, 3.0)",
        hint="3**2 e**-3 / 2! = 4.5 e**-3.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_binomial_small(binomial_pmf):
    gen = np.random.default_rng(721)
    for n, p, shape in [(1, 0.3, (2,)), (12, 0.37, (13,)), (40, 0.81, (3, 5))]:
        k = gen.integers(0, n + 1, size=shape)
        expected = scipy.stats.binom.pmf(k, n, p)
        what = f"binomial_pmf on k of shape {shape} with n={n}, p={p}"
        _compare(
            call(binomial_pmf, k.copy(), n, p, name="binomial_pmf", what=what),
            expected,
            what,
            hint="C(n, k) p**k (1-p)**(n-k), elementwise over k.",
        )


@test_case(points=1, hidden=True)
def test_binomial_large_n(binomial_pmf):
    k = np.arange(0, 5001, 7)
    expected = scipy.stats.binom.pmf(k, 5000, 0.3)
    what = "binomial_pmf(k, 5000, 0.3) for k = 0, 7, ..., 4998"
    hint = (
        "C(5000, k) and 0.3**k overflow or underflow a float: add the logs "
        "(math.lgamma(n + 1) - ... + k log p + (n - k) log(1 - p)) and exponentiate once."
    )
    found = call(binomial_pmf, k.copy(), 5000, 0.3, name="binomial_pmf", what=what, hint=hint)
    _compare(found, expected, what, hint, rtol=1e-8)


@test_case(points=1, hidden=True)
def test_binomial_edges(binomial_pmf):
    k = np.array([-1, 0, 1, 2.5, 7, 8, 9])
    for p in [0.0, 1.0, 0.4]:
        expected = scipy.stats.binom.pmf(k, 8, p)
        what = f"binomial_pmf at k = (-1, 0, 1, 2.5, 7, 8, 9) with n=8, p={p}"
        hint = (
            "p = 0 puts all mass on k = 0 and p = 1 on k = n (0 * log 0 counts as 0); "
            "k < 0, k > n and non-integer k have probability 0."
        )
        with np.errstate(all="ignore"):
            found = call(binomial_pmf, k.copy(), 8, p, name="binomial_pmf", what=what, hint=hint)
        _compare(found, expected, what, hint)


@test_case(points=1, hidden=True)
def test_poisson(poisson_pmf):
    for lam, k in [
        (0.7, np.arange(0, 12)),
        (12.5, np.array([[0, 3], [12, 40]])),
        (1000.0, np.arange(0, 3001, 9)),
        (4.0, np.array([-2, 1.5, 3])),
    ]:
        expected = scipy.stats.poisson.pmf(k, lam)
        what = f"poisson_pmf on k of shape {k.shape} with lam={lam}"
        hint = (
            "lam**k e**-lam / k! through logs: k log(lam) - lam - lgamma(k + 1); "
            "negative or non-integer k have probability 0."
        )
        with np.errstate(all="ignore"):
            found = call(poisson_pmf, k.copy(), lam, name="poisson_pmf", what=what, hint=hint)
        _compare(found, expected, what, hint, rtol=1e-8)


@test_case(points=1, hidden=True)
def test_binomial_cdf(binomial_cdf):
    for n, p in [(10, 0.3), (200, 0.55)]:
        k = np.array([-3, -0.5, 0, 2, 2.7, n // 2, n - 1, n, n + 4])
        expected = scipy.stats.binom.cdf(k, n, p)
        what = f"binomial_cdf at k = {list(k)} with n={n}, p={p}"
        found = call(binomial_cdf, k.copy(), n, p, name="binomial_cdf", what=what)
        _compare(
            found,
            expected,
            what,
            rtol=1e-9,
            hint="P(X <= k) includes P(X = k); for a real k sum up to floor(k); it is 0 "
            "for k < 0 and 1 for k >= n.",
        )


@test_case(points=1, hidden=True)
def test_no_scipy_stats(binomial_pmf, poisson_pmf, binomial_cdf):
    forbid_calls(SCIPY_STATS, binomial_pmf, np.arange(5), 4, 0.5)
    forbid_calls(SCIPY_STATS, poisson_pmf, np.arange(5), 2.0)
    forbid_calls(SCIPY_STATS, binomial_cdf, np.arange(5), 4, 0.5)
