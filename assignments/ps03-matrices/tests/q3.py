OK_FORMAT = False

import numpy as np
import scipy.linalg
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

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


@test_case(points=2, hidden=True)
def test_back_substitution_random(back_substitution):
    rng = np.random.default_rng(331)
    for n in [1, 4, 10, 25]:
        U_true, U_given = _upper(rng, n)
        b = rng.normal(size=n) * 5
        U_copy, b_copy = U_given.copy(), b.copy()
        # the expected value comes before the call: an answer that changes b in place must
        # not change it (the student gets the originals, so that the check below can work)
        expected = scipy.linalg.solve_triangular(U_true, b_copy)
        x = forbid_calls(FORBIDDEN, back_substitution, U_given, b)
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
    x = call(back_substitution, U.copy(), b.copy())
    assert_close(
        x,
        scipy.linalg.solve_triangular(U.astype(float), b.astype(float)),
        rtol=1e-9,
        atol=1e-12,
        what="back_substitution with integer U and b",
        hint="the solution is not an integer vector: make x a float array "
        "(np.zeros(n), not np.zeros_like(b)).",
    )


@test_case(points=1, hidden=True)
def test_back_substitution_singular(back_substitution):
    U = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 1.0], [0.0, 0.0, 2.0]])
    b = np.array([1.0, 1.0, 2.0])
    _expect_value_error(back_substitution, U, b)
