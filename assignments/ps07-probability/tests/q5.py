"""Clauses of question 5 (case -> the wrong variant that breaks that clause alone):

- returns (estimate, std_error) with estimate = mean of g over the draws
    -> test_fixed_draws (public), test_fixed_draws_hidden; variant "averages x, ignores g"
- std_error = sample standard deviation (ddof=1) / sqrt(n)
    -> test_fixed_draws_hidden; variants "ddof=0", "forgets / sqrt(n)", "divides by n"
- draws exactly n values from sampler(rng, ...) -> test_draws_n_values;
    variant "always draws 10,000"
- the estimate is within its error of E[g(X)], the error has the right size
    -> test_random_estimate (CLT + exact chi-square bounds)
Alternative correct: draws in four chunks (another use of the stream); np.var then sqrt.
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case

from mlmath_checks import assert_close, call, rng, to_number

name = "q5"
points = 5


def _pair(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(f"{what} should return a pair (estimate, std_error).")
    return to_number(result[0], what=f"the estimate of {what}"), to_number(
        result[1], what=f"the standard error of {what}"
    )


def _fixed(values):
    """A sampler that hands out the given values in order (in one call or in several)."""
    position = [0]

    def sampler(generator, size):
        count = int(np.prod(size))
        start = position[0]
        position[0] += count
        return np.asarray(values, dtype=float)[start : start + count].reshape(size)

    return sampler


@test_case(points=1, hidden=False)
def test_fixed_draws(monte_carlo):
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    what = "monte_carlo(identity, sampler returning [1, 2, 3, 4, 5], 5, rng)"
    estimate, error = _pair(
        call(monte_carlo, lambda x: x, _fixed(values), 5, rng(751), name="monte_carlo", what=what),
        what,
    )
    assert_close(
        estimate,
        3.0,
        rtol=1e-12,
        what=f"the estimate of {what}",
        reveal=True,
        hint="the estimate is the average of g over the draws.",
    )
    expected = np.std(values, ddof=1) / np.sqrt(5)
    assert_close(
        error,
        expected,
        rtol=1e-10,
        what=f"the standard error of {what}",
        reveal=True,
        hint="std_error = (sample standard deviation, ddof=1) / sqrt(n).",
    )


@test_case(points=1, hidden=True)
def test_fixed_draws_hidden(monte_carlo):
    values = np.array([0.5, -1.0, 2.0, 4.0, -3.0, 1.5, 0.0, 2.5])
    g = values**2
    what = "monte_carlo(x -> x**2, a sampler returning 8 fixed values, 8, rng)"
    estimate, error = _pair(
        call(
            monte_carlo,
            lambda x: np.asarray(x) ** 2,
            _fixed(values),
            8,
            rng(752),
            name="monte_carlo",
            what=what,
        ),
        what,
    )
    assert_close(
        estimate,
        g.mean(),
        rtol=1e-12,
        what=f"the estimate of {what}",
        hint="average g(x), not x: apply g to the draws first.",
    )
    expected = np.std(g, ddof=1) / np.sqrt(8)
    ratio = error / expected
    hints = {
        np.sqrt(7 / 8): "you used ddof=0: the sample standard deviation divides by n - 1.",
        np.sqrt(8): "you forgot to divide the standard deviation by sqrt(n).",
        1 / np.sqrt(8): "you divided by n; the standard error is s / sqrt(n).",
    }
    for r, hint in hints.items():
        if abs(ratio - r) < 1e-9:
            raise AssertionError(f"the standard error of {what} is off by a factor {r:.4g}: {hint}")
    assert_close(
        error,
        expected,
        rtol=1e-10,
        what=f"the standard error of {what}",
        hint="std_error = np.std(g_values, ddof=1) / sqrt(n).",
    )


@test_case(points=1, hidden=True)
def test_draws_n_values(monte_carlo):
    sizes = []

    def sampler(generator, size):
        sizes.append(int(np.prod(size)))
        return generator.normal(size=size)

    call(
        monte_carlo,
        lambda x: x,
        sampler,
        1234,
        rng(753),
        name="monte_carlo",
        what="monte_carlo(identity, a standard normal sampler, 1234, rng)",
    )
    if sum(sizes) != 1234:
        raise AssertionError(
            f"monte_carlo(..., n=1234, ...) drew {sum(sizes)} values from the "
            "sampler: draw exactly n, e.g. one call sampler(rng, n)."
        )


@test_case(points=2, hidden=True)
def test_random_estimate(monte_carlo):
    # Three checks, each at level 1e-9 / 3 (union bound: 1e-9 in all).
    level = 1e-9 / 3
    z = scipy.stats.norm.isf(level / 2)  # two-sided normal quantile, about 6.28
    n = 20000

    def sampler(generator, size):  # X ~ Normal(2, 3**2)
        return 2.0 + 3.0 * generator.standard_normal(size)

    # 1. E[X] = 2: the sample mean of n normal draws is exactly Normal(2, 9 / n).
    estimate, error = _pair(
        call(
            monte_carlo,
            lambda x: x,
            sampler,
            n,
            rng(754),
            name="monte_carlo",
            what="monte_carlo of E[X], X ~ N(2, 9)",
        ),
        "monte_carlo of E[X]",
    )
    if abs(estimate - 2.0) > z * 3.0 / np.sqrt(n):
        raise AssertionError(
            "the estimate of E[X] for X ~ N(2, 9) over 20000 draws is "
            f"{abs(estimate - 2.0) / (3 / np.sqrt(n)):.1f} standard errors off."
        )
    # 2. The reported error: (n - 1) s^2 / sigma^2 is exactly chi-square(n - 1) for normal
    # draws, so n * error^2 / 9 = s^2 / 9 lies between its level/2 and 1 - level/2 quantiles
    # divided by (n - 1) (about 0.938 and 1.064). A missing sqrt(n) (x 141), a variance
    # instead of a standard deviation (x 3) or a division by n (/ 141) is far outside.
    lo = scipy.stats.chi2.ppf(level / 2, n - 1) / (n - 1)
    hi = scipy.stats.chi2.isf(level / 2, n - 1) / (n - 1)
    scaled = n * error**2 / 9.0
    if not lo <= scaled <= hi:
        raise AssertionError(
            f"the standard error for X ~ N(2, 9) over {n} draws is {error:.4g}, about "
            f"{error / (3 / np.sqrt(n)):.3g} times sigma / sqrt(n) = {3 / np.sqrt(n):.4g}: "
            "use the standard deviation of the g values (not the variance) over sqrt(n)."
        )
    # 3. E[X^2] = 4 + 9 = 13, sd of X^2 = sqrt(4 mu^2 sigma^2 + 2 sigma^4) = sqrt(306): by the
    # CLT the estimate is within z * sqrt(306 / n) = 0.78 of 13; averaging x (2) is far off.
    estimate, _ = _pair(
        call(
            monte_carlo,
            lambda x: np.asarray(x) ** 2,
            sampler,
            n,
            rng(755),
            name="monte_carlo",
            what="monte_carlo of E[X**2], X ~ N(2, 9)",
        ),
        "monte_carlo of E[X**2]",
    )
    if abs(estimate - 13.0) > z * np.sqrt(306 / n):
        raise AssertionError(
            "the estimate of E[X**2] for X ~ N(2, 9) is off by "
            f"{abs(estimate - 13) / np.sqrt(306 / n):.1f} standard errors: "
            "average g(x) over the draws."
        )
