OK_FORMAT = False

import numpy as np
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


@test_case(points=2, hidden=True)
def test_forward_random(forward_diff):
    rng = np.random.default_rng(501)
    for shape in [(), (5,), (2, 3)]:
        f = _scalar_function(rng)
        x = rng.uniform(-2, 2, size=shape)
        for h in [0.1, 0.02, 1e-3]:
            expected = (f(x + h) - f(x)) / h
            got = call(forward_diff, f, x.copy() if shape else float(x), h)
            assert_close(
                got,
                expected,
                rtol=1e-8,
                atol=1e-10,
                what=f"forward_diff on a random function, x of shape {shape}, h={h}",
                hint="use exactly (f(x + h) - f(x)) / h: one step forward, divided by "
                "h; not the central formula and not the backward step f(x - h).",
            )


@test_case(points=2, hidden=True)
def test_central_random(central_diff):
    rng = np.random.default_rng(502)
    for shape in [(), (4,), (3, 2)]:
        f = _scalar_function(rng)
        x = rng.uniform(-2, 2, size=shape)
        for h in [0.1, 0.03, 1e-3]:
            expected = (f(x + h) - f(x - h)) / (2 * h)
            got = call(central_diff, f, x.copy() if shape else float(x), h)
            assert_close(
                got,
                expected,
                rtol=1e-8,
                atol=1e-10,
                what=f"central_diff on a random function, x of shape {shape}, h={h}",
                hint="use exactly (f(x + h) - f(x - h)) / (2 * h): the two points are "
                "2h apart, so divide by 2h (not h), and step both ways.",
            )
