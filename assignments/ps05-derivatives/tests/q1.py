OK_FORMAT = False

# Clauses of the prompt, each with the hidden case that checks it and the wrong variant
# that breaks it alone:
# - forward_diff is (f(x + h) - f(x)) / h: test_forward_random; variants "backward step",
#   "returns the central difference instead".
# - central_diff is (f(x + h) - f(x - h)) / (2h): test_central_random; variants "divides
#   by h", "only steps forward", "steps by h/2 both ways".
# - x is a number or an array, and the result has the shape of x: the random cases use
#   shapes (), (5,) and (2, 3); variant "forward_diff converts its result with float()".
# - exactly the given step h (three steps from 0.1 to 1e-3): test_central_random;
#   variant "central_diff ignores h and uses 1e-5".
# - integer x (a Python int or an int array), never changed: test_integer_points; variant
#   "forward_diff steps a copy of x in place (x_plus += h)", which fails on an int array.

import numpy as np
from evidence import matching_hint
from otter.test_files import test_case

from mlmath_checks import assert_close, call

name = "q1"
points = 6


def _scalar_function(rng):
    """A random smooth elementwise function: a*sin(w t) + c*exp(d t) + p t^3 + q t^2."""
    a, w, c, d, p, q = rng.uniform(0.5, 2.0, size=6) * rng.choice([-1, 1], size=6)

    def f(t):
        t = np.asarray(t, dtype=float)
        return a * np.sin(w * t) + c * np.exp(0.5 * d * t) + p * t**3 + q * t**2

    return f


@test_case(points=1, hidden=False)
def test_forward_by_hand(forward_diff):
    got = call(forward_diff, np.square, 3.0, 0.5)
    assert_close(
        got,
        6.5,
        rtol=1e-9,
        what="forward_diff(np.square, 3.0, 0.5)",
        reveal=True,
        hint="the forward difference is (f(x + h) - f(x)) / h = (3.5**2 - 3**2) / 0.5.",
    )


@test_case(points=1, hidden=False)
def test_central_by_hand(central_diff):
    got = call(central_diff, np.square, 3.0, 0.5)
    assert_close(
        got,
        6.0,
        rtol=1e-9,
        what="central_diff(np.square, 3.0, 0.5)",
        reveal=True,
        hint="the central difference is (f(x + h) - f(x - h)) / (2h): note the 2h.",
    )


@test_case(points=1.5, hidden=True)
def test_forward_random(forward_diff):
    rng = np.random.default_rng(501)
    for shape in [(), (5,), (2, 3)]:
        f = _scalar_function(rng)
        x = rng.uniform(-2, 2, size=shape)
        for h in [0.1, 0.02, 1e-3]:
            expected = (f(x + h) - f(x)) / h
            what = f"forward_diff on a random function, x of shape {shape}, h={h}"
            got = call(
                forward_diff,
                f,
                x.copy() if shape else float(x),
                h,
                what=what,
                hint="for an array x, compute with arrays: f is vectorized and the result "
                "has the shape of x (do not convert it with float()).",
            )
            hint = matching_hint(
                got,
                [
                    (
                        (f(x) - f(x - h)) / h,
                        "you computed the backward difference "
                        "(f(x) - f(x - h)) / h: step forward, to x + h.",
                    ),
                    (
                        (f(x + h) - f(x - h)) / (2 * h),
                        "you computed the central difference; "
                        "the forward one uses f(x + h) and f(x) only.",
                    ),
                    ((f(x) - f(x + h)) / h, "the sign is reversed: f(x + h) comes first."),
                ],
                "use exactly (f(x + h) - f(x)) / h with the given h.",
            )
            assert_close(got, expected, rtol=1e-8, atol=1e-10, what=what, hint=hint)


@test_case(points=1.5, hidden=True)
def test_central_random(central_diff):
    rng = np.random.default_rng(502)
    for shape in [(), (4,), (3, 2)]:
        f = _scalar_function(rng)
        x = rng.uniform(-2, 2, size=shape)
        for h in [0.1, 0.03, 1e-3]:
            expected = (f(x + h) - f(x - h)) / (2 * h)
            what = f"central_diff on a random function, x of shape {shape}, h={h}"
            got = call(
                central_diff,
                f,
                x.copy() if shape else float(x),
                h,
                what=what,
                hint="for an array x the result is an array of the same shape.",
            )
            hint = matching_hint(
                got,
                [
                    (
                        2 * expected,
                        "your values are twice too large: the two points are 2h "
                        "apart, so divide by 2h, not h.",
                    ),
                    (
                        (f(x + h) - f(x)) / h,
                        "you computed the forward difference: step both ways, to x + h and x - h.",
                    ),
                    (
                        (f(x + h / 2) - f(x - h / 2)) / (2 * h),
                        "you stepped by h/2; step by the full h both ways and divide by 2h.",
                    ),
                    (
                        (f(x + h / 2) - f(x - h / 2)) / h,
                        "you stepped by h/2 both ways: the "
                        "prompt's central difference steps by the full h, to x + h and x - h.",
                    ),
                ],
                "use exactly (f(x + h) - f(x - h)) / (2 * h) with the given h (the tests "
                "use steps from 0.1 to 1e-3, where the choice of h shows).",
            )
            assert_close(got, expected, rtol=1e-8, atol=1e-10, what=what, hint=hint)


@test_case(points=1, hidden=True)
def test_integer_points(forward_diff, central_diff):
    def cube(t):
        return np.asarray(t, dtype=float) ** 3

    x = np.array([-2, 0, 1, 3])
    kept = x.copy()
    h = 0.25
    forward = ((x + h) ** 3 - x**3.0) / h
    central = ((x + h) ** 3 - (x - h) ** 3.0) / (2 * h)
    hint = (
        "x may be an int array: compute x + h as a new float array (an int array cannot "
        "hold x + h in place), and never change the caller's x."
    )
    got = call(forward_diff, cube, x, h, what="an int array x = [-2, 0, 1, 3]", hint=hint)
    if not np.array_equal(x, kept):
        raise AssertionError("forward_diff changed the int array x it was given. " + hint)
    assert_close(
        got,
        forward,
        rtol=1e-12,
        what="forward_diff(t**3, [-2, 0, 1, 3], 0.25)",
        hint="use exactly (f(x + h) - f(x)) / h with the given h.",
    )
    got = call(central_diff, cube, x, h, what="an int array x = [-2, 0, 1, 3]", hint=hint)
    if not np.array_equal(x, kept):
        raise AssertionError("central_diff changed the int array x it was given. " + hint)
    assert_close(
        got,
        central,
        rtol=1e-12,
        what="central_diff(t**3, [-2, 0, 1, 3], 0.25)",
        hint="use exactly (f(x + h) - f(x - h)) / (2 * h) with the given h.",
    )
    got = call(forward_diff, cube, 2, h, what="the Python int x = 2", hint=hint)
    assert_close(
        got,
        (2.25**3 - 8) / h,
        rtol=1e-12,
        what="forward_diff(t**3, 2, 0.25)",
        hint="use exactly (f(x + h) - f(x)) / h with the given h.",
    )
