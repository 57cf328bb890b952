# q7: gram_schmidt. Clauses, with the hidden case that checks each and the wrong variant that
# breaks it alone:
# - Q (m, n) with orthonormal columns, R (n, n) upper triangular, A = QR:
#   test_gram_schmidt_random (Q compared with numpy's up to sign, and Q R = A); variants
#   "forgets to normalize", "projects onto a_i instead of q_i".
# - R has a positive diagonal: _check_factorization in every case; variant "Householder
#   without fixing the signs".
# - modified, not classical, Gram-Schmidt: loss of orthogonality <= 1e-5 for condition
#   numbers up to 1e10: test_gram_schmidt_ill_conditioned; variant "classical Gram-Schmidt".
# - integer input: test_gram_schmidt_integer_input (the dtype hint only when the float copy
#   works); every float-converting variant passes it.
# - A is not modified: test_gram_schmidt_random (oracle from a copy, bit-for-bit compare);
#   variant "modifies the columns of A in place".
# - qr, svd, cholesky, orth, polar forbidden: forbid_calls in the random and
#   ill-conditioned cases.

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import (
    assert_close,
    assert_close_up_to_sign,
    assert_shape,
    call,
    forbid_calls,
)

name = "q7"
points = 9

FORBIDDEN = [
    "numpy.linalg.qr",
    "numpy.linalg.svd",
    "numpy.linalg.cholesky",
    "scipy.linalg.qr",
    "scipy.linalg.orth",
    "scipy.linalg.svd",
    "scipy.linalg.cholesky",
    "scipy.linalg.polar",
]


def _unpack(result, m, n, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"gram_schmidt should return a pair (Q, R); for {what} it "
            f"returned {type(result).__name__}."
        )
    Q = assert_shape(result[0], (m, n), what=f"Q for {what}")
    R = assert_shape(result[1], (n, n), what=f"R for {what}")
    return Q, R


def _ill_conditioned(rng, m, n, decades):
    U, _ = np.linalg.qr(rng.normal(size=(m, n)))
    V, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return U @ np.diag(np.logspace(0, -decades, n)) @ V.T


def _check_factorization(A, Q, R, what):
    scale = np.max(np.abs(A))
    assert_close(
        Q @ R,
        A,
        rtol=0,
        atol=1e-10 * scale,
        what=f"gram_schmidt: Q @ R for {what}",
        hint="R[i, j] = q_i . (what is left of column j) and R[j, j] = the norm "
        "you divided by; then Q @ R rebuilds A.",
    )
    diagonal = np.diag(R)
    if not np.all(diagonal > 0):
        raise AssertionError(
            f"gram_schmidt: R for {what} should have a positive diagonal, found a diagonal "
            f"entry of {float(np.min(diagonal)):.3g}. R[j, j] is the norm you divide by (a "
            "reflection method must flip the signs of the matching column of Q and row of R)."
        )
    below = np.abs(np.tril(R, -1))
    if below.size and below.max() > 1e-8 * scale:
        raise AssertionError(
            f"gram_schmidt: R for {what} is not upper triangular (an entry below the "
            f"diagonal has size {below.max():.3g}). Only fill R[i, j] "
            "for i <= j."
        )


