"""Clauses of question 4 (gaussian_nb_fit), each with the hidden case that checks it and the
wrong variant that breaks it alone:

- returns (log_prior, means, variances) of shapes (K,), (K, d), (K, d):
  test_by_hand (public), test_random_classes.
- log_prior[k] = log(n_k / n): test_random_classes; variant "uniform prior".
- means[k] = the mean of the rows of class k: test_random_classes.
- variances[k] = the per-feature variance of class k with ddof = 0, plus eps:
  test_random_classes; variants "ddof = 1", "returns standard deviations", "one pooled
  variance for all classes".
- eps is honoured (eps = 0.25): test_eps_and_single_sample; variant "ignores eps".
- a class with a single sample gets variance eps (finite, positive):
  test_eps_and_single_sample (ddof = 1 gives NaN there).
- the inputs are left unchanged: test_random_classes; variant "centres X in place".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q4"
points = 5


def _fit(gaussian_nb_fit, X, y, K, what, **kwargs):
    with np.errstate(all="ignore"):
        result = call(gaussian_nb_fit, X, y, K, what=what, **kwargs)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            f"gaussian_nb_fit on {what} should return a tuple (log_prior, means, variances), "
            f"found {type(result).__name__}."
        )
    d = np.shape(X)[1]
    return (
        assert_shape(result[0], (K,), what=f"log_prior on {what}"),
        assert_shape(result[1], (K, d), what=f"means on {what}"),
        assert_shape(result[2], (K, d), what=f"variances on {what}"),
    )


def _oracle(X, y, K, eps):
    n = len(y)
    log_prior = np.array([np.log(np.count_nonzero(y == k) / n) for k in range(K)])
    means = np.array([X[y == k].sum(axis=0) / np.count_nonzero(y == k) for k in range(K)])
    variances = np.array(
        [((X[y == k] - means[k]) ** 2).sum(axis=0) / np.count_nonzero(y == k) for k in range(K)]
    )
    return log_prior, means, variances + eps


def _variance_hint(found, X, y, K, expected):
    counts = np.array([np.count_nonzero(y == k) for k in range(K)], dtype=float)
    raw = expected - 1e-9
    if np.allclose(found, raw * (counts / (counts - 1))[:, None] + 1e-9, rtol=1e-7):
        return (
            "your variances divide by n_k - 1 (ddof = 1): the maximum-likelihood variance "
            "divides by n_k (ddof = 0)."
        )
    if np.allclose(found**2, raw, rtol=1e-6) or np.allclose(found, np.sqrt(raw) + 1e-9):
        return "these are standard deviations: return the variances (squares), plus eps."
    if np.allclose(found, found[:1], rtol=1e-12):
        return "every class got the same variances: compute them from each class's own rows."
    return "variances[k] = mean over the rows of class k of (x - means[k])**2, plus eps."


@test_case(points=1, hidden=False)
def test_by_hand(gaussian_nb_fit):
    X = np.array([[1.0, 0.0], [3.0, 0.0], [10.0, 4.0]])
    y = np.array([0, 0, 1])
    log_prior, means, variances = _fit(gaussian_nb_fit, X, y, 2, "the 3-point example", eps=0.0)
    assert_close(
        log_prior, np.log([2 / 3, 1 / 3]), rtol=1e-10, what="log_prior on the example", reveal=True
    )
    assert_close(
        means, [[2.0, 0.0], [10.0, 4.0]], rtol=1e-10, what="means on the example", reveal=True
    )
    assert_close(
        variances,
        [[1.0, 0.0], [0.0, 0.0]],
        atol=1e-12,
        what="variances on the example with eps = 0",
        hint="class 0 has x_1 = 1 and 3: mean 2, variance ((1-2)^2 + (3-2)^2) / 2 = 1 "
        "(divide by n_k, ddof = 0).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_classes(gaussian_nb_fit):
    gen = np.random.default_rng(1401)
    for n, d, K in [(30, 2, 3), (120, 5, 4), (9, 3, 2)]:
        y = np.concatenate([np.arange(K), np.arange(K), gen.integers(0, K, size=n - 2 * K)])
        gen.shuffle(y)
        scales = gen.uniform(0.3, 4.0, size=(K, d))
        X = gen.normal(size=(K, d))[y] * 5 + gen.normal(size=(n, d)) * scales[y]
        copies = X.copy(), y.copy()
        expected = _oracle(X, y, K, 1e-9)
        log_prior, means, variances = _fit(gaussian_nb_fit, X, y, K, f"{n} points in {K} classes")
        if not (np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])):
            raise AssertionError("gaussian_nb_fit changed X or y: leave its inputs alone.")
        assert_close(
            log_prior,
            expected[0],
            rtol=1e-9,
            what=f"log_prior on {n} points in {K} classes",
            hint="your prior is uniform: use each class's share of the points, log(n_k / n)."
            if np.allclose(log_prior, -np.log(K))
            else "log_prior[k] = log(n_k / n).",
        )
        assert_close(
            means,
            expected[1],
            rtol=1e-9,
            atol=1e-12,
            what=f"the class means on {n} points",
            hint="means[k] = X[y == k].mean(axis=0).",
        )
        assert_close(
            variances,
            expected[2],
            rtol=1e-8,
            what=f"the class variances on {n} points in {K} classes",
            hint=_variance_hint(variances, X, y, K, expected[2]),
        )


@test_case(points=2, hidden=True)
def test_eps_and_single_sample(gaussian_nb_fit):
    gen = np.random.default_rng(1402)
    n, d, K = 25, 3, 3
    y = np.concatenate([[2], gen.integers(0, 2, size=n - 1)])  # class 2 has ONE sample
    y[1:3] = [0, 1]
    X = gen.normal(size=(n, d)) * 2
    expected = _oracle(X, y, K, 0.25)
    _, _, variances = _fit(
        gaussian_nb_fit,
        X,
        y,
        K,
        "25 points, class 2 with a single sample, eps = 0.25",
        eps=0.25,
    )
    if np.any(np.isnan(variances[2])):
        raise AssertionError(
            "the variances of a class with a single sample are NaN: that is ddof = 1 "
            "(0 / 0). With ddof = 0 they are 0, plus eps."
        )
    if np.allclose(variances, expected[2] - 0.25 + 1e-9, rtol=1e-8, atol=1e-12):
        raise AssertionError(
            "with eps = 0.25 your variances are the plain variances (plus 1e-9): add the "
            "eps argument to every variance."
        )
    assert_close(
        variances,
        expected[2],
        rtol=1e-8,
        what="the variances with eps = 0.25 and a single-sample class",
        hint="a single sample has variance 0 (ddof = 0), so its variances are exactly eps.",
    )
