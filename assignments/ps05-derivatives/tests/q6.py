OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - J has shape (m, n), outputs x inputs, J[i, j] = dF_i / dx_j: test_linear_maps; variant
#   "transposed Jacobian".
# - shape (m, n) also when m = 1 or n = 1 (a 1 x n row, an m x 1 column): test_linear_maps;
#   variant "squeezes the result" (shape (n,) for m = 1).
# - F may return a list: test_nonlinear_maps.
# - central differences with exactly the step h: test_uses_the_given_step; variants
#   "forward differences", "divides by h".
# - x may be a list or an int array; convert it to float: test_uses_the_given_step (int x);
#   variant "steps a copy of x without converting to float".
# - never modify the caller's x (bit for bit) and always call F with a 1-D float array:
#   test_float_input_untouched; variants "perturbs the caller's float x in place and
#   restores it by adding h back", "steps a Python list copy of x, so F receives lists".

import numpy as np
from evidence import ArgumentLog, matching_hint
from otter.test_files import test_case
from smooth_functions import random_smooth_function as _family

from mlmath_checks import assert_close, assert_shape, call

name = "q6"
points = 5


def _fail(message):
    """Fail the test case with a message for the student."""
    raise AssertionError(message)


def _jacobian_shape(got, m, n, what):
    shape = np.shape(np.asarray(got, dtype=float))
    if shape == (n, m) and m != n:
        _fail(
            f"{what} has shape {shape}, the transpose: J has one row per output F_i and one "
            f"column per input x_j, shape (m, n) = ({m}, {n})."
        )
    if shape != (m, n) and np.size(got) == m * n:
        _fail(
            f"{what} has shape {shape}; it should be ({m}, {n}) even when m or n is 1 "
            "(do not squeeze: a 1 x n Jacobian is a row, an m x 1 one is a column)."
        )
    return assert_shape(got, (m, n), what=what)


@test_case(points=1, hidden=False)
def test_by_hand(jacobian):
    def F(x):
        return np.array([x[0] * x[1], x[0] + 2 * x[1], x[1] ** 2])

    got = _jacobian_shape(
        call(jacobian, F, np.array([1.0, 2.0])), 3, 2, "the Jacobian of F: R^2 -> R^3"
    )
    assert_close(
        got,
        [[2.0, 1.0], [1.0, 2.0], [0.0, 4.0]],
        rtol=1e-6,
        atol=1e-8,
        reveal=True,
        what="the Jacobian of (x0 x1, x0 + 2 x1, x1**2) at (1, 2)",
        hint="J[i, j] = dF_i / dx_j: column j is (F(x + h e_j) - F(x - h e_j)) / (2h).",
    )


@test_case(points=1, hidden=True)
def test_linear_maps(jacobian):
    rng = np.random.default_rng(561)
    for m, n in [(3, 5), (1, 4), (4, 1), (3, 3), (1, 1)]:
        A = rng.normal(size=(m, n))
        c = rng.normal(size=m)
        x = rng.normal(size=n)
        expected = A.copy()  # the student's jacobian can reach A through F's defaults
        what = f"the Jacobian of a linear map R^{n} -> R^{m}"
        got = _jacobian_shape(
            call(jacobian, lambda y, A=A, c=c: A @ y + c, x, what=what), m, n, what
        )
        hint = matching_hint(
            got,
            [(expected.T, "you returned the transpose: J[i, j] = dF_i / dx_j.")],
            "the Jacobian of A x + c is A itself; column j is (F(x + h e_j) - F(x - h e_j)) "
            "/ (2h).",
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-8,
            what=f"the Jacobian of x -> A x + c (A of shape {(m, n)})",
            hint=hint,
        )


@test_case(points=1, hidden=True)
def test_nonlinear_maps(jacobian):
    rng = np.random.default_rng(562)
    for m, n in [(4, 3), (2, 6)]:
        parts = [_family(rng, n) for _ in range(m)]
        x = rng.normal(size=n)
        expected = np.array([g(x) for _, g, _ in parts])
        what = f"a nonlinear map R^{n} -> R^{m} whose F returns a list"
        got = _jacobian_shape(
            call(
                jacobian,
                lambda y, parts=parts: [p(y) for p, _, _ in parts],
                x.copy(),
                what=what,
                hint="F may return a list: convert its result with np.asarray.",
            ),
            m,
            n,
            what,
        )
        assert_close(
            got,
            expected,
            rtol=1e-6,
            atol=1e-7,
            what=f"the Jacobian of a nonlinear map R^{n} -> R^{m} (F returns a list)",
            hint="row i is the gradient of F_i; use central differences, divided by 2h.",
        )


@test_case(points=1, hidden=True)
def test_uses_the_given_step(jacobian):
    rng = np.random.default_rng(563)
    parts = [_family(rng, 3) for _ in range(2)]

    def F(y):
        return np.array([p(y) for p, _, _ in parts])

    for x, h in [(np.array([1, 0, -1]), 0.05), ([2, -1, 0], 0.2)]:
        point = np.asarray(x, dtype=float)
        expected = np.column_stack(
            [(F(point + h * e) - F(point - h * e)) / (2 * h) for e in np.eye(3)]
        )
        forward = np.column_stack([(F(point + h * e) - F(point)) / h for e in np.eye(3)])
        kind = "an int array" if isinstance(x, np.ndarray) else "a list of ints"
        hint_int = "convert x to a float array first: an int array cannot hold x_j + h."
        got = call(jacobian, F, x, h, what=f"x given as {kind}, h={h}", hint=hint_int)
        if not np.array_equal(x, point):
            _fail(f"jacobian changed the x it was given ({kind}): step a float copy.")
        got = _jacobian_shape(got, 2, 3, f"jacobian(F, x, h={h}) at {kind}")
        hint = matching_hint(
            got,
            [
                (2 * expected, "every entry is twice too large: divide by 2h, not h."),
                (
                    forward,
                    "this is the forward difference; use the central one, "
                    "(F(x + h e_j) - F(x - h e_j)) / (2h).",
                ),
                (np.zeros((2, 3)), "every entry is 0: " + hint_int),
            ],
            "step x_j by exactly +h and -h and divide by 2h.",
            rtol=1e-8,
        )
        assert_close(
            got, expected, rtol=1e-8, atol=1e-12, what=f"jacobian(F, x, h={h}) at {kind}", hint=hint
        )


@test_case(points=1, hidden=True)
def test_float_input_untouched(jacobian):
    rng = np.random.default_rng(564)
    n = 5
    parts = [_family(rng, n) for _ in range(3)]
    log = ArgumentLog(n)

    def F(y):
        return np.array([p(y) for p, _, _ in parts])

    x = rng.normal(size=n) * 3 + 0.1
    kept = x.copy()
    expected = np.array([g(x) for _, g, _ in parts])
    got = call(jacobian, log.strict(F), x, what="a float array x in R^5")
    if not np.array_equal(x, kept):
        _fail(
            "jacobian changed the caller's float array x (even x_j + h - h can differ "
            "from x_j in the last bit): step copies, e.g. x + h * e_j."
        )
    if log.problem is not None:
        _fail(
            f"jacobian called F with {log.problem}; F takes a 1-D float numpy array of "
            "length n. Step copies of np.asarray(x, dtype=float)."
        )
    assert_close(
        _jacobian_shape(got, 3, n, "the Jacobian of R^5 -> R^3"),
        expected,
        rtol=1e-6,
        atol=1e-7,
        what="the Jacobian of a map R^5 -> R^3",
    )
