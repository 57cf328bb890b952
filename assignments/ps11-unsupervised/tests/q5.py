OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns log N(x; mean, cov) for each row of X, shape (n,): test_logpdf_standard_normal
#   (public), test_logpdf_random; variants "forgets the 1/2 on log det",
#   "multiplies by cov instead of solving with it", "drops the -d/2 log(2 pi)".
# - computed in log space, finite far from the mean where the density underflows:
#   test_logpdf_far_points; variant "np.log of the density".
# - works in one dimension (mean of shape (1,), cov (1, 1)) and for lists:
#   test_logpdf_one_dimension.
# - scipy.stats.multivariate_normal is forbidden: test_logpdf_random (forbid_calls);
#   variant "calls scipy.stats.multivariate_normal.logpdf".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, assert_shape, call, forbid_calls

name = "q5"
points = 5

FORBIDDEN = [
    "scipy.stats.multivariate_normal.logpdf",
    "scipy.stats.multivariate_normal.pdf",
    "scipy.stats._multivariate.multivariate_normal_gen._logpdf",
    "scipy.stats._multivariate.multivariate_normal_frozen.logpdf",
]


def _oracle(X, mean, cov):
    from scipy.stats import multivariate_normal

    return np.atleast_1d(multivariate_normal(mean=mean, cov=cov).logpdf(X))


def _spd(gen, d):
    A = gen.normal(size=(d, d))
    return A @ A.T + 0.5 * np.eye(d)


@test_case(points=1, hidden=False)
def test_logpdf_standard_normal(gaussian_logpdf):
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    found = call(gaussian_logpdf, X, np.zeros(2), np.eye(2), what="the standard 2-D normal")
    found = assert_shape(found, (2,), what="gaussian_logpdf on 2 points")
    assert_close(
        found,
        [-np.log(2 * np.pi), -np.log(2 * np.pi) - 2.5],
        rtol=1e-10,
        what="gaussian_logpdf at (0, 0) and (1, 2) for mean 0, cov I in 2-D",
        hint="log N(x; 0, I) = -||x||^2 / 2 - (d/2) log(2 pi).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_logpdf_random(gaussian_logpdf):
    gen = np.random.default_rng(1501)
    for n, d in [(10, 2), (25, 3), (6, 5)]:
        cov = _spd(gen, d)
        mean = gen.normal(size=d)
        X = gen.multivariate_normal(mean, cov, size=n)
        expected = _oracle(X, mean, cov)
        found = forbid_calls(FORBIDDEN, gaussian_logpdf, X, mean, cov)
        found = assert_shape(found, (n,), what=f"gaussian_logpdf on {n} points in {d}-D")
        gap = np.asarray(found) - expected
        hint = (
            "the error is the same for every point: check the constants, "
            "-(1/2) log det(cov) - (d/2) log(2 pi)."
            if np.ptp(gap) < 1e-6 * max(1.0, np.abs(gap).max())
            else "the error changes from point to point: the quadratic term is "
            "(x - mean)^T cov^{-1} (x - mean); solve with cov (or its Cholesky factor), "
            "do not multiply by it."
        )
        assert_close(
            found,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"gaussian_logpdf on {n} random points in {d}-D",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_logpdf_far_points(gaussian_logpdf):
    gen = np.random.default_rng(1502)
    cov = _spd(gen, 2)
    mean = np.array([1.0, -2.0])
    u = gen.normal(size=(8, 2))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    X = mean + 60.0 * u @ np.linalg.cholesky(cov).T  # Mahalanobis distance 60: log density < -1800
    expected = _oracle(X, mean, cov)
    assert np.all(expected < -800), "test points should be far in the tails"
    found = call(gaussian_logpdf, X, mean, cov, what="8 points 60 standard deviations away")
    found = assert_shape(found, (8,), what="gaussian_logpdf on far points")
    assert_finite(
        found,
        what="gaussian_logpdf on points far from the mean (log densities below -800)",
        hint="exp(-800) underflows to 0.0 and log(0) = -inf: never compute the density "
        "itself, write the log density directly.",
    )
    assert_close(found, expected, rtol=1e-9, what="gaussian_logpdf on points far from the mean")


@test_case(points=1, hidden=True)
def test_logpdf_one_dimension(gaussian_logpdf):
    gen = np.random.default_rng(1503)
    X = gen.normal(loc=3.0, scale=2.0, size=(12, 1))
    expected = _oracle(X[:, 0], [3.0], [[4.0]])
    found = call(gaussian_logpdf, X, np.array([3.0]), np.array([[4.0]]), what="1-D data")
    found = assert_shape(found, (12,), what="gaussian_logpdf in one dimension")
    assert_close(found, expected, rtol=1e-9, what="gaussian_logpdf in 1-D (variance 4)")
    found = call(gaussian_logpdf, X.tolist(), [3.0], [[4.0]], what="1-D data as Python lists")
    assert_close(
        found,
        expected,
        rtol=1e-9,
        what="gaussian_logpdf with Python lists",
        hint="convert X, mean and cov with np.asarray first.",
    )
