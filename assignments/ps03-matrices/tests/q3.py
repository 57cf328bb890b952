# q3: back_substitution. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - x_i = (b_i - sum_{j>i} U_ij x_j) / U_ii from the bottom up, every size:
#   test_back_substitution_random; variants "loops forward", "forgets to divide by U[i, i]".
# - only the upper triangle is read (garbage below the diagonal): test_back_substitution_random
#   (its U carries noise of size 100 below the diagonal); variant "uses U[i+1:, i] (below
#   the diagonal) for U[i, i+1:]".
# - a float array, also from integer U and b: test_back_substitution_integer_input; variant
#   "x = np.zeros_like(b)".
# - ValueError when a diagonal entry is exactly 0: test_back_substitution_singular; variant
#   "no check of the diagonal".
# - exactly 0 only, a 1e-13 diagonal entry is solved: test_back_substitution_tiny_diagonal;
#   variant "raises when |U[i, i]| < 1e-10".
# - U and b are not modified: test_back_substitution_random (expected value computed first,
#   inputs compared bit for bit afterwards); variant "updates b in place".
# - solve, solve_triangular, inv, lstsq, pinv forbidden: forbid_calls in the random case.

OK_FORMAT = False

import numpy as np
import scipy.linalg
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls, to_array

name = "q3"
points = 6

FORBIDDEN = [
    "numpy.linalg.solve",
    "numpy.linalg.inv",
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "scipy.linalg.solve",
    "scipy.linalg.solve_triangular",
    "scipy.linalg.inv",
    "scipy.linalg.lstsq",
]


def _upper(rng, n):
    """A well-conditioned upper triangular matrix with noise below the diagonal."""
    U = np.triu(rng.normal(size=(n, n)))
    U[np.diag_indices(n)] = rng.choice([-1, 1], size=n) * rng.uniform(1, 3, size=n)
    noise = np.tril(rng.normal(size=(n, n)) * 100, k=-1)  # must be ignored
    return np.triu(U), U + noise


def _fail(message):
    raise AssertionError(message)


def _expect_value_error(back_substitution, U, b):
    try:
        result = back_substitution(U, b)
    except ValueError:
        return
    except Exception as exc:
        message = (
            f"back_substitution raised {type(exc).__name__} ({exc}) for a zero on the "
            "diagonal; the convention is to raise ValueError: check U[i, i] == 0 first."
        )
        raise AssertionError(message) from None
    if result is None:
        _fail("back_substitution returned None: is it still a stub?")
    _fail(
        "back_substitution returned a result for an upper triangular U with a zero on the "
        "diagonal: such a system has no unique solution, so raise ValueError."
    )


@test_case(points=1, hidden=False)
def test_back_substitution_2x2(back_substitution):
    x = call(back_substitution, np.array([[2.0, 1.0], [0.0, 4.0]]), np.array([5.0, 8.0]))
    assert_close(
        x,
        [1.5, 2.0],
        what="back_substitution([[2, 1], [0, 4]], [5, 8])",
        hint="solve the last equation first: 4 x1 = 8, then 2 x0 + x1 = 5.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_back_substitution_3x3(back_substitution):
    U = np.array([[1.0, 2.0, -1.0], [0.0, 3.0, 1.0], [0.0, 0.0, -2.0]])
    b = np.array([2.0, 7.0, -4.0])
    x = call(back_substitution, U, b)
    assert_shape(x, (3,), what="back_substitution of a 3x3 system")
    assert_close(
        x,
        [2.0 / 3.0, 5.0 / 3.0, 2.0],
        what="back_substitution(U, b) for the 3x3 example of the notebook",
        hint="x[i] = (b[i] - sum_{j>i} U[i, j] x[j]) / U[i, i], for i from n-1 down to 0.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_back_substitution_random(back_substitution):
    rng = np.random.default_rng(331)
    for n in [1, 4, 10, 25]:
        U_true, U_given = _upper(rng, n)
        b = rng.normal(size=n) * 5
        U_copy, b_copy = U_given.copy(), b.copy()
        # the expected value comes before the call: an answer that changes b in place must
        # not change it (the student gets the originals, so that the check below can work)
        expected = scipy.linalg.solve_triangular(U_true, b_copy)
        x = forbid_calls(
            FORBIDDEN,
            back_substitution,
            U_given,
            b,
            what=f"a random {n}x{n} upper triangular system",
        )
        assert_close(
            x,
            expected,
            rtol=1e-9,
            atol=1e-10,
            what=f"back_substitution on a random {n}x{n} upper triangular system",
            hint="loop i from n-1 down to 0 and use only U[i, i:] (the entries below the "
            "diagonal are not part of U and may hold anything).",
        )
        if not (np.array_equal(U_copy, U_given) and np.array_equal(b_copy, b)):
            _fail("back_substitution changed its input U or b in place: work on copies.")


@test_case(points=1, hidden=True)
def test_back_substitution_integer_input(back_substitution):
    rng = np.random.default_rng(332)
    n = 5
    U = np.triu(rng.integers(-4, 5, size=(n, n)))
    U[np.diag_indices(n)] = rng.choice([-3, -2, 2, 3], size=n)
    b = rng.integers(-9, 10, size=n)
    expected = scipy.linalg.solve_triangular(U.astype(float), b.astype(float))
    what = "integer U and b"
    x = call(back_substitution, U.copy(), b.copy(), what=what)
    try:
        assert_close(x, expected, rtol=1e-9, atol=1e-12, what=f"back_substitution with {what}")
    except AssertionError as failure:
        # the same system as floats tells a dtype slip from a wrong algorithm
        x_float = call(back_substitution, U.astype(float), b.astype(float), what=what)
        if np.allclose(to_array(x_float, what="x"), expected, rtol=1e-9, atol=1e-12):
            hint = (
                "the same system given as floats is solved correctly: with integer inputs "
                "your x is an integer array and the fractions are truncated. Make x a float "
                "array (np.zeros(n), not np.zeros_like(b))."
            )
        else:
            hint = "the same system given as floats is not solved either: see the other cases."
        raise AssertionError(f"{failure} {hint}") from None
    if np.asarray(x).dtype.kind != "f":
        raise AssertionError(
            f"back_substitution with integer inputs returned dtype {np.asarray(x).dtype}: "
            "the prompt asks for a float array."
        )


@test_case(points=1, hidden=True)
def test_back_substitution_tiny_diagonal(back_substitution):
    # "exactly 0" is the only singular case: 1e-13 on the diagonal is a valid pivot
    U = np.array([[2.0, 1.0, 0.5], [0.0, 1e-13, 1.0], [0.0, 0.0, 4.0]])
    b = np.array([1.0, 2.0, 8.0])
    expected = scipy.linalg.solve_triangular(U, b)
    x = call(
        back_substitution,
        U.copy(),
        b.copy(),
        what="an upper triangular U with 1e-13 on its diagonal",
        hint="only an exactly zero diagonal entry makes U singular: test U[i, i] == 0, not "
        "a tolerance.",
    )
    assert_close(
        x,
        expected,
        rtol=1e-9,
        what="back_substitution with a diagonal entry of 1e-13 (tiny, not zero)",
        hint="only an exactly zero diagonal entry makes U singular: test U[i, i] == 0, not "
        "a tolerance.",
    )


@test_case(points=1, hidden=True)
def test_back_substitution_singular(back_substitution):
    U = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 1.0], [0.0, 0.0, 2.0]])
    b = np.array([1.0, 1.0, 2.0])
    _expect_value_error(back_substitution, U, b)
