"""Question 8: cv_error(fit_predict, X, y, splits) -> (mean_error, fold_errors).

The tests build the splits themselves (np.array_split of a permutation), so a mistake in
question 7 costs nothing here.

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- for each (train, val): fit on X[train], y[train] only, predict X[val]: test_calls (a
  fit_predict that records its calls) / "fits on all the data", "predicts the training
  points"
- fold error = mean squared error on the validation fold: test_random_folds / "root mean
  squared error", "sum of squared errors"
- fold_errors has shape (k,), in the order of splits: test_random_folds
- mean_error = the plain mean of the k fold errors (not weighted by fold size):
  test_random_folds (folds of unequal size) / "pools every squared error"
- X may be 1-D (one feature) or 2-D (n, d): test_random_folds (both)
- X and y are left unmodified: test_data_unmodified / "centres X in place before fitting"
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q8"
points = 5


def _least_squares(X_train, y_train, X_val):
    """Linear least squares with an intercept, for 1-D or 2-D X."""
    A = np.column_stack([np.ones(len(X_train)), np.asarray(X_train, dtype=float)])
    B = np.column_stack([np.ones(len(X_val)), np.asarray(X_val, dtype=float)])
    return B @ np.linalg.lstsq(A, np.asarray(y_train, dtype=float), rcond=None)[0]


def _nearest(X_train, y_train, X_val):
    """One nearest neighbour on a single feature."""
    X_train, X_val = np.ravel(X_train), np.ravel(X_val)
    return np.asarray(y_train)[np.argmin(np.abs(X_val[:, None] - X_train[None, :]), axis=1)]


def _splits(perm, k):
    folds = np.array_split(perm, k)
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), folds[i]) for i in range(k)]


def _cv(fit_predict, X, y, splits, what, cv_error, check_inputs=False):
    copies = (X.copy(), y.copy())
    if not check_inputs:  # a mutating answer loses the points of test_data_unmodified only
        X, y = X.copy(), y.copy()
    result = call(cv_error, fit_predict, X, y, splits, what=what)
    if check_inputs and not (np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])):
        raise AssertionError(
            "cv_error changed the X or y it was given: never modify the caller's data in "
            "place (np.asarray returns the same array, so -= or /= on it changes the caller's)."
        )
    try:
        mean_error, fold_errors = result
    except (TypeError, ValueError):
        raise AssertionError(
            f"cv_error on {what} should return a pair (mean_error, fold_errors)."
        ) from None
    mean_error = to_number(mean_error, what=f"the mean error from cv_error on {what}")
    fold_errors = assert_shape(
        fold_errors,
        (len(splits),),
        what=f"the fold errors from cv_error on {what}",
        hint="one mean squared error per (train, val) pair.",
    )
    return mean_error, fold_errors


def _expected(fit_predict, X, y, splits):
    sq = [(fit_predict(X[t], y[t], X[v]) - y[v]) ** 2 for t, v in splits]
    return np.array([np.mean(s) for s in sq]), sq


def _check(cv_error, fit_predict, X, y, splits, what, check_inputs=False):
    folds, sq = _expected(fit_predict, X, y, splits)
    mean_error, fold_errors = _cv(fit_predict, X, y, splits, what, cv_error, check_inputs)
    hint = "fold error = mean((fit_predict(X[train], y[train], X[val]) - y[val])**2)."
    if np.allclose(fold_errors, np.sqrt(folds), rtol=1e-9, atol=0):
        hint = "that is the root mean squared error: do not take the square root."
    elif np.allclose(fold_errors, [np.sum(s) for s in sq], rtol=1e-9, atol=0):
        hint = "that is the sum of squared errors: divide by the size of the fold."
    assert_close(
        fold_errors,
        folds,
        rtol=1e-9,
        atol=1e-12,
        what=f"the fold errors from cv_error on {what}",
        hint=hint,
    )
    hint = "mean_error is the plain average of the k fold errors, np.mean(fold_errors)."
    if np.isclose(mean_error, np.mean(np.concatenate(sq)), rtol=1e-12, atol=0):
        hint = (
            "that pools every squared error (weighting folds by size): the cross-validation "
            "error here is the plain mean of the k fold errors."
        )
    assert_close(
        mean_error,
        folds.mean(),
        rtol=1e-9,
        atol=1e-12,
        what=f"the mean error from cv_error on {what}",
        hint=hint,
    )


@test_case(points=1, hidden=False)
def test_by_hand(cv_error):
    X = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([0.0, 1.0, 4.0, 9.0])
    splits = [(np.array([0, 1]), np.array([2, 3])), (np.array([2, 3]), np.array([0, 1]))]

    def mean_of_train(X_train, y_train, X_val):
        return np.full(len(X_val), np.mean(y_train))

    mean_error, fold_errors = _cv(mean_of_train, X, y, splits, "4 points, 2 folds", cv_error)
    assert_close(
        fold_errors,
        [(12.25 + 72.25) / 2, (42.25 + 30.25) / 2],
        rtol=1e-12,
        what="the fold errors (predict the mean of the training targets)",
        hint="fold 0 trains on y = [0, 1] (mean 0.5) and scores on y = [4, 9].",
        reveal=True,
    )
    assert_close(
        mean_error,
        (42.25 + 36.25) / 2,
        rtol=1e-12,
        what="the mean error",
        hint="the average of the two fold errors.",
        reveal=True,
    )


@test_case(points=1.5, hidden=True)
def test_random_folds(cv_error):
    gen = np.random.default_rng(801)
    for n, k in [(23, 5), (40, 3), (10, 10)]:
        X = gen.normal(size=n)
        y = 2 * X + gen.normal(size=n) + np.sin(3 * X)
        splits = _splits(gen.permutation(n), k)
        _check(cv_error, _least_squares, X, y, splits, f"{n} points, 1 feature, {k} folds")
        _check(cv_error, _nearest, X, y, splits, f"{n} points, nearest neighbour, {k} folds")
    X = gen.normal(size=(31, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + gen.normal(size=31)
    _check(
        cv_error,
        _least_squares,
        X,
        y,
        _splits(gen.permutation(31), 4),
        "31 points with 3 features, 4 folds",
    )


@test_case(points=2, hidden=True)
def test_calls(cv_error):
    gen = np.random.default_rng(802)
    n, k = 19, 4
    X = gen.normal(size=(n, 2))
    y = gen.normal(size=n)
    splits = _splits(gen.permutation(n), k)
    seen = []

    def spy(X_train, y_train, X_val):
        seen.append(
            (
                np.array(X_train, dtype=float),
                np.array(y_train, dtype=float),
                np.array(X_val, dtype=float),
            )
        )
        return _least_squares(X_train, y_train, X_val)

    _cv(spy, X, y, splits, "19 points and a fit_predict that records its calls", cv_error)
    if len(seen) != k:
        raise AssertionError(
            f"cv_error called fit_predict {len(seen)} times for {k} folds: once per fold."
        )
    for i, ((train, val), (X_train, y_train, X_val)) in enumerate(zip(splits, seen, strict=True)):
        if X_train.shape[0] == n:
            raise AssertionError(
                f"fold {i}: fit_predict was trained on all {n} points. Train on X[train], "
                "y[train] only: a model that has seen the validation fold scores too well."
            )
        if (
            X_train.shape != X[train].shape
            or not np.array_equal(X_train, X[train])
            or not np.array_equal(y_train, y[train])
        ):
            raise AssertionError(f"fold {i}: fit_predict must be trained on X[train], y[train].")
        if X_val.shape != X[val].shape or not np.array_equal(X_val, X[val]):
            raise AssertionError(
                f"fold {i}: fit_predict must predict X[val], the validation fold "
                "(scoring on the training points measures the training error)."
            )


@test_case(points=0.5, hidden=True)
def test_data_unmodified(cv_error):
    gen = np.random.default_rng(803)
    X = gen.normal(3.0, 1.0, size=(21, 2))
    y = X @ np.array([0.5, 1.5]) + gen.normal(size=21)
    _check(
        cv_error,
        _least_squares,
        X,
        y,
        _splits(gen.permutation(21), 3),
        "21 points with 2 features, 3 folds",
        check_inputs=True,
    )
