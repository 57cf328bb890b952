OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import call, forbid_calls, to_number

name = "q5"
points = 6

FORBIDDEN = [
    "numpy.linalg.matrix_rank",
    "numpy.linalg.svd",
    "numpy.linalg.qr",
    "numpy.linalg.eig",
    "numpy.linalg.eigvals",
    "numpy.linalg.det",
    "scipy.linalg.svd",
    "scipy.linalg.svdvals",
    "scipy.linalg.qr",
    "scipy.linalg.lu",
    "scipy.linalg.orth",
    "scipy.linalg.null_space",
]


def _check_rank(rank, A, expected, what, hint):
    found = to_number(forbid_calls(FORBIDDEN, rank, A), what=f"rank of {what}")
    if found != expected:
        raise AssertionError(f"the rank of {what} is off: found {found:g}. {hint}")


def _low_rank(rng, m, n, r, scale=1.0):
    return (rng.normal(size=(m, r)) @ rng.normal(size=(r, n))) * scale


@test_case(points=1, hidden=False)
def test_rank_small(rank):
    for A, expected in [
        ([[1.0, 2.0], [2.0, 4.0]], 1),
        (np.eye(3), 3),
        (np.zeros((2, 3)), 0),
    ]:
        found = to_number(call(rank, np.asarray(A)), what=f"rank({np.asarray(A).tolist()})")
        if found != expected:
            raise AssertionError(
                f"rank({np.asarray(A).tolist()}) should be {expected}, found {found:g}. "
                "Count the pivots that row reduction finds."
            )


@test_case(points=1, hidden=False)
def test_rank_rectangular(rank):
    A = np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0], [0.0, 1.0, 0.0, 1.0]])
    found = to_number(call(rank, A), what="rank of the 3x4 example")
    if found != 2:
        raise AssertionError(
            f"rank([[1, 2, 3, 4], [2, 4, 6, 8], [0, 1, 0, 1]]) should be 2, found {found:g}. "
            "The second row is twice the first."
        )


@test_case(points=2, hidden=True)
def test_rank_random_low_rank(rank):
    rng = np.random.default_rng(351)
    for m, n, r in [
        (6, 6, 3),
        (10, 4, 4),
        (4, 10, 2),
        (8, 8, 8),
        (1, 5, 1),
        (5, 1, 1),
        (12, 9, 5),
        (7, 7, 1),
    ]:
        A = _low_rank(rng, m, n, r)
        A_copy = A.copy()
        _check_rank(
            rank,
            A,
            r,
            f"a random {m}x{n} matrix of rank {r}",
            "rounding leaves tiny nonzero entries where exact arithmetic has zeros: a "
            "candidate pivot counts as zero when |pivot| <= tol * max|A|.",
        )
        if not np.array_equal(A, A_copy):
            raise AssertionError(
                f"rank changed its input A (a {m}x{n} matrix) in place: row-reduce a copy, "
                "e.g. A = np.array(A, dtype=float) (np.asarray returns the caller's own "
                "float array, not a copy)."
            )


@test_case(points=1, hidden=True)
def test_rank_scale_invariant(rank):
    rng = np.random.default_rng(352)
    for scale in [1e-12, 1e12]:
        for m, n, r in [(6, 5, 3), (5, 8, 4)]:
            A = _low_rank(rng, m, n, r, scale)
            _check_rank(
                rank,
                A,
                r,
                f"a {m}x{n} matrix of rank {r} with entries of size about {scale:g}",
                "multiplying a matrix by a nonzero number does not change its rank: compare "
                "pivots with tol * max|A|, not with a fixed tol.",
            )


@test_case(points=1, hidden=True)
def test_rank_structured(rank):
    rng = np.random.default_rng(353)
    a, b, c = rng.normal(size=(3, 5))
    cases = [
        (np.column_stack([np.zeros(5), a, b]), 2, "a matrix whose first column is zero"),
        (np.column_stack([a, 2 * a, b, a - b]), 2, "columns [a, 2a, b, a - b]"),
        (np.column_stack([a, 3 * a, b, c]), 3, "columns [a, 3a, b, c]"),
        (np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), 2, "[[0, 1, 0], [0, 0, 1]]"),
        (np.column_stack([a, -a, 2 * a, b, 5 * b]).T, 2, "the transpose of [a, -a, 2a, b, 5b]"),
    ]
    for A, expected, what in cases:
        _check_rank(
            rank,
            A,
            expected,
            what,
            "when a column has no usable pivot, move on to the next column but stay on the "
            "same row: pivots do not have to sit on the diagonal.",
        )
