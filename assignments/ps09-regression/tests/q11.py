OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns (mean, cov) of shapes (p,) and (p, p): test_by_hand (public)
# - cov = (A^T A / sigma2 + D / tau2)^{-1}, D = diag(0, 1, ..., 1): test_random_oracle;
#   variants "forgets the noise precision 1/sigma2 on A^T A", "returns the precision
#   matrix, not its inverse"
# - mean = cov A^T y / sigma2, which is the ridge solution with lam = sigma2 / tau2 (the
#   MAP estimate): test_random_oracle, test_mean_is_ridge; variants "mean without the
#   1/sigma2", "lam = tau2 / sigma2 (the ratio upside down)"
# - flat prior on the intercept (no 1/tau2 on beta_0): test_intercept_flat_prior;
#   variant "N(0, tau2) prior on the intercept too"
# - as tau2 grows the posterior tends to OLS: mean -> beta_ols, cov -> sigma2 (A^T A)^{-1}:
#   test_flat_limit

import numpy as np
import scipy.linalg
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q11"
points = 5


def _oracle(A, y, sigma2, tau2):
    """Posterior via a QR of the whitened, augmented design: precision = R^T R."""
    n, p = A.shape
    E = np.eye(p)[1:] / np.sqrt(tau2)
    B = np.vstack([A / np.sqrt(sigma2), E])
    _, R = scipy.linalg.qr(B, mode="economic")
    R_inv = scipy.linalg.solve_triangular(R, np.eye(p))
    cov = R_inv @ R_inv.T
    lam = sigma2 / tau2
    B_ridge = np.vstack([A, np.sqrt(lam) * np.eye(p)[1:]])
    mean = np.linalg.lstsq(B_ridge, np.concatenate([y, np.zeros(p - 1)]), rcond=None)[0]
    return mean, cov


