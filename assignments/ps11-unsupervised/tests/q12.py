OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - conditional_affinities returns (P, betas), P of shape (n, n) with rows
#   p_{j|i} = exp(-beta_i D2[i, j]) / sum_{k != i} exp(-beta_i D2[i, k]) and betas (n,)
#   the PRECISIONS: test_conditional_small_example (public), test_conditional_random;
#   variant "returns sigma_i instead of beta_i".
# - p_{i|i} = 0 and every row sums to 1: test_conditional_random; variant "keeps the
#   point itself in its row".
# - each row's perplexity 2^H, H in bits, matches the target within tol:
#   test_conditional_random; variant "entropy in nats compared with log2(perplexity)".
# - tol is honoured: test_conditional_honours_tol; variant "ignores tol (fixed 1e-3)".
# - stable for far apart points (shift by the smallest distance): test_conditional_far;
#   variant "exponentiates -beta * D2 without the shift".
# - joint_affinities returns (P + P^T) / (2n): symmetric, zero diagonal, sums to 1:
#   test_joint_small_example (public), test_joint_random; variants "not symmetrized
#   (P / n)", "divides by n instead of 2n", "symmetrizes without normalizing".

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q12"
points = 8


def _sq_dists(Y):
    return np.array([[float(np.sum((a - b) ** 2)) for b in Y] for a in Y])


def _bits(row):
    row = row[row > 0]
    return float(-np.sum(row * np.log2(row)))


def _run(conditional_affinities, D2, perplexity, what, **kwargs):
    result = call(conditional_affinities, D2, perplexity, what=what, **kwargs)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"conditional_affinities on {what} should return a tuple (P, betas), found "
            f"{type(result).__name__}."
        )
    n = len(D2)
    P = assert_shape(result[0], (n, n), what=f"the P matrix on {what}")
    betas = assert_shape(result[1], (n,), what=f"the betas on {what}")
    return P, betas


def _check_rows(P, betas, D2, perplexity, tol, what):
    n = len(D2)
    if np.any(np.isnan(P)):
        raise AssertionError(
            f"the P matrix on {what} contains NaN: exp(-beta * D2) underflowed to 0 in a "
            "whole row. Subtract each row's smallest distance before exponentiating "
            "(it cancels in the ratio)."
        )
    if np.any(np.abs(np.diag(P)) > 0):
        raise AssertionError(
            f"the P matrix on {what} has non-zero diagonal entries: p_(i|i) = 0, a point "
            "is not its own neighbour; leave it out of the sum."
        )
    if not np.allclose(P.sum(axis=1), 1.0, rtol=1e-9):
        raise AssertionError(f"the rows of the P matrix on {what} do not sum to 1.")
    target = np.log2(perplexity)
    entropies = np.array([_bits(P[i]) for i in range(n)])
    worst = float(np.max(np.abs(entropies - target)))
    if worst > tol * (1 + 1e-6) + 1e-12:
        hint = "run the bisection until |H - log2(perplexity)| < tol."
        if np.max(np.abs(entropies * np.log(2) - target)) <= 10 * tol:
            hint = (
                "your entropies are in nats: the perplexity is 2^H with H in BITS, "
                "H = -sum p log2 p."
            )
        elif np.max(np.abs(entropies - np.log(perplexity))) <= 10 * tol:
            hint = "your target is ln(perplexity): with H in bits the target is log2(perplexity)."
        raise AssertionError(
            f"on {what}, some row's entropy is {worst:.3g} bits away from log2(perplexity) "
            f"= {target:.4g} (tolerance {tol:g}). {hint}"
        )
    for i in range(n):
        others = np.arange(n) != i
        logits = -betas[i] * (D2[i, others] - D2[i, others].min())
        expected = np.exp(logits) / np.exp(logits).sum()
        if not np.allclose(P[i, others], expected, rtol=1e-6, atol=1e-12):
            raise AssertionError(
                f"on {what}, row {i} of P is not exp(-beta_i D2[i, j]) normalized with the "
                "beta_i you returned. Return the precision beta_i = 1 / (2 sigma_i^2), the "
                "number that multiplies the squared distance, not sigma_i."
            )


