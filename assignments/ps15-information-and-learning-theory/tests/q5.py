"""Question 5: simulate_predictions(fit_predict, f, x_train, x_test, sigma, n_reps, rng).

Clauses of the prompt, each with the hidden case that checks it and the wrong variant
that breaks it alone:
- returns an (n_reps, m) array, row r = fit_predict(x_train, y_r, x_test): test_by_hand
  (public, sigma = 0 makes every row the fit to the clean targets)
- y_r = f(x_train) + sigma * (independent standard normal noise, one value per training
  point): test_prediction_distribution / "noise with standard deviation sigma**2",
  "one noise value shared by all training points", "noise added to the predictions
  instead of the training targets"
- fresh noise for every repetition: test_prediction_distribution / "draws the noise once
  and reuses it"
- the training inputs x_train stay fixed (only the noise changes) and fit_predict is
  called once per repetition: test_calls / "calls fit_predict twice per repetition"
- every random number comes from rng: test_uses_rng / "np.random.normal (global
  generator)"
"""

OK_FORMAT = False

import numpy as np
import scipy.stats
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_matches_cdf, assert_shape, call, rng

name = "q5"
points = 5


def _line_fit(x_train, y_train, x_test):
    """Least-squares line through the training points, evaluated at x_test."""
    A = np.column_stack([np.ones_like(x_train), x_train])
    coef = np.linalg.lstsq(A, y_train, rcond=None)[0]
    return coef[0] + coef[1] * np.asarray(x_test)


def _simulate(simulate_predictions, fit, f, x_train, x_test, sigma, n_reps, seed, what):
    result = call(
        simulate_predictions,
        fit,
        f,
        x_train.copy(),
        x_test.copy(),
        sigma,
        n_reps,
        rng(seed),
        what=what,
    )
    return assert_shape(
        result,
        (n_reps, x_test.size),
        what=f"simulate_predictions on {what}",
        hint="one row per repetition, one column per test point.",
    )


@test_case(points=1, hidden=False)
def test_by_hand(simulate_predictions):
    x_train = np.linspace(0.0, 1.0, 6)
    x_test = np.array([0.25, 0.5, 2.0])
    P = _simulate(
        simulate_predictions,
        _line_fit,
        np.square,
        x_train,
        x_test,
        0.0,
        4,
        500,
        "sigma = 0, 4 repetitions, 3 test points",
    )
    assert_close(
        P,
        np.tile(_line_fit(x_train, x_train**2, x_test), (4, 1)),
        rtol=1e-9,
        atol=1e-12,
        what="simulate_predictions with sigma = 0",
        hint="with no noise every row is fit_predict(x_train, f(x_train), x_test).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_prediction_distribution(simulate_predictions):
    # A least-squares fit is linear in the targets: prediction = H y with
    # H = A_test (A^T A)^{-1} A^T. With y = f(x_train) + sigma * z, z ~ N(0, I), the
    # prediction at test point j is exactly Normal((H f)_j, sigma^2 ||H_j||^2), so the
    # standardized predictions of the n_reps independent repetitions are iid N(0, 1).
    # The DKW bound at n = 1000 draws is sqrt(ln(2e9) / 2000) = 0.1035 (a correct answer
    # exceeds it with probability at most 1e-9 per column; two columns, 2e-9). sigma = 3
    # makes the wrong answers far off: noise of sd sigma**2 = 9 scales z by 3 (CDF
    # distance 0.24); one noise value shared by all 30 training points moves the
    # prediction by sigma * z, 3 to 4 times the correct spread at these points (distance
    # above 0.5); noise added to the predictions (sd sigma) likewise; noise drawn once and
    # reused makes all 1000 draws equal (distance above 0.5). The empirical distance
    # fluctuates by about 0.03, so each wrong answer fails with probability above 0.999.
    n_reps, sigma = 1000, 3.0
    x_train = np.linspace(-1.0, 2.0, 30)
    x_test = np.array([-0.5, 1.7])
    A = np.column_stack([np.ones_like(x_train), x_train])
    A_test = np.column_stack([np.ones_like(x_test), x_test])
    H = A_test @ np.linalg.solve(A.T @ A, A.T)
    mean = H @ np.sin(3 * x_train)
    sd = sigma * np.linalg.norm(H, axis=1)
    P = _simulate(
        simulate_predictions,
        _line_fit,
        lambda x: np.sin(3 * x),
        x_train,
        x_test,
        sigma,
        n_reps,
        501,
        "1000 repetitions of a line fit, sigma = 3",
    )
    for j in range(x_test.size):
        assert_matches_cdf(
            (P[:, j] - mean[j]) / sd[j],
            scipy.stats.norm.cdf,
            what=f"the standardized predictions at test point {x_test[j]}",
            hint="each repetition must draw FRESH noise, sigma * rng.standard_normal(n_train) "
            "(standard deviation sigma, one independent value per training point), add it to "
            "f(x_train), and fit on those noisy targets; the predictions themselves get no "
            "extra noise.",
        )


@test_case(points=1, hidden=True)
def test_calls(simulate_predictions):
    x_train = np.linspace(0.0, 1.0, 8)
    x_test = np.array([0.1, 0.9])
    seen = []

    def spy(xt, yt, xs):
        seen.append((np.array(xt, dtype=float), np.array(xs, dtype=float)))
        return _line_fit(np.asarray(xt, dtype=float), np.asarray(yt, dtype=float), xs)

    _simulate(
        simulate_predictions,
        spy,
        np.cos,
        x_train,
        x_test,
        0.5,
        7,
        502,
        "7 repetitions with a fit_predict that records its calls",
    )
    if len(seen) != 7:
        raise AssertionError(
            f"simulate_predictions with n_reps = 7 called fit_predict {len(seen)} times: "
            "call it exactly once per repetition and keep its predictions as that row."
        )
    for xt, xs in seen:
        if xt.shape != x_train.shape or not np.allclose(xt, x_train):
            raise AssertionError(
                "fit_predict must receive the same x_train in every repetition: only the "
                "noise on the targets changes (a fixed design)."
            )
        if xs.shape != x_test.shape or not np.allclose(xs, x_test):
            raise AssertionError("fit_predict's third argument must be x_test.")


@test_case(points=1, hidden=True)
def test_uses_rng(simulate_predictions):
    x_train = np.linspace(0.0, 1.0, 10)
    x_test = np.array([0.3, 0.6])
    args = (_line_fit, np.exp, x_train, x_test, 1.0, 5)
    first = _simulate(simulate_predictions, *args, 510, "seed 510")
    again = _simulate(simulate_predictions, *args, 510, "seed 510 again")
    other = _simulate(simulate_predictions, *args, 511, "seed 511")
    if not np.array_equal(first, again):
        raise AssertionError(
            "two generators in the same state gave different predictions: draw every random "
            "number from the rng argument, not from np.random."
        )
    if np.array_equal(first, other):
        raise AssertionError(
            "two generators with different seeds gave the same predictions: use the rng "
            "argument instead of a generator of your own."
        )
