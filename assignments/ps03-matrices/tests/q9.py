# q9: projection_matrix. Clauses, with the hidden case that checks each and the wrong variant
# that breaks it alone:
# - P = A (A^T A)^-1 A^T, an (m, m) matrix, for every m >= n: test_projection_matrix_random
#   (oracle Q Q^T from numpy's QR, computed first); variants "P = A A^T", "uses A A^T
#   inside (n x n)", "sum of the projections onto each column".
# - the properties P^2 = P, P^T = P, P A = A, A^T (v - P v) = 0:
#   test_projection_matrix_invariants (each paired with the oracle above, so a constant
#   answer cannot pass); variant "returns I - P".
# - one column and square invertible A (P = I), integer A: test_projection_matrix_special.
# - "any correct method" is allowed: correct variants with solve and with pinv.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call

name = "q9"
points = 6


def _oracle(A):
    Q, _ = np.linalg.qr(A)
    return Q @ Q.T


@test_case(points=1, hidden=False)
def test_projection_matrix_line(projection_matrix):
    A = np.array([[1.0], [1.0], [0.0]])
    P = assert_shape(call(projection_matrix, A.copy()), (3, 3), what="projection_matrix of a 3x1 A")
    assert_close(
        P,
        [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 0.0]],
        what="projection_matrix([[1], [1], [0]])",
        hint="for one column a, P = a a^T / (a^T a).",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_projection_matrix_plane(projection_matrix):
    A = np.array([[2.0, 0.0], [0.0, 3.0], [0.0, 0.0]])
    P = call(projection_matrix, A.copy())
    assert_close(
        P,
        np.diag([1.0, 1.0, 0.0]),
        atol=1e-12,
        what="projection_matrix([[2, 0], [0, 3], [0, 0]])",
        hint="P = A (A^T A)^{-1} A^T: the scale of the columns does not matter.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_projection_matrix_random(projection_matrix):
    rng = np.random.default_rng(391)
    for m, n in [(4, 2), (10, 3), (6, 5), (20, 1), (8, 4)]:
        A = rng.normal(size=(m, n)) * rng.uniform(0.5, 4.0, size=n)
        expected = _oracle(A)
        P = assert_shape(
            call(projection_matrix, A.copy(), what=f"a random {m}x{n} A"),
            (m, m),
            what=f"projection_matrix of a {m}x{n} A",
        )
        assert_close(
            P,
            expected,
            rtol=1e-8,
            atol=1e-9,
            what=f"projection_matrix of a random {m}x{n} A",
            hint="P = A (A^T A)^{-1} A^T, an m x m matrix; with A^T A (n x n), not A A^T.",
        )


@test_case(points=1, hidden=True)
def test_projection_matrix_invariants(projection_matrix):
    rng = np.random.default_rng(392)
    for m, n in [(7, 3), (5, 2)]:
        A = rng.normal(size=(m, n))
        P = assert_shape(
            call(projection_matrix, A.copy()), (m, m), what=f"projection_matrix of a {m}x{n} A"
        )
        hint = "a projection onto the column space is symmetric, idempotent and fixes A."
        assert_close(
            P @ P,
            P,
            rtol=0,
            atol=1e-9,
            what=f"projection_matrix: P @ P for a {m}x{n} A (should be P)",
            hint=hint,
        )
        assert_close(
            P.T,
            P,
            rtol=0,
            atol=1e-9,
            what=f"projection_matrix: P.T for a {m}x{n} A (should be P)",
            hint=hint,
        )
        assert_close(
            P @ A,
            A,
            rtol=0,
            atol=1e-9,
            what=f"projection_matrix: P @ A for a {m}x{n} A (should be A)",
            hint="vectors already in the column space must not move.",
        )
        v = rng.normal(size=m)
        assert_close(
            A.T @ (v - P @ v),
            np.zeros(n),
            rtol=0,
            atol=1e-9,
            what="projection_matrix: A.T @ (v - P v) (the residual must be orthogonal to every "
            "column)",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_projection_matrix_special(projection_matrix):
    A = np.array([[1, 0], [1, 1], [0, 2], [3, 1]])
    expected = _oracle(A.astype(float))
    assert_close(
        call(projection_matrix, A.copy(), what="an integer 4x2 A"),
        expected,
        rtol=1e-9,
        atol=1e-12,
        what="projection_matrix of an integer 4x2 A",
        hint="with an integer A, convert it to float first (in-place updates and integer "
        "division truncate).",
    )
    rng = np.random.default_rng(393)
    a = rng.normal(size=(6, 1)) * 7
    assert_close(
        call(projection_matrix, a.copy()),
        a @ a.T / (a.T @ a),
        rtol=1e-9,
        atol=1e-12,
        what="projection_matrix of a single column",
        hint="with one column, P = a a^T / (a . a): do not forget the denominator.",
    )
    B = rng.normal(size=(4, 4)) + 2 * np.eye(4)
    assert_close(
        call(projection_matrix, B.copy()),
        np.eye(4),
        rtol=0,
        atol=1e-9,
        what="projection_matrix of an invertible 4x4 matrix",
        hint="the columns of an invertible matrix span everything, so P = I.",
    )
