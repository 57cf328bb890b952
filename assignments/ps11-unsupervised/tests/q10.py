OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns (mean, components (k, d) as rows, variances (k,), ratios (k,)) from the SVD
#   of the centred data: test_pca_svd_small_example (public), test_pca_svd_random;
#   variants "takes the rows of U instead of V^T", "no centring".
# - variances s^2 / (n - 1): test_pca_svd_random; variant "s^2 / n".
# - ratios: each variance over the TOTAL variance of all d directions (the trace of the
#   covariance), so they sum to 1 only when k = d: test_pca_svd_ratio; variants "ratio of
#   singular values, not squared", "divides by the sum of the k kept variances".
# - no eigendecomposition and no np.cov here: test_pca_svd_random (forbid_calls);
#   variant "calls np.linalg.eigh on the covariance".

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

name = "q10"
points = 6

FORBIDDEN = [
    "numpy.linalg.eigh",
    "numpy.linalg.eig",
    "numpy.linalg.eigvalsh",
    "numpy.linalg.eigvals",
    "numpy.cov",
    "scipy.linalg.eigh",
    "scipy.linalg.eig",
]


def _oracle(X, k):
    mean = X.mean(axis=0)
    C = (X - mean).T @ (X - mean) / (len(X) - 1)
    values, vectors = np.linalg.eigh(C)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    return mean, vectors[:, :k].T, values[:k], values[:k] / values.sum()


def _unpack(result, d, k, what):
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        raise AssertionError(
            f"pca_svd on {what} should return a tuple (mean, components, variances, "
            f"ratios), found {type(result).__name__}."
        )
    mean = assert_shape(result[0], (d,), what=f"the mean pca_svd returned on {what}")
    comps = assert_shape(
        result[1],
        (k, d),
        what=f"the components pca_svd returned on {what}",
        hint="the components are the first k rows of V^T (not columns of U, which has n rows).",
    )
    var = assert_shape(result[2], (k,), what=f"the variances pca_svd returned on {what}")
    ratio = assert_shape(result[3], (k,), what=f"the ratios pca_svd returned on {what}")
    return mean, comps, var, ratio


def _var_hint(var, e_var, n):
    if np.allclose(var * n / (n - 1), e_var, rtol=1e-6):
        return "your variances are (n-1)/n of the expected: divide s^2 by n - 1, not n."
    return "the variance along component j is s_j^2 / (n - 1), s from the SVD of the CENTRED data."


@test_case(points=2, hidden=False)
def test_pca_svd_small_example(pca_svd):
    X = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]]) + np.array([10.0, 5.0])
    mean, comps, var, ratio = _unpack(call(pca_svd, X, 2, what="4 points"), 2, 2, "the example")
    assert_close(mean, [10.0, 5.0], rtol=1e-12, what="the mean on the example", reveal=True)
    assert_close(
        var,
        [8 / 3, 2 / 3],
        rtol=1e-10,
        what="the variances on the example",
        hint=_var_hint(var, [8 / 3, 2 / 3], 4),
        reveal=True,
    )
    assert_close(
        ratio,
        [0.8, 0.2],
        rtol=1e-10,
        what="the explained variance ratios on the example",
        hint="ratio_j = variance_j / total variance.",
        reveal=True,
    )
    assert_close_up_to_sign(comps, np.eye(2), axis=1, what="the components on the example")


@test_case(points=2, hidden=True)
def test_pca_svd_random(pca_svd):
    gen = np.random.default_rng(2001)
    for n, d, k in [(60, 4, 2), (25, 8, 3), (300, 3, 3)]:
        A = gen.normal(size=(d, d)) * np.linspace(3.0, 0.3, d)
        X = gen.normal(size=(n, d)) @ A.T + gen.normal(scale=20.0, size=d)
        e_mean, e_comps, e_var, _ = _oracle(X, k)
        what = f"{n} random points in {d}-D, k={k}"
        mean, comps, var, ratio = _unpack(forbid_calls(FORBIDDEN, pca_svd, X, k), d, k, what)
        assert_close(mean, e_mean, rtol=1e-10, what=f"the mean on {what}")
        assert_close(
            var,
            e_var,
            rtol=1e-7,
            atol=1e-10,
            what=f"the variances on {what}",
            hint=_var_hint(var, e_var, n),
        )
        assert_close_up_to_sign(
            comps,
            e_comps,
            axis=1,
            rtol=1e-5,
            atol=1e-7,
            what=f"the components on {what} (up to sign)",
            hint="take the first k rows of V^T from the SVD of X - mean.",
        )


@test_case(points=2, hidden=True)
def test_pca_svd_ratio(pca_svd):
    table = np.loadtxt(data_file("digits.csv"), delimiter=",", skiprows=1, max_rows=400)
    X = table[:400, :64]
    for k in [2, 10]:
        *_, e_ratio = _oracle(X, k)
        mean, comps, var, ratio = _unpack(
            call(pca_svd, X, k, what=f"400 digits, k={k}"), 64, k, f"400 digits, k={k}"
        )
        hint = "ratio_j = variance_j / (sum of the variances of ALL 64 directions)."
        if np.isclose(np.sum(ratio), 1.0):
            hint = (
                "your ratios sum to 1 with only k components: divide by the total "
                "variance of all directions (the sum of all s^2), not of the k you keep."
            )
        elif ratio[0] < e_ratio[0]:
            hint = (
                "your first ratio is too small: are the singular values squared? The "
                "variance is s^2 / (n - 1), and so is the total."
            )
        assert_close(
            ratio,
            e_ratio,
            rtol=1e-7,
            what=f"the explained variance ratios of 400 digits, k={k}",
            hint=hint,
        )
