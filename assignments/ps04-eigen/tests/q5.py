# q5: matrix_power_eig. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - V diag(lam^k) V^-1 for a non-symmetric A (V^-1, not V^T, in this order):
#   test_non_symmetric_integer_powers; variants "V.T for V^-1", "V^-1 diag V", "lam * k".
# - complex eigenvalues, and a REAL float array returned: test_complex_eigenvalues (and the
#   dtype check in check_power everywhere); variants "drops the imaginary parts first",
#   "forgets np.real".
# - k = 0 gives I also for a singular A; negative k for invertible A:
#   test_zero_and_negative_powers; variants "exp(k log lam)", "repeated multiplication".
# - fractional k for positive eigenvalues, Fibonacci to the power 40: test_fractional_powers.
# - matrix_power, fractional_matrix_power forbidden: forbid_calls in every hidden case.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls

name = "q5"
points = 6

FORBIDDEN = ["numpy.linalg.matrix_power", "scipy.linalg.fractional_matrix_power"]


def diagonalizable(lams, rng, blocks=()):
    """P B P^-1 with B block diagonal: real eigenvalues lams and 2x2 blocks [[a, -b], [b, a]]."""
    n = len(lams) + 2 * len(blocks)
    B = np.zeros((n, n))
    B[: len(lams), : len(lams)] = np.diag(lams)
    for i, (a, b) in enumerate(blocks):
        j = len(lams) + 2 * i
        B[j : j + 2, j : j + 2] = [[a, -b], [b, a]]
    P = np.eye(n) + 0.4 * rng.normal(size=(n, n)) / np.sqrt(n)
    return P, B, P @ B @ np.linalg.inv(P)


def check_power(found, expected, what, hint, reveal=False):
    what = what if "matrix_power_eig" in what else f"matrix_power_eig: {what}"
    kind = np.asarray(found).dtype.kind
    if kind == "c":
        raise AssertionError(
            f"{what} is a complex array; the prompt asks for a real array: keep the real part "
            "of the final product, np.real(V @ np.diag(lam**k) @ np.linalg.inv(V))."
        )
    scale = max(1.0, float(np.max(np.abs(expected))))
    assert_close(found, expected, rtol=1e-7, atol=1e-9 * scale, what=what, hint=hint, reveal=reveal)


@test_case(points=2, hidden=False)
def test_small_example(matrix_power_eig):
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    check_power(
        call(matrix_power_eig, A.copy(), 3),
        [[14.0, 13.0], [13.0, 14.0]],
        "matrix_power_eig([[2, 1], [1, 2]], 3)",
        "A = V diag(3, 1) V^-1, so A^3 = V diag(27, 1) V^-1.",
        reveal=True,
    )
    check_power(
        call(matrix_power_eig, A.copy(), 0),
        np.eye(2),
        "matrix_power_eig(A, 0)",
        "A^0 is the identity: lam^0 = 1 for every eigenvalue.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_non_symmetric_integer_powers(matrix_power_eig):
    rng = np.random.default_rng(501)
    for n in [2, 4, 6]:
        _, _, A = diagonalizable(rng.uniform(-2, 2, size=n), rng)
        for k in [1, 2, 5]:
            check_power(
                forbid_calls(FORBIDDEN, matrix_power_eig, A.copy(), k),
                np.linalg.matrix_power(A, k),
                f"A^{k} for a non-symmetric {n}x{n} matrix",
                "for a non-symmetric A the eigenvectors are not orthogonal: use "
                "np.linalg.inv(V), not V.T, and the order V diag(lam**k) V^-1.",
            )


@test_case(points=1, hidden=True)
def test_complex_eigenvalues(matrix_power_eig):
    rng = np.random.default_rng(502)
    for lams, blocks in [
        ([], [(0.6, 0.9)]),
        ([1.1, -0.5], [(0.3, 1.2)]),
        ([0.7], [(1, 1), (0, 1)]),
    ]:
        _, _, A = diagonalizable(lams, rng, blocks)
        for k in [3, 8]:
            check_power(
                forbid_calls(FORBIDDEN, matrix_power_eig, A.copy(), k),
                np.linalg.matrix_power(A, k),
                f"A^{k} for a real matrix with complex eigenvalues",
                "keep the eigenvalues complex while you raise them to the power k and "
                "multiply; take np.real only of the final matrix.",
            )


@test_case(points=1, hidden=True)
def test_zero_and_negative_powers(matrix_power_eig):
    rng = np.random.default_rng(503)
    # k = 0 gives I for every diagonalizable A, also a singular one (0**0 = 1); this
    # triangular A has the eigenvalues 2, 0, -1, and eig returns the 0 exactly
    singular = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, -1.0]])
    for k, expected in [(0, np.eye(3)), (2, singular @ singular)]:
        found = forbid_calls(
            FORBIDDEN, matrix_power_eig, singular.copy(), k, what="a singular 3x3 matrix"
        )
        hint = "A^0 = I for every A (lam**0 = 1 also for lam = 0), and positive powers need no "
        hint += "inverse of A either: only negative powers need an invertible A."
        with np.errstate(invalid="ignore"):
            if np.isnan(np.asarray(found, dtype=complex)).any():
                hint += " Your result has NaN: exp(k log(lam)) is NaN for lam = 0; use lam**k."
        check_power(found, expected, f"A^{k} for a singular (but diagonalizable) 3x3 matrix", hint)
    for n in [2, 3, 5]:
        lams = rng.uniform(0.5, 2, size=n) * rng.choice([-1, 1], size=n)
        _, _, A = diagonalizable(lams, rng)
        for k in [-1, -3]:
            check_power(
                forbid_calls(FORBIDDEN, matrix_power_eig, A.copy(), k),
                np.linalg.matrix_power(np.linalg.inv(A), -k),
                f"A^{k} for an invertible {n}x{n} matrix",
                "A^-1 = V diag(1/lam) V^-1: the same formula with a negative k.",
            )


@test_case(points=1, hidden=True)
def test_fractional_powers(matrix_power_eig):
    rng = np.random.default_rng(504)
    for n in [2, 4]:
        lams = rng.uniform(0.5, 4, size=n)
        P, B, A = diagonalizable(lams, rng)
        for k in [0.5, 1 / 3, 2.5]:
            expected = P @ np.diag(lams**k) @ np.linalg.inv(P)
            check_power(
                forbid_calls(FORBIDDEN, matrix_power_eig, A.copy(), k),
                expected,
                f"A^{k:.3g} for a matrix with positive eigenvalues",
                "with the eigendecomposition, any power works: raise each eigenvalue to "
                "the power k (repeated multiplication only handles whole numbers).",
            )
    F = np.array([[1.0, 1.0], [1.0, 0.0]])
    fib = [0, 1]
    for _ in range(40):
        fib.append(fib[-1] + fib[-2])
    check_power(
        forbid_calls(FORBIDDEN, matrix_power_eig, F.copy(), 40),
        [[fib[41], fib[40]], [fib[40], fib[39]]],
        "the Fibonacci matrix [[1, 1], [1, 0]] to the power 40",
        "A^k = V diag(lam**k) V^-1.",
    )
