OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - shape (n, n), H[i, j] = d2f / dx_i dx_j, mixed partials included: test_quadratic_forms;
#   variants "mixed partials divided by 2 h**2", "only the diagonal".
# - central differences, accurate to about 1e-5 with the default h = 1e-4: test_random_
#   functions; variant "one-sided (forward) second differences".
# - exactly symmetric: test_symmetric; variant "the 4-point formula for every (i, j), not
#   symmetrized" (rounding makes H[i, j] and H[j, i] differ in the last digits).
# - exactly the step h passed (off the diagonal the 4-point formula with h; on it either of
#   the two formulas of the prompt): test_uses_the_given_step; variants "ignores h",
#   "mixed partials with steps h/2".
# - x may be a list or an int array, never modified: test_integer_point; variant "steps a
#   copy of x in place without converting to float".

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call

name = "q7"
points = 6


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _four_point(f, x, h):
    n = x.size
    E = np.eye(n) * h
    H = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (
                f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])
            ) / (4 * h * h)
    return H


def _three_point_diagonal(f, x, h):
    E = np.eye(x.size) * h
    return np.array([(f(x + e) - 2 * f(x) + f(x - e)) / (h * h) for e in E])


@test_case(points=2, hidden=False)
def test_by_hand(hessian):
    def f(x):
        return x[0] ** 2 * x[1] + x[1] ** 3

    got = assert_shape(
        call(hessian, f, np.array([1.0, 2.0])),
        (2, 2),
        what="the Hessian of a function of 2 variables",
    )
    assert_close(
        got,
        [[4.0, 2.0], [2.0, 12.0]],
        rtol=1e-5,
        atol=1e-5,
        reveal=True,
        what="the Hessian of x0**2 x1 + x1**3 at (1, 2)",
        hint="H[i, j] = d2f / dx_i dx_j. The mixed formula is [f(x+h e_i+h e_j) - "
        "f(x+h e_i-h e_j) - f(x-h e_i+h e_j) + f(x-h e_i-h e_j)] / (4 h**2).",
    )


@test_case(points=1, hidden=True)
def test_quadratic_forms(hessian):
    rng = np.random.default_rng(571)
    for n in [2, 3, 5]:
        A = rng.normal(size=(n, n))
        b = rng.normal(size=n)
        x = rng.normal(size=n)
        expected = (A + A.T) / 2  # the student's hessian can reach A through f's defaults
        what = (
            f"the Hessian of 0.5 x^T A x + b.x in R^{n}, with A of shape ({n}, {n}) not symmetric"
        )
        got = assert_shape(
            call(hessian, lambda y, A=A, b=b: 0.5 * y @ A @ y + b @ y, x, what=what),
            (n, n),
            what=what,
        )
        off = ~np.eye(n, dtype=bool)
        hint = matching_hint(
            got,
            [
                (
                    np.where(off, 2 * expected, expected),
                    "the mixed partials are twice too "
                    "large: the 4-point formula divides by 4 h**2.",
                ),
                (
                    np.diag(np.diag(expected)),
                    "the mixed partials (off the diagonal) are "
                    "missing: H[i, j] for i != j comes from the 4-point formula.",
                ),
            ],
            "the Hessian of 0.5 x^T A x is (A + A^T) / 2: check the diagonal and the mixed "
            "partials separately.",
            rtol=1e-4,
            atol=1e-4,
        )
        assert_close(got, expected, rtol=1e-5, atol=1e-5, what=what, hint=hint)


