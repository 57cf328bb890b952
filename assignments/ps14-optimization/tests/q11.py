"""Clauses of question 11, each with the hidden case that checks it and the wrong variant
that breaks it alone:

- project_simplex(v) is the Euclidean projection onto {p >= 0, sum p = 1}: checked by the
  optimality condition itself, (v - p) . (z - p) <= 0 for every vertex z of the simplex
  (enough, since the left side is linear in z), by feasibility, and against the test's own
  threshold found by bisection: test_projection_is_optimal; variants "clip at 0 then
  normalize", "softmax", "threshold index off by one".
- a point already in the simplex is returned unchanged; equal entries give the uniform
  vector; adding a constant to every entry changes nothing (also at 1e8); n = 1 gives [1];
  a list is accepted and v is not modified: test_edge_cases; variant "v / sum(v)".
- projected_gradient: x_{k+1} = project(x_k - lr grad f(x_k)) with the project it is given,
  graded step by step with the test's own box projection: test_projected_gradient_steps;
  variants "projects x_k before the step (x_k is projected, the step is not)", "never projects".
- row 0 is x0 as given, even outside the set: test_projected_gradient_steps; variant "projects
  x0 first".
- where it ends: minimizing ||x - c||^2 over the simplex, 40 steps reach the projection of c
  (the test's own): test_projected_gradient_converges.
- the path has shape (n_steps + 1, d), row 0 = x0 as given: test_projected_gradient_steps.
"""

OK_FORMAT = False

import numpy as np
from otter.test_files import test_case
from paths import assert_path, matching_hint, path_shape

from mlmath_checks import assert_close, assert_shape, call

name = "q11"
points = 7


def _fail(message):
    raise AssertionError(message)


def _simplex_oracle(v):
    """Bisection on tau with sum(max(v - tau, 0)) = 1 (decreasing in tau)."""
    lo, hi = v.min() - 1.0, v.max()
    for _ in range(100):
        mid = (lo + hi) / 2
        if np.maximum(v - mid, 0).sum() > 1:
            lo = mid
        else:
            hi = mid
    return np.maximum(v - (lo + hi) / 2, 0)


def _check_projection(p, v, what):
    scale = max(1.0, float(np.max(np.abs(v))))
    if np.any(p < -1e-12):
        _fail(
            f"project_simplex on {what} has a negative entry ({p.min():.3g}): a projection onto "
            "the simplex is >= 0."
        )
    if abs(p.sum() - 1) > 1e-9:
        _fail(
            f"project_simplex on {what} sums to {p.sum():.12g}, not 1. tau must make "
            "sum(max(v - tau, 0)) = 1: with v sorted in decreasing order, use the LARGEST k with "
            "u_k - (u_1 + ... + u_k - 1) / k > 0."
        )
    worst = float(np.max((v - p) @ (np.eye(v.size) - p).T / scale))  # vertices z = e_j
    if worst > 1e-9:
        _fail(
            f"project_simplex on {what} is in the simplex but is not the closest point: "
            f"(v - p) . (e_j - p) = {worst:.3g} > 0 for some vertex e_j, so moving toward e_j "
            "gets closer to v. Clipping at 0 and renormalizing is not a Euclidean projection: "
            "subtract one threshold tau from every entry, then clip."
        )


@test_case(points=1, hidden=False)
def test_simplex_by_hand(project_simplex):
    assert_close(
        call(project_simplex, np.array([0.5, 0.2, 0.9])),
        [0.3, 0.0, 0.7],
        rtol=1e-10,
        atol=1e-12,
        what="project_simplex([0.5, 0.2, 0.9])",
        hint="with tau = 0.2: max(v - 0.2, 0) = [0.3, 0, 0.7] sums to 1.",
        reveal=True,
    )


@test_case(points=1, hidden=False)
def test_projected_gradient_by_hand(projected_gradient):
    path = path_shape(
        call(
            projected_gradient,
            lambda x: 2 * (x - 3),
            lambda z: np.clip(z, 0, 1),
            np.array([0.5]),
            0.25,
            2,
        ),
        3,
        1,
        "projected_gradient on (x - 3)^2 over [0, 1]",
    )
    assert_close(
        path,
        [[0.5], [1.0], [1.0]],
        rtol=1e-12,
        what="projected_gradient((x - 3)^2, clip to [0, 1], x0=[0.5], lr=0.25, n_steps=2)",
        hint="x1 = clip(0.5 - 0.25 * 2 * (0.5 - 3)) = clip(1.75) = 1; then 1 - 0.25 * (-4) = 2 "
        "clips to 1 again.",
        reveal=True,
    )