@test_case(points=1, hidden=False)
def test_conditional_small_example(conditional_affinities):
    D2 = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
    P, betas = _run(conditional_affinities, D2, 2.0, "3 points at equal distances")
    assert_close(
        P,
        [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]],
        rtol=1e-8,
        atol=1e-12,
        what="P for 3 points at equal distances, perplexity 2",
        hint="p_(i|i) = 0 and the other two neighbours are equally likely.",
        reveal=True,
    )
    gen = np.random.default_rng(2200)
    D2 = _sq_dists(gen.normal(size=(8, 2)))
    P, betas = _run(conditional_affinities, D2, 3.0, "8 random points in 2-D, perplexity 3")
    _check_rows(P, betas, D2, 3.0, 1e-5, "8 random points in 2-D, perplexity 3")


@test_case(points=2, hidden=True)
def test_conditional_random(conditional_affinities):
    gen = np.random.default_rng(2201)
    for n, d, perp in [(40, 3, 5.0), (60, 10, 15.0), (12, 2, 2.5)]:
        Y = gen.normal(size=(n, d)) * gen.uniform(0.5, 2.0, size=d)
        D2 = _sq_dists(Y)
        what = f"{n} random points in {d}-D, perplexity {perp}"
        copy = D2.copy()
        P, betas = _run(conditional_affinities, D2, perp, what)
        if not np.array_equal(D2, copy):
            raise AssertionError("conditional_affinities changed D2: leave its input alone.")
        _check_rows(P, betas, D2, perp, 1e-5, what)


@test_case(points=1, hidden=True)
def test_conditional_honours_tol(conditional_affinities):
    gen = np.random.default_rng(2202)
    D2 = _sq_dists(gen.normal(size=(30, 4)))
    for tol in [1e-9, 1e-2]:
        what = f"30 points, perplexity 8, tol={tol:g}"
        P, betas = _run(conditional_affinities, D2, 8.0, what, tol=tol)
        _check_rows(P, betas, D2, 8.0, tol, what)


@test_case(points=1, hidden=True)
def test_conditional_far(conditional_affinities):
    gen = np.random.default_rng(2203)
    # 25 nearly equidistant points (a scaled simplex plus small noise): every squared
    # distance is close to 20000, so exp(-beta * D2) underflows for any beta that reaches
    # the target perplexity unless the row's smallest distance is subtracted first.
    Y = 100.0 * np.eye(25) + gen.normal(scale=0.3, size=(25, 25))
    D2 = _sq_dists(Y)
    assert D2[D2 > 0].min() > 15000, "test points should be far apart"
    what = "25 nearly equidistant points (squared distances near 20000)"
    with np.errstate(invalid="ignore", divide="ignore", under="ignore"):
        P, betas = _run(conditional_affinities, D2, 6.0, what)
    _check_rows(P, betas, D2, 6.0, 1e-5, what)


@test_case(points=1, hidden=False)
def test_joint_small_example(joint_affinities):
    P = np.array([[0.0, 0.5, 0.5], [0.2, 0.0, 0.8], [0.6, 0.4, 0.0]])
    J = call(joint_affinities, P, what="the 3 x 3 example")
    assert_close(
        J,
        (P + P.T) / 6,
        rtol=1e-10,
        what="joint_affinities on the example",
        hint="(P + P^T) / (2n) with n = 3: symmetric, and it sums to 1.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_joint_random(joint_affinities):
    gen = np.random.default_rng(2204)
    for n in [10, 45]:
        P = gen.uniform(size=(n, n))
        np.fill_diagonal(P, 0.0)
        P /= P.sum(axis=1, keepdims=True)
        expected = np.array([[(P[i, j] + P[j, i]) / (2 * n) for j in range(n)] for i in range(n)])
        copy = P.copy()
        J = call(joint_affinities, P, what=f"a {n} x {n} conditional P")
        J = assert_shape(J, (n, n), what=f"joint_affinities on a {n} x {n} matrix")
        if not np.array_equal(P, copy):
            raise AssertionError("joint_affinities changed its input: return a new matrix.")
        if not np.allclose(J, J.T, rtol=1e-12):
            raise AssertionError(
                f"joint_affinities on a {n} x {n} matrix is not symmetric: average P with its "
                "transpose, p_ij = (p_(j|i) + p_(i|j)) / (2n)."
            )
        total = float(np.sum(J))
        if not np.isclose(total, 1.0, rtol=1e-9):
            raise AssertionError(
                f"joint_affinities on a {n} x {n} matrix sums to {total:.4g}, not 1: "
                "divide P + P^T by 2n (each of the n rows of P sums to 1)."
            )
        assert_close(J, expected, rtol=1e-9, what=f"joint_affinities on a {n} x {n} matrix")