@test_case(points=1, hidden=False)
def test_gram_schmidt_shapes(gram_schmidt):
    A = np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 2.0]])
    Q, R = _unpack(call(gram_schmidt, A.copy()), 3, 2, "the 3x2 example")
    assert_close(
        Q[:, 0],
        [0.6, 0.8, 0.0],
        rtol=1e-10,
        what="gram_schmidt: the first column of Q",
        hint="q_1 = a_1 / ||a_1||, and ||(3, 4, 0)|| = 5.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_gram_schmidt_orthonormal_small(gram_schmidt):
    A = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    Q, R = _unpack(call(gram_schmidt, A.copy()), 4, 3, "the 4x3 example")
    assert_close(
        Q.T @ Q,
        np.eye(3),
        rtol=0,
        atol=1e-10,
        what="Q.T @ Q for the 4x3 example",
        hint="each q_j must be orthogonal to the previous ones and have norm 1.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_gram_schmidt_factorization_small(gram_schmidt):
    A = np.array([[2.0, -1.0], [0.0, 3.0], [1.0, 1.0]])
    Q, R = _unpack(call(gram_schmidt, A.copy()), 3, 2, "the 3x2 example")
    _check_factorization(A, Q, R, "the 3x2 example")


@test_case(points=2, hidden=True)
def test_gram_schmidt_random(gram_schmidt):
    rng = np.random.default_rng(371)
    for m, n in [(5, 1), (6, 3), (20, 8), (4, 4), (50, 10)]:
        A = rng.normal(size=(m, n)) * 3
        # the oracle comes before the call and uses a pristine copy: an answer that changes A
        # in place must not change it (the student gets A itself, for the check below)
        A_copy = A.copy()
        Q_ref, R_ref = np.linalg.qr(A_copy)
        Q, R = _unpack(
            forbid_calls(FORBIDDEN, gram_schmidt, A, what=f"a random {m}x{n} A"),
            m,
            n,
            f"a random {m}x{n} A",
        )
        Q_ref = Q_ref * np.sign(np.diag(R_ref))
        what = f"gram_schmidt: Q for a random {m}x{n} A"
        hint = "q_j is column j of A minus its projections on q_1 .. q_{j-1}, over its norm."
        assert_close_up_to_sign(Q, Q_ref, rtol=1e-8, atol=1e-8, what=what, hint=hint)
        _check_factorization(A_copy, Q, R, f"a random {m}x{n} A")
        if not np.array_equal(A, A_copy):
            raise AssertionError(
                "gram_schmidt changed its input A in place: work on a copy, "
                "e.g. V = np.array(A, dtype=float)."
            )


@test_case(points=1, hidden=True)
def test_gram_schmidt_integer_input(gram_schmidt):
    A = np.array([[1, 2, 0], [1, 0, 3], [0, 1, 1], [2, 1, 1]])
    what = "an integer 4x3 A"
    hint = "if float inputs work, convert an integer A to float before updating its columns."
    Q, R = _unpack(call(gram_schmidt, A.copy(), what=what, hint=hint), 4, 3, what)
    try:
        assert_close(
            Q.T @ Q, np.eye(3), rtol=0, atol=1e-10, what=f"gram_schmidt: Q.T @ Q for {what}"
        )
        _check_factorization(A.astype(float), Q, R, what)
    except AssertionError as failure:
        Qf, Rf = _unpack(call(gram_schmidt, A.astype(float), what=what), 4, 3, what)
        float_ok = np.allclose(Qf.T @ Qf, np.eye(3), atol=1e-10) and np.allclose(Qf @ Rf, A)
        hint = (
            "the same matrix given as floats is factored correctly: with an integer input, "
            "updating columns in place truncates. Convert A to float first."
            if float_ok
            else "the same matrix given as floats fails too: see the other cases."
        )
        raise AssertionError(f"{failure} {hint}") from None


@test_case(points=3, hidden=True)
def test_gram_schmidt_ill_conditioned(gram_schmidt):
    rng = np.random.default_rng(372)
    for m, n, decades in [(30, 8, 9), (60, 12, 10), (40, 10, 9)]:
        A = _ill_conditioned(rng, m, n, decades)
        what = f"a {m}x{n} A with condition number 1e{decades}"
        Q, R = _unpack(forbid_calls(FORBIDDEN, gram_schmidt, A.copy()), m, n, what)
        loss = float(np.max(np.abs(Q.T @ Q - np.eye(n))))
        if not np.isfinite(loss) or loss > 1e-5:
            raise AssertionError(
                f"for {what}, the columns of Q are far from orthonormal: max |Q.T @ Q - I| "
                f"= {loss:.2g}, expected below 1e-5. Classical Gram-Schmidt computes every "
                "projection from the original column a_j and loses orthogonality; modified "
                "Gram-Schmidt subtracts each projection from the updated vector."
            )
        assert_close(
            Q @ R,
            A,
            rtol=0,
            atol=1e-10,
            what=f"gram_schmidt: Q @ R for {what}",
            hint="R[i, j] must be the coefficient you actually subtracted.",
        )
