# q1: eig2x2. Clauses, with the hidden case that checks each and the wrong variant that breaks
# it alone:
# - both roots of t^2 - trace t + det, in any order, for real eigenvalues at scales 1e-2 to
#   1e3: test_random_real_eigenvalues; variants "a d + b c", "trace^2 - det", "t^2 + trace t".
# - a complex-conjugate pair when the discriminant is negative: test_random_complex_eigenvalues;
#   variant "real square root gives NaN".
# - a repeated eigenvalue appears twice; triangular matrices: test_repeated_and_triangular.
# - integer matrices, including entries near 5e9 whose products overflow int64:
#   test_integer_matrices; variant "no float conversion".
# - a float or a complex array is accepted (lists too): correct variants "cmath, a list",
#   "always complex".
# - eig, eigvals, eigh, eigvalsh, roots forbidden: forbid_calls in every hidden case; variant
#   "calls np.linalg.eigvals".

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, call, forbid_calls, to_array

name = "q1"
points = 6

FORBIDDEN = [
    "numpy.linalg.eig",
    "numpy.linalg.eigvals",
    "numpy.linalg.eigh",
    "numpy.linalg.eigvalsh",
    "numpy.roots",
    "scipy.linalg.eig",
    "scipy.linalg.eigvals",
]


def check_eigenvalues(found, expected, what, hint, reveal=False, atol=1e-9):
    """Compare two eigenvalues in any order, real and imaginary parts separately."""
    what = what if "eig2x2" in what else f"eig2x2: {what}"
    values = to_array(found, what, dtype=complex)
    if values.shape != (2,):
        raise AssertionError(
            f"{what} should be an array of 2 eigenvalues (shape (2,)), found shape {values.shape}."
        )
    expected = np.asarray(expected, dtype=complex)
    if np.all(np.isfinite(values)):
        swapped = values[::-1]
        if np.max(np.abs(swapped - expected)) < np.max(np.abs(values - expected)):
            values = swapped
    scale = max(1.0, float(np.max(np.abs(expected))))
    assert_close(
        np.stack([values.real, values.imag]),
        np.stack([expected.real, expected.imag]),
        rtol=1e-7,
        atol=atol * scale,
        what=what + " (real and imaginary parts, in either order)",
        hint=hint,
        reveal=reveal,
    )


@test_case(points=1, hidden=False)
def test_real_example(eig2x2):
    A = np.array([[4.0, 1.0], [2.0, 3.0]])
    found = call(eig2x2, A)
    check_eigenvalues(
        found,
        [5.0, 2.0],
        "eig2x2([[4, 1], [2, 3]])",
        "trace = 7 and det = 10, so the roots of t^2 - 7t + 10 are 5 and 2.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_rotation_example(eig2x2):
    A = np.array([[0.0, -1.0], [1.0, 0.0]])
    found = call(eig2x2, A)
    check_eigenvalues(
        found,
        [1j, -1j],
        "eig2x2 of the 90-degree rotation [[0, -1], [1, 0]]",
        "the discriminant trace^2 - 4 det is -4 < 0: the eigenvalues are the complex pair "
        "(trace +- i sqrt(4 det - trace^2)) / 2 (use complex numbers, e.g. np.emath.sqrt).",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_real_eigenvalues(eig2x2):
    rng = np.random.default_rng(101)
    for trial in range(12):
        scale = [1.0, 1e3, 1e-2][trial % 3]
        if trial % 2 == 0:
            B = rng.normal(size=(2, 2))
            A = scale * (B + B.T)
        else:
            lam = rng.uniform(-5, 5, size=2)
            P = rng.normal(size=(2, 2)) + 2 * np.eye(2)
            A = scale * (P @ np.diag(lam) @ np.linalg.inv(P))
        expected = np.linalg.eigvals(A)
        found = forbid_calls(FORBIDDEN, eig2x2, A)
        check_eigenvalues(
            found,
            expected,
            "the eigenvalues of a random 2x2 matrix with real eigenvalues",
            "solve det(A - t I) = t^2 - trace(A) t + det(A) = 0 with the quadratic formula; "
            "det(A) = a d - b c.",
        )


@test_case(points=1, hidden=True)
def test_random_complex_eigenvalues(eig2x2):
    rng = np.random.default_rng(102)
    for trial in range(10):
        a, b = rng.normal(size=2) * [3, 2]
        P = rng.normal(size=(2, 2)) + 2 * np.eye(2)
        A = P @ np.array([[a, -b], [b, a]]) @ np.linalg.inv(P)
        if trial % 3 == 0:
            A = A * 1e3
        expected = np.linalg.eigvals(A)
        found = forbid_calls(FORBIDDEN, eig2x2, A)
        check_eigenvalues(
            found,
            expected,
            "the eigenvalues of a random 2x2 matrix with a negative discriminant",
            "when trace^2 - 4 det < 0 the eigenvalues are (trace +- i sqrt(4 det - trace^2)) / 2: "
            "a complex-conjugate pair, not NaN and not two real numbers.",
        )


@test_case(points=1, hidden=True)
def test_repeated_and_triangular(eig2x2):
    rng = np.random.default_rng(103)
    cases = []
    for _ in range(3):
        a, b, c = rng.normal(size=3) * 4
        cases.append((np.array([[a, b], [0.0, a]]), [a, a]))
        cases.append((a * np.eye(2), [a, a]))
        cases.append((np.array([[a, 0.0], [b, c]]), [a, c]))
    for A, expected in cases:
        found = forbid_calls(FORBIDDEN, eig2x2, A)
        check_eigenvalues(
            found,
            expected,
            "the eigenvalues of a triangular 2x2 matrix (possibly a repeated eigenvalue)",
            "for a triangular matrix the eigenvalues are the diagonal entries; a zero "
            "discriminant gives the same eigenvalue twice.",
            atol=1e-6,  # a double root moves by sqrt(rounding error): about 1e-8
        )


@test_case(points=1, hidden=True)
def test_integer_matrices(eig2x2):
    rng = np.random.default_rng(104)
    cases = [np.array([[5_000_000_000, 1_000_000_000], [2_000_000_000, 3_000_000_000]])]
    for _ in range(4):  # symmetric, so the eigenvalues are real: only the dtype is tested
        B = rng.integers(-9, 10, size=(2, 2))
        cases.append(B + B.T)
    for A in cases:
        expected = np.linalg.eigvals(A.astype(float))
        size = "entries near 5e9" if np.abs(A).max() > 1e9 else "small entries"
        found = forbid_calls(
            FORBIDDEN,
            eig2x2,
            A.copy(),
            what=f"an integer 2x2 matrix with {size}",
            hint="convert A to float first.",
        )
        check_eigenvalues(
            found,
            expected,
            f"the eigenvalues of an integer 2x2 matrix with {size}",
            "a d for integers near 5e9 is 1.5e19, beyond the int64 maximum 9.2e18, and numpy "
            "wraps around silently: convert A with np.asarray(A, dtype=float) first."
            if np.abs(A).max() > 1e9
            else "integer entries are real numbers too: the same formula applies (convert A "
            "to float first).",
        )
