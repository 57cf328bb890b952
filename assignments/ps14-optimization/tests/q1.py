"""Clauses of question 1, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- chord_gap returns t f(x) + (1 - t) f(y) - f(t x + (1 - t) y) for points in R^n:
  test_chord_gap_values (asymmetric t, convex and non-convex f); variants "mixes the
  point as (1 - t) x + t y", "returns f(mix) - chord (the sign reversed)".
- x and y may be lists of integers: test_chord_gap_values; variant "uses x and y as given
  (t * list fails)".
- is_convex_quadratic judges the symmetric part (A + A^T) / 2: test_symmetric_part
  (a non-symmetric A whose own eigenvalues are positive); variant "eigenvalues of A itself".
- positive SEMIdefinite counts as convex, computed eigenvalues may be -1e-16:
  test_semidefinite_is_convex; variants "strictly positive eigenvalues", "eigenvalues >= 0
  with no tolerance".
- tol is relative to max(1, largest |eigenvalue|) and honoured: test_tolerance; variants
  "ignores tol", "absolute tolerance".
- returns a bool: test_symmetric_part and test_by_hand.
- A may hold integers: test_symmetric_part (no plausible numpy answer breaks it alone: it
  guards hand-written code that fails on integer input).
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import spd_matrix

from mlmath_checks import assert_close, call, to_number

name = "q1"
points = 6


def _fail(message):
    raise AssertionError(message)


def _verdict(is_convex_quadratic, A, what, **kwargs):
    found = call(is_convex_quadratic, np.array(A), what=what, **kwargs)
    if not isinstance(found, (bool, np.bool_)):
        _fail(
            f"is_convex_quadratic on {what} should return True or False, found "
            f"{type(found).__name__}. Return bool(...) of your comparison."
        )
    return bool(found)


@test_case(points=1, hidden=False)
def test_chord_gap_by_hand(chord_gap):
    found = to_number(
        call(chord_gap, lambda x: x @ x, np.array([0.0, 0.0]), np.array([2.0, 0.0]), 0.5),
        what="chord_gap(x @ x, [0, 0], [2, 0], 0.5)",
    )
    assert_close(
        found,
        1.0,
        rtol=1e-12,
        what="chord_gap(x @ x, [0, 0], [2, 0], 0.5)",
        hint="the chord at t = 0.5 is 0.5 * 0 + 0.5 * 4 = 2 and f at the midpoint [1, 0] is 1.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_convex_quadratic_by_hand(is_convex_quadratic):
    if not _verdict(is_convex_quadratic, np.eye(2), "the identity"):
        _fail("x^T I x = ||x||^2 is convex: is_convex_quadratic(np.eye(2)) should be True.")
    if _verdict(is_convex_quadratic, np.diag([1.0, -1.0]), "diag(1, -1)"):
        _fail(
            "x^T diag(1, -1) x = x0^2 - x1^2 is a saddle, not convex: "
            "is_convex_quadratic should be False (an eigenvalue is negative)."
        )


@test_case(points=1, hidden=True)
def test_chord_gap_values(chord_gap):
    rng = np.random.default_rng(101)
    functions = [
        (lambda z: float(np.log(np.sum(np.exp(z)))), "log-sum-exp"),
        (lambda z: float(np.sum(np.sin(z))), "sum of sines"),
        (lambda z: float(z @ z) ** 2, "||z||^4"),
    ]
    for f, label in functions:
        for n in [1, 3]:
            x, y = rng.normal(size=n) * 2, rng.normal(size=n) * 2
            t = float(rng.uniform(0.1, 0.35))
            expected = t * f(x) + (1 - t) * f(y) - f(t * x + (1 - t) * y)
            swapped = t * f(x) + (1 - t) * f(y) - f((1 - t) * x + t * y)
            found = to_number(
                call(chord_gap, f, x.copy(), y.copy(), t, what=f"{label} in R^{n}"),
                what=f"chord_gap for {label} in R^{n}",
            )
            if np.isclose(found, -expected, rtol=1e-9) and abs(expected) > 1e-9:
                hint = (
                    "the sign is reversed: the chord minus f at the mixed point, "
                    "not f minus the chord."
                )
            elif np.isclose(found, swapped, rtol=1e-9):
                hint = (
                    "the weight t goes with x: the point is t x + (1 - t) y, not (1 - t) x + t y."
                )
            else:
                hint = "compute t f(x) + (1 - t) f(y) - f(t x + (1 - t) y)."
            assert_close(
                found,
                expected,
                rtol=1e-9,
                atol=1e-12,
                what=f"chord_gap for {label} in R^{n} at t = {t:.3g}",
                hint=hint,
            )
    found = to_number(
        call(
            chord_gap,
            lambda z: float(z @ z),
            [1, 2],
            [3, -1],
            0.25,
            what="integer lists",
            hint="convert x and y with np.asarray(..., dtype=float) before mixing them.",
        ),
        what="chord_gap(x @ x, [1, 2], [3, -1], 0.25)",
    )
    mixed = 0.25 * np.array([1.0, 2.0]) + 0.75 * np.array([3.0, -1.0])
    assert_close(
        found,
        0.25 * 5 + 0.75 * 10 - mixed @ mixed,
        rtol=1e-12,
        what="chord_gap on x = [1, 2], y = [3, -1] given as lists of integers",
        hint="convert x and y with np.asarray(..., dtype=float) before mixing them.",
    )


@test_case(points=1, hidden=True)
def test_symmetric_part(is_convex_quadratic):
    A = np.array([[1.0, 4.0], [0.0, 1.0]])  # eigenvalues 1, 1; symmetric part: -1 and 3
    if _verdict(is_convex_quadratic, A, "the non-symmetric [[1, 4], [0, 1]]"):
        _fail(
            "is_convex_quadratic([[1, 4], [0, 1]]) should be False: x^T A x = x0^2 + 4 x0 x1 + "
            "x1^2 is negative at x = (1, -1). Only the symmetric part (A + A^T) / 2 enters "
            "x^T A x; the eigenvalues of a non-symmetric A (here 1 and 1) say nothing about it."
        )
    if not _verdict(
        is_convex_quadratic, np.array([[2, 1], [1, 2]]), "the int matrix [[2, 1], [1, 2]]"
    ):
        _fail(
            "is_convex_quadratic([[2, 1], [1, 2]]) (integers) should be True: its eigenvalues are "
            "1 and 3. Convert A to a float array first."
        )
    rng = np.random.default_rng(102)
    for n in [3, 6]:
        S = spd_matrix(rng, rng.uniform(0.5, 3.0, size=n))
        K = rng.normal(size=(n, n))
        A = S + (K - K.T)  # antisymmetric part changes nothing
        if not _verdict(is_convex_quadratic, A, f"a non-symmetric {n}x{n} matrix"):
            _fail(
                f"is_convex_quadratic on a {n}x{n} non-symmetric A whose symmetric part is "
                "positive definite should be True: x^T A x = x^T ((A + A^T)/2) x. Use "
                "np.linalg.eigvalsh on the symmetric part (eigvals of A itself can be complex)."
            )
        M = spd_matrix(rng, np.r_[-0.3, rng.uniform(0.5, 3.0, size=n - 1)]) + (K - K.T)
        if _verdict(is_convex_quadratic, M, f"a {n}x{n} matrix with an eigenvalue -0.3"):
            _fail(
                f"is_convex_quadratic should be False for a {n}x{n} A whose symmetric part has an "
                "eigenvalue -0.3."
            )


@test_case(points=1, hidden=True)
def test_semidefinite_is_convex(is_convex_quadratic):
    rng = np.random.default_rng(103)
    tried = 0
    while True:  # a rank-deficient B B^T whose computed smallest eigenvalue is below 0
        B = rng.normal(size=(5, 3))
        A = B @ B.T
        tried += 1
        if np.linalg.eigvalsh((A + A.T) / 2)[0] < 0 or tried > 200:
            break
    if not _verdict(is_convex_quadratic, A, "B B^T with B of shape (5, 3)"):
        _fail(
            "is_convex_quadratic(B @ B.T) with B of shape (5, 3) should be True: "
            "x^T B B^T x = ||B^T x||^2 >= 0, so it is convex, with two eigenvalues that are 0 "
            "exactly and about 1e-16 in floating point (possibly negative). Accept eigenvalues "
            "down to -tol * max(1, largest |eigenvalue|), not only > 0 or >= 0."
        )
    if not _verdict(is_convex_quadratic, np.diag([0.0, 2.0, 5.0]), "diag(0, 2, 5)"):
        _fail("x^T diag(0, 2, 5) x is convex (semidefinite): an eigenvalue 0 is allowed.")


@test_case(points=1, hidden=True)
def test_tolerance(is_convex_quadratic):
    rng = np.random.default_rng(104)
    A = spd_matrix(rng, [-1e-6, 1.0, 2.0])
    if _verdict(is_convex_quadratic, A, "a matrix with eigenvalue -1e-6"):
        _fail(
            "is_convex_quadratic on a matrix with eigenvalues (-1e-6, 1, 2) and the default "
            "tol=1e-10 should be False: -1e-6 is far below -1e-10 * 2."
        )
    if not _verdict(is_convex_quadratic, A, "a matrix with eigenvalue -1e-6", tol=1e-5):
        _fail(
            "is_convex_quadratic(A, tol=1e-5) on a matrix with eigenvalues (-1e-6, 1, 2) should "
            "be True: use the tol argument you are given."
        )
    B = rng.normal(size=(4, 2)) * 1e5
    big = B @ B.T + spd_matrix(rng, [-1e-4, 0.0, 0.0, 0.0])  # -1e-4 relative to ~1e10
    if not _verdict(is_convex_quadratic, big, "a semidefinite matrix of scale 1e10"):
        _fail(
            "is_convex_quadratic on a semidefinite matrix of scale 1e10 should be True: its zero "
            "eigenvalues come out around -1e-6 in floating point. The tolerance is relative: "
            "-tol * max(1, largest |eigenvalue|)."
        )