@test_case(points=1, hidden=True)
def test_random_functions(hessian):
    rng = np.random.default_rng(572)
    for n in [1, 2, 4]:
        f, _, hess = _family(rng, n)
        x = rng.normal(size=n)
        expected = hess(x)
        what = f"the Hessian of a random smooth function in R^{n}"
        got = assert_shape(call(hessian, f, x.copy(), what=what), (n, n), what=what)
        gap = float(np.max(np.abs(got - expected)))
        if gap < 3e-3:  # close but not close enough: the error of a one-sided formula
            hint = (
                "your values are off by about h = 1e-4: a one-sided (forward) formula has "
                "error O(h); the central formulas of the prompt have error O(h**2)."
            )
        else:
            hint = (
                "check the diagonal and the mixed partials separately against the "
                "formulas of the prompt (the signs, the steps +-h and the 4 h**2)."
            )
        assert_close(got, expected, rtol=1e-5, atol=1e-5, what=what, hint=hint)


@test_case(points=1, hidden=True)
def test_symmetric(hessian):
    rng = np.random.default_rng(573)
    for scale in [1.0, 1e3]:
        f, _, _ = _family(rng, 5, k=5, scale=scale)
        x = rng.normal(size=5)
        got = assert_shape(
            call(hessian, f, x, what="a point in R^5"), (5, 5), what="the Hessian in R^5"
        )
        gap = float(np.max(np.abs(got - got.T)))
        if not gap == 0.0:
            _fail(
                f"hessian: your Hessian is not exactly symmetric, max |H - H^T| = {gap:.2e}. "
                "Two separate estimates of the same mixed partial need not agree to the last "
                "bit; compute it once for i <= j and store it in both places, or return "
                "(H + H.T) / 2."
            )


@test_case(points=0.5, hidden=True)
def test_uses_the_given_step(hessian):
    rng = np.random.default_rng(574)
    n = 3
    f, _, _ = _family(rng, n)
    x = rng.normal(size=n)
    off = ~np.eye(n, dtype=bool)
    for h in [0.1, 0.03]:
        four = _four_point(f, x, h)
        three = _three_point_diagonal(f, x, h)
        got = assert_shape(
            call(hessian, f, x.copy(), h, what=f"a point in R^3 with h={h}"),
            (n, n),
            what=f"hessian(f, x, h={h})",
        )
        hint = matching_hint(
            got[off],
            [
                (
                    _four_point(f, x, 1e-4)[off],
                    "you ignored the h argument (these are the mixed "
                    "partials of the default step 1e-4).",
                )
            ],
            "use the h you are given: the mixed partial steps by +-h along e_i and e_j and "
            "divides by 4 h**2.",
            rtol=1e-6,
        )
        assert_close(
            got[off],
            four[off],
            rtol=1e-8,
            atol=1e-10,
            what=f"the mixed partials of hessian(f, x, h={h})",
            hint=hint,
        )
        diagonal = np.diag(got)
        if not (
            np.allclose(diagonal, np.diag(four), rtol=1e-8, atol=1e-10)
            or np.allclose(diagonal, three, rtol=1e-8, atol=1e-10)
        ):
            _fail(
                f"hessian(f, x, h={h}): the diagonal matches neither formula of the prompt "
                "with this h: (f(x + 2h e_i) - 2 f(x) + f(x - 2h e_i)) / (4 h**2) or "
                "(f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h**2."
            )


@test_case(points=0.5, hidden=True)
def test_integer_point(hessian):
    rng = np.random.default_rng(575)
    f, _, hess = _family(rng, 3)
    for x in [np.array([1, 0, -1]), [0, 2, 1]]:
        point = np.array(x, dtype=float)
        expected = hess(point)
        kind = "an int array" if isinstance(x, np.ndarray) else "a list of ints"
        hint = "convert x to a float array first: an int array cannot hold x_i + h."
        got = call(hessian, f, x, what=f"x given as {kind}", hint=hint)
        if not np.array_equal(x, point):
            _fail(f"hessian changed the x it was given ({kind}): step a float copy.")
        got = assert_shape(got, (3, 3), what=f"the Hessian at {kind}")
        if np.max(np.abs(got - expected)) < 1e3:
            hint = "compare with the formulas of the prompt, as for a float x."
        assert_close(got, expected, rtol=1e-5, atol=1e-5, what=f"the Hessian at {kind}", hint=hint)
