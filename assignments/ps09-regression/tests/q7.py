OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - standardize returns (Z_train, Z_test, mean, std), mean and std of shape (d,):
#   test_by_hand (public)
# - both sets are scaled with the TRAINING mean and std: test_training_statistics;
#   variants "scales the test set with its own statistics", "pools train and test"
# - std with ddof=0 (np.std's default): test_training_statistics; variant "ddof=1"
# - the caller's X_train and X_test are left unchanged: test_inputs_unchanged; variant
#   "subtracts the mean in place"
# - unscale_coefficients: slopes b_j = beta_z_j / std_j and intercept
#   b_0 = beta_z_0 - sum_j b_j mean_j: test_unscale_by_hand (public), test_unscale_matches_fit;
#   variants "keeps the standardized intercept", "multiplies the slopes by std"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 5


def _parts(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        raise AssertionError(f"{what} should return a tuple (Z_train, Z_test, mean, std).")
    return result


@test_case(points=0.5, hidden=False)
def test_by_hand(standardize):
    X_train = np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 40.0]])
    X_test = np.array([[7.0, 25.0]])
    Z_train, Z_test, mean, std = _parts(
        call(standardize, X_train.copy(), X_test.copy()), "standardize"
    )
    assert_close(mean, [3.0, 20.0], what="mean of X_train", reveal=True)
    assert_close(
        std,
        [np.sqrt(8 / 3), np.sqrt(200)],
        what="std of X_train",
        hint="the population standard deviation (ddof=0): np.std(X_train, axis=0).",
        reveal=True,
    )
    assert_shape(Z_train, (3, 2), what="Z_train")
    assert_close(
        Z_test,
        [[4 / np.sqrt(8 / 3), 5 / np.sqrt(200)]],
        what="Z_test",
        hint="Z_test = (X_test - mean of X_train) / std of X_train.",
        reveal=True,
    )


@test_case(points=0.5, hidden=False)
def test_unscale_by_hand(unscale_coefficients):
    beta = call(
        unscale_coefficients,
        np.array([5.0, 2.0, -3.0]),
        np.array([1.0, 10.0]),
        np.array([2.0, 3.0]),
    )
    assert_close(
        beta,
        [5.0 - 1.0 + 10.0, 1.0, -1.0],
        what="unscale_coefficients([5, 2, -3], mean=[1, 10], std=[2, 3])",
        hint="slopes 2/2 and -3/3; the intercept is 5 - (1 * 1 + (-1) * 10) = 14.",
        reveal=True,
    )


@test_case(points=1.5, hidden=True)
def test_training_statistics(standardize):
    gen = np.random.default_rng(971)
    for n_train, n_test, d in [(8, 5, 3), (40, 10, 2), (5, 30, 4)]:
        X_train = gen.normal(size=(n_train, d)) * gen.uniform(1, 50, size=d) + 100
        X_test = gen.normal(size=(n_test, d)) * 5 + 130  # a shifted test distribution
        mean, std = X_train.mean(axis=0), X_train.std(axis=0)
        Z_train, Z_test, got_mean, got_std = _parts(
            call(standardize, X_train.copy(), X_test.copy(), what=f"{n_train} training rows"),
            "standardize",
        )
        hint = "mean and std of the training set, with ddof=0 (np.std's default)."
        if np.allclose(got_std, X_train.std(axis=0, ddof=1)):
            hint = "you use ddof=1: the prompt fixes ddof=0, np.std's default."
        assert_close(got_mean, mean, rtol=1e-10, what="the returned mean", hint=hint)
        assert_close(got_std, std, rtol=1e-10, what="the returned std", hint=hint)
        assert_close(
            assert_shape(Z_train, (n_train, d), what="Z_train"),
            (X_train - mean) / std,
            rtol=1e-9,
            atol=1e-12,
            what=f"Z_train for {n_train} rows",
            hint=hint,
        )
        hint = (
            "the test set is scaled with the training mean and std: statistics of the "
            "test set would leak information about it into the model."
        )
        assert_close(
            assert_shape(Z_test, (n_test, d), what="Z_test"),
            (X_test - mean) / std,
            rtol=1e-9,
            atol=1e-12,
            what=f"Z_test for {n_test} rows",
            hint=hint,
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(standardize):
    gen = np.random.default_rng(972)
    X_train = gen.normal(size=(10, 3)) + 4
    X_test = gen.normal(size=(4, 3)) + 4
    train_copy, test_copy = X_train.copy(), X_test.copy()
    call(standardize, X_train, X_test, what="two float arrays")
    if not (np.array_equal(X_train, train_copy) and np.array_equal(X_test, test_copy)):
        raise AssertionError(
            "standardize changed the caller's X_train or X_test (an in-place -= or /=): "
            "compute new arrays, (X - mean) / std."
        )


@test_case(points=2, hidden=True)
def test_unscale_matches_fit(unscale_coefficients):
    gen = np.random.default_rng(973)
    for n, d in [(30, 1), (50, 4)]:
        X = gen.normal(size=(n, d)) * gen.uniform(1, 20, size=d) + gen.uniform(-50, 50, size=d)
        y = 3 + X @ gen.normal(size=d) + gen.normal(size=n)
        mean, std = X.mean(axis=0), X.std(axis=0)
        A = np.column_stack([np.ones(n), X])
        expected = np.linalg.lstsq(A, y, rcond=None)[0]
        A_z = np.column_stack([np.ones(n), (X - mean) / std])
        beta_z = np.linalg.lstsq(A_z, y, rcond=None)[0]
        beta = assert_shape(
            call(
                unscale_coefficients, beta_z, mean, std, what=f"a fit on {d} standardized features"
            ),
            (d + 1,),
            what="unscale_coefficients",
        )
        hint = (
            "b_j = beta_z_j / std_j, and b_0 = beta_z_0 - sum_j b_j mean_j: the fit on the "
            "original features must give the same predictions."
        )
        if np.allclose(beta[1:], expected[1:]) and not np.isclose(beta[0], expected[0]):
            hint = (
                "your slopes are right; the intercept must absorb the means: b_0 = beta_z_0 "
                "- sum_j b_j mean_j."
            )
        assert_close(
            beta,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"unscaled coefficients of a fit on {d} feature(s)",
            hint=hint,
        )
