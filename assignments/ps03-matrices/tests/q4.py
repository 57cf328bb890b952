# q4: gaussian_solve. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - solves A x = b, shape (n,), every size, entries of size 1e-30 to 1e30:
#   test_gaussian_solve_random; variant "absolute singularity test |pivot| < 1e-12".
# - pivot row = the p >= k with the largest |A[p, k]| (offset k), A and b swapped together:
#   test_gaussian_solve_zero_pivots (zero pivots at steps 1 and 2) and
#   test_gaussian_solve_needs_pivoting_for_accuracy (pivots of 1e-20, 1e-17, 1e-15 that
#   only the largest-|pivot| rule avoids); variants "no pivoting", "swaps only when the
#   pivot is exactly 0", "argmax without the offset k", "largest entry of row k",
#   "forgets to swap b".
# - ValueError when the best pivot is at most 1e-12 max|A|: test_gaussian_solve_singular
#   (rank-deficient, zero and scaled singular matrices); variants "tests pivot == 0",
#   "raises ZeroDivisionError".
# - the threshold, at its boundary: a 2e-9 max|A| pivot is used, a pivot equal to
#   1e-12 max|A| raises, and max|A| is over the ORIGINAL A: test_gaussian_solve_pivot_threshold;
#   variants "threshold 1e-8 max|A|", "strict < at the threshold", "threshold from the
#   block left after elimination".
# - integer A and b, float result: test_gaussian_solve_integer_input; variant "np.asarray
#   without dtype=float" (its hint comes only when the float copy of the system is solved).
# - A and b are not modified: every hidden case (_solve_and_check computes the expected value
#   first and compares the inputs bit for bit after the call); variant "np.asarray without
#   dtype=float" (works on the caller's float arrays).
# - solve, inv, lstsq, pinv, qr, lu... forbidden: forbid_calls in every hidden solve; variant
#   "calls np.linalg.solve".
# Hints follow the evidence: _diagnosis runs two probe systems (one needing no swap, one
# needing swaps) before blaming the elimination, the swaps or the case's own subject.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q4"
points = 10

FORBIDDEN = [
    "numpy.linalg.solve",
    "numpy.linalg.inv",
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "numpy.linalg.qr",
    "scipy.linalg.solve",
    "scipy.linalg.inv",
    "scipy.linalg.lstsq",
    "scipy.linalg.lu",
    "scipy.linalg.lu_factor",
    "scipy.linalg.lu_solve",
    "scipy.linalg.solve_triangular",
]


def _check_raises(gaussian_solve, A, b, what, hint=""):
    try:
        result = gaussian_solve(A, b)
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"gaussian_solve raised {type(error).__name__} ({error}) on {what}; the "
            "convention is to raise ValueError when no pivot larger than "
            "1e-12 * max|A| is left in a column."
        ) from None
    if result is None:
        raise AssertionError("gaussian_solve returned None: is it still a stub?")
    raise AssertionError(
        f"gaussian_solve returned a result for {what}, which the prompt calls singular: raise "
        "ValueError when the largest candidate pivot is at most 1e-12 * max|A|. "
        + (
            hint
            or "(a relative test: rounding leaves tiny nonzero pivots, so `pivot == 0` "
            "is not enough)."
        )
    )


# Two probe systems tell the mistakes apart before a hint is chosen. Both are strictly
# diagonally dominant by columns, so elimination needs no row swap on the first and a swap
# at every step on the second (its rows are the first's, rotated).
_PROBE = np.array([[4.0, 1.0, 0.5], [1.0, 5.0, 1.0], [-1.0, 2.0, 6.0]])
_PROBE_B = np.array([1.0, -2.0, 3.0])


def _solves(gaussian_solve, A, b):
    expected = np.linalg.solve(A, b)
    try:
        x = gaussian_solve(A.copy(), b.copy())
        return x is not None and np.allclose(np.asarray(x, dtype=float), expected, rtol=1e-9)
    except Exception:
        return False


