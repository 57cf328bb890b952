# q7: rank_k_approx. Clauses, with the hidden case that checks each and the wrong variant that
# breaks it alone:
# - U_k diag(s_k) V_k^T with the k LARGEST singular values, shape of X, square or not:
#   test_random_shapes; variants "k smallest", "Vt.T for Vt", "forgets s",
#   "full_matrices=True".
# - rank exactly k, k = 0 gives the zero matrix, k = min(m, n) gives X: test_rank_and_edges.
# - real data (digits): test_digits_matrix.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, data_file

name = "q7"
points = 6


def oracle(X, k):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k]


def check(rank_k_approx, X, k, what, hint):
    scale = max(1.0, float(np.abs(X).max()))
    return assert_close(
        call(rank_k_approx, X.copy(), k),
        oracle(X, k),
        rtol=1e-6,
        atol=1e-8 * scale,
        what=what,
        hint=hint,
    )


@test_case(points=2, hidden=False)
def test_small_example(rank_k_approx):
    X = np.array([[3.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    assert_close(
        call(rank_k_approx, X, 1),
        [[3.0, 0.0], [0.0, 0.0], [0.0, 0.0]],
        atol=1e-9,
        what="rank_k_approx([[3, 0], [0, 1], [0, 0]], 1)",
        hint="keep the largest singular value (3) and drop the rest; the result has the "
        "shape of X.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_random_shapes(rank_k_approx):
    rng = np.random.default_rng(701)
    for m, n, k in [(6, 6, 2), (10, 4, 3), (4, 9, 2), (30, 20, 5), (5, 8, 1)]:
        X = rng.normal(size=(m, n)) * 3
        check(
            rank_k_approx,
            X,
            k,
            f"the rank-{k} approximation of a random {m}x{n} matrix",
            "keep the k LARGEST singular values: U[:, :k] diag(s[:k]) Vt[:k, :], with Vt "
            "exactly as np.linalg.svd returns it (its rows are the right singular vectors).",
        )


@test_case(points=1, hidden=True)
def test_rank_and_edges(rank_k_approx):
    rng = np.random.default_rng(702)
    X = rng.normal(size=(7, 5))
    for k in [1, 3, 4]:
        found = assert_close(
            call(rank_k_approx, X.copy(), k),
            oracle(X, k),
            rtol=1e-6,
            atol=1e-9,
            what=f"rank_k_approx: the rank-{k} approximation of a 7x5 matrix",
        )
        rank = np.linalg.matrix_rank(found, tol=1e-8)
        if rank != k:
            raise AssertionError(f"rank_k_approx(X, {k}) has rank {rank}, expected {k}.")
    assert_close(
        call(rank_k_approx, X.copy(), 0),
        np.zeros_like(X),
        atol=1e-12,
        what="rank_k_approx(X, 0)",
        hint="with k = 0 nothing is kept: the zero matrix of the shape of X.",
    )
    assert_close(
        call(rank_k_approx, X.copy(), 5),
        X,
        rtol=1e-8,
        atol=1e-9,
        what="rank_k_approx(X, min(m, n))",
        hint="keeping every singular value rebuilds X exactly.",
    )


@test_case(points=1, hidden=True)
def test_digits_matrix(rank_k_approx):
    path = data_file("digits.csv")
    X = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(64), max_rows=80)
    check(
        rank_k_approx,
        X,
        10,
        "the rank-10 approximation of the digits data matrix",
        "keep the 10 largest singular values and their singular vectors.",
    )