def _posterior(blr_posterior, A, y, sigma2, tau2, what):
    result = call(blr_posterior, A.copy(), y.copy(), sigma2, tau2, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("blr_posterior should return a tuple (mean, cov).")
    p = A.shape[1]
    mean = assert_shape(result[0], (p,), what=f"the posterior mean for {what}")
    cov = assert_shape(result[1], (p, p), what=f"the posterior covariance for {what}")
    return mean, cov


def _data(gen, n, d, level=0.0, noise=1.0):
    A = np.column_stack([np.ones(n), gen.normal(size=(n, d))])
    y = level + A @ gen.normal(size=d + 1) + noise * gen.normal(size=n)
    return A, y


def _cov_hint(cov, A, sigma2, tau2):
    p = A.shape[1]
    D = np.eye(p)
    D[0, 0] = 0.0
    if np.allclose(cov, np.linalg.inv(A.T @ A + D / tau2), rtol=1e-6):
        return "the likelihood's precision is A^T A / sigma2: divide A^T A by the noise variance."
    if np.allclose(cov, A.T @ A / sigma2 + D / tau2, rtol=1e-6):
        return "that is the posterior PRECISION; the covariance is its inverse."
    if np.allclose(cov, np.linalg.inv(A.T @ A / sigma2 + np.eye(p) / tau2), rtol=1e-6):
        return "the intercept has a flat prior: no 1/tau2 in the top-left entry."
    return "cov = (A^T A / sigma2 + D / tau2)^{-1} with D = diag(0, 1, ..., 1)."


def _mean_hint(mean, A, y, sigma2, tau2):
    p = A.shape[1]
    D = np.eye(p)
    D[0, 0] = 0.0
    cov = np.linalg.inv(A.T @ A / sigma2 + D / tau2)
    if np.allclose(mean, cov @ A.T @ y, rtol=1e-6):
        return "mean = cov A^T y / sigma2: the 1/sigma2 is missing."
    if np.allclose(mean, np.linalg.solve(A.T @ A + D * tau2 / sigma2, A.T @ y), rtol=1e-6):
        return (
            "your ridge lam is tau2 / sigma2; the MAP estimate is ridge with lam = sigma2 / tau2."
        )
    return "mean = cov A^T y / sigma2, the ridge solution with lam = sigma2 / tau2."


@test_case(points=1, hidden=False)
def test_by_hand(blr_posterior):
    A = np.array([[1.0, -1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 5.0])
    mean, cov = _posterior(blr_posterior, A, y, 2.0, 1.0, "the worked example, sigma2=2, tau2=1")
    assert_close(
        cov,
        [[2 / 3, 0.0], [0.0, 0.5]],
        atol=1e-12,
        what="the posterior covariance for the worked example",
        hint="A^T A / sigma2 = [[1.5, 0], [0, 1]]; add 1/tau2 = 1 to the slope's entry only, "
        "then invert.",
        reveal=True,
    )
    assert_close(
        mean,
        [2.0, 1.25],
        what="the posterior mean for the worked example",
        hint="mean = cov A^T y / sigma2; it equals fit_ridge(A, y, sigma2 / tau2) of Question 9.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_oracle(blr_posterior):
    gen = np.random.default_rng(1101)
    for n, d, sigma2, tau2 in [(20, 2, 0.5, 2.0), (50, 4, 4.0, 0.25), (6, 3, 1.5, 10.0)]:
        A, y = _data(gen, n, d, noise=np.sqrt(sigma2))
        mean_e, cov_e = _oracle(A, y, sigma2, tau2)
        what = f"a random {n}x{d + 1} design, sigma2={sigma2}, tau2={tau2}"
        mean, cov = _posterior(blr_posterior, A, y, sigma2, tau2, what)
        assert_close(
            cov,
            cov_e,
            rtol=1e-7,
            atol=1e-12,
            what=f"the posterior covariance for {what}",
            hint=_cov_hint(cov, A, sigma2, tau2),
        )
        assert_close(
            mean,
            mean_e,
            rtol=1e-7,
            atol=1e-10,
            what=f"the posterior mean for {what}",
            hint=_mean_hint(mean, A, y, sigma2, tau2),
        )


@test_case(points=1, hidden=True)
def test_intercept_flat_prior(blr_posterior):
    gen = np.random.default_rng(1102)
    A, y = _data(gen, 15, 2, level=80.0)
    mean_e, cov_e = _oracle(A, y, 1.0, 0.5)
    mean, cov = _posterior(blr_posterior, A, y, 1.0, 0.5, "targets near 80, sigma2=1, tau2=0.5")
    assert_close(
        cov,
        cov_e,
        rtol=1e-7,
        atol=1e-12,
        what="the posterior covariance for targets near 80",
        hint=_cov_hint(cov, A, 1.0, 0.5),
    )
    assert_close(
        mean,
        mean_e,
        rtol=1e-7,
        what="the posterior mean for targets near 80",
        hint="the intercept has a flat prior, so it is not shrunk toward 0. "
        + _mean_hint(mean, A, y, 1.0, 0.5),
    )


@test_case(points=1, hidden=True)
def test_flat_limit(blr_posterior):
    gen = np.random.default_rng(1103)
    A, y = _data(gen, 30, 3)
    sigma2 = 0.8
    mean, cov = _posterior(blr_posterior, A, y, sigma2, 1e10, "tau2 = 1e10 (an almost flat prior)")
    ols = np.linalg.lstsq(A, y, rcond=None)[0]
    assert_close(
        mean,
        ols,
        rtol=1e-6,
        atol=1e-8,
        what="the posterior mean with tau2 = 1e10",
        hint="with an almost flat prior the posterior mean is the least-squares fit. "
        + _mean_hint(mean, A, y, sigma2, 1e10),
    )
    assert_close(
        cov,
        sigma2 * np.linalg.inv(A.T @ A),
        rtol=1e-6,
        atol=1e-10,
        what="the posterior covariance with tau2 = 1e10",
        hint="with an almost flat prior the covariance is sigma2 (A^T A)^{-1}, the OLS one "
        "(Question 4). " + _cov_hint(cov, A, sigma2, 1e10),
    )
