OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - a dict with keys "beta", "residuals", "sigma2", "se": test_by_hand (public)
# - beta is the least-squares fit: test_random_fits
# - residuals = y - A beta, shape (n,), orthogonal to every column of A:
#   test_residuals; variant "residuals with the wrong sign (A beta - y)"
# - sigma2 = RSS / (n - p): test_small_n; variants "divides by n", "divides by n - 1"
# - se_j = sqrt(sigma2 [(A^T A)^{-1}]_jj): test_random_fits, test_small_n; variants
#   "forgets the square root", "leaves out sigma2", "uses 1 / (A^T A)_jj"

import numpy as np
import scipy.linalg
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, to_number

name = "q4"
points = 5

KEYS = ("beta", "residuals", "sigma2", "se")


def _oracle(A, y):
    """Everything by a QR factorization: (A^T A)^{-1} = R^{-1} R^{-T}."""
    n, p = A.shape
    Q, R = scipy.linalg.qr(A, mode="economic")
    beta = scipy.linalg.solve_triangular(R, Q.T @ y)
    residuals = y - A @ beta
    sigma2 = residuals @ residuals / (n - p)
    R_inv = scipy.linalg.solve_triangular(R, np.eye(p))
    se = np.sqrt(sigma2 * np.sum(R_inv**2, axis=1))
    return beta, residuals, sigma2, se


def _summary(ols_summary, A, y, what):
    result = call(ols_summary, A.copy(), y.copy(), what=what)
    if not isinstance(result, dict):
        raise AssertionError(
            f"ols_summary should return a dict with keys {KEYS}, found {type(result).__name__}."
        )
    missing = [k for k in KEYS if k not in result]
    if missing:
        raise AssertionError(f"the dict from ols_summary has no key(s) {missing}.")
    return result


def _data(gen, n, d, noise=1.0):
    A = np.column_stack([np.ones(n), gen.normal(size=(n, d)) * gen.uniform(0.5, 2, size=d)])
    y = A @ gen.normal(size=d + 1) + noise * gen.normal(size=n)
    return A, y


def _check_sigma2_and_se(result, A, y, what):
    n, p = A.shape
    _, _, sigma2, se = _oracle(A, y)
    got = to_number(result["sigma2"], what=f'"sigma2" for {what}')
    ratio = got / sigma2
    hint = "sigma2 = RSS / (n - p), with p the number of columns of A (intercept included)."
    if np.isclose(ratio, (n - p) / n):
        hint = "you divide the RSS by n; fitting p coefficients uses up p degrees of freedom."
    elif np.isclose(ratio, (n - p) / (n - 1)):
        hint = "you divide by n - 1; the fit estimates p coefficients, so divide by n - p."
    assert_close(got, sigma2, rtol=1e-8, what=f'"sigma2" for {what}', hint=hint)
    got_se = assert_shape(result["se"], (p,), what=f'"se" for {what}')
    hint = "se_j = sqrt(sigma2 * [(A^T A)^{-1}]_jj)."
    if np.allclose(got_se, se**2, rtol=1e-6):
        hint = "these are variances: take the square root."
    elif np.allclose(got_se, se / np.sqrt(sigma2), rtol=1e-6):
        hint = "multiply the diagonal of (A^T A)^{-1} by sigma2 before the square root."
    elif np.allclose(got_se, np.sqrt(sigma2 / np.diag(A.T @ A)), rtol=1e-6):
        hint = "use the diagonal of the inverse (A^T A)^{-1}, not 1 / diagonal of A^T A."
    assert_close(got_se, se, rtol=1e-7, what=f'"se" for {what}', hint=hint)


@test_case(points=1, hidden=False)
def test_by_hand(ols_summary):
    A = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = np.array([1.0, 2.0, 2.0, 4.0])
    result = _summary(ols_summary, A, y, "4 points")
    what = "ols_summary for the points (0, 1), (1, 2), (2, 2), (3, 4)"
    assert_close(result["beta"], [0.9, 0.9], rtol=1e-10, what=f'"beta" of {what}', reveal=True)
    assert_close(
        result["residuals"],
        [0.1, 0.2, -0.7, 0.4],
        rtol=1e-9,
        atol=1e-12,
        what=f'"residuals" of {what}',
        hint="residuals = y - A beta.",
        reveal=True,
    )
    assert_close(
        result["sigma2"],
        0.35,
        rtol=1e-10,
        what=f'"sigma2" of {what}',
        hint="RSS = 0.7 and n - p = 4 - 2 = 2.",
        reveal=True,
    )
    assert_close(
        result["se"],
        np.sqrt(0.35 * np.array([0.7, 0.2])),
        rtol=1e-9,
        what=f'"se" of {what}',
        hint="(A^T A)^{-1} has diagonal 0.7 and 0.2 here.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_fits(ols_summary):
    gen = np.random.default_rng(941)
    for n, d in [(30, 2), (120, 5)]:
        A, y = _data(gen, n, d)
        beta = _oracle(A, y)[0]
        result = _summary(ols_summary, A, y, f"a random {n}x{d + 1} design")
        assert_close(
            assert_shape(result["beta"], (d + 1,), what='"beta"'),
            beta,
            rtol=1e-8,
            atol=1e-10,
            what=f'"beta" for a random {n}x{d + 1} design',
            hint="beta is the least-squares solution (Question 2).",
        )
        _check_sigma2_and_se(result, A, y, f"a random {n}x{d + 1} design")


@test_case(points=1, hidden=True)
def test_residuals(ols_summary):
    gen = np.random.default_rng(942)
    A, y = _data(gen, 40, 3, noise=2.0)
    residuals = _oracle(A, y)[1]
    result = _summary(ols_summary, A, y, "a random 40x4 design")
    got = assert_shape(
        result["residuals"], (40,), what='"residuals"', hint="one residual per row, shape (n,)."
    )
    hint = "residuals = y - A beta (observed minus fitted)."
    if np.allclose(got, -residuals, atol=1e-8):
        hint = "your residuals have the wrong sign: they are y - A beta, not A beta - y."
    assert_close(got, residuals, rtol=1e-7, atol=1e-9, what='"residuals" of a 40x4 fit', hint=hint)


@test_case(points=2, hidden=True)
def test_small_n(ols_summary):
    gen = np.random.default_rng(943)
    for n, d in [(6, 2), (9, 3), (5, 1)]:
        A, y = _data(gen, n, d)
        result = _summary(ols_summary, A, y, f"{n} points and {d + 1} coefficients")
        _check_sigma2_and_se(result, A, y, f"{n} points and {d + 1} coefficients")
