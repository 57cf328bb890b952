# q5: rank. Clauses, with the hidden case that checks each and the wrong variant that breaks
# it alone:
# - the number of pivots of row reduction with partial pivoting, for every shape:
#   test_rank_random_low_rank; variant "counts the nonzero rows of A".
# - a pivot-less column keeps the row counter (pivots off the diagonal): test_rank_structured;
#   variant "walks the diagonal".
# - zero test relative to max|A| (rank unchanged by scaling A by 1e-12 or 1e12):
#   test_rank_scale_invariant; variants "absolute tolerance", "compares with exactly 0"
#   (test_rank_random_low_rank).
# - tol is honoured, "at most" includes equality, integer input:
#   test_rank_tol_boundary_and_integers;
#   variants "ignores tol (fixed 1e-10)", "strict < at the threshold", "row-reduces
#   np.array(A) without dtype=float".
# - the zero matrix has rank 0: public test_rank_small.
# - A is not modified: test_rank_random_low_rank; variant "row-reduces the caller's array".
# - matrix_rank, svd, qr, eig, det... forbidden: forbid_calls in every hidden case; variant
#   "calls np.linalg.matrix_rank".

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
    found = to_number(forbid_calls(FORBIDDEN, rank, A, what=what), what=f"rank of {what}")
    if found != expected:
        raise AssertionError(f"rank: the rank of {what} is off: found {found:g}. {hint}")


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


@test_case(points=1, hidden=True)
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


@test_case(points=1, hidden=True)
def test_rank_tol_boundary_and_integers(rank):
    # tol is honoured: the second pivot of A is 1e-5 * max|A|
    A = np.array([[1.0, 1.0], [1.0, 1.0 + 1e-5]])
    for tol, expected in [(1e-3, 1), (1e-7, 2)]:
        found = to_number(
            forbid_calls(
                FORBIDDEN, rank, A.copy(), tol, what=f"[[1, 1], [1, 1 + 1e-5]], tol={tol:g}"
            ),
            what=f"rank(A, tol={tol:g})",
        )
        if found != expected:
            raise AssertionError(
                f"rank([[1, 1], [1, 1 + 1e-5]], tol={tol:g}) should be {expected}, found "
                f"{found:g}: the second pivot is 1e-5 * max|A|. Use the tol argument you are "
                "given (not a fixed 1e-10)."
            )
    # "at most": a pivot equal to tol * max|A| counts as zero
    for d, expected in [(1e-10, 1), (2e-10, 2)]:
        found = to_number(
            forbid_calls(FORBIDDEN, rank, np.diag([1.0, d]), what=f"diag(1, {d:g})"),
            what=f"rank(diag(1, {d:g}))",
        )
        if found != expected:
            raise AssertionError(
                f"rank(diag(1, {d:g})) with the default tol=1e-10 should be {expected}, found "
                f"{found:g}: a candidate pivot counts as zero when |pivot| <= tol * max|A| "
                "(at most, so equal counts as zero)."
            )
    # integer matrices are row-reduced as floats
    for A, expected in [
        (np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 2),
        (np.array([[2, 1], [1, 3]]), 2),
    ]:
        found = to_number(
            call(
                rank,
                A.copy(),
                what="an integer matrix",
                hint="row-reduce a float copy: np.array(A, dtype=float).",
            ),
            what=f"rank of the integer matrix {A.tolist()}",
        )
        if found != expected:
            raise AssertionError(
                f"rank({A.tolist()}) should be {expected}, found {found:g}: with an integer "
                "array the in-place updates truncate; row-reduce np.array(A, dtype=float)."
            )