def _diagnosis(gaussian_solve, case_hint):
    """The hint that fits the evidence: no-swap probe, swap probe, then the case's own."""
    if not _solves(gaussian_solve, _PROBE, _PROBE_B):
        return (
            "Even a 3x3 system whose diagonal entries are already the largest in their "
            "columns (so partial pivoting swaps nothing) is not solved correctly: check that "
            "the pivot row is p = k + argmax(|A[k:, k]|) (here p = k), the elimination update "
            "row_i -= (A[i, k] / A[k, k]) row_k (on A and on b), and the back substitution."
        )
    rotated = [2, 0, 1]
    if not _solves(gaussian_solve, _PROBE[rotated], _PROBE_B[rotated]):
        return (
            "Systems that need no row swap are solved, but one that needs swaps is not: at "
            "step k take p = k + argmax(|A[k:, k]|) (mind the offset k) and swap rows k and p "
            "of A and of b together."
        )
    return case_hint


def _solve_and_check(gaussian_solve, A, b, what, rtol=1e-8, hint=""):
    A_copy, b_copy = A.copy(), b.copy()
    # the expected value comes before the call: an answer that changes A or b in place must
    # not change it (the student gets the originals, so that the check below can work)
    expected = np.linalg.solve(A_copy.astype(float), b_copy.astype(float))
    try:
        x = forbid_calls(FORBIDDEN, gaussian_solve, A, b, what=what)
        x = assert_shape(x, b_copy.shape, what=f"gaussian_solve: the solution of {what}")
        assert_close(
            x, expected, rtol=rtol, atol=rtol, what=f"gaussian_solve: the solution of {what}"
        )
    except AssertionError as failure:
        if "your code called" in str(failure):
            raise
        raise AssertionError(f"{failure} {_diagnosis(gaussian_solve, hint)}") from None
    if not (np.array_equal(A_copy, A) and np.array_equal(b_copy, b)):
        raise AssertionError(
            "gaussian_solve changed its input A or b in place: start from copies, e.g. "
            "A = np.array(A, dtype=float)."
        )


@test_case(points=1, hidden=False)
def test_gaussian_solve_small(gaussian_solve):
    A = np.array([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]])
    b = np.array([8.0, -11.0, -3.0])
    x = call(gaussian_solve, A, b)
    assert_shape(x, (3,), what="gaussian_solve of a 3x3 system")
    assert_close(
        x,
        [2.0, 3.0, -1.0],
        rtol=1e-10,
        what="gaussian_solve on the worked example of the notebook",
        hint="eliminate below each pivot, then back-substitute.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_gaussian_solve_singular_public(gaussian_solve):
    _check_raises(
        gaussian_solve,
        np.array([[1.0, 2.0], [2.0, 4.0]]),
        np.array([1.0, 2.0]),
        "A = [[1, 2], [2, 4]]",
    )


@test_case(points=1, hidden=False)
def test_gaussian_solve_zero_pivot_public(gaussian_solve):
    x = call(gaussian_solve, np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([3.0, 4.0]))
    assert_close(
        x,
        [4.0, 3.0],
        what="gaussian_solve([[0, 1], [1, 0]], [3, 4])",
        hint="A[0, 0] is 0: swap in the row with the largest |entry| in the column (and "
        "swap b too) before eliminating.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_gaussian_solve_random(gaussian_solve):
    rng = np.random.default_rng(341)
    for n, scale in [(1, 1.0), (3, 1.0), (8, 1.0), (30, 1.0), (6, 1e-30), (6, 1e30)]:
        A = (rng.normal(size=(n, n)) + 2 * np.eye(n)) * scale
        b = rng.normal(size=n) * scale
        _solve_and_check(
            gaussian_solve,
            A,
            b,
            f"a random {n}x{n} system with entries of size {scale:g}",
            hint="check the elimination update and that the singularity test is relative "
            "to max|A| (a matrix of tiny entries is not singular).",
        )


@test_case(points=1, hidden=True)
def test_gaussian_solve_zero_pivots(gaussian_solve):
    rng = np.random.default_rng(342)
    cases = [
        np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 1.0, 0.0]]),
        np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 2.0], [1.0, 2.0, 2.0]]),  # zero pivot at step 2
        np.eye(5)[[3, 0, 4, 1, 2]] * np.arange(1.0, 6.0),
    ]
    for A in cases:
        n = A.shape[0]
        b = rng.normal(size=n)
        _solve_and_check(
            gaussian_solve,
            A,
            b,
            f"a {n}x{n} system with a zero on the pivot position",
            hint="at step k, choose the row p >= k with the largest |A[p, k]| and swap rows "
            "k and p of A and of b (remember the offset k in argmax of A[k:, k]).",
        )


