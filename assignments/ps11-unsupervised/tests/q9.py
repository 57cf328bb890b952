OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns (mean (d,), components (k, d) as ROWS, variances (k,)):
#   test_pca_eig_small_example (public); variant "eigenvectors as columns (d, k)".
# - the data are centred first: test_pca_eig_random (data far from the origin); variant
#   "eigenvectors of X^T X / (n - 1) without centring".
# - the covariance uses ddof=1: test_pca_eig_random; variant "divides by n".
# - components sorted by decreasing variance, unit length, up to sign:
#   test_pca_eig_random, test_pca_eig_digits; variant "keeps eigh's increasing order".
# - np.linalg.svd (and scipy's) is forbidden here: test_pca_eig_random; variant "calls
#   np.linalg.svd".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import (
    assert_close,
    assert_close_up_to_sign,
    assert_shape,
    call,
    data_file,
    forbid_calls,
)

name = "q9"
points = 6

FORBIDDEN = ["numpy.linalg.svd", "scipy.linalg.svd"]


def _oracle(X, k):
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False, ddof=1))
    order = np.argsort(values)[::-1][:k]
    return X.mean(axis=0), vectors[:, order].T, values[order]


def _unpack(result, d, k, what):
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            f"pca_eig on {what} should return a tuple (mean, components, variances), "
            f"found {type(result).__name__}."
        )
    mean = assert_shape(result[0], (d,), what=f"the mean pca_eig returned on {what}")
    comps = np.asarray(result[1], dtype=float) if result[1] is not None else None
    if comps is not None and comps.shape == (d, k) and d != k:
        raise AssertionError(
            f"the components pca_eig returned on {what} have shape {comps.shape}: return "
            f"them as ROWS, shape ({k}, {d}); eigh gives eigenvectors as columns, so "
            "transpose."
        )
    comps = assert_shape(result[1], (k, d), what=f"the components pca_eig returned on {what}")
    var = assert_shape(result[2], (k,), what=f"the variances pca_eig returned on {what}")
    return mean, comps, var


def _compare(found, expected, n, what):
    mean, comps, var = found
    e_mean, e_comps, e_var = expected
    assert_close(mean, e_mean, rtol=1e-10, atol=1e-12, what=f"the mean on {what}")
    if np.all(np.diff(var) > 0) and var.size > 1:
        raise AssertionError(
            f"the variances pca_eig returned on {what} increase: sort the eigenpairs by "
            "DECREASING eigenvalue (eigh returns them in increasing order)."
        )
    hint = "the variances are the eigenvalues of the covariance matrix with ddof=1."
    if np.allclose(var * n / (n - 1), e_var, rtol=1e-6):
        hint = "your variances are (n-1)/n times the expected: the covariance divides by n - 1."
    assert_close(var, e_var, rtol=1e-7, atol=1e-10, what=f"the variances on {what}", hint=hint)
    assert_close_up_to_sign(
        comps,
        e_comps,
        axis=1,
        rtol=1e-5,
        atol=1e-7,
        what=f"the components on {what} (compared up to sign)",
        hint="row j is the unit eigenvector of the j-th largest eigenvalue of the "
        "covariance of the CENTRED data.",
    )


@test_case(points=2, hidden=False)
def test_pca_eig_small_example(pca_eig):
    X = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]]) + np.array([10.0, 5.0])
    found = _unpack(call(pca_eig, X, 1, what="4 points"), 2, 1, "the 4-point example")
    assert_close(found[0], [10.0, 5.0], rtol=1e-12, what="the mean on the example", reveal=True)
    assert_close(
        found[2],
        [8 / 3],
        rtol=1e-10,
        what="the variance along the first component",
        hint="the points spread +-2 along x: variance (4 + 4) / (n - 1) = 8/3.",
        reveal=True,
    )
    assert_close_up_to_sign(
        found[1], [[1.0, 0.0]], axis=1, what="the first component on the example"
    )


@test_case(points=3, hidden=True)
def test_pca_eig_random(pca_eig):
    gen = np.random.default_rng(1901)
    for n, d, k in [(50, 3, 2), (200, 6, 6), (30, 5, 1)]:
        A = gen.normal(size=(d, d)) * np.linspace(3.0, 0.3, d)
        X = gen.normal(size=(n, d)) @ A.T + gen.normal(scale=20.0, size=d)
        expected = _oracle(X, k)
        found = _unpack(forbid_calls(FORBIDDEN, pca_eig, X, k), d, k, f"{n} points in {d}-D, k={k}")
        _compare(found, expected, n, f"{n} random points in {d}-D, k={k}")


@test_case(points=1, hidden=True)
def test_pca_eig_digits(pca_eig):
    table = np.loadtxt(data_file("digits.csv"), delimiter=",", skiprows=1, max_rows=400)
    X = table[:300, :64]
    expected = _oracle(X, 5)
    found = _unpack(call(pca_eig, X, 5, what="300 digits, k=5"), 64, 5, "300 digits")
    _compare(found, expected, 300, "300 digits (64 pixels), k=5")
