OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns the least-squares coefficients of the given design A (intercept column
#   already in A): test_line_by_hand (public), test_random_designs; variants "adds a
#   second ones column", "forgets to solve: returns A^T y", "solves with A^T A but
#   right-hand side y's mean"
# - y of shape (n, 1) gives beta of shape (p,): test_column_y; variant "returns (p, 1)"
# - np.linalg.lstsq / pinv (and scipy's) are not used: test_no_shortcut; variants "calls
#   np.linalg.lstsq", "calls np.linalg.pinv"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls

name = "q2"
points = 4

FORBIDDEN = [
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "scipy.linalg.lstsq",
    "scipy.linalg.pinv",
]


def _design(gen, n, d):
    return np.column_stack([np.ones(n), gen.normal(size=(n, d)) * gen.uniform(0.5, 3, size=d)])


@test_case(points=1, hidden=False)
def test_line_by_hand(fit_normal_equations):
    A = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = np.array([1.0, 3.0, 5.0, 7.0])
    beta = call(fit_normal_equations, A.copy(), y.copy(), what="points on the line y = 1 + 2x")
    assert_close(
        assert_shape(beta, (2,), what="fit_normal_equations on a 4x2 A"),
        [1.0, 2.0],
        rtol=1e-10,
        atol=1e-10,
        what="fit_normal_equations for the points (0, 1), (1, 3), (2, 5), (3, 7)",
        hint="solve the 2x2 system (A^T A) beta = A^T y; A already holds the ones column.",
        reveal=True,
    )


@test_case(points=1.5, hidden=True)
def test_random_designs(fit_normal_equations):
    gen = np.random.default_rng(921)
    for n, d in [(12, 1), (40, 3), (100, 6)]:
        A = _design(gen, n, d)
        y = A @ gen.normal(size=d + 1) + gen.normal(size=n)
        expected = np.linalg.lstsq(A, y, rcond=None)[0]
        beta = call(
            fit_normal_equations,
            A.copy(),
            y.copy(),
            what=f"a random {n}x{d + 1} design with an intercept column",
            hint="A already contains the ones column: do not add another one.",
        )
        assert_close(
            assert_shape(beta, (d + 1,), what=f"beta for a {n}x{d + 1} A"),
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"beta for a random {n}x{d + 1} design",
            hint="beta solves (A^T A) beta = A^T y, the point where the gradient of "
            "||y - A beta||^2 vanishes.",
        )


@test_case(points=0.5, hidden=True)
def test_column_y(fit_normal_equations):
    gen = np.random.default_rng(922)
    A = _design(gen, 25, 2)
    y = (A @ np.array([0.5, -1.0, 2.0]) + 0.1 * gen.normal(size=25))[:, None]
    expected = np.linalg.lstsq(A, y.ravel(), rcond=None)[0]
    beta = call(fit_normal_equations, A.copy(), y.copy(), what="a column vector y of shape (25, 1)")
    assert_shape(
        beta,
        (3,),
        what="fit_normal_equations with y of shape (25, 1)",
        hint="flatten y first (np.ravel) so beta comes out 1-D, shape (p,).",
    )
    assert_close(beta, expected, rtol=1e-8, atol=1e-10, what="beta for a column y")


@test_case(points=1, hidden=True)
def test_no_shortcut(fit_normal_equations):
    gen = np.random.default_rng(923)
    A = _design(gen, 30, 2)
    y = gen.normal(size=30)
    forbid_calls(FORBIDDEN, fit_normal_equations, A.copy(), y.copy())
