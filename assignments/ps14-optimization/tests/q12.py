"""Clauses of question 12, each with the hidden case that checks it and the wrong variant
that breaks it alone. Every answer is checked by the KKT conditions themselves, not by a
stored solution:

- equality_qp(Q, c, A, b) returns (x, lam) with stationarity Q x + c + A^T lam = 0 and
  primal feasibility A x = b: test_equality_qp_kkt (2 and 3 constraints in R^5 and R^8);
  variants "the sign of lam flipped (L = f - lam^T (A x - b))", "ignores the constraints:
  x = -Q^{-1} c".
- a single constraint may come as a 1-D A and a number b; lam then has shape (1,):
  test_equality_qp_single_constraint; variant "assumes a 2-D A".
- project_halfspace(y, a, b) returns (x, mu) meeting all four KKT conditions of
  min ||x - y||^2 / 2 s.t. a . x <= b: stationarity x - y + mu a = 0, primal feasibility
  a . x <= b, dual feasibility mu >= 0, complementary slackness mu (a . x - b) = 0:
  test_halfspace_kkt (y outside, inside, on the boundary, several dimensions); variants
  "always projects onto the hyperplane (mu < 0 inside)", "forgets to divide by ||a||^2",
  "mu = 0 always with the right x".
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import spd_matrix

from mlmath_checks import assert_close, call, to_array, to_number

name = "q12"
points = 7


def _fail(message):
    raise AssertionError(message)


def _pair(result, what):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        _fail(f"{what} should return a pair (x, multiplier), found {type(result).__name__}.")
    return result


def _qp_kkt(equality_qp, Q, c, A, b, what):
    x, lam = _pair(
        call(
            equality_qp,
            Q.copy(),
            c.copy(),
            np.copy(A),
            np.copy(b),
            what=what,
            hint="a single constraint may come as a 1-D A and a number b: use "
            "np.atleast_2d(A) and np.atleast_1d(b).",
        ),
        f"equality_qp on {what}",
    )
    x = to_array(x, what=f"x from equality_qp on {what}").reshape(-1)
    lam = to_array(lam, what=f"lam from equality_qp on {what}").reshape(-1)
    A2 = np.atleast_2d(A)
    m, n = A2.shape
    if x.shape != (n,) or lam.shape != (m,):
        _fail(
            f"equality_qp on {what} should return x of shape ({n},) and lam of shape ({m},), "
            f"found {x.shape} and {lam.shape}."
        )
    scale = 1 + np.abs(Q).max() * (1 + np.abs(x).max()) + np.abs(c).max()
    infeasible = np.abs(A2 @ x - np.atleast_1d(b)).max()
    if infeasible > 1e-8 * (1 + np.abs(b).max()):
        _fail(
            f"equality_qp on {what}: primal feasibility fails, |A x - b| = {infeasible:.3g}. "
            "x must satisfy the constraints: solve the whole KKT system [[Q, A^T], [A, 0]], "
            "not Q x = -c."
        )
    stationary = np.abs(Q @ x + c + A2.T @ lam).max()
    if stationary > 1e-8 * scale:
        flipped = np.abs(Q @ x + c - A2.T @ lam).max()
        hint = (
            "your lam has the wrong sign: with L = f + lam^T (A x - b), stationarity reads "
            "Q x + c + A^T lam = 0."
            if flipped <= 1e-8 * scale
            else "solve [[Q, A^T], [A, 0]] [x; lam] = [-c; b]."
        )
        _fail(
            f"equality_qp on {what}: stationarity fails, "
            f"|Q x + c + A^T lam| = {stationary:.3g}. {hint}"
        )
    return x, lam


@test_case(points=1, hidden=False)
def test_equality_qp_by_hand(equality_qp):
    x, lam = _pair(
        call(equality_qp, np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0])),
        "equality_qp",
    )
    assert_close(
        x,
        [0.5, 0.5],
        rtol=1e-12,
        what="x for min ||x||^2 / 2 s.t. x0 + x1 = 1",
        hint="the closest point to 0 on the line x0 + x1 = 1 is (0.5, 0.5).",
        reveal=True,
    )
    assert_close(
        lam,
        [-0.5],
        rtol=1e-12,
        what="lam for min ||x||^2 / 2 s.t. x0 + x1 = 1",
        hint="stationarity x + A^T lam = 0 gives lam = -0.5.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_halfspace_by_hand(project_halfspace):
    x, mu = _pair(
        call(project_halfspace, np.array([2.0, 2.0]), np.array([1.0, 1.0]), 1.0),
        "project_halfspace",
    )
    assert_close(
        x,
        [0.5, 0.5],
        rtol=1e-12,
        what="x for y = (2, 2), a = (1, 1), b = 1",
        hint="y violates x0 + x1 <= 1 by 3; move back along a by 3 / ||a||^2 = 1.5.",
        reveal=True,
    )
    assert_close(
        mu,
        1.5,
        rtol=1e-12,
        what="mu for y = (2, 2), a = (1, 1), b = 1",
        hint="stationarity x - y + mu a = 0 gives mu = 1.5.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_equality_qp_kkt(equality_qp):
    rng = np.random.default_rng(1201)
    for n, m in [(5, 2), (8, 3), (3, 1)]:
        Q = spd_matrix(rng, rng.uniform(0.5, 10.0, size=n))
        c = rng.normal(size=n) * 3
        A = rng.normal(size=(m, n))
        b = rng.normal(size=m)
        x, _ = _qp_kkt(equality_qp, Q, c, A, b, f"{m} constraints in R^{n}")
        # with Q positive definite the KKT point is THE minimizer: check it against feasible moves
        N = np.linalg.svd(A)[2][m:].T  # a basis of the null space of A
        f = 0.5 * x @ Q @ x + c @ x
        for z in rng.normal(size=(5, n - m)):
            y = x + N @ z * 0.1
            if 0.5 * y @ Q @ y + c @ y < f - 1e-10:
                _fail("equality_qp: a feasible point near your x has a lower objective.")


@test_case(points=1, hidden=True)
def test_equality_qp_single_constraint(equality_qp):
    rng = np.random.default_rng(1202)
    Q = spd_matrix(rng, [1.0, 2.0, 5.0])
    c = rng.normal(size=3)
    a = rng.normal(size=3)
    x, lam = _qp_kkt(equality_qp, Q, c, a, 2.0, "one constraint given as a 1-D A and b = 2.0")
    if not np.isfinite(lam).all():
        _fail("equality_qp returned a lam that is not finite.")


def _halfspace(project_halfspace, y, a, b, what):
    x, mu = _pair(
        call(project_halfspace, y.copy(), a.copy(), b, what=what), f"project_halfspace on {what}"
    )
    x = to_array(x, what=f"x from project_halfspace on {what}").reshape(-1)
    mu = to_number(mu, what=f"mu from project_halfspace on {what}")
    if x.shape != y.shape:
        _fail(f"project_halfspace on {what} should return x of shape {y.shape}, found {x.shape}.")
    scale = 1 + np.abs(y).max() + np.abs(a).max() + abs(b)
    tol = 1e-9 * scale**2
    violations = []
    if np.abs(x - y + mu * a).max() > tol:
        violations.append(
            f"stationarity x - y + mu a = 0 fails (off by {np.abs(x - y + mu * a).max():.3g})"
        )
    if a @ x - b > tol:
        violations.append(f"primal feasibility a . x <= b fails (a . x - b = {a @ x - b:.3g})")
    if mu < -tol:
        violations.append(f"dual feasibility mu >= 0 fails (mu = {mu:.3g})")
    if abs(mu * (a @ x - b)) > tol:
        violations.append(
            f"complementary slackness mu (a . x - b) = 0 fails (it is {mu * (a @ x - b):.3g})"
        )
    if violations:
        if mu < -tol:
            hint = (
                "y already satisfied a . y <= b, so the constraint is inactive: x = y and mu = 0. "
                "Project onto the hyperplane only when y violates the constraint."
            )
        elif a @ y > b and abs(a @ x - b) > tol:
            hint = (
                "the step back along a is (a . y - b) / ||a||^2: divide by a . a, "
                "so x lands on a . x = b."
            )
        else:
            hint = (
                "mu is the multiplier of the active constraint: "
                "mu = (a . y - b) / ||a||^2 when y violates it."
            )
        _fail(f"project_halfspace on {what}: " + "; ".join(violations) + f". {hint}")
    return x, mu


@test_case(points=2, hidden=True)
def test_halfspace_kkt(project_halfspace):
    rng = np.random.default_rng(1203)
    for n in [2, 5, 9]:
        a = rng.normal(size=n) * rng.uniform(0.3, 3)
        y = rng.normal(size=n) * 2
        b = float(a @ y) - float(rng.uniform(0.5, 3.0))  # y violates the constraint
        _halfspace(project_halfspace, y, a, b, f"a point outside a half-space in R^{n}")
        b_inside = float(a @ y) + float(rng.uniform(0.5, 3.0))  # y satisfies it
        x, mu = _halfspace(
            project_halfspace, y, a, b_inside, f"a point inside a half-space in R^{n}"
        )
        assert_close(
            x,
            y,
            rtol=1e-12,
            atol=1e-12,
            what="x for a point already in the half-space",
            hint="a feasible y is its own projection.",
        )
    a = np.array([3.0, -4.0])
    y = np.array([4.0, 3.0])  # a . y = 0 = b: on the boundary
    _halfspace(project_halfspace, y, a, 0.0, "a point on the boundary a . y = b")
