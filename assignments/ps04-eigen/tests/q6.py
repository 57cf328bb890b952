# q6: spectral_decomposition and from_spectrum. Clauses, with the hidden case that checks each
# and the wrong variant that breaks it alone:
# - lam descending, Q orthonormal, S Q = Q diag(lam), column i with lam[i]:
#   test_distinct_eigenvalues; variants "keeps eigh's ascending order", "reverses lam but
#   not Q", "eigenvectors as rows".
# - orthonormal Q also for repeated eigenvalues: test_repeated_eigenvalues; variant "eig +
#   sort (not orthogonal for a repeated eigenvalue)".
# - from_spectrum = Q diag(lam) Q^T for Q of shape (n, r), r <= n: test_from_spectrum;
#   variants "Q^T diag Q", "inv(Q) fails for a non-square Q".
# - the round trip S = from_spectrum(*spectral_decomposition(S)): test_round_trip, paired
#   with the absolute checks above (a constant answer cannot pass them).

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_close_up_to_sign, call, describe, to_array

name = "q6"
points = 6


def decompose(spectral_decomposition, S):
    """Call spectral_decomposition and check the shapes of (lam, Q)."""
    n = S.shape[0]
    result = call(spectral_decomposition, S.copy())
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise AssertionError(
            f"spectral_decomposition should return a pair (lam, Q), found {describe(result)}."
        )
    lam = to_array(result[0], "the eigenvalues lam")
    Q = to_array(result[1], "the eigenvector matrix Q")
    if lam.shape != (n,) or Q.shape != (n, n):
        raise AssertionError(
            f"for a {n}x{n} matrix, lam should have shape ({n},) and Q shape ({n}, {n}); "
            f"found {lam.shape} and {Q.shape}."
        )
    return lam, Q


def random_symmetric(lams, rng):
    n = len(lams)
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    S = Q @ np.diag(lams) @ Q.T
    return (S + S.T) / 2


def check_invariants(S, lam, Q, what):
    n = S.shape[0]
    assert_close(
        lam,
        np.sort(np.linalg.eigvalsh(S))[::-1],
        rtol=1e-8,
        atol=1e-9,
        what=f"spectral_decomposition: the eigenvalues of {what}",
        hint="return them in descending order (largest first).",
    )
    assert_close(
        Q.T @ Q,
        np.eye(n),
        atol=1e-8,
        what=f"spectral_decomposition: Q^T Q for {what}",
        hint="the columns of Q must be orthonormal; np.linalg.eig does not guarantee it "
        "when an eigenvalue is repeated, np.linalg.eigh does.",
    )
    assert_close(
        S @ Q,
        Q * lam,
        atol=1e-8,
        what=f"spectral_decomposition: S Q - Q diag(lam) for {what}",
        hint="column i of Q must be the eigenvector of lam[i]: reorder the columns of Q "
        "together with lam, and return eigenvectors as columns, not rows.",
    )


@test_case(points=2, hidden=False)
def test_small_example(spectral_decomposition, from_spectrum):
    S = np.array([[2.0, 1.0], [1.0, 2.0]])
    lam, Q = decompose(spectral_decomposition, S)
    assert_close(
        lam,
        [3.0, 1.0],
        atol=1e-9,
        what="spectral_decomposition: the eigenvalues of [[2, 1], [1, 2]]",
        hint="descending order: largest first.",
        reveal=True,
    )
    assert_close_up_to_sign(
        Q,
        np.array([[1.0, 1.0], [1.0, -1.0]]) / np.sqrt(2),
        atol=1e-8,
        what="spectral_decomposition: the eigenvectors of [[2, 1], [1, 2]] (columns of Q)",
        hint="[1, 1]/sqrt(2) belongs to 3 and [1, -1]/sqrt(2) to 1.",
    )
    assert_close(
        call(from_spectrum, [3.0, 1.0], np.array([[1.0, 1.0], [1.0, -1.0]]) / np.sqrt(2)),
        S,
        atol=1e-9,
        what="from_spectrum([3, 1], Q)",
        hint="Q diag(lam) Q^T = 3 q1 q1^T + 1 q2 q2^T.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_distinct_eigenvalues(spectral_decomposition):
    rng = np.random.default_rng(601)
    for n in [1, 3, 5, 8]:
        B = rng.normal(size=(n, n))
        S = B + B.T
        lam, Q = decompose(spectral_decomposition, S)
        values, vectors = np.linalg.eigh(S)
        check_invariants(S, lam, Q, f"a random symmetric {n}x{n} matrix")
        assert_close_up_to_sign(
            Q,
            vectors[:, ::-1],
            atol=1e-7,
            what=f"spectral_decomposition: the eigenvectors of a random symmetric {n}x{n} matrix",
            hint="column i of Q goes with lam[i], in descending order.",
        )


@test_case(points=1, hidden=True)
def test_repeated_eigenvalues(spectral_decomposition):
    rng = np.random.default_rng(602)
    for lams in [[3, 3, 1, -2], [5, 5, 5, -1, 2, 2], [2, 2, 0, 0, -3]]:
        S = random_symmetric(np.array(lams, dtype=float), rng)
        lam, Q = decompose(spectral_decomposition, S)
        check_invariants(S, lam, Q, "a symmetric matrix with a repeated eigenvalue")


@test_case(points=1, hidden=True)
def test_from_spectrum(from_spectrum):
    rng = np.random.default_rng(603)
    for n, r in [(3, 3), (6, 6), (6, 2), (10, 1)]:
        Q, _ = np.linalg.qr(rng.normal(size=(n, r)))
        lam = rng.normal(size=r) * 4
        assert_close(
            call(from_spectrum, lam.copy(), Q.copy()),
            sum(lam[i] * np.outer(Q[:, i], Q[:, i]) for i in range(r)),
            rtol=1e-8,
            atol=1e-10,
            what=f"from_spectrum with Q of shape ({n}, {r})",
            hint="compute Q diag(lam) Q^T (sum of lam_i q_i q_i^T); Q may have fewer columns "
            "than rows, so use Q.T rather than np.linalg.inv(Q).",
        )


@test_case(points=1, hidden=True)
def test_round_trip(spectral_decomposition, from_spectrum):
    rng = np.random.default_rng(604)
    for lams in [rng.normal(size=4), np.array([2.0, 2.0, 2.0, -1.0, 0.0])]:
        S = random_symmetric(lams, rng)
        lam, Q = decompose(spectral_decomposition, S)
        assert_close(
            call(from_spectrum, lam.copy(), Q.copy()),
            S,
            atol=1e-8,
            what="from_spectrum(*spectral_decomposition(S)) compared with S",
            hint="the spectral theorem says S = Q diag(lam) Q^T exactly.",
        )
