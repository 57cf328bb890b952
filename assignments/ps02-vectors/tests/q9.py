"""Clauses of question 9 (standardize), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- column means and standard deviations (ddof=0) of X_train, relative 1e-8:
  test_random_features; variants "row statistics", "ddof=1".
- the SAME training statistics for X_test: test_random_features; variant "test set
  standardized with its own statistics".
- a pair (Z_train, Z_test), arrays or lists in, integers allowed: test_random_features.
- a column whose training values are all equal is only centred (divided by 1), with no NaN
  or inf, even when np.std returns a tiny non-zero value for it (0.1 repeated 7 times):
  test_constant_column; variants "no guard", "guards with std == 0".
- a column with a tiny but non-zero spread is standardized like any other (it is not
  constant): test_constant_column; variant "guards with np.isclose(std, 0)".
"""

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, describe

name = "q9"
points = 4

HINT = (
    "compute the mean and standard deviation of each COLUMN of X_train (axis=0, ddof=0) and "
    "use those same training statistics for both X_train and X_test."
)


def standardized(standardize, X_train, X_test, what):
    result = call(standardize, copy.deepcopy(X_train), copy.deepcopy(X_test))
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"{what} should return a pair (Z_train, Z_test), found {describe(result)}."
        )
    return result


def oracle(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    constant = np.all(X_train == X_train[0], axis=0)
    std[constant] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std


@test_case(points=1, hidden=False)
def test_small_example(standardize):
    X_train = np.array([[1.0, 10.0], [3.0, 30.0]])
    X_test = np.array([[2.0, 50.0]])
    Z_train, Z_test = standardized(standardize, X_train, X_test, "standardize on the example")
    assert_close(
        Z_train,
        [[-1.0, -1.0], [1.0, 1.0]],
        what="Z_train for the small example",
        hint=HINT,
        reveal=True,
    )
    assert_close(Z_test, [[0.0, 3.0]], what="Z_test for the small example", hint=HINT, reveal=True)


@test_case(points=2, hidden=True)
def test_random_features(standardize):
    rng = np.random.default_rng(901)
    scales = np.array([1.0, 100.0, 1e4, 0.01])
    for m, t in [(30, 7), (4, 4), (12, 1)]:
        X_train = rng.normal(loc=5.0, size=(m, 4)) * scales
        X_test = rng.normal(loc=8.0, scale=3.0, size=(t, 4)) * scales
        what = f"standardize with X_train {X_train.shape} and X_test {X_test.shape}"
        E_train, E_test = oracle(X_train, X_test)  # before the call, which may modify its inputs
        Z_train, Z_test = standardized(standardize, X_train, X_test, what)
        assert_close(
            Z_train, E_train, rtol=1e-8, atol=1e-10, what=f"Z_train from {what}", hint=HINT
        )
        assert_close(
            Z_test,
            E_test,
            rtol=1e-8,
            atol=1e-10,
            what=f"Z_test from {what}",
            hint=HINT + " Z_test must NOT be standardized with its own statistics.",
        )
    X_train = rng.integers(0, 50, size=(9, 3))
    X_test = rng.integers(0, 50, size=(2, 3))
    E_train, E_test = oracle(X_train.astype(float), X_test.astype(float))
    Z_train, Z_test = standardized(standardize, X_train.tolist(), X_test.tolist(), "lists")
    assert_close(
        Z_train,
        E_train,
        rtol=1e-8,
        atol=1e-10,
        what="Z_train for integer data given as nested lists",
        hint="convert with np.asarray(..., dtype=float) first.",
    )
    assert_close(
        Z_test, E_test, rtol=1e-8, atol=1e-10, what="Z_test for integer data given as nested lists"
    )


@test_case(points=1, hidden=True)
def test_constant_column(standardize):
    rng = np.random.default_rng(902)
    X_train = rng.normal(size=(7, 4))
    X_train[:, 1] = 4.0
    X_train[:, 2] = 0.1  # np.std of seven 0.1s is about 1.4e-17, not 0
    X_train[:, 3] = 1e-9 * rng.normal(size=7)  # tiny spread, but not constant
    X_test = rng.normal(size=(5, 4))
    what = "standardize where columns 1 and 2 of X_train are constant (4.0 and 0.1)"
    E_train, E_test = oracle(X_train, X_test)
    with np.errstate(all="ignore"):
        Z_train, Z_test = standardized(standardize, X_train, X_test, what)
    Z_train = np.asarray(Z_train, dtype=float)
    Z_test = np.asarray(Z_test, dtype=float)
    hint = (
        "a column whose training values are all equal is only centred (divided by 1), so no "
        "NaN or inf appears. Test for that with the values themselves (max == min, or "
        "np.all(column == column[0])): np.std of a column of 0.1s is about 1e-17, not 0, "
        "because the mean is rounded."
    )
    for j, label in [(1, "column 1 (all 4.0)"), (2, "column 2 (all 0.1)")]:
        assert_close(Z_train[:, j], E_train[:, j], atol=1e-10, what=f"Z_train, {label}", hint=hint)
        assert_close(Z_test[:, j], E_test[:, j], atol=1e-10, what=f"Z_test, {label}", hint=hint)
    tiny = (
        "column 3 varies, by about 1e-9: it is not constant, so it is divided by its own "
        "standard deviation like any other column. A tolerance such as np.isclose(std, 0) "
        "treats it as constant."
    )
    assert_close(
        Z_train[:, 3], E_train[:, 3], rtol=1e-8, what="Z_train, column 3 (tiny spread)", hint=tiny
    )
    assert_close(
        Z_test[:, 3], E_test[:, 3], rtol=1e-8, what="Z_test, column 3 (tiny spread)", hint=tiny
    )
    for j in [0]:
        assert_close(Z_train[:, j], E_train[:, j], rtol=1e-8, atol=1e-10, what="Z_train, column 0")
