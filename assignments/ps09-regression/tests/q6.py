OK_FORMAT = False

# Clauses of the prompt, each with the case that checks it and the wrong variant that
# breaks it alone:
# - returns the least-squares coefficients, shape (p,): test_by_hand (public),
#   test_random_designs; variants "back substitution run from the top row",
#   "Q y instead of Q^T y (on the complete Q)"
# - accurate to 1e-6 (relative to the largest coefficient) on designs with cond(A) up to
#   about 3e8: test_ill_conditioned; variant "solves the normal equations instead"
# - y of shape (n, 1) gives beta of shape (p,): test_column_y; variant "returns (p, 1)"
# - no np.linalg.solve / inv / lstsq / pinv (nor scipy's): test_no_shortcut; variants
#   "np.linalg.solve(R, Q^T y)", "np.linalg.inv(R) @ Q^T y"

import numpy as np
from otter.test_files import test_case

from mlmath_checks import assert_close, assert_shape, call, forbid_calls, rel_error

name = "q6"
points = 5

FORBIDDEN = [
    "numpy.linalg.solve",
    "numpy.linalg.inv",
    "numpy.linalg.lstsq",
    "numpy.linalg.pinv",
    "numpy.linalg.tensorsolve",
    "scipy.linalg.solve",
    "scipy.linalg.inv",
    "scipy.linalg.lstsq",
    "scipy.linalg.pinv",
]


@test_case(points=1, hidden=False)
def test_by_hand(fit_qr):
    A = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = np.array([1.0, 2.0, 2.0, 4.0])
    beta = call(fit_qr, A.copy(), y.copy(), what="the 4 points of Question 4")
    assert_close(
        assert_shape(beta, (2,), what="fit_qr on a 4x2 A"),
        [0.9, 0.9],
        rtol=1e-10,
        what="fit_qr for the points (0, 1), (1, 2), (2, 2), (3, 4)",
        hint="A = QR, then solve the triangular system R beta = Q^T y from the last row up.",
        reveal=True,
    )


@test_case(points=1, hidden=True)
def test_random_designs(fit_qr):
    gen = np.random.default_rng(962)
    for n, d in [(15, 2), (60, 5), (8, 7)]:
        A = np.column_stack([np.ones(n), gen.normal(size=(n, d))])
        y = A @ gen.normal(size=d + 1) + gen.normal(size=n)
        expected = np.linalg.lstsq(A, y, rcond=None)[0]
        beta = assert_shape(
            call(fit_qr, A.copy(), y.copy(), what=f"a random {n}x{d + 1} design"),
            (d + 1,),
            what=f"fit_qr on a {n}x{d + 1} A",
        )
        assert_close(
            beta,
            expected,
            rtol=1e-8,
            atol=1e-10,
            what=f"fit_qr on a random {n}x{d + 1} design",
            hint="with the reduced QR (Q is n x p, R is p x p upper triangular), solve "
            "R beta = Q^T y by back substitution: beta_i = (c_i - sum_{j > i} R_ij beta_j) / R_ii, "
            "for i = p-1 down to 0.",
        )


@test_case(points=2, hidden=True)
def test_ill_conditioned(fit_qr):
    gen = np.random.default_rng(961)
    for n, lo, degree in [(60, 10, 3), (30, 50, 2), (80, 5, 4)]:
        x = gen.uniform(lo, lo + 1, size=n)
        A = np.vander(x, degree + 1, increasing=True)  # columns 1, x, ..., x^degree
        b = gen.normal(size=degree + 1)
        y = A @ b  # an exact fit: the true coefficients are b
        beta = assert_shape(
            call(fit_qr, A.copy(), y.copy(), what=f"a polynomial design on [{lo}, {lo + 1}]"),
            (degree + 1,),
            what="fit_qr on a polynomial design",
        )
        error = float(np.max(np.abs(beta - b)) / np.max(np.abs(b)))
        if not error <= 1e-6:
            fit = float(np.linalg.norm(A @ beta - y) / np.linalg.norm(y))
            if fit < 1e-6:
                hint = (
                    "your beta still fits y well, but its digits are lost: the signature of the "
                    "normal equations, which square the condition number. Work with Q and R "
                    "only, never with A^T A."
                )
            else:
                hint = (
                    f"A beta is far from y (relative residual {fit:.1e}, while y is an exact "
                    "fit): check Q^T y and that back substitution runs from the last row up."
                )
            raise AssertionError(
                f"fit_qr on the columns 1, x, ..., x^{degree} with x in [{lo}, {lo + 1}] "
                f"(cond(A) about {np.linalg.cond(A):.0e}, y an exact fit) is off by {error:.1e} "
                f"relative to the largest coefficient; 1e-6 is required. {hint}"
            )


@test_case(points=0.5, hidden=True)
def test_column_y(fit_qr):
    gen = np.random.default_rng(963)
    A = np.column_stack([np.ones(20), gen.normal(size=(20, 2))])
    y = gen.normal(size=(20, 1))
    expected = np.linalg.lstsq(A, y.ravel(), rcond=None)[0]
    beta = assert_shape(
        call(fit_qr, A.copy(), y.copy(), what="y of shape (20, 1)"),
        (3,),
        what="fit_qr with y of shape (20, 1)",
        hint="flatten y first (np.ravel) so beta is 1-D.",
    )
    if rel_error(beta, expected) > 1e-8:
        raise AssertionError(
            "fit_qr with y of shape (20, 1) does not give the least-squares beta; check "
            "the case of a 1-D y first."
        )


@test_case(points=0.5, hidden=True)
def test_no_shortcut(fit_qr):
    gen = np.random.default_rng(964)
    A = np.column_stack([np.ones(12), gen.normal(size=(12, 3))])
    forbid_calls(FORBIDDEN, fit_qr, A, gen.normal(size=12))
