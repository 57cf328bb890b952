OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns (resp, log_likelihood): resp[i, k] = w_k p_k(x_i) / sum_j w_j p_j(x_i), shape
#   (n, K), from log densities: test_e_step_small_example (public), test_e_step_random;
#   variants "forgets the mixture weights", "normalizes each column instead of each row".
# - responsibilities are non-negative and each row sums to 1: test_e_step_random.
# - log_likelihood = sum_i log sum_k w_k p_k(x_i), a float (the sum, not the mean):
#   test_e_step_random; variant "mean over the points".
# - computed in log space with the log-sum-exp shift, so points whose densities all
#   underflow still get responsibilities: test_e_step_far_points; variant "exponentiates
#   the log densities directly".
# - scipy.special.logsumexp is forbidden: test_e_step_random; variant "calls
#   scipy.special.logsumexp".
# - a component with weight 0 gets responsibility 0 (log 0 = -inf is fine):
#   test_e_step_zero_weight.

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_finite, assert_shape, call, forbid_calls, to_number

name = "q6"
points = 6

FORBIDDEN = ["scipy.special.logsumexp", "scipy.special._logsumexp.logsumexp"]


def _oracle(L, w):
    from scipy.special import logsumexp, softmax

    with np.errstate(divide="ignore"):
        joint = L + np.log(w)
    return softmax(joint, axis=1), float(logsumexp(joint, axis=1).sum())


def _run(e_step, L, w, what, forbid=False, hint=""):
    if forbid:
        result = forbid_calls(FORBIDDEN, e_step, L, w)
    else:
        result = call(e_step, L, w, what=what, hint=hint)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"e_step on {what} should return a tuple (resp, log_likelihood), found "
            f"{type(result).__name__}."
        )
    resp = assert_shape(
        result[0], np.shape(L), what=f"the responsibilities e_step returned on {what}"
    )
    return resp, to_number(result[1], what=f"the log-likelihood e_step returned on {what}")


@test_case(points=2, hidden=False)
def test_e_step_small_example(e_step):
    L = np.log(np.array([[0.2, 0.6], [0.1, 0.1]]))
    resp, log_lik = _run(e_step, L, np.array([0.75, 0.25]), "the 2 x 2 example")
    assert_close(
        resp,
        [[0.5, 0.5], [0.75, 0.25]],
        rtol=1e-10,
        what="the responsibilities on the example",
        hint="resp[i, k] = w_k p_k(x_i) / sum_j w_j p_j(x_i): each ROW sums to 1.",
        reveal=True,
    )
    assert_close(
        log_lik,
        np.log(0.3) + np.log(0.1),
        rtol=1e-10,
        what="the log-likelihood on the example",
        hint="sum over the points of log(sum_k w_k p_k(x_i)).",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_e_step_random(e_step):
    gen = np.random.default_rng(1601)
    for n, K in [(30, 2), (200, 5), (1, 3)]:
        L = gen.normal(loc=-5.0, scale=3.0, size=(n, K))
        w = gen.dirichlet(np.ones(K))
        expected_r, expected_ll = _oracle(L, w)
        copies = L.copy(), w.copy()
        resp, log_lik = _run(e_step, L, w, f"{n} points and {K} components", forbid=True)
        if not (np.array_equal(L, copies[0]) and np.array_equal(w, copies[1])):
            raise AssertionError("e_step changed its inputs: leave log_dens and weights alone.")
        if np.any(resp < -1e-12):
            raise AssertionError(
                "e_step returned negative responsibilities: they are probabilities."
            )
        sums = resp.sum(axis=1)
        if not np.allclose(sums, 1.0, rtol=1e-9):
            hint = (
                "your columns sum to 1: normalize each ROW (a point's responsibilities "
                "over the components), sum over axis=1."
                if np.allclose(resp.sum(axis=0), 1.0)
                else "divide each row by its sum."
            )
            raise AssertionError(
                f"on {n} points, the rows of the responsibilities sum to values from "
                f"{sums.min():.4g} to {sums.max():.4g}, not 1. {hint}"
            )
        plain = _oracle(L, np.full(K, 1.0 / K))[0]
        assert_close(
            resp,
            expected_r,
            rtol=1e-8,
            atol=1e-12,
            what=f"the responsibilities on {n} points and {K} components",
            hint="add log(weights) to the log densities before normalizing."
            if K > 1 and np.allclose(resp, plain, rtol=1e-8)
            else "resp[i, k] = exp(log w_k + log_dens[i, k] - logsumexp_j(...)).",
        )
        assert_close(
            log_lik,
            expected_ll,
            rtol=1e-9,
            what=f"the log-likelihood on {n} points and {K} components",
            hint="this looks like the MEAN over the points: return the sum."
            if n > 1 and np.isclose(log_lik * n, expected_ll, rtol=1e-8)
            else "sum over the points of logsumexp_k(log w_k + log_dens[i, k]).",
        )


@test_case(points=1, hidden=True)
def test_e_step_far_points(e_step):
    gen = np.random.default_rng(1602)
    L = gen.uniform(-2000.0, -900.0, size=(20, 3))
    L[:, 1] = L[:, 0] - gen.uniform(0.0, 3.0, size=20)
    w = np.array([0.2, 0.5, 0.3])
    expected_r, expected_ll = _oracle(L, w)
    hint = (
        "exp(-900) underflows to 0.0, so the naive ratio is 0/0: subtract the largest "
        "log w_k + log_dens[i, k] of each row before exponentiating (log-sum-exp)."
    )
    resp, log_lik = _run(e_step, L, w, "20 far points (log densities below -900)", hint=hint)
    assert_finite(resp, what="the responsibilities of far points", hint=hint)
    assert_finite(log_lik, what="the log-likelihood of far points", hint=hint)
    assert_close(resp, expected_r, rtol=1e-8, atol=1e-12, what="the responsibilities of far points")
    assert_close(log_lik, expected_ll, rtol=1e-10, what="the log-likelihood of far points")


@test_case(points=1, hidden=True)
def test_e_step_zero_weight(e_step):
    gen = np.random.default_rng(1603)
    L = gen.normal(loc=-4.0, size=(15, 3))
    w = np.array([0.6, 0.0, 0.4])
    expected_r, expected_ll = _oracle(L, w)
    with np.errstate(divide="ignore", invalid="ignore"):
        resp, log_lik = _run(e_step, L, w, "weights (0.6, 0, 0.4)")
    assert_close(
        resp,
        expected_r,
        rtol=1e-8,
        atol=1e-12,
        what="the responsibilities when one weight is 0",
        hint="a component of weight 0 has log weight -inf and responsibility exactly 0; "
        "shift by the row maximum, which is finite.",
    )
    assert_close(log_lik, expected_ll, rtol=1e-10, what="the log-likelihood when one weight is 0")
