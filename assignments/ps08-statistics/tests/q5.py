"""Question 5: standardize(X) -> (Z, mu, sigma).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- mu is the mean and sigma the ddof=0 standard deviation of each column, Z = (X - mu) /
  sigma: test_columns_ddof0 / "sigma with ddof=1"
- one mean and one scale per column (axis 0), not per row or for the whole array:
  test_per_column / "one mean and one standard deviation for the whole array"
- a constant column gets sigma = 1, so its Z column is 0 (no nan):
  test_constant_column / "divides a constant column by 0 (nan)"
- X is left unmodified and integer X works: test_unmodified_integer / "subtracts the
  mean in place"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls

name = "q5"
points = 5

FORBIDDEN = ["scipy.stats.zscore", "numpy.std", "numpy.var"]


def _parts(standardize, X, what, forbid=False):
    result = forbid_calls(FORBIDDEN, standardize, X) if forbid else call(standardize, X, what=what)
    try:
        Z, mu, sigma = result
    except (TypeError, ValueError):
        raise AssertionError(
            f"standardize on {what} should return a tuple (Z, mu, sigma), found {result!r:.80}."
        ) from None
    return Z, mu, sigma


def _check(standardize, X, what, forbid=False):
    """Compare (Z, mu, sigma) with the oracle, computed first from a copy of X."""
    original = np.array(X, dtype=float)
    n = original.shape[0]
    mu = original.mean(axis=0)
    spread = original.std(axis=0)
    sigma = np.where(spread > 0, spread, 1.0)
    expected_Z = (original - mu) / sigma
    Z, m, s = _parts(standardize, X, what, forbid=forbid)
    assert_close(
        m,
        mu,
        rtol=1e-10,
        atol=1e-12,
        what=f"mu for {what}",
        hint="mu holds the mean of each column, X.mean(axis=0), shape (d,).",
    )
    s_array = np.asarray(s, dtype=float)
    hint = "sigma holds the ddof=0 standard deviation of each column, shape (d,)."
    if s_array.shape == sigma.shape:
        varying = spread > 0
        if np.allclose(s_array[varying], spread[varying] * np.sqrt(n / (n - 1)), rtol=1e-9):
            hint = (
                "that is the ddof=1 standard deviation: standardize with ddof=0 (divide by "
                "n), as scikit-learn's StandardScaler does."
            )
        elif not np.all(varying) and not np.allclose(s_array[~varying], 1.0):
            hint = (
                "a constant column has standard deviation 0: use sigma = 1 there, so its "
                "Z column is all zeros instead of nan."
            )
    assert_close(s, sigma, rtol=1e-10, what=f"sigma for {what}", hint=hint)
    assert_close(
        Z,
        expected_Z,
        rtol=1e-9,
        atol=1e-12,
        what=f"Z for {what}",
        hint="Z = (X - mu) / sigma, column by column, with the mu and sigma you return.",
    )


@test_case(points=1, hidden=False)
def test_by_hand(standardize):
    X = np.array([[1.0, 10.0], [3.0, 30.0]])
    Z, mu, sigma = _parts(standardize, X, "[[1, 10], [3, 30]]")
    hint = "each column has mean (1 + 3) / 2 = 2 and (10 + 30) / 2 = 20, ddof=0 stds 1 and 10."
    for value, expected, label in [
        (mu, [2.0, 20.0], "mu"),
        (sigma, [1.0, 10.0], "sigma"),
        (Z, [[-1.0, -1.0], [1.0, 1.0]], "Z"),
    ]:
        assert_close(
            value,
            expected,
            rtol=1e-12,
            what=f"{label} for X = [[1, 10], [3, 30]]",
            hint=hint,
            reveal=True,
        )


@test_case(points=1, hidden=True)
def test_columns_ddof0(standardize):
    gen = np.random.default_rng(501)
    X = gen.normal(size=(5, 3)) * np.array([1.0, 100.0, 0.01]) + np.array([0.0, 50.0, -2.0])
    _check(standardize, X.copy(), "a (5, 3) array")


@test_case(points=1, hidden=True)
def test_per_column(standardize):
    gen = np.random.default_rng(502)
    X = gen.normal(size=(40, 4)) * np.array([1.0, 10.0, 1000.0, 0.1]) + np.array([5, -3, 1e3, 0])
    _check(standardize, X.copy(), "a (40, 4) array whose columns have very different scales")


@test_case(points=1, hidden=True)
def test_constant_column(standardize):
    gen = np.random.default_rng(503)
    X = gen.normal(size=(6, 3))
    X[:, 1] = 4.0
    with np.errstate(divide="ignore", invalid="ignore"):
        _check(standardize, X.copy(), "a (6, 3) array whose middle column is constant")


@test_case(points=1, hidden=True)
def test_unmodified_integer(standardize):
    gen = np.random.default_rng(504)
    X = gen.normal(3.0, 2.0, size=(7, 2))
    original = X.copy()
    _check(standardize, X, "a (7, 2) array", forbid=True)
    if not np.array_equal(X, original):
        raise AssertionError(
            "standardize changed the array it was given: compute (X - mu) / sigma into a new "
            "array instead of X -= mu."
        )
    counts = gen.integers(0, 100, size=(9, 3))
    _check(standardize, counts.copy(), "an int64 array of shape (9, 3)")
