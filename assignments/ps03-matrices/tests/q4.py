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


def _check_raises(gaussian_solve, A, b, what):
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
        f"gaussian_solve returned a result for {what}, which is singular: raise ValueError "
        "when the largest candidate pivot is at most 1e-12 * max|A| (a relative test: "
        "rounding leaves tiny nonzero pivots, so `pivot == 0` is not enough)."
    )


def _solve_and_check(gaussian_solve, A, b, what, rtol=1e-8, hint=""):
    A_copy, b_copy = A.copy(), b.copy()
    # the expected value comes before the call: an answer that changes A or b in place must
    # not change it (the student gets the originals, so that the check below can work)
    expected = np.linalg.solve(A_copy, b_copy)
    x = forbid_calls(FORBIDDEN, gaussian_solve, A, b)
    x = assert_shape(x, b_copy.shape, what=f"the solution of {what}")
    assert_close(x, expected, rtol=rtol, atol=rtol, what=f"the solution of {what}", hint=hint)
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


@test_case(points=2, hidden=True)
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
    _solve_and_check(
        gaussian_solve,
        A,
        b,
        "an integer 3x3 system",
        rtol=1e-10,
        hint="with integer arrays, in-place updates truncate: convert A and b to float first.",
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
