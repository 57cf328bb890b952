# q10: lstsq_normal and lstsq_qr. Clauses, with the hidden case that checks each and the wrong
# variant that breaks it alone:
# - lstsq_normal solves X^T X w = X^T y, shape (n,): test_lstsq_normal_random (oracle
#   np.linalg.lstsq on the inputs before the call); variants "X X^T instead of X^T X",
#   "forgets the inverse", "interpolates n rows and overwrites y in place" (an oracle computed
#   from y after the call would agree with it).
# - lstsq_qr: R w = Q^T y with Q^T y the MGS way, relative error < 1e-6 at condition number
#   1e8 with a tiny residual: test_lstsq_qr_ill_conditioned; variants "normal equations",
#   "Q.T @ y from a Q that is not exactly orthogonal".
# - lstsq_qr on ordinary problems: test_lstsq_qr_random; variant "solves R^T w = Q^T y".
# - the residual is orthogonal to the columns: test_lstsq_residual_orthogonal.
# - lstsq, pinv, qr, svd, polyfit forbidden: forbid_calls in every hidden case.
# lstsq_qr builds on Questions 3 and 7; only the ill-conditioned case (2 of 9 points) depends
# on Question 7 being modified Gram-Schmidt, and its message says so.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q10"
points = 9

FORBIDDEN = [
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "numpy.linalg.qr",
    "numpy.linalg.svd",
    "numpy.polyfit",
    "scipy.linalg.lstsq",
    "scipy.linalg.pinv",
    "scipy.linalg.qr",
    "scipy.linalg.svd",
]


def _problem(rng, m, n):
    X = rng.normal(size=(m, n)) * rng.uniform(0.5, 3.0, size=n)
    y = X @ rng.normal(size=n) + rng.normal(size=m)
    return X, y


def _fail(message):
    raise AssertionError(message)


@test_case(points=1, hidden=False)
def test_lstsq_exact_line(lstsq_normal, lstsq_qr):
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = np.array([1.0, 3.0, 5.0])
    for func, label in [(lstsq_normal, "lstsq_normal"), (lstsq_qr, "lstsq_qr")]:
        w = call(func, X.copy(), y.copy(), name=label)
        assert_close(
            w,
            [1.0, 2.0],
            rtol=1e-10,
            atol=1e-12,
            what=f"{label} for the points (0, 1), (1, 3), (2, 5) on y = 1 + 2x",
            hint="the points lie on a line, so the fit is exact.",
            reveal=True,
        )


@test_case(points=1, hidden=False)
def test_lstsq_shapes(lstsq_normal, lstsq_qr):
    X = np.array(
        [[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 1.0], [2.0, 0.0, 1.0]]
    )
    y = np.array([1.0, 0.0, 2.0, 1.0, 3.0])
    for func, label in [(lstsq_normal, "lstsq_normal"), (lstsq_qr, "lstsq_qr")]:
        w = assert_shape(
            call(func, X.copy(), y.copy(), name=label),
            (3,),
            what=f"{label} for a 5x3 X (one weight per column)",
        )
        assert_close(
            X.T @ (y - X @ w),
            np.zeros(3),
            rtol=0,
            atol=1e-10,
            what=f"X.T @ (y - X w) for {label} (should be 0)",
            hint="the least squares residual is orthogonal to every column of X.",
            reveal=True,
        )


@test_case(points=2, hidden=True)
def test_lstsq_normal_random(lstsq_normal):
    rng = np.random.default_rng(3101)
    for m, n in [(10, 1), (20, 3), (50, 6), (8, 8), (200, 10)]:
        X, y = _problem(rng, m, n)
        w = forbid_calls(FORBIDDEN, lstsq_normal, X.copy(), y.copy())
        w = assert_shape(w, (n,), what=f"lstsq_normal for a {m}x{n} X")
        assert_close(
            w,
            np.linalg.lstsq(X, y, rcond=None)[0],
            rtol=1e-7,
            atol=1e-9,
            what=f"lstsq_normal for a random {m}x{n} problem",
            hint="solve (X^T X) w = X^T y; X^T X is n x n (not X X^T).",
        )


@test_case(points=2, hidden=True)
def test_lstsq_qr_random(lstsq_qr):
    rng = np.random.default_rng(3102)
    for m, n in [(10, 1), (20, 3), (50, 6), (8, 8), (200, 10)]:
        X, y = _problem(rng, m, n)
        w = forbid_calls(FORBIDDEN, lstsq_qr, X.copy(), y.copy())
        w = assert_shape(w, (n,), what=f"lstsq_qr for a {m}x{n} X")
        assert_close(
            w,
            np.linalg.lstsq(X, y, rcond=None)[0],
            rtol=1e-7,
            atol=1e-9,
            what=f"lstsq_qr for a random {m}x{n} problem",
            hint="with X = QR, the weights solve the triangular system R w = Q^T y.",
        )


@test_case(points=1, hidden=True)
def test_lstsq_residual_orthogonal(lstsq_normal, lstsq_qr):
    rng = np.random.default_rng(3103)
    X, y = _problem(rng, 30, 4)
    y = y * 100
    for func, label in [(lstsq_normal, "lstsq_normal"), (lstsq_qr, "lstsq_qr")]:
        w = assert_shape(forbid_calls(FORBIDDEN, func, X.copy(), y.copy()), (4,), what=label)
        r = y - X @ w
        scale = np.linalg.norm(X) * np.linalg.norm(y)
        assert_close(
            X.T @ r,
            np.zeros(4),
            rtol=0,
            atol=1e-10 * scale,
            what=f"X.T @ (y - X w) for {label} (should be 0)",
            hint="the fitted values X w must be the projection of y on the column space of X.",
        )


@test_case(points=2, hidden=True)
def test_lstsq_qr_ill_conditioned(lstsq_qr):
    rng = np.random.default_rng(3104)
    for m, n in [(60, 6), (40, 5)]:
        U, _ = np.linalg.qr(rng.normal(size=(m, n + 1)))
        V, _ = np.linalg.qr(rng.normal(size=(n, n)))
        X = U[:, :n] @ np.diag(np.logspace(0, -8, n)) @ V.T
        w_true = rng.normal(size=n)
        y = X @ w_true + 1e-10 * U[:, n]  # residual orthogonal to the columns: w_true is exact
        w = assert_shape(
            forbid_calls(FORBIDDEN, lstsq_qr, X.copy(), y.copy()),
            (n,),
            what=f"lstsq_qr for a {m}x{n} X",
        )
        error = float(np.max(np.abs(w - w_true)) / np.max(np.abs(w_true)))
        if not np.isfinite(error) or error > 1e-6:
            _fail(
                f"lstsq_qr lost accuracy on a {m}x{n} X with condition number 1e8: relative "
                f"error {error:.2g}, expected below 1e-6. The normal equations square the "
                "condition number, and so does Q.T @ y when Q is not exactly orthogonal: "
                "compute Q^T y the MGS way, one column at a time from the updated residual "
                "(r = y; for each j: c_j = q_j . r, then r -= c_j q_j), and solve R w = c. "
                "If your gram_schmidt fails Question 7's ill-conditioned case, fix it first."
            )