@test_case(points=2, hidden=True)
def test_projection_is_optimal(project_simplex):
    rng = np.random.default_rng(1101)
    for n, scale in [(2, 1.0), (5, 0.3), (10, 3.0), (50, 1.0), (8, 100.0)]:
        v = rng.normal(size=n) * scale
        kept = v.copy()
        expected = _simplex_oracle(v)
        found = assert_shape(
            call(project_simplex, v, what=f"a random vector of length {n}"),
            (n,),
            what=f"project_simplex on a vector of length {n}",
        )
        if not np.array_equal(v, kept):
            _fail("project_simplex changed the caller's v: work on a copy.")
        _check_projection(found, kept, f"a random vector of length {n} (scale {scale})")
        assert_close(
            found,
            expected,
            rtol=1e-8,
            atol=1e-9,
            what=f"project_simplex on a vector of length {n}",
            hint="find the threshold tau with sum(max(v - tau, 0)) = 1 (sort v in decreasing "
            "order and use the largest k with u_k - (u_1 + ... + u_k - 1) / k > 0).",
        )


@test_case(points=1, hidden=True)
def test_edge_cases(project_simplex):
    rng = np.random.default_rng(1102)
    inside = rng.dirichlet(np.ones(6))
    found = call(project_simplex, inside.copy(), what="a point already in the simplex")
    assert_close(
        found,
        inside,
        rtol=1e-10,
        atol=1e-12,
        what="project_simplex of a point already in the simplex",
        hint="a point that is already in the simplex is its own projection.",
    )
    assert_close(
        call(project_simplex, np.full(4, 7.0), what="four equal entries"),
        np.full(4, 0.25),
        rtol=1e-10,
        what="project_simplex([7, 7, 7, 7])",
        hint="equal entries give the uniform vector.",
    )
    v = rng.normal(size=5)
    expected = _simplex_oracle(v)
    for shift in [10.0, 1e8]:
        shifted = call(project_simplex, v + shift, what=f"v + {shift:g}")
        assert_close(
            shifted,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"project_simplex(v + {shift:g})",
            hint="adding the same constant to every entry only moves the threshold tau: "
            "the projection does not change (v / sum(v) gets this wrong).",
        )
    assert_close(
        call(project_simplex, [-3.0], what="a single entry"),
        [1.0],
        rtol=1e-12,
        what="project_simplex([-3.0])",
        hint="the simplex in R^1 is the single point [1].",
    )
    assert_close(
        call(project_simplex, [0.0, 2.0, 0.0], what="a list"),
        [0.0, 1.0, 0.0],
        rtol=1e-12,
        atol=1e-12,
        what="project_simplex([0, 2, 0]) from a list",
        hint="accept a list: convert with np.asarray.",
    )


def _pgd(grad, project, x0, lr, n_steps, mistake=None):
    x = np.array(x0, dtype=float)
    rows = [x]
    for _ in range(n_steps):
        if mistake == "project first":
            x = project(x) - lr * grad(project(x))
        elif mistake == "never":
            x = x - lr * grad(x)
        else:
            x = project(x - lr * grad(x))
        rows.append(x)
    return np.array(rows)


@test_case(points=1, hidden=True)
def test_projected_gradient_steps(projected_gradient):
    rng = np.random.default_rng(1103)
    lo, hi = -np.ones(3), np.array([1.0, 0.5, 2.0])

    def project(z):
        return np.clip(z, lo, hi)

    c = np.array([3.0, -2.0, 0.7])

    def grad(x):
        return 2 * (x - c) + 0.5 * np.sin(x)

    x0 = rng.normal(size=3) * 2  # may start outside the box
    expected = _pgd(grad, project, x0, 0.3, 10)
    found = call(
        projected_gradient, grad, project, x0.copy(), 0.3, 10, what="a box in R^3, 10 steps"
    )
    candidates = [
        (
            _pgd(grad, project, x0, 0.3, 10, "project first"),
            "you project x_k and then step: step first, then project, "
            "x_{k+1} = project(x_k - lr g).",
        ),
        (
            _pgd(grad, project, project(x0), 0.3, 10),
            "row 0 is x0 itself, as given, even when it lies outside the set: project only the "
            "points after a step.",
        ),
        (
            _pgd(grad, project, x0, 0.3, 10, "never"),
            "your iterates leave the feasible set: apply project to every new point.",
        ),
    ]
    assert_path(
        found,
        expected,
        "projected_gradient on a box in R^3",
        lambda path: matching_hint(
            path, candidates, "x_{k+1} = project(x_k - lr grad f(x_k)), row 0 = x0 as given."
        ),
    )


@test_case(points=1, hidden=True)
def test_projected_gradient_converges(projected_gradient):
    rng = np.random.default_rng(1104)
    c = rng.normal(size=6)

    def grad(x):
        return 2 * (x - c)

    found = path_shape(
        call(
            projected_gradient,
            grad,
            _simplex_oracle,
            np.full(6, 1 / 6),
            0.25,
            40,
            what="the simplex in R^6",
        ),
        41,
        6,
        "projected_gradient over the simplex, 40 steps",
    )
    assert_close(
        found[-1],
        _simplex_oracle(c),
        rtol=1e-7,
        atol=1e-8,
        what="the last point of projected gradient descent for ||x - c||^2 over the simplex",
        hint="the minimizer is the projection of c; check the update "
        "x_{k+1} = project(x_k - lr g).",
    )