@test_case(points=2, hidden=True)
def test_gaussian_solve_needs_pivoting_for_accuracy(gaussian_solve):
    rng = np.random.default_rng(343)
    A = np.array([[1e-20, 1.0], [1.0, 1.0]])
    b = np.array([1.0, 2.0])
    hint = (
        "a tiny pivot makes the multipliers huge and wipes out the other rows: partial "
        "pivoting always uses the largest |entry| of the column below the diagonal."
    )
    _solve_and_check(gaussian_solve, A, b, "[[1e-20, 1], [1, 1]] x = [1, 2]", rtol=1e-10, hint=hint)
    for n in [4, 9]:
        A = rng.normal(size=(n, n)) + 2 * np.eye(n)
        A[0, 0] = 1e-17
        A[1, 1] = -1e-15
        b = rng.normal(size=n)
        _solve_and_check(
            gaussian_solve,
            A,
            b,
            f"a {n}x{n} system with tiny diagonal entries",
            rtol=1e-8,
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_gaussian_solve_integer_input(gaussian_solve):
    A = np.array([[3, 1, 2], [6, 3, 4], [3, 1, 5]])
    b = np.array([0, 1, 3])
    if _solves(gaussian_solve, A.astype(float), b.astype(float)):
        hint = (
            "the same system given as floats is solved correctly: with integer arrays, "
            "in-place updates truncate the fractions. Convert A and b to float first "
            "(np.array(A, dtype=float))."
        )
    else:
        hint = "the same system given as floats is not solved either: see the other cases."
    _solve_and_check(gaussian_solve, A, b, "an integer 3x3 system", rtol=1e-10, hint=hint)


@test_case(points=1, hidden=True)
def test_gaussian_solve_pivot_threshold(gaussian_solve):
    rng = np.random.default_rng(345)
    # a column whose best pivot is 2e-9 * max|A|: above the threshold, so it must be used
    B = rng.normal(size=(4, 4)) + 3 * np.eye(4)
    A = B * np.array([1e-9, 1.0, 1.0, 1.0])
    A[:, 0] = np.array([1.0, 2.0, -1.5, 0.5]) * 1e-9
    _solve_and_check(
        gaussian_solve,
        A,
        rng.normal(size=4),
        "a 4x4 system whose first column has entries of size 1e-9 (max|A| about 4)",
        rtol=1e-8,
        hint="a pivot of 2e-9 * max|A| is small but above 1e-12 * max|A|: it is a valid "
        "pivot. Raise only when |pivot| <= 1e-12 * max|A|.",
    )
    # exactly at the threshold: "at most" counts it as zero
    _check_raises(
        gaussian_solve,
        np.array([[1e-12, 0.0], [0.0, 1.0]]),
        np.array([1.0, 1.0]),
        "diag(1e-12, 1), whose first pivot equals 1e-12 * max|A| exactly",
        hint="the rule is |pivot| <= 1e-12 * max|A| (at most, not strictly less).",
    )
    # the maximum is over the ORIGINAL A, not over what is left after elimination
    _check_raises(
        gaussian_solve,
        np.array([[1e6, 0.0], [0.0, 1e-7]]),
        np.array([1.0, 1.0]),
        "diag(1e6, 1e-7), whose second pivot 1e-7 is below 1e-12 * max|A| = 1e-6",
        hint="compute the threshold 1e-12 * max|A| once, from the original A, before "
        "eliminating (not from the rows or the block that are left).",
    )


@test_case(points=1, hidden=True)
def test_gaussian_solve_singular(gaussian_solve):
    rng = np.random.default_rng(344)
    low_rank = rng.normal(size=(6, 4)) @ rng.normal(size=(4, 6))
    cases = [
        (
            np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]),
            "[[1,2,3],[4,5,6],[7,8,9]]",
        ),
        (low_rank, "a 6x6 matrix of rank 4"),
        (np.zeros((3, 3)), "the 3x3 zero matrix"),
        (np.array([[2.0, 4.0], [1.0, 2.0]]) * 1e8, "a scaled 2x2 singular matrix"),
    ]
    for A, what in cases:
        _check_raises(gaussian_solve, A, rng.normal(size=A.shape[0]), what)
