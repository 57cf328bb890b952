# q2: is_eigenpair. Clauses, with the hidden case that checks each and the wrong variant that
# breaks it alone:
# - True for v != 0 with ||A v - lam v|| <= tol ||v||, relative to ||v|| (scales 1e-9 to
#   1e9), complex v and lam: test_true_eigenpairs; variant "absolute tolerance".
# - the eigenvalue matters, a perturbed vector fails, tol is honoured (1e-3):
#   test_wrong_pairs; variants "only checks that A v is parallel to v", "only the Rayleigh
#   quotient".
# - the zero vector is never an eigenvector: test_zero_vector_and_traps; variant "forgets v != 0".
# - "<=" includes equality (residual exactly tol ||v||), and a smaller tol says False:
#   test_zero_vector_and_traps; variant "strict inequality".
# - returns a bool: check_answer in every case.

OK_FORMAT = False

import copy

import numpy as np
from otter.test_files import test_case

from mlmath_checks import call, describe

name = "q2"
points = 4


def check_answer(is_eigenpair, A, v, lam, expected, what, hint, **kwargs):
    found = call(is_eigenpair, copy.deepcopy(A), copy.deepcopy(v), lam, what=what, **kwargs)
    if not isinstance(found, (bool, np.bool_)):
        raise AssertionError(
            f"is_eigenpair should return True or False, found {describe(found)}. "
            "Wrap a comparison in bool(...)."
        )
    if bool(found) != expected:
        label = what if "is_eigenpair" in what else f"is_eigenpair on {what}"
        raise AssertionError(f"{label}: expected {expected}, found {bool(found)}. {hint}")


@test_case(points=1, hidden=False)
def test_diagonal_example(is_eigenpair):
    A = np.diag([2.0, 3.0])
    e1 = np.array([1.0, 0.0])
    check_answer(
        is_eigenpair, A, e1, 2.0, True, "is_eigenpair(diag(2, 3), [1, 0], 2)", "A e1 = 2 e1."
    )
    check_answer(
        is_eigenpair,
        A,
        e1,
        3.0,
        False,
        "is_eigenpair(diag(2, 3), [1, 0], 3)",
        "A e1 = 2 e1, which is not 3 e1.",
    )


@test_case(points=1, hidden=True)
def test_true_eigenpairs(is_eigenpair):
    rng = np.random.default_rng(201)
    for n in [1, 3, 6]:
        B = rng.normal(size=(n, n))
        S = B + B.T
        lam, Q = np.linalg.eigh(S)
        for i in range(n):
            for scale in [1.0, -3.0, 1e9, 1e-9]:
                check_answer(
                    is_eigenpair,
                    S,
                    scale * Q[:, i],
                    lam[i],
                    True,
                    f"a true eigenpair of a {n}x{n} matrix, eigenvector scaled by {scale:g}",
                    "any non-zero multiple of an eigenvector is an eigenvector: compare "
                    "||A v - lam v|| with tol * ||v||, a relative test.",
                )
    R = np.array([[0.0, -2.0], [2.0, 0.0]])
    check_answer(
        is_eigenpair,
        R,
        np.array([1.0, -1j]),
        2j,
        True,
        "the complex eigenpair (2i, [1, -i]) of [[0, -2], [2, 0]]",
        "use np.linalg.norm, which handles complex vectors.",
    )


@test_case(points=1, hidden=True)
def test_wrong_pairs(is_eigenpair):
    rng = np.random.default_rng(202)
    for n in [2, 4, 7]:
        B = rng.normal(size=(n, n))
        lam, V = np.linalg.eig(B @ B.T + np.eye(n))
        lam, V = lam.real, V.real
        for scale in [1.0, 1e-9]:
            check_answer(
                is_eigenpair,
                B @ B.T + np.eye(n),
                scale * V[:, 0],
                2 * lam[0],
                False,
                f"an eigenvector (scaled by {scale:g}) with a wrong eigenvalue",
                "the eigenvalue matters: check A v = lam v, not only that A v is parallel "
                "to v; and make the tolerance relative to ||v||.",
            )
            w = V[:, 0] + 1e-3 * V[:, 1]
            check_answer(
                is_eigenpair,
                B @ B.T + np.eye(n),
                scale * w,
                lam[0],
                False,
                "a slightly perturbed eigenvector",
                "||A v - lam v|| is about 1e-3 ||v|| here, far above tol * ||v||.",
            )
        check_answer(
            is_eigenpair,
            B @ B.T + np.eye(n),
            V[:, 0],
            lam[0] * (1 + 1e-5),
            True,
            "a nearly exact eigenpair with tol=1e-3",
            "use the tol argument you are given.",
            tol=1e-3,
        )


@test_case(points=1, hidden=True)
def test_zero_vector_and_traps(is_eigenpair):
    rng = np.random.default_rng(203)
    A = rng.normal(size=(4, 4))
    for lam in [0.0, 1.5]:
        check_answer(
            is_eigenpair,
            A,
            np.zeros(4),
            lam,
            False,
            "the zero vector",
            "by definition an eigenvector is non-zero (A 0 = lam 0 for every lam).",
        )
    check_answer(
        is_eigenpair,
        np.diag([1.0, -1.0]),
        np.array([1.0, 1.0]),
        0.0,
        False,
        "is_eigenpair(diag(1, -1), [1, 1], 0)",
        "the Rayleigh quotient v.A v / v.v equals 0 here, but A v = [1, -1] is not 0 * v: "
        "check the whole vector A v - lam v.",
    )
    # the boundary: ||A v - lam v|| = 0.5 = tol * ||v|| exactly, so "<=" says True
    check_answer(
        is_eigenpair,
        np.diag([2.0, 0.0]),
        np.array([1.0, 0.0]),
        1.5,
        True,
        "is_eigenpair(diag(2, 0), [1, 0], 1.5, tol=0.5), whose residual 0.5 equals tol * ||v||",
        "the rule is ||A v - lam v|| <= tol * ||v||: at most, so equality counts.",
        tol=0.5,
    )
    check_answer(
        is_eigenpair,
        np.diag([2.0, 0.0]),
        np.array([1.0, 0.0]),
        1.5,
        False,
        "is_eigenpair(diag(2, 0), [1, 0], 1.5, tol=0.25)",
        "the residual 0.5 is above tol * ||v|| = 0.25: use the tol you are given.",
        tol=0.25,
    )
