OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - pred_mean = A_new @ mean, shape (m,): test_by_hand (public), test_random_oracle
# - pred_var_i = sigma2 + a_i^T cov a_i, shape (m,), one variance per row:
#   test_by_hand, test_random_oracle; variants "leaves out the noise term sigma2",
#   "uses only the diagonal of cov (sum_j a_ij^2 cov_jj)", "returns the (m, m)
#   predictive covariance matrix"
# - a single new row (m = 1) gives arrays of shape (1,): test_single_row

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q12"
points = 4


def _predict(blr_predict, A_new, mean, cov, sigma2, what):
    result = call(blr_predict, A_new.copy(), mean.copy(), cov.copy(), sigma2, what=what)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError("blr_predict should return a tuple (pred_mean, pred_var).")
    m = A_new.shape[0]
    pm = assert_shape(result[0], (m,), what=f"pred_mean for {what}")
    pv = assert_shape(
        result[1],
        (m,),
        what=f"pred_var for {what}",
        hint="one variance per new row, shape (m,): the diagonal of the predictive "
        "covariance, not the whole (m, m) matrix.",
    )
    return pm, pv


def _random_cov(gen, p):
    G = gen.normal(size=(p, p))
    return G @ G.T / p + 0.1 * np.eye(p)


def _var_hint(pv, A_new, cov, sigma2):
    quad = np.array([a @ cov @ a for a in A_new])
    if np.allclose(pv, quad, rtol=1e-6):
        return "the noise term is missing: a new target is a^T beta PLUS noise, so add sigma2."
    if np.allclose(pv, sigma2 + (A_new**2) @ np.diag(cov), rtol=1e-6):
        return (
            "you use only the diagonal of cov; the off-diagonal covariances count too: a^T cov a."
        )
    return "pred_var_i = sigma2 + a_i^T cov a_i for each row a_i of A_new."


@test_case(points=1, hidden=False)
def test_by_hand(blr_predict):
    A_new = np.array([[1.0, 0.0], [1.0, 2.0]])
    mean = np.array([2.0, 1.25])
    cov = np.array([[0.5, 0.1], [0.1, 0.25]])
    pm, pv = _predict(blr_predict, A_new, mean, cov, 2.0, "the worked example")
    assert_close(pm, [2.0, 4.5], what="pred_mean for the worked example", reveal=True)
    assert_close(
        pv,
        [2.5, 3.9],
        what="pred_var for the worked example",
        hint="row [1, 2]: a^T cov a = 0.5 + 2 * 2 * 0.1 + 4 * 0.25 = 1.9, plus sigma2 = 2.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_oracle(blr_predict):
    gen = np.random.default_rng(1201)
    for m, p, sigma2 in [(5, 2, 0.3), (40, 4, 2.5), (7, 6, 1.0)]:
        A_new = np.column_stack([np.ones(m), gen.normal(size=(m, p - 1)) * 3])
        mean = gen.normal(size=p)
        cov = _random_cov(gen, p)
        L = np.linalg.cholesky(cov)
        exp_mean = np.sum(A_new * mean, axis=1)
        exp_var = sigma2 + np.sum((A_new @ L) ** 2, axis=1)  # a^T L L^T a = |L^T a|^2
        what = f"{m} new rows, p={p}, sigma2={sigma2}"
        pm, pv = _predict(blr_predict, A_new, mean, cov, sigma2, what)
        assert_close(
            pm,
            exp_mean,
            rtol=1e-9,
            atol=1e-12,
            what=f"pred_mean for {what}",
            hint="pred_mean = A_new @ mean.",
        )
        assert_close(
            pv,
            exp_var,
            rtol=1e-9,
            what=f"pred_var for {what}",
            hint=_var_hint(pv, A_new, cov, sigma2),
        )


@test_case(points=1, hidden=True)
def test_single_row(blr_predict):
    gen = np.random.default_rng(1202)
    A_new = np.array([[1.0, -0.5, 2.0]])
    mean = gen.normal(size=3)
    cov = _random_cov(gen, 3)
    exp_var = 0.7 + float(A_new[0] @ cov @ A_new[0])
    pm, pv = _predict(blr_predict, A_new, mean, cov, 0.7, "one new row")
    assert_close(pm, A_new @ mean, rtol=1e-10, what="pred_mean for one new row")
    assert_close(
        pv,
        [exp_var],
        rtol=1e-10,
        what="pred_var for one new row",
        hint=_var_hint(pv, A_new, cov, 0.7),
    )
