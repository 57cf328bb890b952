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
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std[std == 0] = 1.0
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
    X_train = rng.normal(size=(10, 3))
    X_train[:, 1] = 4.0
    X_test = rng.normal(size=(5, 3))
    what = "standardize where column 1 of X_train is constant"
    E_train, E_test = oracle(X_train, X_test)
    with np.errstate(all="ignore"):
        Z_train, Z_test = standardized(standardize, X_train, X_test, what)
    hint = (
        "a constant column has standard deviation 0: by the convention of this question "
        "divide it by 1 instead (only centre it), so no NaN or inf appears."
    )
    assert_close(Z_train, E_train, rtol=1e-8, atol=1e-10, what=f"Z_train from {what}", hint=hint)
    assert_close(Z_test, E_test, rtol=1e-8, atol=1e-10, what=f"Z_test from {what}", hint=hint)
