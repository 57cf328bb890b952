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


@test_case(points=2, hidden=True)
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
