OK_FORMAT = False

# Clauses of Question 10, each with its case and the wrong variant that breaks it alone:
# - alpha solves (K + lam I) alpha = y: test_fit_random; variants "K + lam (added to
#     every entry)", "ignores lam" and "(K + lam n I)".
# - with the linear kernel K = X X^T, predictions equal primal ridge regression:
#     test_linear_kernel_is_ridge (the kernel trick).
# - kernel_ridge_predict(K_new, alpha) = K_new @ alpha for K_new of shape (m, n), m != n:
#     test_linear_kernel_is_ridge and test_fit_leaves_K; variant "alpha @ K_new" (shape error).
# - K is not modified: test_fit_leaves_K; variant "adds lam to K's diagonal in place".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q10"
points = 5


def _rbf(A, B, gamma):
    from scipy.spatial.distance import cdist

    return np.exp(-gamma * cdist(A, B, "sqeuclidean"))


@test_case(points=1, hidden=False)
def test_by_hand(kernel_ridge_fit, kernel_ridge_predict):
    alpha = call(kernel_ridge_fit, np.eye(3), np.array([2.0, -4.0, 6.0]), 1.0)
    assert_close(
        alpha,
        [1.0, -2.0, 3.0],
        rtol=1e-12,
        what="kernel_ridge_fit(I, y, 1)",
        reveal=True,
        hint="(I + 1 * I) alpha = y gives alpha = y / 2.",
    )
    pred = call(
        kernel_ridge_predict,
        np.array([[1.0, 0.0, 2.0]]),
        np.array([1.0, -2.0, 3.0]),
        hint="K_new has one row per new point and one column per training point: "
        "return K_new @ alpha.",
    )
    assert_close(
        pred,
        [7.0],
        rtol=1e-12,
        what="kernel_ridge_predict([[1, 0, 2]], alpha)",
        reveal=True,
        hint="f(x) = sum_i alpha_i k(x, x_i) = 1*1 + 0*(-2) + 2*3.",
    )


@test_case(points=1, hidden=True)
def test_fit_random(kernel_ridge_fit):
    gen = np.random.default_rng(1001)
    for n, lam in [(5, 0.1), (12, 1.0), (20, 3.0)]:
        X = gen.normal(size=(n, 2))
        K = _rbf(X, X, 0.7)
        y = gen.normal(size=n)
        expected = np.linalg.solve(K + lam * np.eye(n), y)
        alpha = assert_shape(
            call(kernel_ridge_fit, K.copy(), y.copy(), lam, what=f"n={n}, lam={lam}"),
            (n,),
            what="alpha",
        )
        hint = (
            "solve (K + lam * I) alpha = y: lam goes on the diagonal only (np.eye(n)), and "
            "np.linalg.solve is better than an inverse."
        )
        if np.allclose((K + lam * n * np.eye(n)) @ alpha, y, rtol=1e-8, atol=1e-10):
            hint = "the ridge term here is lam * I, not lam * n * I: " + hint
        elif np.allclose(K @ alpha, y, rtol=1e-6, atol=1e-8):
            hint = "your alpha solves K alpha = y: the lam * I term is missing. " + hint
        assert_close(
            (K + lam * np.eye(n)) @ alpha,
            y,
            rtol=1e-8,
            atol=1e-10,
            what=f"(K + lam I) @ alpha compared with y (n={n}, lam={lam})",
            hint=hint,
        )
        assert_close(alpha, expected, rtol=1e-7, atol=1e-10, what=f"alpha (n={n}, lam={lam})")


@test_case(points=2, hidden=True)
def test_linear_kernel_is_ridge(kernel_ridge_fit, kernel_ridge_predict):
    # ridge on features: w = (X^T X + lam I)^-1 X^T y; the kernel form gives the same f(x)
    gen = np.random.default_rng(1002)
    X, X_new = gen.normal(size=(15, 3)), gen.normal(size=(6, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * gen.normal(size=15)
    lam = 0.8
    w = np.linalg.solve(X.T @ X + lam * np.eye(3), X.T @ y)
    alpha = call(kernel_ridge_fit, X @ X.T, y.copy(), lam, what="the linear kernel X @ X.T")
    pred = assert_shape(
        call(
            kernel_ridge_predict,
            X_new @ X.T,
            alpha,
            what="a (6, 15) K_new",
            hint="K_new has one row per new point: return K_new @ alpha.",
        ),
        (6,),
        what="kernel_ridge_predict",
    )
    assert_close(
        pred,
        X_new @ w,
        rtol=1e-8,
        atol=1e-10,
        what="kernel ridge predictions with the linear kernel compared with ridge regression",
        hint="with K = X X^T, K_new @ alpha must equal X_new @ w for the ridge w.",
    )


@test_case(points=1, hidden=True)
def test_fit_leaves_K(kernel_ridge_fit, kernel_ridge_predict):
    gen = np.random.default_rng(1003)
    X = gen.normal(size=(8, 2))
    K = _rbf(X, X, 1.0)
    original = K.copy()
    y = gen.normal(size=8)
    call(kernel_ridge_fit, K, y.copy(), 2.0, what="an RBF kernel matrix")
    if not np.array_equal(K, original):
        raise AssertionError(
            "kernel_ridge_fit changed the K it was given (did you add lam to its diagonal in "
            "place?): the same K is needed again for predictions. Build K + lam * np.eye(n)."
        )
    K_new = _rbf(gen.normal(size=(3, 2)), X, 1.0)
    alpha = gen.normal(size=8)
    assert_close(
        call(
            kernel_ridge_predict,
            K_new.copy(),
            alpha.copy(),
            what="K_new of shape (3, 8)",
            hint="K_new has one row per new point: return K_new @ alpha.",
        ),
        K_new @ alpha,
        rtol=1e-10,
        what="kernel_ridge_predict with K_new of shape (3, 8)",
        hint="K_new has one row per new point: return K_new @ alpha, shape (m,).",
    )
