"""Question 3: covariance(x, y, ddof=1) and pearson(x, y).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- covariance divides the sum of products of deviations by n - ddof, ddof=1 by default,
  and ddof is honoured: test_covariance_ddof / "covariance ignores ddof: always n - 1"
- pearson is the covariance over the product of standard deviations (the n - 1 factors
  cancel; mixing ddof=1 and ddof=0 does not): test_pearson_matches_scipy / "pearson
  divides a ddof=1 covariance by ddof=0 standard deviations"; no np.corrcoef, np.cov or
  scipy.stats.pearsonr (checked in the same case)
- subtract the means first, so data far from 0 keep their digits (r is unchanged by
  shifting and rescaling): test_pearson_far_from_origin / "one pass: sum(x y) - n mean(x)
  mean(y)"
- if x or y is constant, pearson returns nan: test_pearson_constant / "returns 0.0 for a
  constant input"
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case
from ps08_checks import SCIPY_TESTS, number

from mlmath_checks import assert_close

name = "q3"
points = 6

FORBIDDEN = ["numpy.cov", "numpy.corrcoef", "statistics.correlation", "statistics.covariance"]
FORBIDDEN += SCIPY_TESTS


@test_case(points=2, hidden=False)
def test_by_hand(covariance, pearson):
    x, y = np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0])
    assert_close(
        number(covariance, x, y, what="covariance([1, 2, 3], [1, 2, 4])"),
        1.5,
        rtol=1e-12,
        what="covariance([1, 2, 3], [1, 2, 4])",
        hint="deviations (-1, 0, 1) and (-4/3, -1/3, 5/3): products sum to 3, over n - 1 = 2.",
        reveal=True,
    )
    t = np.array([0.0, 1.0, 2.0, 5.0])
    for y, expected in [(3 * t + 1, 1.0), (-2 * t + 7, -1.0)]:
        assert_close(
            number(pearson, t, y, what="pearson on points on a line"),
            expected,
            rtol=1e-12,
            what=f"pearson(t, {'3 t + 1' if expected > 0 else '-2 t + 7'})",
            hint="points on a line with positive slope have r = 1, negative slope r = -1.",
            reveal=True,
        )


@test_case(points=1, hidden=True)
def test_covariance_ddof(covariance):
    gen = np.random.default_rng(301)
    for n in [4, 12, 60]:
        x = gen.normal(size=n)
        y = 0.5 * x + gen.normal(size=n)
        for ddof in [1, 0, 2]:
            expected = np.cov(x, y, ddof=ddof)[0, 1]
            kwargs = {} if ddof == 1 else {"ddof": ddof}
            found = number(covariance, x.copy(), y.copy(), what=f"n={n}, ddof={ddof}", **kwargs)
            assert_close(
                found,
                expected,
                rtol=1e-10,
                what=f"covariance(x, y{'' if ddof == 1 else f', ddof={ddof}'}) with n={n}",
                hint="sum((x - mean x) * (y - mean y)) / (n - ddof), ddof=1 by default.",
            )


@test_case(points=1, hidden=True)
def test_pearson_matches_scipy(pearson):
    gen = np.random.default_rng(302)
    for n, slope in [(5, 1.0), (10, -0.3), (40, 2.0), (200, 0.05)]:
        x = gen.normal(size=n)
        y = slope * x + gen.normal(size=n)
        expected = scipy.stats.pearsonr(x, y).statistic
        found = number(pearson, x.copy(), y.copy(), what=f"{n} points", forbid=FORBIDDEN)
        ratio = found / expected
        hint = "r = sum(dx dy) / sqrt(sum(dx**2) sum(dy**2)) with dx = x - mean(x)."
        if abs(ratio - n / (n - 1)) < 1e-6 or abs(ratio - (n - 1) / n) < 1e-6:
            hint = (
                "r is off by a factor n/(n-1): the covariance and the standard deviations "
                "must use the same ddof, so that it cancels."
            )
        assert_close(found, expected, rtol=1e-9, what=f"pearson on {n} points", hint=hint)


@test_case(points=1, hidden=True)
def test_pearson_far_from_origin(pearson):
    gen = np.random.default_rng(303)
    x = gen.normal(size=30)
    y = x + gen.normal(size=30)
    expected = scipy.stats.pearsonr(x, y).statistic
    for shift, scale in [(1e8, 1.0), (-1e9, 2.0), (5e8, 10.0)]:
        found = number(pearson, x * scale + shift, y * scale - shift, what="shifted data")
        assert_close(
            found,
            expected,
            rtol=1e-6,
            what=f"pearson on 30 points shifted by {shift:.0e} (r never changes under a shift)",
            hint="sum(x * y) - n * mean(x) * mean(y) cancels catastrophically far from 0: "
            "subtract the means first, then multiply the deviations.",
        )


@test_case(points=1, hidden=True)
def test_pearson_constant(pearson):
    x = np.array([3.0, 3.0, 3.0, 3.0, 3.0])
    y = np.array([1.0, 4.0, 2.0, 8.0, 5.0])
    for a, b, label in [(x, y, "x constant"), (y, x, "y constant")]:
        with np.errstate(divide="ignore", invalid="ignore"):
            found = number(pearson, a.copy(), b.copy(), what=label)
        if not np.isnan(found):
            raise AssertionError(
                f"pearson with {label} should be nan (r is 0 / 0 there: undefined), "
                f"found {found:.6g}."
            )
