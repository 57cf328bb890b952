OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns (weights (K,), means (K, d), covs (K, d, d)): test_m_step_hard_example (public).
# - weights N_k / n with N_k = sum_i resp[i, k]: test_m_step_random; variant "weights
#   N_k, not divided by n".
# - means sum_i resp[i, k] x_i / N_k: test_m_step_random.
# - covariances weighted by the responsibilities, around the NEW means, divided by N_k
#   (not N_k - 1): test_m_step_random; variants "unweighted covariance of all points",
#   "around the overall mean of X", "divides by N_k - 1".
# - reg * I is added to every covariance: test_m_step_reg; variant "ignores reg".
# - with 0/1 responsibilities the M-step gives each cluster's mean and its covariance
#   with ddof=0: test_m_step_hard_example (public).
# - X and resp are left unchanged: test_m_step_random.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 6


def _oracle(X, R, reg=0.0):
    Nk = R.sum(axis=0)
    mu = np.einsum("ik,id->kd", R, X) / Nk[:, None]
    diff = X[None, :, :] - mu[:, None, :]
    S = np.einsum("ik,kid,kie->kde", R, diff, diff) / Nk[:, None, None]
    return Nk / len(X), mu, S + reg * np.eye(X.shape[1])


def _run(m_step, X, R, what, **kwargs):
    result = call(m_step, X, R, what=what, **kwargs)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise AssertionError(
            f"m_step on {what} should return a tuple (weights, means, covs), found "
            f"{type(result).__name__}."
        )
    K, d = R.shape[1], X.shape[1]
    w = assert_shape(result[0], (K,), what=f"the weights m_step returned on {what}")
    mu = assert_shape(result[1], (K, d), what=f"the means m_step returned on {what}")
    S = assert_shape(result[2], (K, d, d), what=f"the covariances m_step returned on {what}")
    return w, mu, S


def _cov_hint(X, R, S, expected):
    Nk = R.sum(axis=0)
    if np.allclose(S * (Nk / (Nk - 1))[:, None, None], expected, rtol=1e-6):
        return "your covariances are N_k / (N_k - 1) times too small or large: divide by N_k."
    if np.allclose(S * ((Nk - 1) / Nk)[:, None, None], expected, rtol=1e-6):
        return "divide by N_k (the maximum-likelihood estimate), not N_k - 1."
    plain = np.cov(X.T, bias=True)
    if np.allclose(S, plain[None], rtol=1e-6):
        return (
            "every component got the covariance of all the points: weight each point's "
            "outer product by resp[i, k]."
        )
    return (
        "Sigma_k = sum_i resp[i, k] (x_i - mu_k)(x_i - mu_k)^T / N_k, with mu_k the NEW "
        "mean of component k."
    )


@test_case(points=2, hidden=False)
def test_m_step_hard_example(m_step):
    X = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0], [10.0, 10.0], [12.0, 10.0]])
    R = np.array([[1, 0]] * 4 + [[0, 1]] * 2, dtype=float)
    w, mu, S = _run(m_step, X, R, "the example with 0/1 responsibilities")
    assert_close(
        w,
        [4 / 6, 2 / 6],
        rtol=1e-10,
        what="the weights on the example",
        hint="w_k = N_k / n, the share of the points in component k.",
        reveal=True,
    )
    assert_close(
        mu, [[1.0, 1.0], [11.0, 10.0]], rtol=1e-10, what="the means on the example", reveal=True
    )
    assert_close(
        S,
        [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 0.0]]],
        rtol=1e-10,
        atol=1e-12,
        what="the covariances on the example",
        hint="component 0 holds the 4 corners of a square of side 2: each coordinate "
        "has variance 1 when dividing by N_k = 4 (ddof=0).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_m_step_random(m_step):
    gen = np.random.default_rng(1701)
    for n, K, d in [(40, 2, 2), (150, 4, 3), (25, 3, 1)]:
        X = gen.normal(loc=5.0, scale=2.0, size=(n, d))
        R = gen.dirichlet(np.ones(K) * 0.7, size=n)
        expected = _oracle(X, R)
        copies = X.copy(), R.copy()
        w, mu, S = _run(m_step, X, R, f"{n} points, {K} components in {d}-D")
        if not (np.array_equal(X, copies[0]) and np.array_equal(R, copies[1])):
            raise AssertionError("m_step changed its inputs: leave X and resp alone.")
        assert_close(
            w,
            expected[0],
            rtol=1e-9,
            what=f"the weights on {n} points",
            hint="divide N_k = sum_i resp[i, k] by n, so the weights sum to 1."
            if np.isclose(np.sum(w), n)
            else "w_k = sum_i resp[i, k] / n.",
        )
        assert_close(
            mu,
            expected[1],
            rtol=1e-9,
            what=f"the means on {n} points",
            hint="mu_k = sum_i resp[i, k] x_i / N_k.",
        )
        assert_close(
            S,
            expected[2],
            rtol=1e-8,
            atol=1e-12,
            what=f"the covariances on {n} points, {K} components in {d}-D",
            hint=_cov_hint(X, R, np.asarray(S), expected[2]),
        )


@test_case(points=2, hidden=True)
def test_m_step_reg(m_step):
    gen = np.random.default_rng(1702)
    X = gen.normal(size=(30, 3))
    R = gen.dirichlet(np.ones(2), size=30)
    for reg in [1e-3, 0.5]:
        expected = _oracle(X, R, reg)
        w, mu, S = _run(m_step, X, R, f"30 points with reg={reg}", reg=reg)
        assert_close(
            S,
            expected[2],
            rtol=1e-8,
            what=f"the covariances with reg={reg}",
            hint="add reg * I (np.eye(d)) to every covariance matrix.",
        )
    single = X[:1]
    expected = _oracle(single, np.array([[1.0]]), 1e-6)
    _, _, S = _run(m_step, single, np.array([[1.0]]), "a single point, reg=1e-6", reg=1e-6)
    assert_close(
        S,
        expected[2],
        rtol=1e-8,
        what="the covariance of a single point with reg=1e-6",
        hint="one point has covariance 0; reg * I keeps it invertible.",
    )
